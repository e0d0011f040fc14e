"""Bundles and other journals, as use cases: export, verify, import (bundles and jrnl,
Day One, Markdown), the device key and trusted keys. Each function takes the journal's
`JournalContext`, owns its transactions, and returns a record from `mirror.models`
(`BundleExport`, `BundleCheck`, `BundleImport`, `ForeignImport`, `TrustedKey`, …) whose
`to_json()` is what `--json` prints.

Formats live below: `mirror.bundles.container` writes and opens bundles,
`mirror.bundles.checked` verifies one completely, `mirror.bundles.importers` read other
tools' files; `mirror.storage.merge` holds every SQL statement an import runs.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from mirror import __version__, constitution
from mirror.bundles import crypto, exporters
from mirror.bundles.checked import CheckedBundle, checked_bundle, clean_leftovers, work_area
from mirror.bundles.container import SignaturePolicy, open_bundle, write_bundle
from mirror.bundles.export import (
    CONFIG_FORMAT,
    constitution_members,
    default_name,
    destination,
    export_folder,
    plain_record,
    write_atomic,
    write_atomic_chunks,
)
from mirror.bundles.importers.base import (
    ImportedEntry,
    ImportOptions,
    ImportReport,
    placeholder_text,
)
from mirror.bundles.jsonio import canonical_bytes
from mirror.bundles.manifest import SIGNATURE_NAME, BundleInfo, carries_fts
from mirror.clock import utc_iso
from mirror.display import counted
from mirror.errors import BundleRefused, InvalidInput, NotFound, UsageError
from mirror.models.bundles import (
    BundleCheck,
    BundleExport,
    BundleImport,
    DeviceKey,
    ForeignImport,
    ImportRecord,
    PlainExport,
    TrustedKey,
)
from mirror.models.status import DeriveReport
from mirror.services.context import JournalContext
from mirror.services.deriving import Overlapped, finish_pending, note_pending
from mirror.services.recheck import recheck_imported
from mirror.services.trusted import trusted_keys
from mirror.storage import merge, migrations, trust
from mirror.storage.db import transaction
from mirror.storage.foreign import DEVICE_TABLES, NOT_EXPORTED, stage_for_import
from mirror.storage.reflections import NewReflection

Progress = Callable[[int, int], None]
#: Asked with how many reflections an import would delete; True lets it go ahead.
ConfirmDeletes = Callable[[int], bool]
FOREIGN_KINDS = ("jrnl", "dayone", "markdown", "json")
PLACEHOLDER_KEY = "placeholder_text"


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


# -- export -------------------------------------------------------------------------------

def export_bundle(ctx: JournalContext, path: str | Path | None = None, *,
                  passphrase: str | None = None, sign: bool = False,
                  progress: Progress | None = None, overwrite: bool = False,
                  to: BinaryIO | None = None) -> BundleExport:
    """A bundle of the whole journal: snapshot, scrubbed of what never leaves this machine,
    with config and constitution, signed and/or encrypted as asked. With `to` (stdout),
    the bundle is built in the private work area and streamed there; `path` is ignored."""
    clean_leftovers(ctx.paths.home)
    if passphrase is not None and not passphrase:
        raise InvalidInput("the passphrase is empty")
    now = ctx.clock.now()
    suffix = ".zip.age" if passphrase else ".zip"
    dest = destination(path, now, suffix, overwrite) if to is None else Path("-")
    steps = 5 if passphrase else 4
    key = crypto.load_or_create_device_key(ctx.paths.home) if sign else None
    # scrypt's 256 MiB before the snapshot, not after it: the two peaks never add up
    sealer = crypto.prepare_encryption(passphrase) if passphrase else None
    with work_area(ctx.paths.home, "export") as work:
        if to is not None:
            dest = work / default_name(now, suffix)
        snap = work / "mirror.db"
        merge.snapshot(ctx.store.conn, str(snap))
        _tick(progress, 1, steps)
        facts = merge.scrub_snapshot(str(snap), (*NOT_EXPORTED, *DEVICE_TABLES))
        _tick(progress, 2, steps)
        members = {"mirror.db": snap, "config.json": work / "config.json"}
        members["config.json"].write_bytes(canonical_bytes(
            {"format": CONFIG_FORMAT, "settings": ctx.settings.as_flat(environment=False)}))
        members.update(constitution_members(work / "constitution"))
        info = BundleInfo(
            schema_version=facts.schema_version, app_version=__version__,
            bundle_id=ctx.clock.new_id(), created_at=now, counts=facts.counts,
            audit_head=facts.audit_head, constitution_version=constitution.version(),
            encrypted=bool(passphrase))
        if passphrase:
            plain = work / "bundle.zip"
            manifest = write_bundle(plain, members, info, signing_key=key)
            _tick(progress, 3, steps)
            if overwrite:
                dest.unlink(missing_ok=True)
            crypto.encrypt_file(plain, dest, sealer or passphrase)
        else:
            manifest = write_bundle(dest, members, info, signing_key=key, overwrite=overwrite)
        _tick(progress, steps - 1, steps)
        size = dest.stat().st_size
        if to is not None:
            with open(dest, "rb") as handle:
                shutil.copyfileobj(handle, to)
            to.flush()
            dest = Path("-")
    details = {"path": dest.name, "encrypted": bool(passphrase), "signed": key is not None,
               "reflections": facts.counts.get("reflections", 0), "audit_head": facts.audit_head}
    merge.record_export(ctx.store.conn, utc_iso(ctx.clock.now()), info.bundle_id, details)
    _tick(progress, steps, steps)
    return BundleExport(
        path=str(dest), bundle_id=info.bundle_id, created_at=manifest["created_at"],
        size=size, encrypted=bool(passphrase), signed=key is not None,
        signer_fingerprint=crypto.fingerprint(key) if key is not None else None,
        schema_version=facts.schema_version, constitution_version=info.constitution_version,
        audit_head=facts.audit_head, counts=facts.counts,
        members=tuple(m["path"] for m in manifest["members"]),
        omitted=tuple(sorted(NOT_EXPORTED)))


def export_plain(ctx: JournalContext, path: str | Path | None, fmt: str, *,
                 progress: Progress | None = None, overwrite: bool = False,
                 to: BinaryIO | None = None) -> PlainExport:
    """Markdown (a folder of files that import back), JSON (one document) or jrnl (one
    text file `jrnl --import` reads); with `to`, JSON and jrnl are written there instead
    of to `path`."""
    total = ctx.store.reflections.count()
    records = (plain_record(r) for r in ctx.store.reflections.iter_all())
    now = ctx.clock.now()
    if to is not None and fmt not in ("json", "jrnl"):
        raise UsageError(f"a {fmt} export cannot go to stdout (only json, jrnl and bundle can)")
    if fmt == "json":
        dest = destination(path, now, ".json", overwrite) if to is None else Path("-")
        document = exporters.reflections_to_json(records, exported_at=now,
                                                 app_version=__version__)
        if to is None:
            write_atomic(dest, exporters.json_document_bytes(document))
        else:
            to.write(exporters.json_document_bytes(document))
            to.flush()
        written = len(document["reflections"])
    elif fmt == "markdown":
        created = not path or not Path(path).exists()
        dest = export_folder(path, now, overwrite)
        written = _markdown_export(dest, exporters.markdown_files(records), created,
                                   progress, total)
    elif fmt == "jrnl":
        dest = destination(path, now, ".txt", overwrite) if to is None else Path("-")
        chunks = _jrnl_chunks(ctx, progress, total)
        if to is None:
            write_atomic_chunks(dest, chunks)
        else:
            for chunk in chunks:
                to.write(chunk)
            to.flush()
        written = total
    else:
        raise InvalidInput(f"unknown export format {fmt!r} (bundle, markdown, json or jrnl)")
    _tick(progress, total, total)
    merge.record_export(ctx.store.conn, utc_iso(ctx.clock.now()), ctx.clock.new_id(),
                        {"path": dest.name, "format": fmt, "reflections": written})
    return PlainExport(format=fmt, path=str(dest), reflections=written)


def _markdown_export(dest: Path, files: Iterable[tuple[str, str]], created: bool,
                     progress: Progress | None, total: int) -> int:
    """Write the Markdown files into `dest`; the number written. A failure part way (the
    disk full, the folder removed) takes back every file this export added, and the folder
    when the export made it: a half-written folder would read back later as a complete
    export that had lost reflections. Files it replaced (`--force`) stay replaced."""
    new: list[Path] = []
    written = 0
    try:
        for name, content in files:
            target = dest / name
            existed = target.exists()
            write_atomic(target, content.encode("utf-8"))
            if not existed:
                new.append(target)
            written += 1
            if written % 500 == 0:
                _tick(progress, written, total)
    except BaseException:
        for target in new:
            target.unlink(missing_ok=True)
        if created:
            with contextlib.suppress(OSError):
                dest.rmdir()
        raise
    return written


def _jrnl_chunks(ctx: JournalContext, progress: Progress | None, total: int) -> Iterator[bytes]:
    """The jrnl export as UTF-8 pieces of about 1 MB, entry by entry in time order (the
    `created_at` index's order; the few reflections with a damaged stored time are placed
    apart), so memory stays flat at any size."""
    store = ctx.store.reflections
    damaged = store.with_damaged_time()
    aside = [plain_record(store.get(i)) for i in sorted(damaged)]
    records = (plain_record(r) for r in store.iter_oldest_first() if r.id not in damaged)
    pending: list[str] = []
    size = done = 0
    for entry in exporters.jrnl_streamed(records, aside):
        pending.append(entry)
        size += len(entry)
        done += 1
        if size >= 1 << 20:
            yield "".join(pending).encode("utf-8")
            pending, size = [], 0
            _tick(progress, done, total)
    if pending:
        yield "".join(pending).encode("utf-8")


def is_encrypted(path: Path) -> bool:
    """Whether a bundle file is passphrase-encrypted (age): the CLI asks for a passphrase."""
    return crypto.is_age_file(path)


# -- verify and import ----------------------------------------------------------------------

def verify_bundle(ctx: JournalContext, path: str | Path, passphrase: str | None = None,
                  require_signature: bool = False) -> BundleCheck:
    """Every check an import makes, without touching the journal. Raises `BundleRefused`
    (exit 6) with one line naming the first problem."""
    clean_leftovers(ctx.paths.home)
    with checked_bundle(ctx.paths.home, Path(path), passphrase, trusted_keys(ctx),
                        _signature_required(ctx, require_signature)) as checked:
        return checked.report()


class _DryRun(Exception):
    """Raised inside the import transaction to roll a dry run back."""


def _signature_required(ctx: JournalContext, asked: bool) -> bool:
    """Asked for this once, or always (the `bundles.require_signature` setting)."""
    return asked or bool(ctx.settings.get("bundles.require_signature"))


def import_bundle(ctx: JournalContext, path: str | Path, *, passphrase: str | None = None,
                  dry_run: bool = False, progress: Progress | None = None,
                  require_signature: bool = False,
                  confirm_deletes: ConfirmDeletes | None = None,
                  restore_deleted: bool = False, read_later: bool = True) -> BundleImport:
    """Verify a bundle, then merge it in one transaction and re-derive what is new after
    it committed (or only report what would change, with `dry_run`). When the bundle's
    tombstones would delete reflections here, `confirm_deletes(count)` is asked first,
    outside any transaction; False refuses the import (`BundleRefused`). `restore_deleted`:
    the bundle's reflections deleted here come back as new reflections (`merge.restore_deleted`:
    the tombstones stay). `read_later`: a large import leaves the reading to a detached
    reader (`reading_later`); False reads everything before returning."""
    clean_leftovers(ctx.paths.home)
    if not dry_run:
        finish_pending(ctx)
    path = Path(path)
    tick = progress or (lambda done, total: None)
    with checked_bundle(ctx.paths.home, path, passphrase, trusted_keys(ctx),
                        _signature_required(ctx, require_signature), "import") as checked:
        tick(1, 4)
        manifest = checked.manifest
        staged = checked.extracted.path("mirror.db")
        migrated_from = (stage_for_import(staged, f"{path.name}: mirror.db",
                                          utc_iso(ctx.clock.now()),
                                          with_fts=carries_fts(manifest))
                         if manifest["schema_version"] < migrations.latest_version()
                         else manifest["schema_version"])
        tick(2, 4)
        result = _merge_checked(ctx, checked, path, migrated_from, dry_run, progress,
                                confirm_deletes, restore_deleted,
                                None if dry_run or not read_later else _later_from(ctx))
        tick(4, 4)
        report = checked.report()
    merged, import_id, derived = result
    return BundleImport(
        check=report, dry_run=dry_run, import_id=None if dry_run else import_id,
        changes=_summary(merged.counts), changed=_changed(merged.counts),
        rederived=0 if dry_run else len(merged.to_derive) - derived.later,
        recorded_not_applied=("config.json", "constitution"), reading_later=derived.later)


def _later_from(ctx: JournalContext) -> int | None:
    """From how many reflections still to read an import leaves them to a detached reader;
    None where none can run (`reading_later.supported`)."""
    from mirror.services import reading_later  # imports only

    return reading_later.threshold(ctx) if reading_later.supported(ctx) else None


def _read_later(ctx: JournalContext, report: DeriveReport) -> DeriveReport:
    """Start the detached reader when an import left reflections to it."""
    if report.later:
        from mirror.services import reading_later  # imports only

        reading_later.start(ctx)
    return report


def _merge_checked(ctx: JournalContext, checked: CheckedBundle, path: Path, migrated_from: int,
                   dry_run: bool, progress: Progress | None,
                   confirm_deletes: ConfirmDeletes | None,
                   restore_deleted: bool = False, later_from: int | None = None,
                   ) -> tuple[merge.MergeResult, str, DeriveReport]:
    """The one transaction of a bundle import: merge and record (a crash or kill before
    COMMIT leaves the journal exactly as it was); then re-derive in short transactions,
    or leave them to a detached reader past `later_from` (see `import_bundle`)."""

    manifest = checked.manifest
    conn = ctx.store.conn
    now = utc_iso(ctx.clock.now())
    import_id = ctx.clock.new_id()
    details = {
        "path": path.name, "manifest_sha256": checked.manifest_sha256(),
        "app_version": manifest["app_version"], "schema_version": manifest["schema_version"],
        "migrated_from": migrated_from, "audit_head": manifest["audit_head"],
        "constitution_version": manifest["constitution_version"],
        "constitution_files": checked.constitution_files(), "config": checked.config,
        "signature": checked.report().signature.to_json(), "encrypted": checked.encrypted,
    }
    staged = str(checked.extracted.path("mirror.db"))
    merge.attach(conn, staged)
    result: merge.MergeResult | None = None
    analyser: Overlapped | None = None
    texts = merge.StagedTexts(staged)
    try:
        try:
            if not dry_run:  # analysis starts now, beside the merge (read from the staged copy)
                analyser = Overlapped(ctx)
                new_ids = merge.new_ids(conn)
                if later_from is None or len(new_ids) < later_from:  # else: left to a reader
                    analyser.feed(new_ids, texts)
            allowed = None
            if confirm_deletes is not None and not dry_run:
                allowed = merge.count_deletions(conn)
                if allowed and not confirm_deletes(allowed):
                    raise BundleRefused(f"{path.name}: not imported (it would delete "
                                        f"{counted(allowed, 'reflection')} here)")
            with transaction(conn):
                result = merge.merge_attached(conn, ctx.store.identity_id, now, import_id,
                                              ctx.clock.new_id)
                result.add("mirrorbacks_failed_checks", recheck_imported(conn, result.mirrorbacks))
                if result.counts.get("reflections_skipped_deleted"):
                    result.add("reflections_restored_earlier", merge.restored_earlier(conn))
                if restore_deleted:
                    back = merge.restore_deleted(conn, ctx.store.identity_id, now, ctx.clock.new_id,
                                                 {"import_id": import_id, "path": path.name})
                    result.add("reflections_restored", len(back))
                    result.to_derive += back
                if dry_run:
                    raise _DryRun
                if allowed is not None and result.deleted > allowed:
                    raise BundleRefused(f"{path.name}: not imported (it would now delete "
                                        f"{counted(result.deleted, 'reflection')}, not {allowed})")
                merge.record_import(conn, import_id, "bundle", manifest["bundle_id"], now,
                                    details, _summary(result.counts))
                note_pending(ctx, result.to_derive)
        except _DryRun:
            pass
        except InvalidInput as exc:  # a row the journal's constraints refuse: rolled back
            raise BundleRefused(f"{path.name}: the bundle's data breaks the journal's rules "
                                f"({exc})") from None
        finally:
            merge.detach(conn)
        assert result is not None  # merge_attached either returned or raised
        if result.deleted and not dry_run:
            ctx.store.reflections.purge_deleted_text()
        derived = DeriveReport()
        if analyser is not None:  # after COMMIT, in short transactions (what was fed first)
            derived = _read_later(ctx, analyser.finish(progress, merged=result.to_derive,
                                                       later_from=later_from))
    finally:
        if analyser is not None:
            analyser.close()
        texts.close()
    return result, import_id, derived


_SUMMARY_KEYS = ("reflections_added", "reflections_updated", "reflections_kept_local",
                 "reflections_unchanged", "reflections_deleted", "reflections_skipped_deleted",
                 "reflections_restored", "reflections_restored_earlier",
                 "revisions_added", "tombstones_added", "tag_links_added", "threads_added",
                 "thread_members_added", "tensions_added", "mirrorbacks_added", "feedback_added")


def _summary(counts: dict[str, int]) -> dict[str, int]:
    return {key: counts.get(key, 0) for key in _SUMMARY_KEYS}


def _changed(counts: dict[str, int]) -> bool:
    return any(counts.get(k, 0) for k in _SUMMARY_KEYS
               if k not in ("reflections_unchanged", "reflections_skipped_deleted",
                            "reflections_restored_earlier"))


def _reader(kind: str) -> Callable[..., Iterable[ImportedEntry]]:
    """The reader of one source: `(path, options=, report=) -> entries`. Each is imported
    only for its own kind: a Day One import never loads jrnl's."""
    if kind == "jrnl":
        from mirror.bundles.importers.jrnl import iter_jrnl  # this kind's reader only
        return iter_jrnl
    if kind == "dayone":
        from mirror.bundles.importers.dayone import import_dayone  # this kind's reader only
        return import_dayone
    if kind == "json":
        from mirror.bundles.importers.mirrorjson import import_mirror_json  # this kind's reader only
        return import_mirror_json
    from mirror.bundles.importers.markdown import import_markdown  # this kind's reader only
    return import_markdown


