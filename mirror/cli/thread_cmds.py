"""`mirror threads ...`: named sequences of reflections."""

from __future__ import annotations

import argparse

from mirror.cli import render
from mirror.cli.argparser import MirrorArgumentParser
from mirror.cli.context import Context
from mirror.cli.parser import add_command
from mirror.display import counted
from mirror.models import Thread


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "threads", "list and manage threads", cmd_list)
    p.add_argument("--all", action="store_true", help="include archived threads")
    actions = p.add_subparsers(dest="thread_action", metavar="ACTION",
                               parser_class=MirrorArgumentParser)
    a = add_command(actions, "create", "start a thread", cmd_create)
    a.add_argument("title")
    a = add_command(actions, "show", "a thread's reflections, oldest first", cmd_show)
    a.add_argument("thread", help="title or ID")
    a = add_command(actions, "rename", "rename a thread", cmd_rename)
    a.add_argument("thread", help="title or ID")
    a.add_argument("title", help="the new title")
    a = add_command(actions, "archive", "archive a thread (kept, hidden from the list)", cmd_archive)
    a.add_argument("thread", help="title or ID")
    a = add_command(actions, "unarchive", "bring an archived thread back", cmd_unarchive)
    a.add_argument("thread", help="title or ID")
    a = add_command(actions, "add", "add a reflection to a thread", cmd_add)
    a.add_argument("thread", help="title or ID")
    a.add_argument("id", help="reflection ID or unique prefix")
    a = add_command(actions, "remove", "take a reflection out of a thread", cmd_remove)
    a.add_argument("thread", help="title or ID")
    a.add_argument("id", help="reflection ID or unique prefix")


def _print_thread(ctx: Context, thread: Thread) -> None:
    if ctx.out.as_json:
        ctx.out.json({"thread": thread.to_json()})
    else:
        state = " (archived)" if thread.archived_at else ""
        ctx.out.line(f"{ctx.out.dim(thread.id[:8])}  {thread.title}{state}  · {counted(thread.reflections, 'reflection')}")


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    threads = ctx.journal.threads(include_archived=args.all)
    if ctx.out.as_json:
        ctx.out.json({"threads": [t.to_json() for t in threads]})
        return 0
    if not threads:
        ctx.out.note("no threads yet: mirror threads create TITLE")
    for thread in threads:
        state = " (archived)" if thread.archived_at else ""
        ctx.out.line(f"{ctx.out.dim(thread.id[:8])}  {thread.title}{state}  · {thread.reflections}")
    return 0


def cmd_create(args: argparse.Namespace, ctx: Context) -> int:
    _print_thread(ctx, ctx.journal.create_thread(args.title))
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    thread, reflections = ctx.journal.thread_reflections(args.thread)
    if ctx.out.as_json:
        ctx.out.json({"thread": thread.to_json(), "reflections": [r.to_json() for r in reflections]})
        return 0
    ctx.out.line(ctx.out.bold(thread.title))
    for r in reflections:
        ctx.out.line()
        ctx.out.line(ctx.out.dim(f"{render.local_time(r.created_at, r.created_tz)}  {r.id[:8]}"))
        ctx.out.line(r.content)
    return 0


def cmd_rename(args: argparse.Namespace, ctx: Context) -> int:
    _print_thread(ctx, ctx.journal.rename_thread(args.thread, args.title))
    return 0


def cmd_archive(args: argparse.Namespace, ctx: Context) -> int:
    _print_thread(ctx, ctx.journal.archive_thread(args.thread, True))
    return 0


def cmd_unarchive(args: argparse.Namespace, ctx: Context) -> int:
    _print_thread(ctx, ctx.journal.archive_thread(args.thread, False))
    return 0


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    _print_thread(ctx, ctx.journal.add_to_thread(args.thread, args.id))
    return 0


def cmd_remove(args: argparse.Namespace, ctx: Context) -> int:
    _print_thread(ctx, ctx.journal.remove_from_thread(args.thread, args.id))
    return 0
