"""`mirror audit verify`: walk the audit hash chain and print its head."""

from __future__ import annotations

import argparse

from mirror.cli.argparser import MirrorArgumentParser
from mirror.cli.context import Context
from mirror.cli.parser import add_command
from mirror.errors import StorageError, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "audit", "the journal's audit log", _needs_action)
    actions = p.add_subparsers(dest="audit_action", metavar="ACTION", parser_class=MirrorArgumentParser)
    add_command(actions, "verify", "check the hash chain and print its head", cmd_verify)


def _needs_action(args: argparse.Namespace, ctx: Context) -> int:
    raise UsageError("audit needs an action: verify")


def cmd_verify(args: argparse.Namespace, ctx: Context) -> int:
    report = ctx.journal.audit_verify()
    if ctx.out.as_json:
        ctx.out.json(report.to_json())
    else:
        ctx.out.line(f"entries  {report.entries}")
        ctx.out.line(f"head     {report.head}")
        ctx.out.line("chain    " + ("intact" if report.ok else f"BROKEN: {report.problem}"))
    if not report.ok:
        if ctx.out.as_json:
            return StorageError.exit_code
        raise StorageError(f"the audit chain is broken: {report.problem}")
    return 0
