"""`mirror config get|set|unset|list`: this journal's config.toml, validated per key."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from mirror.cli.argparser import MirrorArgumentParser
from mirror.cli.context import Context
from mirror.cli.parser import add_command
from mirror.errors import UsageError
from mirror.paths import ensure_home

if TYPE_CHECKING:
    from mirror.settings import Settings



def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "config", "read and change settings (config.toml; never secrets)", _needs_action)
    actions = p.add_subparsers(dest="config_action", metavar="ACTION", parser_class=MirrorArgumentParser)
    add_command(actions, "list", "every setting with its value and where it came from (config.toml, environment, default)", cmd_list)
    a = add_command(actions, "get", "one setting's value", cmd_get)
    a.add_argument("key")
    a = add_command(actions, "set", "change a setting (lists take several values)", cmd_set)
    a.add_argument("key")
    a.add_argument("value", nargs="+")
    a = add_command(actions, "unset", "back to the default", cmd_unset)
    a.add_argument("key")


def _settings(ctx: Context) -> Settings:
    from mirror.settings import Settings  # only `mirror config` reads settings here: --help skips the module

    return Settings(ensure_home(ctx.home).config)


def _needs_action(args: argparse.Namespace, ctx: Context) -> int:
    raise UsageError("config needs an action: list, get, set or unset")


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    rows = _settings(ctx).all()
    if ctx.out.as_json:
        ctx.out.json({"settings": rows})
        return 0
    width = max(len(r["key"]) for r in rows)
    for r in rows:
        ctx.out.line(f"{r['key'].ljust(width)}  {r['value']!r}  {ctx.out.dim(_where(r))}")
    return 0


def _where(row: dict[str, Any]) -> str:
    """Where a value came from, in words: the file, which variable, or the default."""
    if row["source"] == "config":
        return "(config.toml)"
    if row["source"] == "environment":
        return f"(environment: {row['env']})"
    return "(default)"


def cmd_get(args: argparse.Namespace, ctx: Context) -> int:
    value = _settings(ctx).get(args.key)
    if ctx.out.as_json:
        ctx.out.json({"key": args.key, "value": value})
    else:
        ctx.out.line("\n".join(value) if isinstance(value, list) else str(value))
    return 0


def cmd_set(args: argparse.Namespace, ctx: Context) -> int:
    value = _settings(ctx).set(args.key, args.value)
    if ctx.out.as_json:
        ctx.out.json({"key": args.key, "value": value})
    else:
        ctx.out.note(f"{args.key} = {value!r}")
    return 0


def cmd_unset(args: argparse.Namespace, ctx: Context) -> int:
    settings = _settings(ctx)
    settings.unset(args.key)
    value = settings.get(args.key)
    if ctx.out.as_json:
        ctx.out.json({"key": args.key, "value": value})
    else:
        ctx.out.note(f"{args.key} back to its default: {value!r}")
    return 0
