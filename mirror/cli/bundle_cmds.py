"""Bundles from the command line: export, verify, import, the device key, trusted keys.

Passphrases come from `--passphrase-file` or a prompt on the terminal (never argv, which
other users can read in the process list).
"""

from __future__ import annotations

import argparse
import getpass
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from mirror.cli import render
from mirror.cli.argparser import MirrorArgumentParser
from mirror.cli.context import Context
from mirror.cli.parser import add_command
from mirror.display import counted
from mirror.errors import BundleRefused, InvalidInput, NotFound, UntrustedSigner, UsageError
from mirror.fileio import read_head

if TYPE_CHECKING:  # annotations only: every command's parser is built from this module
    from mirror.models.bundles import BundleExport, ForeignImport, PlainExport, TrustedKey

MAX_PASSPHRASE_FILE_BYTES = 64 * 1024


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "export", "write the whole journal to one bundle (or Markdown/JSON)",
                    cmd_export)
    p.add_argument("path", nargs="?", help="where to write: a new path or a regular file "
                   "(default: mirror_bundle_<UTC time>.zip in the current folder); - for "
                   "stdout (bundle, json, jrnl)")
    p.add_argument("--format", choices=("bundle", "markdown", "json", "jrnl"), default="bundle",
                   help="bundle (default: restorable zip), markdown (a folder of files), "
                   "json (one document), jrnl (a text file `jrnl --import` reads)")
    p.add_argument("--encrypt", action="store_true",
                   help="encrypt with a passphrase as a standard age file (.zip.age)")
    p.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    p.add_argument("--sign", action="store_true", help="sign with this device's Ed25519 key")
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = add_command(sub, "verify", "check a bundle completely without importing it", cmd_verify)
    p.add_argument("bundle", help="a .zip or .zip.age bundle")
    _bundle_options(p)

    p = add_command(sub, "import", "merge a bundle, or another journal (--from), into this one",
                    cmd_import)
    p.add_argument("path", help="a bundle; with --from: a jrnl file, a Day One export, "
                   "a folder of Markdown files, or Mirror's JSON export")
    p.add_argument("--from", dest="source", choices=("jrnl", "dayone", "markdown", "json"),
                   help="import another journal format (json: Mirror's own JSON export) "
                   "instead of a Mirror bundle")
    p.add_argument("--date-from", choices=("frontmatter", "filename", "mtime"),
                   help="markdown: where a note's date is looked for "
                   "first (default: frontmatter, then the file name, then the file's "
                   "modification time)")
    p.add_argument("--timeformat", metavar="FORMAT", help="jrnl: the journal's timeformat "
                   "(e.g. '%%d.%%m.%%Y %%H:%%M'; default: from the jrnl config)")
    p.add_argument("--jrnl-config", metavar="FILE", help="jrnl: the jrnl config to read "
                   "timeformat and tagsymbols from (default: jrnl's own, when present)")
    p.add_argument("--tz", help="IANA time zone for entries without one (default: this "
                   "machine's)")
    p.add_argument("--dry-run", action="store_true",
                   help="only say what would change (added, updated, deleted); change nothing")
    p.add_argument("--allow-deletes", action="store_true",
                   help="accept a bundle that deletes reflections here without asking "
                   "(needed when not at a terminal)")
    p.add_argument("--restore-deleted", action="store_true",
                   help="bring back, as new reflections, the bundle's reflections deleted here "
                   "(audited; a deletion is otherwise never undone by an import)")
    p.add_argument("--wait", action="store_true",
                   help="read every imported reflection for patterns and care before "
                   "returning (a large import otherwise leaves that to a background process)")
    _bundle_options(p)

    p = add_command(sub, "key", "this device's signing key (same as `key show`)", cmd_key_show)
    actions = p.add_subparsers(dest="key_action", metavar="ACTION", parser_class=MirrorArgumentParser)
    add_command(actions, "show", "the public key and fingerprint (created on first use)",
                cmd_key_show)
    a = add_command(actions, "export-public", "write the public key for `mirror trust add` "
                    "elsewhere", cmd_key_export)
    a.add_argument("path", nargs="?", help="file to write (default: stdout)")

    p = add_command(sub, "trust", "keys whose signed bundles this journal accepts (same as "
                    "`trust list`)", cmd_trust_list)
    actions = p.add_subparsers(dest="trust_action", metavar="ACTION", parser_class=MirrorArgumentParser)
    a = add_command(actions, "add", "trust a public key (a file from `mirror key export-public`)"
                    ", or the key that signed a bundle (with --fingerprint)", cmd_trust_add)
    a.add_argument("keyfile", help="the key file, or - for stdin; or a signed bundle")
    a.add_argument("--label", help="a name to remember it by")
    a.add_argument("--fingerprint", metavar="FP", help="with a bundle: its signer's "
                   "fingerprint, which must match (shown when the bundle was refused)")
    a.add_argument("--passphrase-file", metavar="FILE",
                   help="with an encrypted bundle: its passphrase (else asked)")
    add_command(actions, "list", "trusted keys", cmd_trust_list)
    a = add_command(actions, "remove", "stop trusting a key", cmd_trust_remove)
    a.add_argument("fingerprint", help="fingerprint or unique prefix")