def _new_reflection(entry: ImportedEntry, private: bool = False) -> tuple[NewReflection, bool]:
    """The reflection an imported entry becomes, and whether its text is a placeholder.
    An entry exported by Mirror keeps its ID (the import merges by it); others get an ID
    derived from their source's own, so re-importing a file adds nothing. `private`: the
    journal's `private_by_default`, which an import honours as `reflect` does."""
    metadata = dict(entry.metadata)  # a reflection exported by Mirror keeps its own as it was
    if entry.reflection_id is None:
        metadata["source_id"] = entry.source_id
    text = entry.text
    placeholder = not text.strip()
    if placeholder:
        text = placeholder_text(metadata)
        metadata[PLACEHOLDER_KEY] = True
    return NewReflection(
        id=entry.reflection_id or merge.derived_id("import", entry.source, entry.source_id),
        content=text, created_at=utc_iso(entry.created_at), created_tz=entry.tz,
        tags=list(entry.tags), starred=entry.starred, private=entry.private or private,
        source=entry.source, metadata=metadata), placeholder


def import_foreign(ctx: JournalContext, kind: str, path: str | Path, *, tz: str | None = None,
                   dry_run: bool = False, progress: Progress | None = None,
                   options: ImportOptions | None = None, read_later: bool = True) -> ForeignImport:
    """jrnl (text or JSON), Day One (zip or JSON), a folder of Markdown files or Mirror's
    own JSON export: new entries are added in one transaction, then derived; entries
    imported before (or exported from here: same ID) are skipped. What the reader skipped
    or had to interpret comes back in the one report every source shares.

    The reader's entries are streamed through the bulk write path (`storage.bulk`) in
    chunks, and each chunk's new reflections are handed to the analysis workers at once
    (`deriving.Overlapped`), so reading, writing and analysing overlap and memory stays
    flat; a problem anywhere in the file rolls the whole import back. `read_later`: what
    is left to analyse after COMMIT, when there is much of it, is left to a detached reader
    (`reading_later`); False reads everything before returning."""
    if kind not in FOREIGN_KINDS:
        raise UsageError(f"--from must be one of: {', '.join(FOREIGN_KINDS)}")
    path = Path(path)
    if not path.exists():
        raise NotFound(f"{path}: no such file or folder")
    options = options or ImportOptions(tz=tz)
    report = ImportReport()
    entries = _reader(kind)(path, options=options, report=report)
    private = bool(ctx.settings.get("private_by_default"))
    conn = ctx.store.conn
    import_id = ctx.clock.new_id()
    now = utc_iso(ctx.clock.now())
    if not dry_run:
        finish_pending(ctx)
    from mirror.services.deriving import Overlapped  # the engine: imports only
    from mirror.storage.bulk import BulkInserter  # imports only

    # Mirror's own jrnl export has no IDs: it is known by time and text, among the
    # reflections that were here before this import (none in an empty journal).
    match = kind == "jrnl" and ctx.store.reflections.count() > 0
    counts = {"entries": 0, "added": 0, "placeholders": 0}
    first_ids: list[str] = []
    later_from = _later_from(ctx) if read_later and not dry_run else None
    analyser = None if dry_run else Overlapped(ctx, overlap=later_from is None)
    try:
        try:
            with transaction(conn):
                writer = BulkInserter(conn, ctx.store.identity_id, now)
                added_here: set[str] = set()
                for chunk in _chunks(entries, IMPORT_CHUNK):
                    built = [_new_reflection(entry, private) for entry in chunk]
                    counts["entries"] += len(chunk)
                    counts["placeholders"] += sum(1 for _new, placeholder in built if placeholder)
                    news = [new for new, _ in built]
                    if match:
                        from mirror.services.foreign_match import already_here  # jrnl only

                        known = {i for i, rid in already_here(ctx, chunk).items()
                                 if rid not in added_here}
                        news = [new for i, new in enumerate(news) if i not in known]
                    added = writer.add(news)
                    counts["added"] += len(added)
                    if match:
                        added_here.update(row[0] for row in added)
                    first_ids += [row[0] for row in added[:1000 - len(first_ids)]]
                    if analyser is not None:
                        analyser.offer(added)
                    _tick(progress, counts["added"], 0)
                counts["deleted_here"] = writer.deleted_here
                summary = _foreign_summary(counts, report)
                writer.close()
                if dry_run:
                    raise _DryRun
                merge.record_import(conn, import_id, kind, None, now,
                                    {"path": path.name, "from": kind, "tz": options.tz,
                                     "skipped": report.skipped[:1000],
                                     "notes": report.notes[:1000]}, summary)
                if analyser is not None:
                    analyser.note()
        except _DryRun:
            pass
        later = 0
        if analyser is not None:
            later = _read_later(ctx, analyser.finish(progress, later_from=later_from)).later
    finally:
        if analyser is not None:
            analyser.close()
    return ForeignImport(source=kind, path=str(path), dry_run=dry_run,
                         import_id=None if dry_run else import_id, changes=summary,
                         changed=bool(counts["added"]), ids=tuple(first_ids),
                         skipped=tuple(report.skipped), notes=tuple(report.notes),
                         reading_later=later)


