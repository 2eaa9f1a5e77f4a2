"""The service's page at `/` where a person pastes or uploads articles (inline CSS, no script)."""

from __future__ import annotations

from synopsis.render.html import asset, page_csp, template_environment

_CSS = "report.css"


def render_form_page(
    *, error: str | None, max_words: int, max_words_limit: int, max_articles: int, max_bytes: int
) -> str:
    """Render the service's page where a person pastes or uploads articles.

    Args:
        error: a message to show above the form, or None.
        max_words: the default summary length.
        max_words_limit: the largest summary length accepted.
        max_articles: the most articles per request.
        max_bytes: the largest request body.

    Returns:
        The HTML page (inline CSS, no script, posts to /report).
    """
    return (
        template_environment("synopsis.apps")
        .get_template("index.html.j2")
        .render(
            css=asset(_CSS),
            csp=page_csp(js=False),
            error=error,
            max_words=max_words,
            max_words_limit=max_words_limit,
            max_articles=max_articles,
            max_mb=f"{max_bytes / 1e6:g}",
        )
        + "\n"
    )
