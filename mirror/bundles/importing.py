"""Importing into the live journal: bundles (verify, stage, merge) and other journals.

A bundle import runs in this order, and the journal is written only in the last step:

1. `container.open_bundle`: decrypt (age) if needed, then the zip as hostile input, the
   manifest, the signature against *this journal's* trusted keys, every member's SHA-256;
   everything is unpacked into a private folder under MIRROR_HOME/tmp.
2. `foreign.check_foreign_database`: the bundled mirror.db opened read-only/immutable with
   `trusted_schema=OFF` under a time limit, compared with the exact schema Mirror's own
   migrations produce for its version, integrity-checked; its row counts against the
   manifest (`manifest.check_counts`).
3. `foreign.stage_for_import`: an older schema is migrated — on that private copy only.
4. One `BEGIN IMMEDIATE` transaction on the live journal, with the staged copy ATTACHed:
   `storage.merge.merge_attached`, re-derivation of patterns, tensions and care markers
   for every reflection whose text is new here, the import record and audit entries. A
   crash or kill at any moment before COMMIT leaves the journal exactly as it was.

Leftover work folders (a killed import or export) are removed by the next bundle command
(`clean_leftovers`): each folder's name carries its process ID, and only folders whose
process is gone are removed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from mirror.bundles.foreign import ForeignReport
from mirror.clock import utc_iso
from mirror.errors import BundleRefused, InvalidInput, NotFound

if TYPE_CHECKING:
    from mirror.bundles.container import ExtractedBundle
    from mirror.services.journal import Journal

Progress = Callable[[int, int], None]
TMP_FOLDER = "tmp"
_WORK_NAME = re.compile(r"^(export|import|verify)-(\d+)-[A-Za-z0-9_]+$")
DERIVE_BATCH = 500
#: What a bundle may contain besides MANIFEST.json/.sig.
REQUIRED_MEMBERS = ("mirror.db", "config.json")
MAX_CONFIG_BYTES = 256 * 1024


# -- work folders -----------------------------------------------------------------------------

@contextlib.contextmanager
def work_area(home: Path, purpose: str) -> Iterator[Path]:
    """A private folder (0700) under MIRROR_HOME/tmp, removed afterwards. Kept on the
    journal's file system so staged files never cross devices."""
    root = Path(home) / TMP_FOLDER
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{purpose}-{os.getpid()}-", dir=root))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clean_leftovers(home: Path) -> list[str]:
    """Remove work folders left by a killed export/import (their process is gone)."""
    root = Path(home) / TMP_FOLDER
    removed: list[str] = []
    if not root.is_dir():
        return removed
    for entry in root.iterdir():
        match = _WORK_NAME.match(entry.name)
        if match is None or _alive(int(match.group(2))):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry.name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except OSError as exc:
        return exc.errno == errno.EPERM
    return True


# -- verification -----------------------------------------------------------------------------

@dataclass
class CheckedBundle:
    """A bundle that passed every check, unpacked in a private work folder."""

    path: Path
    extracted: "ExtractedBundle"
    database: ForeignReport
    config: dict[str, Any]
    encrypted: bool
    work: Path

    @property
    def manifest(self) -> dict[str, Any]:
        return self.extracted.manifest

    def constitution_files(self) -> dict[str, str]:
        return {m["path"].removeprefix("constitution/"): m["sha256"]
                for m in self.manifest["members"] if m["path"].startswith("constitution/")}

    def report(self) -> dict[str, Any]:
        from mirror import constitution
        from mirror.storage import migrations

        m = self.manifest
        signature = self.extracted.verified.signature
        return {
            "ok": True, "path": str(self.path), "bundle_id": m["bundle_id"],
            "created_at": m["created_at"], "app_version": m["app_version"],
            "format_version": m["format_version"], "schema_version": m["schema_version"],
            "needs_migration": m["schema_version"] < migrations.latest_version(),
            "encrypted": self.encrypted,
            "signature": {"status": signature.status, "fingerprint": signature.fingerprint},
            "audit_head": m["audit_head"], "constitution_version": m["constitution_version"],
            "constitution_matches_ours": m["constitution_version"] == constitution.version(),
            "counts": dict(m["counts"]), "members": len(m["members"]),
            "database_bytes": self.database.size, "error": None,
        }

    def manifest_sha256(self) -> str:
        return hashlib.sha256(self.extracted.verified.manifest_bytes).hexdigest()


