"""Writing files that must never be seen half-written or readable by others, and reading
files from elsewhere without letting them cost unbounded memory or time."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from io import BufferedReader
from pathlib import Path

from mirror.errors import InvalidInput, NotFound


def write_private(path: Path, data: bytes, *, sync_dir: bool = False) -> None:
    """Write `path` atomically with mode 0600: a temporary file created 0600 (no window in
    which the content sits under the umask's looser mode), fsync, rename over `path`.
    A crash leaves the old file or the new one, never a truncated one."""
    write_private_chunks(path, (data,), sync_dir=sync_dir)


def write_private_chunks(path: Path, chunks: Iterable[bytes], *, sync_dir: bool = False) -> None:
    """`write_private` for content produced piece by piece (a streamed export): memory
    stays flat however large the file, with the same 0600, fsync and rename guarantees."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
            if os.name == "posix":
                os.fchmod(handle.fileno(), 0o600)  # a stale temp file would keep its old mode
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sync_dir and os.name == "posix":
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


#: Every file Mirror writes that holds journal text (the database and its WAL/SHM, exports,
#: drafts, backups, snapshots, the list of reflections still to derive, the bug log) is
#: readable by its owner only, whatever the umask: these helpers are the one way to do it.
PRIVATE_MODE = 0o600


def make_private(*paths: Path) -> None:
    """Narrow existing files to 0600 (a journal made by an older Mirror, or a file SQLite
    created under the umask). Missing files and files owned by someone else are left alone."""
    if os.name != "posix":
        return
    for path in paths:
        try:
            info = os.lstat(path)
            if info.st_mode & 0o077 and not os.path.islink(path):
                os.chmod(path, PRIVATE_MODE)
        except (FileNotFoundError, PermissionError):
            continue


def create_private(path: Path | str) -> None:
    """Make sure `path` exists with mode 0600 before another writer fills it: SQLite's
    `VACUUM INTO` (which accepts an empty file) would create it under the umask."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), PRIVATE_MODE)
    try:
        if os.name == "posix":
            os.fchmod(fd, PRIVATE_MODE)
    finally:
        os.close(fd)


def copy_private(source: Path, dest: Path) -> None:
    """Copy `source` to `dest`, created 0600 (shutil.copyfile would use the umask)."""
    import shutil  # only salvage copies files

    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), PRIVATE_MODE)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as reader:
        if os.name == "posix":
            os.fchmod(out.fileno(), PRIVATE_MODE)
        shutil.copyfileobj(reader, out)


def append_private(path: Path, text: str) -> None:
    """Append `text` to `path`, creating it 0600 (the bug log may quote a reflection)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0), PRIVATE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(text)


def _open_readable(path: Path, *, pipes: bool) -> int:
    """A descriptor for reading `path`, checked before anything is read: a folder, a
    device (`/dev/zero`, `/dev/urandom` never end) or a socket is refused with one line, and
    a pipe only where `pipes` allows it (`--passphrase-file <(pass show x)`). The open is
    non-blocking, so a named pipe that no one writes to is refused or read as empty instead
    of waiting forever."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path}: a folder, not a file") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
    mode = os.fstat(fd).st_mode
    problem = None
    if stat.S_ISDIR(mode):
        problem = "a folder, not a file"
    elif stat.S_ISFIFO(mode) and not pipes:
        problem = "a pipe, not a file (save it to a file first)"
    elif not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        problem = "not a regular file (a device or socket)"
    if problem:
        os.close(fd)
        raise InvalidInput(f"{path}: {problem}")
    os.set_blocking(fd, True)
    return fd


def read_limited(path: Path, limit: int, *, pipes: bool = False,
                 too_large: str | None = None) -> bytes:
    """The bytes of a file that came from elsewhere, never more than `limit`: a file larger
    than that is refused (InvalidInput, `too_large` saying why when given) after reading at
    most `limit + 1` bytes, so a hostile or mistaken path (`/dev/zero`, a growing log, a
    1 GB file) costs bounded memory and time. A missing file is NotFound; a folder, device
    or socket InvalidInput (see `_open_readable`)."""
    fd = _open_readable(path, pipes=pipes)
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > limit:
        raise InvalidInput(f"{path}: {too_large or f'larger than the {limit}-byte limit'}")
    return data


def read_head(path: Path, limit: int) -> bytes:
    """At most the first `limit` bytes of a small secret-bearing file (a passphrase file,
    a pairing code): pipes are welcome (`<(pass show mirror)`), devices and folders are
    refused, and nothing past `limit` is ever read."""
    fd = _open_readable(path, pipes=True)
    with os.fdopen(fd, "rb") as handle:
        try:
            return handle.read(limit)
        except OSError as exc:
            raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None


def open_limited(path: Path, *, pipes: bool = False) -> BufferedReader:
    """`path` opened for reading after the checks of `_open_readable` (for readers that
    stream a file line by line and bound what they read themselves)."""
    return os.fdopen(_open_readable(path, pipes=pipes), "rb")
