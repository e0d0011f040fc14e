"""Writing files that must never be seen half-written or readable by others."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


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