def trusted_keys(journal: "Journal") -> tuple:
    """This journal's trusted keys, plus this device's own key when it has one."""
    from mirror.bundles import crypto
    from mirror.storage import trust

    keys = [row["public_key"] for row in trust.keys(journal.store.conn)]
    own = journal.paths.home / crypto.DEVICE_KEY_FILENAME
    if own.exists():
        keys.append(crypto.public_key_text(crypto.load_or_create_device_key(journal.paths.home)))
    return tuple(keys)


@contextlib.contextmanager
def checked_bundle(journal: "Journal", path: Path, passphrase: str | None,
                   require_signature: bool, purpose: str = "verify") -> Iterator[CheckedBundle]:
    from mirror.bundles import crypto
    from mirror.bundles.container import SignaturePolicy, open_bundle
    from mirror.bundles.foreign import check_foreign_database
    from mirror.bundles.jsonio import StrictJSONError, strict_loads
    from mirror.bundles.manifest import check_counts
    from mirror.storage import migrations

    if not path.is_file():
        raise NotFound(f"{path}: no such file")
    label = path.name
    policy = SignaturePolicy(trusted_keys=trusted_keys(journal), require_signature=require_signature)
    with work_area(journal.paths.home, purpose) as work:
        encrypted = crypto.is_age_file(path)
        with open_bundle(path, work, policy, passphrase=passphrase) as extracted:
            manifest = extracted.manifest
            names = [m["path"] for m in manifest["members"]]
            for required in REQUIRED_MEMBERS:
                if required not in names:
                    raise BundleRefused(f"{label}: no {required} in the bundle")
            strays = [n for n in names if n not in REQUIRED_MEMBERS
                      and not n.startswith("constitution/")]
            if strays:
                raise BundleRefused(f"{label}: unexpected member {strays[0]!r} (not written "
                                    "by Mirror)")
            if manifest["schema_version"] > migrations.latest_version():
                raise BundleRefused(
                    f"{label}: the bundle is from a newer Mirror (schema version "
                    f"{manifest['schema_version']}; this Mirror knows "
                    f"{migrations.latest_version()}): upgrade Mirror to import it")
            config_path = extracted.path("config.json")
            if config_path.stat().st_size > MAX_CONFIG_BYTES:
                raise BundleRefused(f"{label}: config.json is too large")
            try:
                config = strict_loads(config_path.read_bytes())
            except StrictJSONError as err:
                raise BundleRefused(f"{label}: config.json is not valid JSON ({err})") from None
            if not isinstance(config, dict):
                raise BundleRefused(f"{label}: config.json is not a JSON object")
            report = check_foreign_database(extracted.path("mirror.db"), f"{label}: mirror.db",
                                            claimed_version=manifest["schema_version"])
            check_counts(manifest, report.counts, f"{label}: MANIFEST.json")
            yield CheckedBundle(path, extracted, report, config, encrypted, work)


# -- bundle import ----------------------------------------------------------------------------

class _DryRun(Exception):
    """Raised inside the import transaction to roll a dry run back."""