#: Entries written per chunk of a foreign import (one staged `executemany` each).
IMPORT_CHUNK = 2_000


def _chunks(entries: Iterable[ImportedEntry], size: int) -> Iterator[list[ImportedEntry]]:
    chunk: list[ImportedEntry] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _foreign_summary(counts: dict[str, int], report: ImportReport) -> dict[str, int]:
    return {"entries": counts["entries"] + len(report.skipped),
            "reflections_added": counts["added"],
            "reflections_skipped_existing": counts["entries"] - counts["added"]
            - counts.get("deleted_here", 0),
            "reflections_skipped_deleted": counts.get("deleted_here", 0),
            "placeholders": counts["placeholders"], "skipped": len(report.skipped),
            "notes": len(report.notes)}


def imports(ctx: JournalContext, limit: int = 50) -> list[ImportRecord]:
    """Earlier imports, newest first."""
    return merge.imports(ctx.store.conn, limit)


# -- keys -----------------------------------------------------------------------------------

def device_key(ctx: JournalContext) -> DeviceKey:
    """This device's signing key (created on first use, mode 0600 in MIRROR_HOME)."""
    key = crypto.load_or_create_device_key(ctx.paths.home)
    fp = crypto.fingerprint(key)
    return DeviceKey(public_key=crypto.public_key_text(key), fingerprint=fp,
                     fingerprint_display=crypto.format_fingerprint(fp),
                     path=str(ctx.paths.home / crypto.DEVICE_KEY_FILENAME))


