"""Safe output for `-o` and stdout: a reader sees the old file or the whole new one, never half.

What `-o PATH` does with what is already at PATH:

- nothing, or a regular file: the output goes to a temporary file beside it, is flushed and
  fsync'ed, and renamed over PATH; an existing file keeps its permission bits (a 0600 file stays
  0600) and, when the process may, its owner;
- a symlink: written *through*: the file the link points to is replaced atomically as above and
  the link itself is left in place;
- a character device or a FIFO (`/dev/null`, `/dev/stdout`, a pipe from `>(...)`): written
  through as a stream, never replaced (such a target cannot be written atomically);
- a directory, a block device or a socket: refused with one line (`InputError`, exit 2), nothing
  written.

A failed write (disk full, I/O error) removes the temporary file and raises `OutputError` (exit 5);
SIGTERM and SIGHUP are turned into exceptions by the CLI (`synopsis.apps.cli`), so the temporary
file is removed then too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from synopsis.model.errors import InputError, SynopsisError


class OutputError(SynopsisError):
    """The output cannot be written: the target is refused, or the disk is full or failing."""

    # Distinct from bad input (2): the input was fine, the place to put the result was not.
    exit_code = 5


def _cannot_write(target: str, exc: OSError) -> OutputError:
    """An OutputError naming the target and the system's reason."""
    reason = exc.strerror or str(exc)
    hint = "free some space or choose another -o" if exc.errno == errno.ENOSPC else "check it"
    return OutputError(f"cannot write {target}: {reason}; {hint}")


class OutputStream:
    """A text stream whose write failures (disk full, I/O error) become `OutputError`.

    Only the writes are converted, so an OSError raised by other code inside an
    `atomic_writer` block (reading the input, say) keeps its own meaning.
    """

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        """Write `text`; raise OutputError naming the target when the system refuses."""
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise _cannot_write(self._name, exc) from None


@contextlib.contextmanager
def _stream_through(path: Path) -> Iterator[OutputStream]:
    """Write straight into a character device or FIFO, which is kept as it is."""
    try:
        stream = path.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise _cannot_write(str(path), exc) from None
    try:
        yield OutputStream(stream, str(path))
        try:
            stream.flush()
        except OSError as exc:
            raise _cannot_write(str(path), exc) from None
    finally:
        _close_quietly(stream)


def _close_quietly(stream: TextIO) -> None:
    """Close `stream`; after a failed write its buffer may fail to flush again: drop it."""
    with contextlib.suppress(OSError):
        stream.close()


def _existing_mode(target: Path) -> tuple[int, int, int] | None:
    """Permission bits, uid and gid of a regular file at `target` (None when there is none)."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _cannot_write(str(target), exc) from None
    return stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[OutputStream]:
    """Open `path` for output as the module docstring describes.

    Args:
        path: the destination given to `-o`.

    Yields:
        A UTF-8 text stream to write to.

    Raises:
        InputError: the destination is a directory, block device or socket, or its folder does
            not exist.
        OutputError: the folder is not writable, or writing failed (disk full, I/O error).
    """
    given = Path(path)
    try:
        info = given.stat()  # follows symlinks: what a write would reach
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot_write(str(given), exc) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            with _stream_through(given) as through:
                yield through
            return
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise InputError(f"{given} is {kind}; -o replaces only regular files, give a file name")
    # a symlink (even a dangling one) is written through: replace the file it points to
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{given}: folder {folder} does not exist; create it or choose another -o")
    keep = _existing_mode(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot_write(str(given), exc) from None
    _PENDING.add(tmp)
    try:
        stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        try:
            yield OutputStream(stream, str(given))
            try:
                stream.flush()
                os.fsync(stream.fileno())
            except OSError as exc:
                raise _cannot_write(str(given), exc) from None
        finally:
            _close_quietly(stream)
        try:
            _finish(tmp, target, keep)
        except OSError as exc:
            raise _cannot_write(str(given), exc) from None
    except BaseException:  # an error, Ctrl-C, or SIGTERM/SIGHUP turned into an exception
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        _PENDING.discard(tmp)


# Temporary files being written now; `remove_pending` deletes them when the process must stop
# at once (a signal whose orderly unwinding did not finish in time).
_PENDING: set[str] = set()


def remove_pending() -> None:
    """Delete every temporary output file still being written (for an immediate exit)."""
    for tmp in list(_PENDING):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _PENDING.discard(tmp)


def _finish(tmp: str, target: Path, keep: tuple[int, int, int] | None) -> None:
    """Give the temporary file its final mode (and owner) and rename it over `target`."""
    if keep is None:
        # mkstemp creates the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    else:
        mode, uid, gid = keep
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(tmp, uid, gid)
        os.chmod(tmp, mode)
    os.replace(tmp, target)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to `path` (UTF-8) by `atomic_writer`'s rules.

    Raises:
        InputError, OutputError: as `atomic_writer`.
    """
    with atomic_writer(path) as stream:
        stream.write(text)


def write_stdout(text: str) -> None:
    """Write `text` to standard output and flush it, turning a write failure into one line.

    Raises:
        BrokenPipeError: the reader went away (the CLI exits quietly).
        OutputError: standard output is full or failing (`> /dev/full`); stdout is pointed at
            /dev/null afterwards so the interpreter's final flush cannot fail again.
    """
    if sys.stdout is None:  # started with stdout closed: nothing to write to
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        silence_stdout()
        raise _cannot_write("standard output", exc) from None


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, dropping anything still buffered for it."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
