"""The errors Mirror raises on purpose, each tied to one documented exit code.

The CLI turns any `MirrorError` into one line on stderr and its `exit_code`; anything else
is a bug (exit 1, details in the log file). Keeping the mapping on the class means every
layer can raise the right thing without knowing about the CLI.
"""

from __future__ import annotations

import errno  # built into the interpreter: free to import


class MirrorError(Exception):
    """Base of every expected failure. `str(err)` is the one-line message for the user."""

    exit_code = 1


class UsageError(MirrorError):
    """A bad flag or a missing argument."""

    exit_code = 2


class NotFound(MirrorError):
    """An unknown or ambiguous ID, or a missing file."""

    exit_code = 3


class InvalidInput(MirrorError, ValueError):
    """Input Mirror cannot accept: empty text, a bad date, a malformed import file,
    a value outside its domain (a violated CHECK constraint lands here too)."""

    exit_code = 4


class EngineUnavailable(MirrorError):
    """A model engine a command needs cannot be used (missing extra, unreachable server)."""

    exit_code = 5


class BundleRefused(MirrorError):
    """A bundle was refused: corrupt, hostile, tampered, wrong passphrase, untrusted signature."""

    exit_code = 6


class UntrustedSigner(BundleRefused):
    """A bundle whose signature is valid but made by a key this journal does not trust:
    `fingerprint` lets the command line say exactly how to trust it."""

    def __init__(self, message: str, fingerprint: str) -> None:
        super().__init__(message)
        self.fingerprint = fingerprint


class StorageError(MirrorError):
    """The journal cannot be read or written: locked, corrupt, read-only, disk full,
    or written by a newer Mirror."""

    exit_code = 7


# errno values that mean "the storage cannot take this", whatever the operation.
_STORAGE_ERRNOS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file would exceed the size this system allows",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",  # e.g. an immutable (chattr +i) file
}
# SQLite result codes (`sqlite_errorname`, Python 3.11+) that are storage problems.
_SQLITE_STORAGE = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_IOERR": "a disk read or write failed (disk full, file size limit or failing disk)",
    "SQLITE_READONLY": "the journal is read-only",
    "SQLITE_CANTOPEN": "a database file cannot be opened",
    "SQLITE_CORRUPT": "a database file is damaged",
    "SQLITE_NOTADB": "a file is not a SQLite database",
    "SQLITE_PERM": "permission denied",
}


def storage_error_from(exc: BaseException) -> StorageError | None:
    """The `StorageError` an operating-system or SQLite failure amounts to, or None.

    A full disk, a quota, a file-size limit, a read-only mount or a missing permission can
    strike any write (an export's temporary copy, an import's extracted members, a setting)
    in code that cannot foresee it; the interfaces call this on what escapes a command so the
    person gets exit 7 and a true line instead of "internal error". SQLite errors are
    recognised by their result code (duck-typed: only `storage/` imports sqlite3)."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError) and exc.errno in _STORAGE_ERRNOS:
        where = f": {exc.filename}" if exc.filename else ""
        return StorageError(f"{_STORAGE_ERRNOS[exc.errno]}{where}")
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        for prefix, meaning in _SQLITE_STORAGE.items():
            if name == prefix or name.startswith(prefix + "_"):
                return StorageError(f"{meaning} ({name.removeprefix('SQLITE_').lower()})")
    return None