def trust_add(ctx: JournalContext, key_text: str, label: str | None = None) -> TrustedKey:
    """Trust a public key (a file's text: the key line, or a PEM block)."""
    lines = [line.split("#", 1)[0].strip() for line in key_text.splitlines()]
    text = key_text.strip() if key_text.strip().startswith("-----BEGIN") else \
        next((line for line in lines if line), "")
    if not text:
        raise InvalidInput("the key file is empty")
    key = crypto.parse_public_key(text)
    row, new = trust.add(ctx.store.conn, ctx.clock, crypto.fingerprint(key),
                         crypto.public_key_text(key), label)
    return _trusted_key(row, added=new)


def trust_signer(ctx: JournalContext, path: str | Path, fingerprint: str, *,
                 passphrase: str | None = None, label: str | None = None) -> TrustedKey:
    """Trust the key that signed a bundle (a signed backup restored on a new machine, whose
    old device key is gone). The bundle is verified completely first, and `fingerprint`,
    which the person compares with what they know, must be its signer's."""
    path = Path(path)
    wanted = "".join(fingerprint.split()).lower()
    if len(wanted) < 16 or any(c not in "0123456789abcdef" for c in wanted):
        raise InvalidInput("--fingerprint: the signer's fingerprint (16 or more hex digits)")
    if not path.is_file():
        raise NotFound(f"{path}: no such file")
    clean_leftovers(ctx.paths.home)
    with work_area(ctx.paths.home, "trust") as work:
        policy = SignaturePolicy(allow_untrusted=True)
        with open_bundle(path, work, policy, passphrase=passphrase) as extracted:
            signer = extracted.verified.signature.fingerprint
        if signer is None:
            raise InvalidInput(f"{path.name} is not signed: there is no key to trust")
        if not signer.startswith(wanted):
            raise InvalidInput(f"{path.name} was signed by {crypto.format_fingerprint(signer)},"
                               f" not {fingerprint}: nothing trusted")
        plain = path
        if crypto.is_age_file(path):
            plain = work / "bundle.zip"
            crypto.decrypt_file(path, plain, passphrase or "")
        with zipfile.ZipFile(plain) as archive:
            key_text = json.loads(archive.read(SIGNATURE_NAME))["public_key"]
    if crypto.fingerprint(crypto.parse_public_key(key_text)) != signer:
        raise BundleRefused(f"{path.name}: the bundle changed while it was read")
    return trust_add(ctx, key_text, label)


def trust_list(ctx: JournalContext) -> list[TrustedKey]:
    return [_trusted_key(row) for row in trust.keys(ctx.store.conn)]


def trust_remove(ctx: JournalContext, fingerprint: str) -> TrustedKey:
    return _trusted_key(trust.remove(ctx.store.conn, ctx.clock, fingerprint))


def _trusted_key(row: dict[str, Any], added: bool | None = None) -> TrustedKey:
    return TrustedKey(fingerprint=row["fingerprint"], public_key=row["public_key"],
                      label=row["label"], added_at=row["added_at"],
                      fingerprint_display=crypto.format_fingerprint(row["fingerprint"]),
                      added=added)
