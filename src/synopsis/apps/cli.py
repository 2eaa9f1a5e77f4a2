"""The `synopsis` command line; the only place errors become exit codes and one-line messages."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import math
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from types import FrameType
from typing import Any, NoReturn

import click

from synopsis.apps import stories_cli
from synopsis.apps.files import (
    atomic_writer,
    remove_pending,
    silence_stdout,
    write_stdout,
    write_text_atomic,
)
from synopsis.model.config import IngestConfig, SummarizerConfig
from synopsis.model.errors import DependencyError, InputError, SynopsisError
from synopsis.model.types import Skipped
from synopsis.render import FORMATS, render

log = logging.getLogger("synopsis")

# `batch` exit status when some clusters failed but the others were written: distinct from the
# error hierarchy's codes (1 internal, 2 bad input or usage, 3 missing dependency) and from the
# count of failures, which the stderr line gives.
PARTIAL_FAILURE_EXIT = 4
# Ctrl-C, and the conventional 128 + signal number for the signals turned into exceptions.
INTERRUPTED_EXIT = 130
# Largest --max-file-mb: far beyond any article, small enough that bytes fit comfortably in int.
MAX_FILE_MB = 100_000.0


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwinds like Ctrl-C, so partial output files are removed.

    A BaseException, so that no `except Exception` on the way swallows it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# Seconds the orderly unwinding after SIGTERM/SIGHUP may take (removing the partial output,
# stopping worker processes) before the process removes its temporary files, kills its workers
# and exits at once: raising from a signal handler can land inside a library's lock (the process
# pool's), and unwinding must never hang. Unwinding takes well under a second in the tests.
HARD_EXIT_SECONDS = 5.0


def _stop_now(signum: int) -> NoReturn:
    """Exit at once: remove partial outputs, kill worker processes, say why on one line."""
    remove_pending()
    for child in multiprocessing.active_children():
        with contextlib.suppress(Exception):
            child.kill()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    with contextlib.suppress(Exception):
        name = signal.Signals(signum).name
        sys.stderr.write(f"synopsis: stopped by {name}; no partial output was left\n")
        sys.stderr.flush()
    os._exit(128 + signum)


def _raise_terminated(signum: int, _frame: FrameType | None) -> None:
    watchdog = threading.Timer(HARD_EXIT_SECONDS, _stop_now, args=(signum,))
    watchdog.daemon = True
    watchdog.start()
    raise Terminated(signum)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into `Terminated` while the command runs (main thread only)."""
    wanted = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    old: dict[int, Any] = {}
    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        for signum in wanted:
            old[signum] = signal.signal(signum, _raise_terminated)
    try:
        yield
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler)


