"""SHA-256 keys of the constitution's files, remembered by each file's identity on disk.

Mirror's parsed copies of its data files are named by a hash of their text, so an edited
file is never read through a stale copy. Hashing the text means reading it all first:
`reflect` read and hashed ~1.5 MB of care rules (~12 ms of its ~140 ms) only to find copies
it then loaded in a fraction of that. This module remembers, per file, the key it hashed to
beside what `os.stat` says of the file (device, inode, size, modification and change times,
in nanoseconds), in the cache folder's `digests.marshal`; a file whose stat is unchanged has
its key without being read. Any write to a file changes its change time, a replaced file
has a new inode, so a changed file is hashed again.

A file's times are as fine as the system clock's tick, so a file written twice within one
tick can keep its times. Like git's index, a key is remembered only for a file last changed
well before it was hashed (`SETTLED_NS`): any later write then falls after the recorded
times and changes them. The memo is derived data: a missing, damaged or unwritable file
only costs the hashing.
"""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path

#: How long before the hashing a file must have last changed for its key to be kept.
SETTLED_NS = 2_000_000_000
_NAME = "digests.marshal"
_VERSION = 1

#: cache folder -> file path -> (dev, ino, size, mtime_ns, ctime_ns, key)
_memos: dict[Path, dict[str, tuple[int, int, int, int, int, str]]] = {}
_changed: set[Path] = set()


def _identity(st: os.stat_result) -> tuple[int, int, int, int, int]:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def _memo(folder: Path) -> dict[str, tuple[int, int, int, int, int, str]]:
    memo = _memos.get(folder)
    if memo is None:
        memo = {}
        try:
            version, found = marshal.loads((folder / _NAME).read_bytes())
            if version == _VERSION and isinstance(found, dict):
                memo = found
        except (OSError, ValueError, EOFError, TypeError):
            pass
        _memos[folder] = memo
    return memo


def known(folder: Path, path: Path, kind: str = "text") -> tuple[str | None, os.stat_result | None]:
    """(the `kind` of key remembered for `path` if the file is unchanged since, the file's
    stat): (None, None) when it cannot be stat-ed. A `kind` names what was hashed (the
    decoded text, the bytes), so one file can have a key of each."""
    try:
        st = os.stat(path)
    except OSError:
        return None, None
    entry = _memo(folder).get(f"{kind}:{path}")
    if entry is not None and entry[:5] == _identity(st) and isinstance(entry[5], str):
        return entry[5], st
    return None, st


def remember(folder: Path, path: Path, st: os.stat_result, key: str, kind: str = "text") -> None:
    """Keep `key` for `path` as it was when stat-ed (`st`, taken before it was read), if
    it had settled by then; written to the folder when the process ends."""
    if time.time_ns() - st.st_mtime_ns < SETTLED_NS or time.time_ns() - st.st_ctime_ns < SETTLED_NS:
        return
    memo = _memo(folder)
    entry = (*_identity(st), key)
    if memo.get(f"{kind}:{path}") == entry:
        return
    memo[f"{kind}:{path}"] = entry
    if not _changed:
        import atexit

        atexit.register(save)
    _changed.add(folder)


def file_sha256(folder: Path | None, path: Path) -> str:
    """The SHA-256 of the file's bytes, remembered by its stat in `folder` (when given):
    unchanged, it is not read. OSError when the file cannot be read."""
    from mirror.hashing import sha256_hex

    key, st = known(folder, path, "bytes") if folder is not None else (None, None)
    if key is not None:
        return key
    key = sha256_hex(path.read_bytes())
    if folder is not None and st is not None:
        remember(folder, path, st, key, "bytes")
    return key


def save() -> None:
    """Write the memos that gained a key (atomically; a failure only costs hashing)."""
    from mirror.fileio import write_private

    for folder in list(_changed):
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_private(folder / _NAME, marshal.dumps((_VERSION, _memos[folder])))
        except (OSError, ValueError):
            pass
    _changed.clear()
