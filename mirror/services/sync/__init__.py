"""`mirror sync`, as use cases: pair, unpair, status, one sync, and watching a folder.

One sync (`sync`):

1. devices announced in the folder with the journal key are paired (`keys`);
2. what changed here since the last change set is written as one new change set into
   `DIR/<device-id>/` (a temporary name, fsync, rename: a sync tool never sees half a
   file; the ledger records it in the same transaction that settles the changes, so a
   kill before COMMIT leaves the changes to be sent again — and the file, if it was
   renamed already, is applied back here like any other, which changes nothing);
3. every change set in the folder that this journal has not applied is opened
   (`changeset`: decrypt, verify the device's signature, check its place) and merged in
   one transaction with the bundle merge (`storage.merge`) under sync's ordering
   (`storage.sync`, which merges threads itself: renames and archiving travel, and two
   threads given one title are both kept); a refused one changes nothing and is reported
   in one line;
4. what arrived is re-derived after the merges committed (`deriving`), as for bundles.
"""

from __future__ import annotations

import hashlib
import os
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mirror.bundles import crypto
from mirror.clock import utc_iso
from mirror.errors import BundleRefused, InvalidInput, MirrorError, NotFound, UsageError
from mirror.fileio import read_limited
from mirror.models.sync import Refusal, SyncDevice, SyncPairing, SyncReport, SyncStatus
from mirror.services.context import JournalContext
from mirror.services.sync import changeset, keys
from mirror.storage import sync as store
from mirror.storage.db import transaction

if TYPE_CHECKING:
    from mirror.storage.merge import MergeResult

Progress = Callable[[int, int], None]
#: `deriving.PENDING_FILE` (tests/sync check they agree): an idle sync looks for it without
#: importing the engine, which costs more than the whole idle sync.
PENDING_FILE = "derive-pending.json"


class _DryRun(Exception):
    """Raised inside a dry run's transaction so that it rolls back."""


class _AppliedMeanwhile(Exception):
    """Another Mirror process of this journal applied the change set first."""


def _now(ctx: JournalContext) -> str:
    return utc_iso(ctx.clock.now())


def _me(ctx: JournalContext) -> tuple[Any, str, str]:
    key = crypto.load_or_create_device_key(ctx.paths.home)
    public = crypto.public_key_text(key)
    return key, public, keys.device_id_of(public)


# -- pairing -------------------------------------------------------------------------------

def pair(ctx: JournalContext, folder: str | Path, *, code: str | None = None,
         include_private: bool = False, label: str | None = None) -> SyncPairing:
    """Pair this journal with `folder`. The first device creates the journal key and shows
    a short code (or uses `code`, a passphrase the person chose); the others give it."""
    path = Path(folder).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    _, public, device_id = _me(ctx)
    held = keys.load_key(ctx.paths.home)
    first = not (path / keys.PAIRING_FILE).is_file()
    was = store.state(ctx.store.conn)
    shown: str | None = None
    if held is not None and not first and was is not None and Path(was["folder"]) == path:
        key = held  # already paired with this folder: only the options change
    elif first:
        key = held or keys.create_journal_key()
        secret = keys.normalise_code(code) if code else keys.new_code()
        shown = None if code else secret
        keys.write_pairing(path, key, secret)
    else:
        if not code:
            raise UsageError(f"{path} is already paired: give the code shown on the first device"
                             " (--code, or --passphrase-file)")
        key = keys.read_pairing(path, keys.normalise_code(code))
        if held is not None and held != key:
            raise InvalidInput("this journal is paired with another journal key: run"
                               " `mirror sync unpair` first")
    keys.save_key(ctx.paths.home, key)
    name = label or socket.gethostname() or device_id
    keys.announce(path, key, device_id, public, name)
    conn = ctx.store.conn
    store.pair(conn, device_id, str(path), public, name, _now(ctx), include_private)
    if include_private and was is not None and not was["include_private"]:
        store.mark_private(conn)  # held back until now: send them
    return SyncPairing(device_id=device_id, folder=str(path), first_device=first, code=shown,
                       include_private=include_private)