class FiniteFloat(click.ParamType[float]):
    """A finite number from `low` to `high` (click's FloatRange lets nan and inf through)."""

    name = "number"

    def __init__(self, low: float, high: float) -> None:
        self.low, self.high = low, high

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        """The value as a float, or a usage error saying which numbers are accepted."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number) or not self.low <= number <= self.high:
            self.fail(f"{value!r} is not a number from {self.low:g} to {self.high:g}", param, ctx)
        return number


def make_config(
    words: int | None,
    *,
    analyze: bool = True,
    focus: str | None = None,
    keep_off_story: bool = False,
    no_semantic: bool = False,
) -> SummarizerConfig:
    """Map CLI flags to the summarizer config (the one place that does it)."""
    return SummarizerConfig.from_mapping(
        {
            **({} if words is None else {"max_words": words}),
            "analyze": analyze,
            "focus": focus,
            "off_story": not keep_off_story,
            "semantic": not no_semantic,
        }
    )


def _warn_skipped(skipped: Iterable[Skipped]) -> None:
    for item in skipped:
        log.warning("skipped %s: %s", item.article, item.why)


SINCE = click.option(
    "--since",
    "since",
    multiple=True,
    metavar="SEEN",
    help="Articles the reader has already read (same kinds as PATH; repeat for several): "
    "summarize only what PATH adds to them.",
)
FOCUS = click.option(
    "--focus",
    metavar="QUESTION",
    help="A question (e.g. a topic title and narrative) the summary should answer.",
)
KEEP_OFF_STORY = click.option(
    "--keep-off-story",
    is_flag=True,
    help="Summarize every article, even one that shares almost no words with the others "
    "(by default such a page is set aside, with its reason, among the skipped inputs).",
)
NO_SEMANTIC = click.option(
    "--no-semantic",
    is_flag=True,
    help="Weigh repetition by shared words only, without the sentence encoder of the "
    "'semantic' extra (which loads once per process and costs 0.25-0.5 s a story).",
)
WORDS = click.option(
    "--words",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Word budget of the summary (whole sentences, never more).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="synopsis")
def cli() -> None:
    """Summarize many news articles about one story; every sentence cites its sources."""


@cli.command("summarize")
@click.argument("paths", nargs=-1, required=True)
@WORDS
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically).")
@click.option("--id", "cluster_id", help="Which cluster of a multi-line JSONL file.")
@click.option("--no-analysis", is_flag=True, help="Skip entities, numbers and timeline.")
@SINCE
@FOCUS
@KEEP_OFF_STORY
@NO_SEMANTIC
@click.option(
    "--max-file-mb",
    type=FiniteFloat(0.001, MAX_FILE_MB),
    default=20.0,
    show_default=True,
    help="Skip input files larger than this.",
)
def summarize_command(
    paths: tuple[str, ...],
    words: int,
    fmt: str,
    output: str | None,
    cluster_id: str | None,
    no_analysis: bool,
    since: tuple[str, ...],
    focus: str | None,
    keep_off_story: bool,
    no_semantic: bool,
    max_file_mb: float,
) -> None:
    """Summarize PATH... (folder, files, cluster JSONL[.gz], or - for stdin).

    With --since SEEN, only what PATH adds to SEEN; with --focus, an answer to the question.
    """
    from synopsis.ingest.readers import load_inputs
    from synopsis.pipeline import summarize

    ingest = IngestConfig.from_mapping({"max_file_bytes": int(max_file_mb * 1_000_000)})
    cluster = load_inputs(list(paths), cluster_id=cluster_id, config=ingest)
    seen = load_inputs(list(since), config=ingest) if since else None
    summary = summarize(
        cluster.articles,
        make_config(
            words,
            analyze=not no_analysis,
            focus=focus,
            keep_off_story=keep_off_story,
            no_semantic=no_semantic,
        ),
        skipped=[*cluster.skipped, *(seen.skipped if seen else ())],
        since=seen.articles if seen else None,
    )
    _warn_skipped(s for s in summary.skipped if s not in cluster.skipped)
    text = render(summary, fmt)
    if output:
        write_text_atomic(output, text)
    else:
        write_stdout(text)


@cli.command("batch")
@click.argument("clusters", type=str)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@WORDS
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    help="Processes (0: one per CPU); capped at the CPU count unless --oversubscribe.",
)
@click.option(
    "--oversubscribe",
    is_flag=True,
    help="Allow --workers above the CPU count (at most 256), e.g. for a remote Ray cluster.",
)
@click.option("--backend", type=click.Choice(["process", "ray"]), default="process")
@click.option("--ray-address", help="Ray cluster to join with --backend ray (default: local).")
@click.option("--analysis/--no-analysis", default=False, help="Also run the cross-source analysis.")
@click.option(
    "--since-from-data",
    is_flag=True,
    help="Summarize only what each line adds to the documents its previous_document_ids name "
    "(taken from earlier lines of the file).",
)
@click.option(
    "--focus-from-data",
    is_flag=True,
    help="Answer each line's topic {title, narrative} as a focus question.",
)
@NO_SEMANTIC
def batch_command(
    clusters: str,
    output: str,
    words: int,
    workers: int,
    oversubscribe: bool,
    backend: str,
    ray_address: str | None,
    analysis: bool,
    since_from_data: bool,
    focus_from_data: bool,
    no_semantic: bool,
) -> None:
    """Summarize every line of a cluster JSONL[.gz] file into OUTPUT, one line each, in order.

    Clusters that fail get an {"id", "error"} line and the run goes on; the exit status is then 4.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from synopsis.apps.batch import dumps, line_modes, run_batch, with_modes, worker_count
    from synopsis.ingest.readers import iter_clusters

    count = worker_count(workers, oversubscribe=oversubscribe)
    if workers > count:
        log.warning(
            "--workers %d is more than the %d CPUs; using %d (--oversubscribe allows more)",
            workers,
            count,
            count,
        )
    items = iter_clusters(clusters)
    if since_from_data or focus_from_data:
        modes = line_modes(clusters, since=since_from_data, focus=focus_from_data)
        items = with_modes(items, modes)
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
        disable=not sys.stderr.isatty() and os.environ.get("SYNOPSIS_PROGRESS") != "1",
    )
    with atomic_writer(output) as stream, progress:
        task = progress.add_task("summarizing", total=None)
        result = run_batch(
            items,
            lambda record: stream.write(dumps(record)),
            config=make_config(words, analyze=analysis, no_semantic=no_semantic),
            workers=count,
            backend=backend,
            on_done=lambda: progress.advance(task),
            ray_address=ray_address,
        )
    click.echo(f"{result.total} clusters, {result.failed} failed -> {output}", err=True)
    if result.failed:
        sys.exit(PARTIAL_FAILURE_EXIT)


