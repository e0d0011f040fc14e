"""Asking for an encrypted journal's passphrase on the terminal (never on stdin, which may
carry a reflection's text)."""

from __future__ import annotations

import os
from collections.abc import Callable

from mirror.errors import InvalidInput


def can_prompt() -> bool:
    """A person at a terminal can be asked (getpass reads the terminal, not stdin)."""
    try:
        with open("/dev/tty", "rb"):
            return os.isatty(2)
    except OSError:
        return False


def passphrase_prompt(confirm: bool) -> Callable[[], str] | None:
    """Ask on the terminal (twice for a new passphrase); None where nobody can answer."""
    if not can_prompt():
        return None

    def ask() -> str:
        import getpass  # only when a passphrase is asked for
        import sys

        first = getpass.getpass("Journal passphrase: ", stream=sys.stderr)
        if not first:
            raise InvalidInput("the passphrase is empty")
        if confirm and getpass.getpass("Journal passphrase again: ", stream=sys.stderr) != first:
            raise InvalidInput("the passphrases differ; nothing was changed")
        return first

    return ask
