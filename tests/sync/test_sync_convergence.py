"""Three devices, one shared folder: whatever the interleaving of writes, edits, deletes,
thread creations, renames and (un)archiving, syncs, half-copied files and conflict copies,
every device ends with the same journal (threads and their titles too), no acknowledged
text is lost, and deleted reflections stay deleted (issue 16, item 2)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.errors import InvalidInput
from tests.sync.kit import NAMES, copy_template, digest, journal_state, make_template, open_device, tombstones

DEVICE = st.sampled_from(range(len(NAMES)))
WORD = st.sampled_from(["rain", "Sam", "work #job", "river", "tired #tired", "glad"])
TITLE = st.sampled_from(["Sam", "Work", "Work (2)"])  # few titles: clashes are common
OPS = st.lists(st.one_of(
    st.tuples(st.just("write"), DEVICE, WORD),
    st.tuples(st.just("edit"), DEVICE, st.integers(0, 50), WORD),
    st.tuples(st.just("star"), DEVICE, st.integers(0, 50)),
    st.tuples(st.just("delete"), DEVICE, st.integers(0, 50)),
    st.tuples(st.just("thread"), DEVICE, TITLE),
    st.tuples(st.just("rename"), DEVICE, st.integers(0, 50), TITLE),
    st.tuples(st.just("archive"), DEVICE, st.integers(0, 50)),
    st.tuples(st.just("file"), DEVICE, st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("sync"), DEVICE),
    st.tuples(st.just("sync"), DEVICE),
    st.tuples(st.just("hold"), DEVICE),
    st.tuples(st.just("deliver")),
    st.tuples(st.just("conflict"), DEVICE),
), min_size=1, max_size=18)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("template"))


def _newest(folder: Path, device_id: str) -> Path | None:
    files = sorted((folder / device_id).glob("[0-9]*-*.age"))
    files = [f for f in files if " " not in f.name]
    return files[-1] if files else None


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_three_devices_converge(template: Path, ops: list[tuple]) -> None:
    root = Path(tempfile.mkdtemp(prefix="sync-conv-"))
    try:
        _run(copy_template(template, root / "t"), ops)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run(root: Path, ops: list[tuple]) -> None:
    folder = root / "shared"
    devices = [open_device(root / name, seed) for seed, name in enumerate(NAMES, 1)]
    ids = [d.sync_status().device_id for d in devices]
    acknowledged: dict[str, set[str]] = {}
    deleted: set[str] = set()
    held: dict[Path, bytes] = {}
    counter = 0
    try:
        for op in ops:
            kind = op[0]
            if kind == "write":
                counter += 1
                text = f"entry {counter}: {op[2]}"
                reflection = devices[op[1]].write(text)
                acknowledged.setdefault(reflection.id, set()).add(text)
            elif kind in ("edit", "star", "delete"):
                journal = devices[op[1]]
                items = journal.list(limit=1000).items
                if not items:
                    continue
                target = items[op[2] % len(items)]
                if kind == "edit":
                    counter += 1
                    text = f"edited {counter}: {op[3]}"
                    journal.edit(target.id, text=text)
                    acknowledged.setdefault(target.id, set()).add(text)
                elif kind == "star":
                    journal.edit(target.id, starred=not target.starred)
                else:
                    journal.delete(target.id)
                    deleted.add(target.id)
            elif kind in ("thread", "rename", "archive", "file"):
                _thread_op(devices[op[1]], op)
            elif kind == "sync":
                devices[op[1]].sync(folder)
            elif kind == "hold":  # the sync tool is still copying the newest file
                newest = _newest(folder, ids[op[1]])
                if newest is not None and newest not in held:
                    held[newest] = newest.read_bytes()
                    newest.write_bytes(held[newest][: len(held[newest]) // 2])
            elif kind == "deliver":
                for path, data in held.items():
                    path.write_bytes(data)
                held.clear()
            elif kind == "conflict":  # what Dropbox and Syncthing leave beside a file
                newest = _newest(folder, ids[op[1]])
                if newest is not None:
                    stem = newest.name[:-4]
                    shutil.copy(newest, newest.with_name(f"{stem} (1).age"))
                    shutil.copy(newest, newest.with_name(f"{stem}.sync-conflict-20261202-1.age"))
        for path, data in held.items():
            path.write_bytes(data)
        for _ in range(2):
            for journal in devices:
                report = journal.sync(folder)
                assert not report.refused, report.refused
        digests = {digest(d) for d in devices}
        assert len(digests) == 1, [journal_state(d) for d in devices]
        gone = {frozenset(tombstones(d)) for d in devices}
        assert len(gone) == 1 and deleted <= set(next(iter(gone)))
        state = journal_state(devices[0])
        present = {item["id"]: item for item in state["list"]}
        for reflection_id, texts in acknowledged.items():
            if reflection_id in deleted:
                assert reflection_id not in present
                continue
            assert reflection_id in present
            kept = {present[reflection_id]["content"], *state["history"][reflection_id]}
            assert texts <= kept, (texts, kept)
    finally:
        for journal in devices:
            journal.close()


def _thread_op(journal, op: tuple) -> None:
    """Create, rename, (un)archive a thread or put a reflection in it, as a person would:
    a title this device already shows is refused here, as on the command line."""
    threads = journal.threads(include_archived=True)
    try:
        if op[0] == "thread":
            journal.create_thread(op[2])
        elif not threads:
            return
        elif op[0] == "rename":
            journal.rename_thread(threads[op[2] % len(threads)].id, op[3])
        elif op[0] == "archive":
            thread = threads[op[2] % len(threads)]
            journal.archive_thread(thread.id, thread.archived_at is None)
        else:
            items = journal.list(limit=1000).items
            if items:
                journal.add_to_thread(threads[op[2] % len(threads)].id, items[op[3] % len(items)].id)
    except InvalidInput:
        pass
