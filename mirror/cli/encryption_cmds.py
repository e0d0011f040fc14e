"""An encrypted journal at rest (opt-in): init, encrypt, decrypt, unlock, lock.

The passphrase comes from `--passphrase-file`, `MIRROR_PASSPHRASE`, `MIRROR_PASSPHRASE_FILE`
or a prompt on the terminal (asked twice when a new one is chosen). The OS keyring is not
used: it is not one of Mirror's dependencies. `mirror unlock` keeps the derived key for this
login session instead, so the ~0.2 s key derivation is paid once, not by every command.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mirror.cli.context import Context
from mirror.cli.parser import add_command
from mirror.cli.passphrase import passphrase_prompt
from mirror.display import counted
from mirror.errors import UsageError
from mirror.models.encryption import EncryptionChange


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "init", "create a new journal (optionally encrypted at rest)", cmd_init)
    p.add_argument("--encrypted", action="store_true",
                   help="encrypt the journal file with a passphrase (needs mirror-journal[encrypted])")
    _passphrase_options(p, remember=True)

    p = add_command(sub, "encrypt", "encrypt the existing journal in place (a verified copy replaces it)",
                    cmd_encrypt)
    _passphrase_options(p, remember=True)

    p = add_command(sub, "decrypt", "decrypt the encrypted journal in place (a verified copy replaces it)",
                    cmd_decrypt)
    _passphrase_options(p, remember=False)

    p = add_command(sub, "unlock", "keep the encrypted journal's key for this login session"
                    " (commands then need no passphrase)", cmd_unlock)
    _passphrase_options(p, remember=False)

    add_command(sub, "lock", "forget the key kept by `mirror unlock`", cmd_lock)


def _passphrase_options(p: argparse.ArgumentParser, *, remember: bool) -> None:
    p.add_argument("--passphrase-file", type=Path, metavar="FILE",
                   help="read the journal passphrase from the first line of FILE")
    if remember:
        p.add_argument("--unlock", action="store_true",
                       help="also keep the key for this login session (as `mirror unlock`)")


def _file(args: argparse.Namespace) -> Path | None:
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None and not path.is_file():
        raise UsageError(f"--passphrase-file: {path} is not a file")
    return path


def _show(ctx: Context, change: EncryptionChange, text: str) -> int:
    if ctx.out.as_json:
        ctx.out.json(change.to_json())
        return 0
    ctx.out.line(text)
    if change.drafts_resealed:
        ctx.out.line(f"{counted(change.drafts_resealed, 'draft')} of the TUI re-written for the new state")
    if change.key_cached:
        ctx.out.note(f"the key is kept for this login session in {change.key_cached} (`mirror lock` forgets it)")
    return 0


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    from mirror.services.journal import Journal  # storage: only when the command runs

    change = Journal.create(ctx.home, encrypted=args.encrypted, passphrase_file=_file(args),
                            ask_passphrase=passphrase_prompt(confirm=True), remember=args.unlock,
                            clock=ctx.clock)
    kind = "an encrypted" if change.encrypted else "a new"
    return _show(ctx, change, f"created {kind} journal at {change.db}")


def cmd_encrypt(args: argparse.Namespace, ctx: Context) -> int:
    from mirror.services.journal import Journal  # storage: only when the command runs

    change = Journal.convert_at_rest(ctx.home, encrypt=True, passphrase_file=_file(args),
                                     ask_passphrase=passphrase_prompt(confirm=True), remember=args.unlock,
                                     clock=ctx.clock)
    return _show(ctx, change, f"encrypted {change.db}: {change.rows} rows in {change.tables} tables "
                              "copied and verified. Keep the passphrase safe: without it the journal "
                              "cannot be read. Bundles exported earlier are not affected.")


def cmd_decrypt(args: argparse.Namespace, ctx: Context) -> int:
    from mirror.services.journal import Journal  # storage: only when the command runs

    change = Journal.convert_at_rest(ctx.home, encrypt=False, passphrase_file=_file(args),
                                     ask_passphrase=passphrase_prompt(confirm=False), clock=ctx.clock)
    return _show(ctx, change, f"decrypted {change.db}: {change.rows} rows in {change.tables} tables "
                              "copied and verified; the journal file is now plain SQLite")


def cmd_unlock(args: argparse.Namespace, ctx: Context) -> int:
    from mirror.services.journal import Journal  # storage: only when the command runs

    change = Journal.unlock(ctx.home, passphrase_file=_file(args),
                            ask_passphrase=passphrase_prompt(confirm=False), clock=ctx.clock)
    return _show(ctx, change, f"unlocked {change.db} for this login session")


def cmd_lock(args: argparse.Namespace, ctx: Context) -> int:
    from mirror.services.journal import Journal  # storage: only when the command runs

    change = Journal.lock(ctx.home)
    return _show(ctx, change, f"locked {change.db}: the next command asks for the passphrase")
