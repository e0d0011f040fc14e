"""Model engines from the command line: the egress ledger, keys, and `mirror doctor`."""

from __future__ import annotations

import argparse
import getpass
import os

from mirror.cli.context import Context
from mirror.cli.parser import add_command
from mirror.display import counted
from mirror.errors import EngineUnavailable, InvalidInput, StorageError
from mirror.paths import ensure_home


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "egress", "everything that was ever sent to a model server", cmd_egress)
    p.add_argument("--remote-only", action="store_true", help="only what left this machine")
    p.add_argument("-n", "--limit", type=int, default=50)

    p = add_command(sub, "set-key", "store an API key in secrets.toml (mode 0600), read from stdin or a prompt", cmd_set_key)
    p.add_argument("engine", choices=("anthropic",))

    p = add_command(sub, "doctor", "check the database, constitution, audit chain and engines", cmd_doctor)
    p.add_argument("--recover", action="store_true",
                   help="salvage a damaged journal into a new mirror.db (the damaged file is kept)")


def cmd_egress(args: argparse.Namespace, ctx: Context) -> int:
    if args.limit < 1:
        raise InvalidInput("the number of entries to show must be at least 1")
    journal = ctx.journal
    entries = journal.egress(remote_only=args.remote_only, limit=args.limit)
    totals = journal.egress_totals()
    if ctx.out.as_json:
        ctx.out.json({"entries": [e.to_json() for e in entries], "totals": totals.to_json()})
        return 0
    if not entries:
        ctx.out.note("nothing has been sent to any model server" if not args.remote_only
                     else "nothing has ever left this machine")
    for e in entries:
        where = "REMOTE" if e.remote else "local "
        ctx.out.line(f"{e.at[:19]}  {where}  {e.adapter:<9} {e.endpoint_host:<22} "
                     f"{e.bytes_sent:>7} bytes  {counted(len(e.reflection_ids), 'reflection')}  "
                     f"{e.tokens_in}+{e.tokens_out} tokens  sha256 {e.payload_sha256[:12]}")
    ctx.out.note(f"{counted(totals.remote_requests, 'request')} left this machine "
                 f"({totals.remote_bytes} bytes); {totals.requests} in all")
    return 0


def cmd_set_key(args: argparse.Namespace, ctx: Context) -> int:
    from mirror.services.engines import key_env_var, save_anthropic_key  # only set-key needs them

    key = (ctx.read_stdin() if not ctx.stdin_is_terminal() else getpass.getpass("API key: ")).strip()
    if not key:
        raise InvalidInput("no key given")
    path = save_anthropic_key(ensure_home(ctx.home).home, key)
    if ctx.out.as_json:
        ctx.out.json({"engine": args.engine, "stored_in": str(path)})
    else:
        ctx.out.note(f"key stored in {path} (readable only by you); it is never shown again")
    env_var = key_env_var()
    if os.environ.get(env_var, "").strip():
        ctx.out.note(f"note: {env_var} is set in the environment and is used before this file")
    return 0


def cmd_doctor(args: argparse.Namespace, ctx: Context) -> int:
    if args.recover:
        return _recover(ctx)
    report = ctx.journal.doctor()
    if ctx.out.as_json:
        ctx.out.json(report.to_json())
    else:
        for check in report.checks:
            mark = "ok  " if check.ok else "FAIL"
            ctx.out.line(f"[{mark}] {check.name:<14} {check.detail}")
            if not check.ok and check.fix and check.fix not in check.detail:
                ctx.out.line(f"       → {check.fix}")
    if report.ok:
        return 0
    failing = [c for c in report.checks if not c.ok]
    code = (StorageError.exit_code if any(c.kind == "storage" for c in failing)
            else EngineUnavailable.exit_code)
    ctx.out.note(f"mirror: {counted(len(failing), 'problem')} found")
    return code


def _recover(ctx: Context) -> int:
    from mirror.services.journal import Journal  # a damaged journal may not open: no ctx.journal

    result = Journal.recover(ctx.home, clock=ctx.clock)
    if ctx.out.as_json:
        ctx.out.json(result.to_json())
        return 0
    total = result.reflections if result.damaged_reflections is None else result.damaged_reflections
    of = "" if result.damaged_reflections is None else f" of {result.damaged_reflections}"
    ctx.out.line(f"recovered {result.reflections}{of} {'reflection' if total == 1 else 'reflections'}"
                 " into a new journal "
                 f"({result.method}); the damaged file is kept as {result.kept_as}")
    ctx.out.note("run `mirror analyze` to re-derive patterns, tensions and care markers")
    return 0
