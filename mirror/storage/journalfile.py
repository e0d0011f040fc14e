"""What every connection to the live journal carries, plain or encrypted (a mixin, so the
plain `sqlite3` connection and the SQLCipher one share it without importing each other),
and the one look at a file that tells them apart (every command makes it: it imports
nothing, so a plain journal never loads the encryption code)."""

from __future__ import annotations

from pathlib import Path


class JournalFile:
    """What `transaction()` must know about a connection to the live journal before the
    first write: why the journal cannot be written (None when it can), and whether this
    process has already checked the file for damage."""

    readonly_reason: str | None = None
    checked: bool = False
    path: Path | None = None


#: The first 16 bytes of every plain SQLite file; an encrypted file starts with its salt.
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_encrypted(path: Path) -> bool:
    """True for a file that is not plain SQLite but large enough to be an encrypted one.
    (A new journal, an empty file or a short damaged one is not.)"""
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    return len(head) == 512 and not head.startswith(SQLITE_MAGIC)
