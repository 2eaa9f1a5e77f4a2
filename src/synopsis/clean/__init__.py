"""Remove web boilerplate (login prompts, link lists, captions, tweet embeds, bylines)."""

from synopsis.clean.boilerplate import (
    LineVerdict,
    boilerplate_lines,
    boilerplate_reason,
    clean_articles,
    clean_text,
    shared_lines,
)

__all__ = [
    "LineVerdict",
    "boilerplate_lines",
    "boilerplate_reason",
    "clean_articles",
    "clean_text",
    "shared_lines",
]