def import_bundle(journal: "Journal", path: Path, *, passphrase: str | None = None,
                  dry_run: bool = False, progress: Progress | None = None,
                  require_signature: bool = False) -> dict[str, Any]:
    from mirror.bundles.foreign import stage_for_import
    from mirror.storage import merge
    from mirror.storage.db import transaction

    tick = progress or (lambda done, total: None)
    with checked_bundle(journal, path, passphrase, require_signature, "import") as checked:
        tick(1, 4)
        manifest = checked.manifest
        staged = checked.extracted.path("mirror.db")
        migrated_from = stage_for_import(staged, f"{path.name}: mirror.db",
                                         utc_iso(journal.clock.now())) \
            if manifest["schema_version"] < _latest() else manifest["schema_version"]
        tick(2, 4)
        conn = journal.store.conn
        now = utc_iso(journal.clock.now())
        import_id = journal.clock.new_id()
        details = {
            "path": path.name, "manifest_sha256": checked.manifest_sha256(),
            "app_version": manifest["app_version"], "schema_version": manifest["schema_version"],
            "migrated_from": migrated_from, "audit_head": manifest["audit_head"],
            "constitution_version": manifest["constitution_version"],
            "constitution_files": checked.constitution_files(), "config": checked.config,
            "signature": checked.report()["signature"], "encrypted": checked.encrypted,
        }
        merge.attach(conn, str(staged))
        result = None
        try:
            with transaction(conn):
                result = merge.merge_attached(conn, journal.store.identity_id, now, import_id,
                                              journal.clock.new_id)
                if not dry_run:
                    derive(journal, result.to_derive, progress)
                    merge.record_import(conn, import_id, "bundle", manifest["bundle_id"], now,
                                        details, _summary(result.counts))
                else:
                    raise _DryRun
        except _DryRun:
            pass
        except InvalidInput as exc:  # a row the journal's constraints refuse: rolled back
            raise BundleRefused(f"{path.name}: the bundle's data breaks the journal's rules "
                                f"({exc})") from None
        finally:
            merge.detach(conn)
        if result.deleted and not dry_run:
            journal.store.reflections.purge_deleted_text()
        tick(4, 4)
        report = checked.report()
    return {**report, "dry_run": dry_run, "import_id": None if dry_run else import_id,
            "changes": _summary(result.counts), "changed": _changed(result.counts),
            "rederived": 0 if dry_run else len(result.to_derive),
            "recorded_not_applied": ["config.json", "constitution"]}


def _latest() -> int:
    from mirror.storage import migrations

    return migrations.latest_version()


_SUMMARY_KEYS = ("reflections_added", "reflections_updated", "reflections_kept_local",
                 "reflections_unchanged", "reflections_deleted", "reflections_skipped_deleted",
                 "revisions_added", "tombstones_added", "tag_links_added", "threads_added",
                 "thread_members_added", "tensions_added", "mirrorbacks_added", "feedback_added")


def _summary(counts: dict[str, int]) -> dict[str, int]:
    return {key: counts.get(key, 0) for key in _SUMMARY_KEYS}


def _changed(counts: dict[str, int]) -> bool:
    return any(counts.get(k, 0) for k in _SUMMARY_KEYS
               if k not in ("reflections_unchanged", "reflections_skipped_deleted"))


def derive(journal: "Journal", ids: list[str], progress: Progress | None = None) -> None:
    """Re-derive patterns, tension observations and care markers from the text of `ids`,
    inside the caller's transaction (never trusted from the bundle). Analysis is pure CPU
    work on the text, so large imports spread it over worker processes while this process
    writes the results; small ones stay in-process."""
    from mirror.storage import merge

    conn = journal.store.conn
    derived = journal.store.derived
    total = len(ids)
    done = 0

    def batches():
        for start in range(0, total, DERIVE_BATCH):
            rows = merge.reflections_for_analysis(conn, ids[start:start + DERIVE_BATCH])
            yield [(row["id"], row["content"], row["created_at"]) for row in rows]

    for results in _analysed(batches(), total):
        derived.replace_analyses(results)
        done += len(results)
        if progress is not None:
            progress(done, total)


#: Below this many reflections, worker processes cost more than they save.
PARALLEL_THRESHOLD = 2_000


def analyse_rows(rows: list[tuple[str, str, str]]) -> list[tuple]:
    """(id, text, created_at) -> (id, patterns, observations, care signals, observed_at):
    the same records `mirroring.store_analysis` writes. Runs in worker processes."""
    from mirror.engine.analysis import analyze
    from mirror.services.mirroring import analysis_record

    return [analysis_record(reflection_id, created_at, analyze(text))
            for reflection_id, text, created_at in rows]