def unpair(ctx: JournalContext, device: str | None = None) -> SyncDevice | None:
    """Without `device`: this device leaves (forgets the journal key and stops tracking
    changes). With one (an ID prefix): its change sets are refused from now on."""
    conn = ctx.store.conn
    state = store.state(conn)
    if state is None:
        raise UsageError("this journal is not paired for sync")
    if device is None or state["device_id"].startswith(device.lower()) and len(device) >= 4:
        if device is None:
            store.leave(conn, _now(ctx))
            keys.forget_key(ctx.paths.home)
            return None
        raise InvalidInput("that is this device: run `mirror sync unpair` without an ID to leave")
    matches = [d for d in store.devices(conn) if d["device_id"].startswith(device.lower())]
    key = keys.load_key(ctx.paths.home)
    if not matches and key is not None and Path(state["folder"]).is_dir():
        # announced in the folder but not synced with yet: pair it in order to unpair it
        _pair_announced(ctx, Path(state["folder"]), key, state["device_id"], dry_run=False)
        matches = [d for d in store.devices(conn) if d["device_id"].startswith(device.lower())]
    if not matches:
        raise NotFound(f"no paired device {device}")
    if len(matches) > 1:
        raise NotFound(f"device ID {device} is ambiguous")
    store.unpair_device(conn, matches[0]["device_id"], _now(ctx))
    return _device([d for d in store.devices(conn)
                    if d["device_id"] == matches[0]["device_id"]][0], state["device_id"])


def _device(row: dict, me: str) -> SyncDevice:
    return SyncDevice(device_id=row["device_id"], public_key=row["public_key"], label=row["label"],
                      paired_at=row["paired_at"], last_seen_at=row["last_seen_at"],
                      unpaired_at=row["unpaired_at"], change_sets=row["change_sets"],
                      this_device=row["device_id"] == me)


# -- status --------------------------------------------------------------------------------

