"""Types, settings and errors that every layer shares (the bottom layer: imports no synopsis)."""

from synopsis.model.config import IngestConfig, SummarizerConfig
from synopsis.model.errors import (
    ConfigError,
    DependencyError,
    EmptyInputError,
    InputError,
    SynopsisError,
)
from synopsis.model.types import (
    Analysis,
    Article,
    DocumentSet,
    Entity,
    NumberGroup,
    NumberValue,
    Sentence,
    Skipped,
    Source,
    Summary,
    SummarySentence,
    TimelineEvent,
)

__all__ = [
    "Analysis",
    "Article",
    "ConfigError",
    "DependencyError",
    "DocumentSet",
    "EmptyInputError",
    "Entity",
    "IngestConfig",
    "InputError",
    "NumberGroup",
    "NumberValue",
    "Sentence",
    "Skipped",
    "Source",
    "SummarizerConfig",
    "Summary",
    "SummarySentence",
    "SynopsisError",
    "TimelineEvent",
]