def _analysed(batches: Iterator[list], total: int) -> Iterator[list]:
    # One worker per core: writing the results is light (a few inserts per reflection),
    # so this process mostly waits and would leave a core idle if it kept one for itself.
    workers = min(os.cpu_count() or 1, 4)
    if total < PARALLEL_THRESHOLD or workers < 2:
        for batch in batches:
            yield analyse_rows(batch)
        return
    import collections
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from mirror.engine.analysis import analyze

    analyze("warm up")  # load the lexicons once; forked workers inherit them
    # fork: workers start instantly with the engine loaded and never touch the database
    # (they only analyse text handed to them and exit with os._exit).
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_worker_start, initargs=(os.getpid(),)) as pool:
        pending: collections.deque = collections.deque()
        for batch in batches:
            pending.append(pool.submit(analyse_rows, batch))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _worker_start(parent: int) -> None:
    """In each analysis worker: its own connection to the care index (a SQLite connection
    must not cross a fork), and a watchdog that ends the worker when the importing process
    is gone (killed mid-import, its workers would otherwise wait forever to hand over
    results nobody reads)."""
    import threading
    import time

    from mirror.engine.care.detect import detector

    detector.cache_clear()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


# -- other journals ---------------------------------------------------------------------------

PLACEHOLDER_KEY = "placeholder_text"


def _placeholder(metadata: dict[str, Any]) -> str:
    """Text for an entry that has none (a Day One photo-only entry): Mirror stores text,
    so the entry is kept with a description of its media rather than dropped."""
    media = metadata.get("media") or []
    if not media:
        return "(empty entry)"
    kinds: dict[str, int] = {}
    for item in media:
        kind = {"photos": "photo", "audios": "audio recording", "videos": "video",
                "pdfAttachments": "PDF"}.get(item.get("kind"), "attachment")
        kinds[kind] = kinds.get(kind, 0) + 1
    return "(" + ", ".join(f"{n} {k}{'s' if n > 1 else ''}"
                           for k, n in kinds.items()) + ")"


def import_foreign(journal: "Journal", kind: str, path: Path, *, tz: str | None = None,
                   dry_run: bool = False, progress: Progress | None = None) -> dict[str, Any]:
    from mirror.bundles.importers.dayone import import_dayone
    from mirror.bundles.importers.jrnl import import_jrnl
    from mirror.bundles.importers.markdown import import_markdown
    from mirror.storage import merge
    from mirror.storage.db import transaction
    from mirror.storage.reflections import NewReflection

    reader = {"jrnl": import_jrnl, "dayone": import_dayone, "markdown": import_markdown}[kind]
    entries = reader(path, tz)
    news: list[NewReflection] = []
    placeholders = 0
    for entry in entries:
        metadata = {**entry.metadata, "source_id": entry.source_id}
        text = entry.text
        if not text.strip():
            text = _placeholder(metadata)
            metadata[PLACEHOLDER_KEY] = True
            placeholders += 1
        news.append(NewReflection(
            id=merge.derived_id("import", entry.source, entry.source_id), content=text,
            created_at=utc_iso(entry.created_at), created_tz=entry.tz, tags=list(entry.tags),
            starred=entry.starred, source=entry.source, metadata=metadata))
    conn = journal.store.conn
    import_id = journal.clock.new_id()
    now = utc_iso(journal.clock.now())
    seen = merge.existing_ids(conn, [n.id for n in news])
    fresh = [n for n in news if n.id not in seen]
    summary = {"entries": len(entries), "reflections_added": len(fresh),
               "reflections_skipped_existing": len(news) - len(fresh),
               "placeholders": placeholders}
    if not dry_run and fresh:
        with transaction(conn):
            ids = merge.insert_reflections(journal.store.reflections, fresh,
                                           {"import": import_id})
            derive(journal, ids, progress)
            merge.record_import(conn, import_id, kind, None, now,
                                {"path": path.name, "tz": tz}, summary)
    elif not dry_run:
        with transaction(conn):
            merge.record_import(conn, import_id, kind, None, now,
                                {"path": path.name, "tz": tz}, summary)
    return {"ok": True, "from": kind, "path": str(path), "dry_run": dry_run,
            "import_id": None if dry_run else import_id, "changes": summary,
            "changed": bool(fresh), "ids": [n.id for n in fresh][:1000]}
