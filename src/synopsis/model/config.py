"""Typed settings objects; each rejects unknown keys and out-of-range values."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self

from synopsis.model.errors import ConfigError


class _Strict:
    """Mixin: build from a mapping, rejecting keys the dataclass does not declare."""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Self:
        """Build a config from a mapping.

        Args:
            data: setting names to values.

        Returns:
            The config.

        Raises:
            ConfigError: a key is unknown or a value is invalid.
        """
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(set(data) - names)
        if unknown:
            raise ConfigError(
                f"unknown setting(s) {', '.join(unknown)} for {cls.__name__}; "
                f"known: {', '.join(sorted(names))}"
            )
        return cls(**data)


def _check_range(name: str, value: float, lo: float, hi: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise ConfigError(f"{name} must be a number from {lo:g} to {hi:g}, got {value!r}")


@dataclass(frozen=True)
class IngestConfig(_Strict):
    """How inputs are read."""

    max_file_bytes: int = 20_000_000
    html_timeout: float = 30.0
    workers: int = 2

    def __post_init__(self) -> None:
        _check_range("max_file_bytes", self.max_file_bytes, 1, 10**10)
        _check_range("html_timeout", self.html_timeout, 0.1, 3600)
        _check_range("workers", self.workers, 1, 256)


# Longest focus question accepted, in characters (a DUC 2007 title and narrative is under 600).
MAX_FOCUS_CHARS = 4_000


@dataclass(frozen=True)
class SummarizerConfig(_Strict):
    """How a story is summarized."""

    max_words: int = 100
    clean: bool = True
    compress: bool = True
    position_prior: bool = True
    unigram_concepts: bool = True
    drop_promotional: bool = True
    solver: str = "ilp"
    analyze: bool = True
    solver_node_limit: int = 2_000
    focus: str | None = None
    rewrite: bool = True
    off_story: bool = True
    semantic: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.max_words, bool) or not isinstance(self.max_words, int):
            raise ConfigError(f"max_words must be a whole number, got {self.max_words!r}")
        if self.max_words < 1:
            raise ConfigError(f"max_words must be at least 1, got {self.max_words}")
        _check_range("solver_node_limit", self.solver_node_limit, 1, 10**7)
        if not isinstance(self.solver_node_limit, int):
            raise ConfigError(
                f"solver_node_limit must be a whole number, got {self.solver_node_limit!r}"
            )
        if self.focus is not None:
            if not isinstance(self.focus, str) or not self.focus.strip():
                raise ConfigError(
                    f"focus must be a question in words (e.g. a topic title and narrative), "
                    f"got {self.focus!r}"
                )
            if len(self.focus) > MAX_FOCUS_CHARS:
                raise ConfigError(
                    f"focus is {len(self.focus)} characters; keep the question under "
                    f"{MAX_FOCUS_CHARS}"
                )
        if self.solver not in ("ilp", "greedy"):
            raise ConfigError(f"solver must be 'ilp' or 'greedy', got {self.solver!r}")
