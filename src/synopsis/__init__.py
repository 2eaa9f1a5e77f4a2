"""Synopsis: multi-document news summarization where every sentence names its sources."""

from synopsis.model.config import IngestConfig, SummarizerConfig
from synopsis.model.errors import ConfigError, InputError, SynopsisError
from synopsis.model.types import Article, Cluster, Sentence, Source, Summary, SummarySentence
from synopsis.pipeline import summarize

__all__ = [
    "Article",
    "Cluster",
    "ConfigError",
    "IngestConfig",
    "InputError",
    "Sentence",
    "Source",
    "SummarizerConfig",
    "Summary",
    "SummarySentence",
    "SynopsisError",
    "summarize",
]
__version__ = "0.1.0"
