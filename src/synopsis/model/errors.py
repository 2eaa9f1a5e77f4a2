"""Error hierarchy; only the CLI turns these into exit codes and one-line messages."""

from __future__ import annotations


class SynopsisError(Exception):
    """Base class: the message says what is wrong and what to do about it."""

    exit_code = 1


class InputError(SynopsisError):
    """A user-supplied file, field or value cannot be used."""

    exit_code = 2


class ConfigError(SynopsisError):
    """A setting is unknown or out of range."""

    exit_code = 2


class EmptyInputError(InputError):
    """Nothing summarizable was left after ingest and cleaning."""


class DependencyError(SynopsisError):
    """An optional dependency or system tool needed for this command is missing."""

    exit_code = 3