@cli.command("eval")
@click.argument("clusters", type=str)
@WORDS
@click.option(
    "--scorer",
    type=click.Choice(["official", "rouge-score"]),
    default="official",
    show_default=True,
)
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N clusters.")
def eval_command(clusters: str, words: int, scorer: str, limit: int | None) -> None:
    """ROUGE-1/2/L of Synopsis against the references in a cluster JSONL[.gz] file."""
    from synopsis.evaluation.rouge import evaluate_clusters
    from synopsis.ingest.readers import read_clusters
    from synopsis.pipeline import summarize

    items = read_clusters(clusters)[:limit]
    config = make_config(words, analyze=False)
    scores = evaluate_clusters(
        items, lambda c: summarize(c.articles, config), max_words=words, scorer=scorer
    )
    flags = f"; flags {scores.settings}" if scores.settings else ""
    write_stdout(f"{scores.scorer}, {scores.n} clusters, {words} words{flags}\n\n")
    write_stdout(scores.to_markdown() + "\n")


@cli.command("report")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="HTML file to write (replaced atomically).",
)
@click.option(
    "--words",
    type=click.IntRange(min=1),
    default=None,
    help="Summary length in words (default: the summarizer's default).",
)
@SINCE
@FOCUS
@KEEP_OFF_STORY
@NO_SEMANTIC
def report_command(
    paths: tuple[str, ...],
    output: str,
    words: int | None,
    since: tuple[str, ...],
    focus: str | None,
    keep_off_story: bool,
    no_semantic: bool,
) -> None:
    """Summarize the articles in PATH... and write a self-contained HTML report.

    With --since SEEN, only what PATH adds to SEEN; with --focus, an answer to the question.
    """
    from synopsis import pipeline
    from synopsis.ingest.readers import load_inputs
    from synopsis.render.html import render_report

    config = make_config(words, focus=focus, keep_off_story=keep_off_story, no_semantic=no_semantic)
    cluster = load_inputs(paths)
    seen = load_inputs(list(since)) if since else None
    summary = pipeline.summarize(
        cluster.articles,
        config,
        skipped=[*cluster.skipped, *(seen.skipped if seen else ())],
        since=seen.articles if seen else None,
    )
    write_text_atomic(output, render_report(summary))
    click.echo(
        f"wrote {output}: {summary.words} words from {len(summary.articles)} articles",
        err=True,
    )


