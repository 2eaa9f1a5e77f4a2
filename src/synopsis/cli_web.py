"""The `synopsis report` and `synopsis serve` commands (registered into `synopsis.cli:main`)."""

from __future__ import annotations

import ipaddress

import click

from synopsis.config import SummarizerConfig
from synopsis.errors import DependencyError
from synopsis.files import write_text_atomic


@click.command("report")
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
    from synopsis.ingest import load_inputs
    from synopsis.report import render_report

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


@click.command("serve")
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

        from synopsis.web import ServiceSettings, create_app
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
