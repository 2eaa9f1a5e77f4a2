"""Synopsis: multi-document news summarization where every sentence names its sources."""

from synopsis.model.config import IngestConfig, SummarizerConfig
from synopsis.model.errors import ConfigError, InputError, SynopsisError
from synopsis.model.types import Article, DocumentSet, Sentence, Source, Summary, SummarySentence
from synopsis.pipeline import summarize, summarize_update

__all__ = [
    "Article",
    "ConfigError",
    "DocumentSet",
    "IngestConfig",
    "InputError",
    "Sentence",
    "Source",
    "SummarizerConfig",
    "Summary",
    "SummarySentence",
    "SynopsisError",
    "summarize",
    "summarize_update",
]
__version__ = "0.1.0"