def _candidates(folder: Path, applied: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(device, file name) of change sets not yet applied, in (device, sequence) order.
    Only exact change set names count: partial and conflict copies are not even read."""
    try:
        devices = sorted(e.name for e in os.scandir(folder) if e.is_dir() and len(e.name) == 16
                         and all(c in "0123456789abcdef" for c in e.name))
    except FileNotFoundError:
        raise NotFound(f"{folder}: no such folder") from None
    for device in devices:
        names = sorted(e.name for e in os.scandir(folder / device)
                       if changeset.NAME.match(e.name) and e.is_file())
        for name in names:
            if f"{device}/{name}" not in applied:
                yield device, name


def status(ctx: JournalContext) -> SyncStatus:
    conn = ctx.store.conn
    state = store.state(conn)
    if state is None:
        return SyncStatus(False, None, None, False, None, 0, 0, ())
    folder = Path(state["folder"])
    try:
        waiting = sum(1 for _ in _candidates(folder, store.ledger_names(conn)))
    except NotFound:
        waiting = 0
    return SyncStatus(True, state["device_id"], state["folder"], bool(state["include_private"]),
                      state["last_sync_at"], store.pending_count(conn), waiting,
                      tuple(_device(d, state["device_id"]) for d in store.devices(conn)))


# -- one sync ------------------------------------------------------------------------------

def sync(ctx: JournalContext, folder: str | Path | None = None, *, dry_run: bool = False,
         progress: Progress | None = None) -> SyncReport:
    """Write this device's changes, apply the others' (see the module docstring)."""
    conn = ctx.store.conn
    state = store.state(conn)
    if state is None:
        raise UsageError("this journal is not paired for sync: run `mirror sync pair DIR` first")
    path = Path(folder).expanduser().resolve() if folder is not None else Path(state["folder"])
    if not path.is_dir():
        raise NotFound(f"{path}: no such folder")
    key = keys.load_key(ctx.paths.home)
    if key is None:
        raise UsageError("this device has no journal key: run `mirror sync pair DIR` again")
    me = state["device_id"]
    if not dry_run:
        own = next((d for d in store.devices(conn) if d["device_id"] == me), None)
        if own is not None:
            keys.announce(path, key, me, own["public_key"], own["label"] or me)
    announced = _pair_announced(ctx, path, key, me, dry_run)
    new_devices = [d["device_id"] for d in announced]
    written, sent = _write(ctx, path, key, me, state, dry_run)
    applied: list[str] = []
    refused: list[Refusal] = []
    changes: dict[str, int] = {}
    to_derive: list[str] = []
    deleted = 0
    known = {d["device_id"]: d for d in store.devices(conn)}
    for found in announced:  # a dry run pairs nothing, but reads them as if it had
        known.setdefault(found["device_id"], {**found, "unpaired_at": None})
    todo = list(_candidates(path, store.ledger_names(conn)))
    for done, (device, name) in enumerate(todo, 1):
        label = f"{device}/{name}"
        try:
            result = _apply(ctx, path, key, known, device, name, dry_run)
        except BundleRefused as exc:
            refused.append(Refusal(label, str(exc)))
            continue
        finally:
            if progress is not None:
                progress(done, len(todo))
        applied.append(label)
        for k, v in result.counts.items():
            changes[k] = changes.get(k, 0) + v
        to_derive += result.to_derive
        deleted += result.deleted
    rederived = 0
    if not dry_run:
        if deleted:
            ctx.store.reflections.purge_deleted_text()
        if to_derive or (ctx.paths.home / PENDING_FILE).exists():
            from mirror.services.deriving import derive_after_import  # the engine: only when needed

            rederived = derive_after_import(ctx, list(dict.fromkeys(to_derive))).reflections
        store.touch(conn, _now(ctx))
    return SyncReport(folder=str(path), device_id=me, dry_run=dry_run, written=written, sent=sent,
                      applied=tuple(applied), changes=changes, refused=tuple(refused),
                      new_devices=tuple(new_devices), rederived=rederived)


def _pair_announced(ctx: JournalContext, path: Path, key: str, me: str,
                    dry_run: bool) -> list[dict[str, str]]:
    """Devices announced in the folder with the journal key and not known here yet."""
    conn = ctx.store.conn
    known = {d["device_id"] for d in store.devices(conn)}
    added = []
    for entry in sorted(os.scandir(path), key=lambda e: e.name):
        if not entry.is_dir() or entry.name in known or entry.name == me:
            continue
        found = keys.read_announcement(path, key, entry.name)
        if found is None:
            continue
        if not dry_run:
            store.add_device(conn, found["device_id"], found["public_key"], found["label"], _now(ctx))
        added.append(found)
    return added


def _write(ctx: JournalContext, path: Path, key: str, me: str, state: dict,
           dry_run: bool) -> tuple[str | None, dict[str, int]]:
    """This device's new change set, if anything changed here (see the module docstring)."""
    conn = ctx.store.conn
    if dry_run:
        out = store.collect(conn, me, bool(state["include_private"]))
        return None, _sent(out)
    if not store.pending_count(conn):
        return None, _sent(None)
    with transaction(conn):
        fresh = store.state(conn) or state
        out = store.collect(conn, me, bool(fresh["include_private"]))
        now = _now(ctx)
        if out.empty:
            store.settle_marks(conn, out)  # only held-back private or vanished rows
            return None, _sent(out)
        _sweep(path / me)
        seq = int(fresh["next_seq"])
        changeset_id = ctx.clock.new_id()
        body = {"format": changeset.FORMAT, "device": me, "seq": seq, "id": changeset_id,
                "created_at": now, **out.body}
        data = changeset.seal(body, _me(ctx)[0], key)
        name = changeset.file_name(seq, changeset_id)
        _publish(path / me, name, data)
        store.settle(conn, out, changeset_id, me, seq, name, hashlib.sha256(data).hexdigest(), now)
    return f"{me}/{name}", _sent(out)


def _sent(out: store.Outgoing | None) -> dict[str, int]:
    keys_ = ("reflections", "revisions", "tombstones", "threads", "feedback")
    return {k: (len(out.body[k]) if out is not None else 0) for k in keys_}


def _sweep(folder: Path) -> None:
    """Remove this device's temporary files left by a killed sync (called holding the
    journal's write lock, so no other sync of this journal is writing one now)."""
    if folder.is_dir():
        for entry in os.scandir(folder):
            if entry.name.startswith(".") and entry.name.endswith(".part"):
                Path(entry.path).unlink(missing_ok=True)


def _publish(folder: Path, name: str, data: bytes) -> None:
    """Temporary name, fsync, rename, fsync the folder: the name appears only complete."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{name}.{os.getpid()}.part"
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, folder / name)
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _apply(ctx: JournalContext, path: Path, key: str, known: dict[str, dict], device: str,
           name: str, dry_run: bool) -> MergeResult:
    """Open one change set and merge it in one transaction (or refuse it: nothing applied)."""
    conn = ctx.store.conn
    row = known.get(device)
    if row is None or row["unpaired_at"] is not None:
        raise BundleRefused("from an unpaired device; nothing applied")
    try:  # bounded: a change set linked to /dev/zero or a huge file is refused, not read
        data = read_limited(path / device / name, changeset.MAX_SEALED_BYTES,
                            too_large="too large to be a change set")
    except MirrorError as exc:
        raise BundleRefused(f"cannot be read ({exc}); nothing applied") from None
    opened = changeset.open_sealed(data, key, device, name, row["public_key"])
    if store.seen(conn, opened.changeset_id):
        raise BundleRefused("replayed: this change set was applied already; nothing applied")
    from mirror.services.deriving import note_pending  # the engine: only when something arrives
    from mirror.services.recheck import recheck_imported
    from mirror.storage import merge  # the bundle merge: only when something arrives

    now = _now(ctx)
    result: MergeResult | None = None
    try:
        try:
            store.stage(conn, opened.body)
        except (KeyError, TypeError, ValueError, IndexError):
            raise BundleRefused("its content is malformed; nothing applied") from None
        with transaction(conn):
            if store.seen(conn, opened.changeset_id):
                raise _AppliedMeanwhile
            before = store.marks(conn)
            threads = store.merge_threads(conn, now, opened.changeset_id)
            result = merge.merge_attached(conn, ctx.store.identity_id, now, opened.changeset_id,
                                          ctx.clock.new_id, theirs_wins=store.theirs_wins(conn))
            for count, n in threads.items():
                if n:
                    result.add(count, n)
            result.add("mirrorbacks_failed_checks", recheck_imported(conn, result.mirrorbacks))
            store.after_merge(conn, before)
            if dry_run:
                raise _DryRun
            store.record(conn, opened.changeset_id, device, opened.seq, name,
                         hashlib.sha256(data).hexdigest(), now)
            note_pending(ctx, result.to_derive)
    except _DryRun:
        pass
    except _AppliedMeanwhile:
        return merge.MergeResult()
    except InvalidInput as exc:  # a row the journal's constraints refuse: rolled back
        raise BundleRefused(f"its data breaks the journal's rules ({exc}); nothing applied") from None
    finally:
        store.unstage(conn)
    assert result is not None
    if dry_run:
        result.to_derive = []
    return result


# -- watching ------------------------------------------------------------------------------

def _fingerprint(path: Path) -> tuple:
    """What changes when a sync tool delivers something: names, sizes and times."""
    seen = []
    try:
        for entry in os.scandir(path):
            if entry.is_dir():
                for inner in os.scandir(entry.path):
                    st = inner.stat()
                    seen.append((entry.name, inner.name, st.st_size, st.st_mtime_ns))
    except OSError:
        pass
    return tuple(sorted(seen))


def watch(ctx: JournalContext, folder: str | Path | None, *, interval: float,
          on_report: Callable[[SyncReport], None], should_stop: Callable[[], bool],
          sleep: Callable[[float], None] = time.sleep) -> int:
    """Sync now, then again whenever the folder or the journal changes (polling every
    `interval` seconds), until `should_stop()`. Returns how many syncs ran."""
    conn = ctx.store.conn
    runs = 0
    last: tuple | None = None
    while not should_stop():
        state = store.state(conn)
        path = Path(folder).expanduser().resolve() if folder is not None else \
            Path(state["folder"]) if state else None
        current = (_fingerprint(path) if path is not None else (), store.pending_count(conn)
                   if state else 0)
        if current != last:
            on_report(sync(ctx, folder))
            runs += 1
            last = (_fingerprint(path) if path is not None else (), store.pending_count(conn))
        sleep(interval)
    return runs
