"""Atomic file writes: a reader (or an interrupted run) never sees a half-written file.

`write_output` is for paths a user names (`-o`, `--write-baseline`): it writes atomically
only over regular files, and never replaces a device, a FIFO or a symlink.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class AtomicFile:
    """A file written piece by piece to a temporary file beside `path` and renamed over it
    by `commit()`; closed without a commit (an error, an interrupt) it is removed, and
    `path` is as it was. The temporary file is created on the first write.

    The temporary file lives in the same directory so the rename never crosses a file
    system. `durable=False` skips the fsyncs, for caches that may be lost but not torn.
    """

    def __init__(self, path: Path, *, durable: bool = True):
        self.path = Path(path)
        self.durable = durable
        self._file = None
        self._tmp: str | None = None

    def write(self, data: bytes) -> None:
        if self._file is None:
            fd, self._tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
            self._file = os.fdopen(fd, "wb")
        self._file.write(data)

    def commit(self) -> None:
        self.write(b"")  # an empty report is a file too
        try:
            self._file.flush()
            if self.durable:
                os.fsync(self._file.fileno())
            self._file.close()
            # mkstemp creates 0600; a report should get the permissions any new file would.
            os.chmod(self._tmp, 0o666 & ~_umask())
            os.replace(self._tmp, self.path)
        except BaseException:
            self.discard()
            raise
        self._file = self._tmp = None
        if self.durable:
            _sync_folder(self.path.parent)

    def discard(self) -> None:
        if self._file is not None:
            self._file.close()
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
        self._file = self._tmp = None

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(self, *_) -> None:
        self.discard()


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, then os.replace it over `path`."""
    with AtomicFile(path, durable=durable) as file:
        file.write(data)
        file.commit()


def _sync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


# --- reports and baselines: wherever the user points -------------------------------------

STDOUT = "-"


class OutputError(Exception):
    """A path factcheck will not write a report or baseline to; the message says why."""


def is_stdout(path: Path | str) -> bool:
    return str(path) == STDOUT


def output_kind(path: Path) -> str:
    """How a report goes to `path`: "stdout" for `-`, "stream" into an existing character
    device or FIFO, "file" for a regular file or a new path (written atomically).

    Atomic writes rename over the target, so they are kept for regular files: renaming
    over a device, a FIFO or a symlink would replace it with a plain file.
    """
    if is_stdout(path):
        return "stdout"
    try:
        info = os.stat(path)  # follows symlinks: the kind of what the link points at
    except FileNotFoundError:
        return "file"  # a new file, or the missing target of a symlink
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {_reason(error)}") from None
    if stat.S_ISREG(info.st_mode):
        return "file"
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return "stream"
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path}: is a folder, not a file")
    raise OutputError(f"{path}: not a regular file, character device or FIFO; refusing to replace it")


def final_target(path: Path) -> Path:
    """The file a path names once every symlink is followed: what a write should replace."""
    return Path(os.path.realpath(path))


def write_output(path: Path, data: bytes) -> None:
    """Write a report or baseline to `path`: `-` is standard output, a device or FIFO is
    written into, and a regular file is replaced atomically (through symlinks, at their
    target, leaving the links as they are). Raises OutputError or OSError."""
    kind = output_kind(path)
    if kind == "stdout":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if kind == "stream":
        # No O_CREAT and no O_TRUNC: this only ever writes into something that already exists.
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode):  # replaced since it was looked at
                raise OutputError(f"{path}: changed while it was being written; try again")
            with open(fd, "wb", closefd=False) as stream:
                stream.write(data)
        finally:
            os.close(fd)
        return
    write_atomic(final_target(path), data)


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop"
    return (error.strerror or str(error)).lower()