def _is_loopback(host: str) -> bool:
    """True when `host` names only this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; the default accepts connections from this machine only.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Summarizer worker processes (jobs run in parallel, one per process).",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0.01, 3600),
    help="Seconds a request may take before it is answered 504.",
)
@click.option(
    "--header-timeout",
    default=10.0,
    show_default=True,
    type=FiniteFloat(0.01, 3600),
    help="Seconds a connection has to send a request's headers before it is closed.",
)
@click.option(
    "--body-timeout",
    default=30.0,
    show_default=True,
    type=FiniteFloat(0.01, 3600),
    help="Seconds a request has to send its body before it is answered 408 and dropped.",
)
@click.option(
    "--max-uploads",
    default=8,
    show_default=True,
    type=click.IntRange(1, 10_000),
    help="Request bodies received at the same time; one more is answered 503.",
)
def serve_command(
    host: str,
    port: int,
    workers: int,
    timeout: float,
    header_timeout: float,
    body_timeout: float,
    max_uploads: int,
) -> None:
    """Serve the summarizer over HTTP (JSON API, HTML reports, and a form page on /)."""
    try:
        import uvicorn

        from synopsis.apps.web import ServiceSettings, create_app
        from synopsis.apps.web_guard import listen, uvicorn_options
    except ImportError as exc:
        raise DependencyError(
            f"synopsis serve needs the web extras ({exc.name} is missing); "
            "install them with: pip install 'synopsis[web]'"
        ) from exc
    if not _is_loopback(host):
        click.echo(
            f"warning: binding {host} makes the service reachable from other machines; "
            "it has no authentication",
            err=True,
        )
    try:  # bind first: a busy port is the user's to fix, with a line saying so (exit 2)
        sock = listen(host, port)
    except OSError as exc:
        raise InputError(
            f"cannot listen on {host} port {port}: {exc.strerror or exc}; "
            "stop what uses it or choose another --port"
        ) from None
    settings = ServiceSettings(
        workers=workers,
        request_timeout=timeout,
        header_timeout=header_timeout,
        body_timeout=body_timeout,
        max_uploads=max_uploads,
    )
    options = uvicorn_options(settings.header_timeout, settings.max_connections)
    config = uvicorn.Config(create_app(settings), log_level="info", **options)
    bound = sock.getsockname()[1]
    click.echo(f"synopsis: serving http://{host}:{bound} (Ctrl-C to stop)", err=True)
    with sock:
        uvicorn.Server(config).run(sockets=[sock])


class _StderrLine(logging.Handler):
    """Writes each record as one line to whatever `sys.stderr` is at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        sys.stderr.write(f"synopsis: {record.levelname.lower()}: {message}\n")


cli.add_command(stories_cli.stories)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI, turning errors into one line on stderr and an exit code."""
    if not any(isinstance(h, _StderrLine) for h in log.handlers):
        log.addHandler(_StderrLine())
    log.setLevel(logging.WARNING)
    log.propagate = False
    try:
        with _signals_raise():
            cli.main(
                args=list(argv) if argv is not None else None,
                prog_name="synopsis",
                standalone_mode=False,
            )
            write_stdout("")  # flush now, where a full disk is still a one-line error
    except SynopsisError as exc:
        click.echo(f"synopsis: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except Terminated as exc:
        # Exit without interpreter shutdown: concurrent.futures joins its threads at exit, which
        # can wait on a pool the signal interrupted.
        _stop_now(exc.signum)
    except click.exceptions.Abort:
        click.echo("synopsis: interrupted", err=True)
        sys.exit(INTERRUPTED_EXIT)
    except click.ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        hint = f" (see: {ctx.command_path} --help)" if ctx is not None else ""
        message = " ".join(exc.format_message().split())
        click.echo(f"synopsis: error: {message}{hint}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("synopsis: interrupted", err=True)
        sys.exit(INTERRUPTED_EXIT)
    except BrokenPipeError:
        silence_stdout()
        sys.stderr.close()
        sys.exit(1)
