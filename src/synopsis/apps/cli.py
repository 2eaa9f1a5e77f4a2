"""The `synopsis` command line; the only place errors become exit codes and one-line messages."""

from __future__ import annotations

import ipaddress
import logging
import os
import sys
from collections.abc import Iterable, Sequence

import click

from synopsis.apps.files import atomic_writer, write_text_atomic
from synopsis.model.config import IngestConfig, SummarizerConfig
from synopsis.model.errors import DependencyError, SynopsisError
from synopsis.model.types import Skipped
from synopsis.render import FORMATS, render

log = logging.getLogger("synopsis")

# `batch` exit status when some clusters failed but the others were written: distinct from the
# error hierarchy's codes (1 internal, 2 bad input or usage, 3 missing dependency) and from the
# count of failures, which the stderr line gives.
PARTIAL_FAILURE_EXIT = 4


def make_config(words: int, *, analyze: bool = True) -> SummarizerConfig:
    """Map CLI flags to the summarizer config (the one place that does it)."""
    return SummarizerConfig.from_mapping({"max_words": words, "analyze": analyze})


def _warn_skipped(skipped: Iterable[Skipped]) -> None:
    for item in skipped:
        log.warning("skipped %s: %s", item.article, item.why)


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
@click.option(
    "--max-file-mb",
    type=click.FloatRange(min=0.001),
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
    max_file_mb: float,
) -> None:
    """Summarize PATH... (folder, files, cluster JSONL[.gz], or - for stdin)."""
    from synopsis.ingest.readers import load_inputs
    from synopsis.pipeline import summarize

    ingest = IngestConfig.from_mapping({"max_file_bytes": int(max_file_mb * 1_000_000)})
    cluster = load_inputs(list(paths), cluster_id=cluster_id, config=ingest)
    summary = summarize(
        cluster.articles, make_config(words, analyze=not no_analysis), skipped=cluster.skipped
    )
    _warn_skipped(s for s in summary.skipped if s not in cluster.skipped)
    text = render(summary, fmt)
    if output:
        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False)


@cli.command("batch")
@click.argument("clusters", type=str)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@WORDS
@click.option("--workers", type=click.IntRange(min=0), default=0, help="Processes (0: per CPU).")
@click.option("--backend", type=click.Choice(["process", "ray"]), default="process")
@click.option("--ray-address", help="Ray cluster to join with --backend ray (default: local).")
@click.option("--analysis/--no-analysis", default=False, help="Also run the cross-source analysis.")
def batch_command(
    clusters: str,
    output: str,
    words: int,
    workers: int,
    backend: str,
    ray_address: str | None,
    analysis: bool,
) -> None:
    """Summarize every line of a cluster JSONL[.gz] file into OUTPUT, one line each, in order.

    Clusters that fail get an {"id", "error"} line and the run goes on; the exit status is then 4.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from synopsis.apps.batch import dumps, run_batch
    from synopsis.ingest.readers import iter_clusters

    items = iter_clusters(clusters)
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
            config=make_config(words, analyze=analysis),
            workers=workers,
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
    click.echo(f"{scores.scorer}, {scores.n} clusters, {words} words{flags}\n")
    click.echo(scores.to_markdown())


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
def report_command(paths: tuple[str, ...], output: str, words: int | None) -> None:
    """Summarize the articles in PATH... and write a self-contained HTML report."""
    from synopsis import pipeline
    from synopsis.ingest.readers import load_inputs
    from synopsis.render.html import render_report

    config = SummarizerConfig() if words is None else SummarizerConfig(max_words=words)
    cluster = load_inputs(paths)
    summary = pipeline.summarize(cluster.articles, config, skipped=cluster.skipped)
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
def serve_command(host: str, port: int, workers: int, timeout: float) -> None:
    """Serve the summarizer over HTTP (JSON API, HTML reports, and a form page on /)."""
    try:
        import uvicorn

        from synopsis.apps.web import ServiceSettings, create_app
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
    app = create_app(ServiceSettings(workers=workers, request_timeout=timeout))
    uvicorn.run(app, host=host, port=port, log_level="info")


class _StderrLine(logging.Handler):
    """Writes each record as one line to whatever `sys.stderr` is at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        sys.stderr.write(f"synopsis: {record.levelname.lower()}: {message}\n")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI, turning errors into one line on stderr and an exit code."""
    if not any(isinstance(h, _StderrLine) for h in log.handlers):
        log.addHandler(_StderrLine())
    log.setLevel(logging.WARNING)
    log.propagate = False
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="synopsis",
            standalone_mode=False,
        )
    except SynopsisError as exc:
        click.echo(f"synopsis: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("synopsis: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        hint = f" (see: {ctx.command_path} --help)" if ctx is not None else ""
        message = " ".join(exc.format_message().split())
        click.echo(f"synopsis: error: {message}{hint}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("synopsis: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
