"""The errors Mirror raises on purpose, each tied to one documented exit code.

The CLI turns any `MirrorError` into one line on stderr and its `exit_code`; anything else
is a bug (exit 1, details in the log file). Keeping the mapping on the class means every
layer can raise the right thing without knowing about the CLI.
"""

from __future__ import annotations


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


class StorageError(MirrorError):
    """The journal cannot be read or written: locked, corrupt, read-only, disk full,
    or written by a newer Mirror."""

    exit_code = 7
