"""`mirror sync`: one journal on several devices through a folder the person's own sync
tool carries (Syncthing, Nextcloud, Dropbox, a USB stick, git).

    mirror sync [DIR] [--dry-run] [--watch]     write this device's changes, apply the others'
    mirror sync status                          devices, last seen, what waits
    mirror sync pair DIR [--code CODE]          pair (the first device prints a short code)
    mirror sync unpair [DEVICE]                 refuse a device, or leave sync on this one

`status`, `pair` and `unpair` are words, not folders: a folder with one of those names is
given as `./status`. A refused change set is one line on stderr each; the command then
exits 6 after applying everything else.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from mirror.cli import render
from mirror.cli.context import Context
from mirror.cli.parser import add_command
from mirror.display import counted
from mirror.errors import BundleRefused, InvalidInput, UsageError
from mirror.fileio import read_head

if TYPE_CHECKING:
    from mirror.models.sync import SyncReport

ACTIONS = ("status", "pair", "unpair")


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "sync", "sync this journal with your other devices through a folder",
                    cmd_sync)
    p.add_argument("target", nargs="?", metavar="DIR|ACTION",
                   help="the sync folder (default: the paired one), or status, pair, unpair")
    p.add_argument("argument", nargs="?", metavar="ARG",
                   help="pair: the folder; unpair: a device ID (none: leave sync here)")
    p.add_argument("--dry-run", action="store_true",
                   help="say what would be sent and applied; change nothing")
    p.add_argument("--watch", action="store_true",
                   help="keep running: sync whenever the folder or the journal changes")
    p.add_argument("--interval", type=float, default=2.0, metavar="SECONDS",
                   help="--watch: how often to look (default 2)")
    p.add_argument("--code", metavar="CODE",
                   help="pair: the code shown on the first device (or your own passphrase)")
    p.add_argument("--passphrase-file", metavar="FILE",
                   help="pair: read the code or passphrase from FILE")
    p.add_argument("--include-private", action="store_true",
                   help="pair: also send this device's private reflections (off by default)")
    p.add_argument("--label", help="pair: a name for this device (default: the host name)")


def cmd_sync(args: argparse.Namespace, ctx: Context) -> int:
    action = args.target if args.target in ACTIONS else None
    if action == "status":
        return _status(args, ctx)
    if action == "pair":
        return _pair(args, ctx)
    if action == "unpair":
        return _unpair(args, ctx)
    if args.argument is not None:
        raise UsageError(f"unexpected argument {args.argument!r} (see `mirror sync --help`)")
    if args.watch:
        return _watch(args, ctx)
    with render.Progress(ctx.out, "syncing") as progress:
        report = ctx.journal.sync(args.target, dry_run=args.dry_run, progress=progress.bar)
    return _print_report(ctx, report, final=True)


def _print_report(ctx: Context, report: SyncReport, *, final: bool) -> int:
    for refusal in report.refused:
        ctx.out.note(f"refused {refusal.file}: {refusal.reason}")
    if ctx.out.as_json:
        ctx.out.json(report.to_json())
    else:
        sent = report.sent.get("reflections", 0) + report.sent.get("tombstones", 0)
        verb = "would send" if report.dry_run else "sent"
        changes = report.changes
        ctx.out.line(
            f"{verb} {counted(sent, 'change')}" + (f" in {report.written}" if report.written else "")
            + f"; {'would apply' if report.dry_run else 'applied'} {counted(len(report.applied), 'change set')}"
            + f" (+{changes.get('reflections_added', 0)} new, {changes.get('reflections_updated', 0)}"
            f" updated, {changes.get('reflections_deleted', 0)} deleted,"
            f" {changes.get('revisions_added', 0)} revisions kept)"
            + (f"; {len(report.refused)} refused" if report.refused else ""))
        for device in report.new_devices:
            ctx.out.line(f"paired device {device} (announced in the folder)")
        if changes.get("thread_title_clashes"):
            ctx.out.line(f"{counted(changes['thread_title_clashes'], 'thread')} given a title another"
                         " thread holds: both kept, the younger as 'Title (2)' (mirror threads)")
    if final and report.refused:
        return BundleRefused.exit_code
    return 0


def _watch(args: argparse.Namespace, ctx: Context) -> int:
    if args.dry_run:
        raise UsageError("--watch and --dry-run do not go together")
    if args.interval <= 0:
        raise InvalidInput("--interval: a number of seconds above 0")

    def on_report(report: SyncReport) -> None:
        stamp = time.strftime("%H:%M:%S")
        sent = report.sent.get("reflections", 0) + report.sent.get("tombstones", 0)
        line = (f"{stamp} synced: sent {sent}, applied {counted(len(report.applied), 'change set')}"
                + (f", {len(report.refused)} refused" if report.refused else "")
                + f"; watching {report.folder} (Ctrl-C to stop)")
        if ctx.out.as_json:
            ctx.out.json(report.to_json())
            ctx.out.flush()
        else:
            for refusal in report.refused:
                ctx.out.note(f"refused {refusal.file}: {refusal.reason}")
        live = ctx.out.stderr_is_terminal
        ctx.out.stderr.write(("\r\x1b[2K" if live else "") + line + ("" if live else "\n"))
        ctx.out.stderr.flush()

    try:
        ctx.journal.sync_watch(args.target, args.interval, on_report, lambda: False)
    except KeyboardInterrupt:
        ctx.out.stderr.write("\n")
    return 0


def _status(args: argparse.Namespace, ctx: Context) -> int:
    status = ctx.journal.sync_status()
    if ctx.out.as_json:
        ctx.out.json(status.to_json())
        return 0
    if not status.paired:
        ctx.out.line("not paired: run `mirror sync pair DIR`")
        return 0
    ctx.out.line(f"this device  {status.device_id}")
    ctx.out.line(f"folder       {status.folder}")
    ctx.out.line(f"last sync    {status.last_sync_at or 'never'}")
    ctx.out.line(f"pending      {counted(status.pending_here, 'change')} here, "
                 f"{counted(status.waiting_in_folder, 'change set')} waiting in the folder")
    ctx.out.line(f"private      {'sent' if status.include_private else 'stay on this device'}")
    for device in status.devices:
        state = "this device" if device.this_device else \
            f"unpaired {device.unpaired_at}" if device.unpaired_at else \
            f"last seen {device.last_seen_at or 'never'}"
        ctx.out.line(f"  {device.device_id}  {device.label or '':<16} {device.change_sets:>5}"
                     f" change set{'' if device.change_sets == 1 else 's'}  {state}")
    return 0


def _pair(args: argparse.Namespace, ctx: Context) -> int:
    if args.argument is None:
        raise UsageError("sync pair needs the folder: mirror sync pair DIR")
    code = args.code
    if args.passphrase_file:
        code = _read_code_file(args.passphrase_file)
    pairing = ctx.journal.sync_pair(args.argument, code=code, include_private=args.include_private,
                                    label=args.label)
    if ctx.out.as_json:
        ctx.out.json(pairing.to_json())
        return 0
    ctx.out.line(f"paired {pairing.folder} as device {pairing.device_id}")
    if pairing.code:
        ctx.out.line(f"pairing code: {pairing.code}")
        ctx.out.line("on each other device run: mirror sync pair DIR --code CODE "
                     "(the code is shown only now)")
    return 0


def _read_code_file(name: str) -> str:
    # read_head: a folder or device is one line, a pipe with no writer is never waited on
    data = sys.stdin.buffer.read(4096) if name == "-" else read_head(Path(name), 4096)
    text = data.decode("utf-8", "replace").split("\n", 1)[0].strip()
    if not text:
        raise InvalidInput(f"{name}: the file is empty")
    return text


def _unpair(args: argparse.Namespace, ctx: Context) -> int:
    device = ctx.journal.sync_unpair(args.argument)
    if ctx.out.as_json:
        ctx.out.json({"left": device is None,
                      "device": device.to_json() if device is not None else None})
        return 0
    if device is None:
        ctx.out.line("this device left sync: its journal key is forgotten; the journal stays")
    else:
        ctx.out.line(f"unpaired {device.device_id}: its change sets are refused from now on")
    return 0