def _bundle_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--passphrase-file", metavar="FILE",
                   help="passphrase of an encrypted bundle (else asked on the terminal)")
    p.add_argument("--require-signature", action="store_true",
                   help="refuse bundles not signed by a trusted key")


def _check_bundle_path(path: Path) -> None:
    """NotFound for a missing bundle; a folder or a device given as the bundle is invalid
    input, said as such (not "no such file", which sends a person looking for a typo)."""
    if path.is_file():
        return
    if path.is_dir():
        raise InvalidInput(f"{path}: a folder, not a bundle file")
    if path.exists():
        raise InvalidInput(f"{path}: not a regular file (a device, pipe or socket)")
    raise NotFound(f"{path}: no such file")


# -- passphrases --------------------------------------------------------------------------------

def _read_passphrase_file(name: str) -> str:
    # read_head: only the first bytes, never all of /dev/zero; a pipe (`<(pass x)`) is fine
    data = sys.stdin.buffer.read(MAX_PASSPHRASE_FILE_BYTES) if name == "-" else \
        read_head(Path(name), MAX_PASSPHRASE_FILE_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{name}: the passphrase file is not UTF-8 text") from None
    passphrase = text.split("\n", 1)[0].rstrip("\r")
    if not passphrase:
        raise InvalidInput(f"{name}: the passphrase file is empty")
    return passphrase


def _prompt(ctx: Context, confirm: bool) -> str:
    if not ctx.stdin_is_terminal():
        raise UsageError("a passphrase is needed: use --passphrase-file when not at a terminal")
    first = getpass.getpass("Passphrase: ", stream=sys.stderr)
    if not first:
        raise InvalidInput("the passphrase is empty")
    if confirm and getpass.getpass("Passphrase again: ", stream=sys.stderr) != first:
        raise InvalidInput("the passphrases differ")
    return first


def _passphrase_for(args: argparse.Namespace, ctx: Context, bundle: Path) -> str | None:
    from mirror.services.bundles import is_encrypted  # the bundle formats: only export/verify/import load them

    if args.passphrase_file:
        return _read_passphrase_file(args.passphrase_file)
    if bundle.is_file() and is_encrypted(bundle):
        return _prompt(ctx, confirm=False)
    return None


# -- commands -------------------------------------------------------------------------------------

def _stdout_bytes(args: argparse.Namespace, ctx: Context) -> BinaryIO | None:
    """The byte stream behind stdout when the path is `-`, else None."""
    if args.path != "-":
        return None
    if args.format == "markdown":
        raise UsageError("a Markdown export is a folder of files: give a folder, not -")
    if ctx.out.as_json:
        raise UsageError("--json and - both write to stdout: choose one")
    stream = getattr(ctx.out.stdout, "buffer", None)
    if stream is None or (args.format == "bundle" and ctx.out.stdout.isatty()):
        raise UsageError("a bundle is binary: send stdout to a file or a pipe")
    ctx.out.stdout.flush()
    return stream


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal
    to = _stdout_bytes(args, ctx)
    if args.format != "bundle":
        if args.encrypt or args.sign or args.passphrase_file:
            raise UsageError("--encrypt, --sign and --passphrase-file apply to bundles only")
        with render.Progress(ctx.out, "exporting") as progress:
            result = journal.export_plain(args.path, args.format, progress=progress.bar,
                                          overwrite=args.force, to=to)
        _emit(ctx, result, f"exported {counted(result.reflections, 'reflection')} as {args.format} "
                           f"to {'stdout' if to else result.path}")
        return 0
    if args.passphrase_file and not args.encrypt:
        raise UsageError("--passphrase-file needs --encrypt")
    passphrase = None
    if args.encrypt:
        passphrase = _read_passphrase_file(args.passphrase_file) if args.passphrase_file \
            else _prompt(ctx, confirm=True)
    with render.Progress(ctx.out, "exporting") as progress:
        bundle = journal.export_bundle(args.path, passphrase=passphrase, sign=args.sign,
                                       progress=progress.bar, overwrite=args.force, to=to)
    extras = [w for w, on in (("encrypted", bundle.encrypted), ("signed", bundle.signed)) if on]
    _emit(ctx, bundle, f"wrote {'stdout' if to else bundle.path} "
                       f"({counted(bundle.counts.get('reflections', 0), 'reflection')}"
                       f"{', ' + ', '.join(extras) if extras else ''})")
    return 0


def cmd_verify(args: argparse.Namespace, ctx: Context) -> int:
    path = Path(args.bundle)
    _check_bundle_path(path)
    passphrase = _passphrase_for(args, ctx, path)
    try:
        try:
            report = ctx.journal.verify_bundle(path, passphrase=passphrase,
                                               require_signature=args.require_signature)
        except UntrustedSigner as untrusted:
            raise _untrusted(path, untrusted) from None
    except BundleRefused as exc:
        if ctx.out.as_json:
            ctx.out.json({"ok": False, "path": str(path), "error": str(exc)})
        raise
    if ctx.out.as_json:
        ctx.out.json(report.to_json())
        return 0
    sig = report.signature
    ctx.out.line(f"bundle      {report.bundle_id} ({report.created_at})")
    ctx.out.line(f"schema      {report.schema_version}"
                 + (" (will be migrated on import)" if report.needs_migration else ""))
    ctx.out.line(f"signature   {sig.status}" + (f" {sig.fingerprint[:16]}…" if sig.fingerprint else ""))
    ctx.out.line(f"encrypted   {'yes' if report.encrypted else 'no'}")
    ctx.out.line(f"reflections {report.counts.get('reflections', 0)}")
    ctx.out.line("verified    every member, the manifest and the database check out")
    return 0


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    path = Path(args.path)
    journal = ctx.journal
    if args.source:
        if args.passphrase_file or args.require_signature or args.allow_deletes \
                or args.restore_deleted:
            raise UsageError("--passphrase-file, --require-signature, --allow-deletes and "
                             "--restore-deleted apply to bundles only")
        if (args.timeformat or args.jrnl_config) and args.source != "jrnl":
            raise UsageError("--timeformat and --jrnl-config apply to --from jrnl only")
        if args.date_from and args.source != "markdown":
            raise UsageError("--date-from applies to --from markdown only")
        with render.Progress(ctx.out, "importing") as progress:
            foreign = journal.import_foreign(args.source, path, tz=args.tz,
                                             dry_run=args.dry_run, progress=progress.bar,
                                             date_from=args.date_from or "frontmatter",
                                             timeformat=args.timeformat,
                                             jrnl_config=args.jrnl_config,
                                             read_later=not args.wait)
        _emit(ctx, foreign, _foreign_summary(foreign, args.source, args.dry_run))
        if not ctx.out.as_json:
            _list_report(ctx, "skipped", [(i["where"], i["reason"]) for i in foreign.skipped])
            _list_report(ctx, "note", [(i["where"], i["note"]) for i in foreign.notes])
            _reading_later(ctx, foreign.reading_later)
        return 0
    if args.tz or args.timeformat or args.jrnl_config or args.date_from:
        raise UsageError("--tz, --date-from, --timeformat and --jrnl-config apply to --from "
                         "imports only")
    _check_bundle_path(path)
    passphrase = _passphrase_for(args, ctx, path)
    try:
        with render.Progress(ctx.out, "importing") as progress:
            result = journal.import_bundle(path, passphrase=passphrase, dry_run=args.dry_run,
                                           progress=progress.bar,
                                           require_signature=args.require_signature,
                                           confirm_deletes=_confirm_deletes(args, ctx, path),
                                           restore_deleted=args.restore_deleted,
                                           read_later=not args.wait)
    except UntrustedSigner as untrusted:
        raise _untrusted(path, untrusted) from None
    if ctx.out.as_json:
        ctx.out.json(result.to_json())
        return 0
    c = result.changes
    head = "dry run: would change" if args.dry_run else "imported"
    if args.dry_run:
        ctx.out.note(f"dry run (nothing changed): would add {c['reflections_added']}, update "
                     f"{c['reflections_updated']} and delete "
                     + counted(c['reflections_deleted'], "reflection"))
    gone = c.get("reflections_skipped_deleted", 0)
    if not result.changed:
        ctx.out.note(("dry run: " if args.dry_run else "") + "nothing to change: this journal "
                     "already holds everything in the bundle"
                     + (" that was not deleted here" if gone else ""))
    else:
        parts = [_change(k, v) for k, v in c.items() if v and k not in (
            "reflections_unchanged", "reflections_skipped_deleted", "reflections_restored",
            "reflections_restored_earlier")]
        if parts:
            ctx.out.note(f"{head}: " + ", ".join(parts))
    back, earlier = c.get("reflections_restored", 0), c.get("reflections_restored_earlier", 0)
    if back:
        ctx.out.note(f"{counted(back, 'reflection')} deleted here "
                     f"{'would come' if args.dry_run else 'came'} back from the bundle under "
                     f"{'a new ID' if back == 1 else 'new IDs'} (the audit log records "
                     f"{'it' if back == 1 else 'each'})")
    if earlier:
        ctx.out.note(f"note: {counted(earlier, 'reflection')} deleted here "
                     f"{'was' if earlier == 1 else 'were'} restored by an earlier import already")
    gone -= back + earlier
    if gone > 0:
        ctx.out.note(f"note: {counted(gone, 'reflection')} deleted here "
                     f"{'was' if gone == 1 else 'were'} not restored; `mirror import "
                     f"--restore-deleted` brings {'it' if gone == 1 else 'them'} back")
    if c["reflections_deleted"]:
        were = "was" if c["reflections_deleted"] == 1 else "were"
        ctx.out.note(f"note: {counted(c['reflections_deleted'], 'reflection')} deleted in the "
                     f"bundle's journal {were} deleted here too (tombstones win)")
    _reading_later(ctx, result.reading_later)
    return 0


def _reading_later(ctx: Context, count: int) -> None:
    """Say that a large import's reading goes on after the command (`reading_later`)."""
    if count:
        ctx.out.note(f"reading {counted(count, 'reflection')} for patterns and care in the "
                     "background: they can be listed, searched and shown now; `mirror analyze "
                     "--pending` waits for the reading to finish")


#: What each count of a bundle import is of, singular and plural.
_NOUNS = {"reflections": ("reflection", "reflections"), "revisions": ("revision", "revisions"),
          "tombstones": ("tombstone", "tombstones"), "tag_links": ("tag link", "tag links"),
          "threads": ("thread", "threads"), "thread_members": ("thread member", "thread members"),
          "tensions": ("tension", "tensions"), "mirrorbacks": ("mirrorback", "mirrorbacks"),
          "feedback": ("feedback", "feedback")}


def _change(key: str, count: int) -> str:
    """One count of an import as English ("1 tombstone added", "3 reflections kept local")."""
    for noun, (one, many) in _NOUNS.items():
        if key.startswith(noun + "_"):
            return f"{count} {one if count == 1 else many} {key[len(noun) + 1:].replace('_', ' ')}"
    return f"{count} {key.replace('_', ' ')}"


def _foreign_summary(foreign: ForeignImport, source: str, dry_run: bool) -> str:
    """The one summary line of every `--from` import: counts, then what was skipped or
    noted (each listed on its own line after it)."""
    c = foreign.changes
    verb = "would import" if dry_run else "imported"
    extra = [f"{c[key]} {label}" for key, label in (
        ("reflections_skipped_existing", "already here"),
        ("reflections_skipped_deleted", "deleted here, not imported again"), ("skipped", "skipped"),
        ("notes", "noted")) if c.get(key)]
    return (f"{verb} {c['reflections_added']} of {c['entries']} {source} "
            f"entr{'y' if c['entries'] == 1 else 'ies'}"
            + (f" ({', '.join(extra)})" if extra else ""))


REPORT_LINES = 20


def _list_report(ctx: Context, head: str, items: list[tuple[str, str]]) -> None:
    """One line per skipped or noted item, the first REPORT_LINES of each (all of them
    are in `--json`)."""
    for where, what in items[:REPORT_LINES]:
        ctx.out.note(f"{head} {where}: {what}")
    if len(items) > REPORT_LINES:
        ctx.out.note(f"{head}: … and {len(items) - REPORT_LINES} more (all of them with --json)")


def _confirm_deletes(args: argparse.Namespace, ctx: Context, path: Path) -> Callable[[int], bool]:
    """Asked by the import, before it writes, when the bundle's tombstones would delete
    reflections here: --allow-deletes says yes; a terminal asks; a script is refused."""
    def confirm(count: int) -> bool:
        if args.allow_deletes:
            return True
        if not ctx.stdin_is_terminal():
            raise BundleRefused(f"{path.name} would delete {counted(count, 'reflection')} from this "
                                "journal: not imported (add --allow-deletes to accept)")
        ctx.out.stderr.write(f"Importing {path.name} would delete {counted(count, 'reflection')} from "
                             "this journal (deleted in the bundle's journal). Go ahead? [y/N] ")
        ctx.out.stderr.flush()
        try:
            answer = input()
        except EOFError:  # ctrl-D means no
            answer = ""
        return answer.strip().lower() in ("y", "yes")

    return confirm


def cmd_key_show(args: argparse.Namespace, ctx: Context) -> int:
    key = ctx.journal.device_key()
    if ctx.out.as_json:
        ctx.out.json(key.to_json())
        return 0
    ctx.out.line(f"public key   {key.public_key}")
    ctx.out.line(f"fingerprint  {key.fingerprint_display}")
    return 0


def cmd_key_export(args: argparse.Namespace, ctx: Context) -> int:
    key = ctx.journal.device_key()
    text = f"{key.public_key}  # mirror device key {key.fingerprint[:16]}\n"
    if args.path:
        target = Path(args.path)
        if target.exists():
            raise InvalidInput(f"{target} already exists")
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise NotFound(f"cannot write {target}: {exc.strerror}") from None
        ctx.out.note(f"wrote {target}: give it to `mirror trust add` on the importing machine")
    elif not ctx.out.as_json:
        ctx.out.stdout.write(text)
    if ctx.out.as_json:
        ctx.out.json({**key.to_json(), "written_to": args.path})
    return 0


def _untrusted(path: Path, exc: UntrustedSigner) -> BundleRefused:
    """The refusal of a bundle signed by a key not trusted here, with the exact command
    that trusts it (a signed backup restored on a new machine lands here)."""
    return BundleRefused(f"{path.name}: signed by an untrusted key; if it is yours, trust it "
                         f"with: mirror trust add {shlex.quote(str(path))} --fingerprint "
                         f"{exc.fingerprint}")


def cmd_trust_add(args: argparse.Namespace, ctx: Context) -> int:
    if args.fingerprint:
        path = Path(args.keyfile)
        passphrase = _passphrase_for(args, ctx, path)
        key = ctx.journal.trust_signer(path, args.fingerprint, passphrase=passphrase,
                                       label=args.label)
    elif args.passphrase_file:
        raise UsageError("--passphrase-file applies to bundles (with --fingerprint) only")
    else:
        key = _trust_key_file(args, ctx)
    if ctx.out.as_json:
        ctx.out.json({"key": key.to_json()})
    else:
        ctx.out.note(("now trusting " if key.added else "already trusted: ")
                     + key.fingerprint_display)
        ctx.out.note("to refuse unsigned bundles too from now on: "
                     "mirror config set bundles.require_signature true")
    return 0


def _trust_key_file(args: argparse.Namespace, ctx: Context) -> TrustedKey:
    if args.keyfile == "-":
        text = ctx.read_stdin()
    else:
        data = read_head(Path(args.keyfile), 64 * 1024)  # a device or folder: one line
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput(f"{args.keyfile}: not a text key file") from None
    return ctx.journal.trust_add(text, args.label)


def cmd_trust_list(args: argparse.Namespace, ctx: Context) -> int:
    keys = ctx.journal.trust_list()
    if ctx.out.as_json:
        ctx.out.json({"keys": [key.to_json() for key in keys]})
        return 0
    if not keys:
        ctx.out.note("no trusted keys yet: `mirror trust add KEYFILE` (this device's own key is "
                     "always trusted)")
    for key in keys:
        ctx.out.line(f"{key.fingerprint_display}  {key.label or ''}  (since {key.added_at[:10]})")
    return 0


def cmd_trust_remove(args: argparse.Namespace, ctx: Context) -> int:
    key = ctx.journal.trust_remove(args.fingerprint)
    if ctx.out.as_json:
        ctx.out.json({"key": {**key.to_json(), "added": False}})
    else:
        ctx.out.note(f"no longer trusting {key.fingerprint_display}")
    return 0


def _emit(ctx: Context, result: BundleExport | PlainExport | ForeignImport, message: str) -> None:
    if ctx.out.as_json:
        ctx.out.json(result.to_json())
    else:
        ctx.out.note(message)
