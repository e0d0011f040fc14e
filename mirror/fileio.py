"""Writing files that must never be seen half-written or readable by others."""

from __future__ import annotations

import os
from pathlib import Path


def write_private(path: Path, data: bytes, *, sync_dir: bool = False) -> None:
    """Write `path` atomically with mode 0600: a temporary file created 0600 (no window in
    which the content sits under the umask's looser mode), fsync, rename over `path`.
    A crash leaves the old file or the new one, never a truncated one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            if os.name == "posix":
                os.fchmod(handle.fileno(), 0o600)  # a stale temp file would keep its old mode
            handle.write(data)
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
