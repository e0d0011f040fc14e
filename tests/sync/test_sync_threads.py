"""Threads through `mirror sync`: a rename, an archive and an unarchive made on one device
reach the others; two devices changing one thread end with the later change on both; two
threads given one title on two devices are both kept, the younger one as "Title (2)",
the same on every device, until the clash goes away (issue 16, lossless sync)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from mirror.clock import FixedClock
from tests.sync.kit import START, copy_template, make_template, open_device


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("pair2threads"), ("a", "b"))


@pytest.fixture
def root(template: Path, tmp_path: Path) -> Path:
    return copy_template(template, tmp_path / "devices")


def _sync(cli, root: Path, name: str) -> dict:
    run = cli("--home", str(root / name), "sync", str(root / "shared"), "--json")
    assert run.code == 0, run.err
    assert run.json["refused"] == []
    return run.json


def _threads(cli, root: Path, name: str) -> dict[str, tuple[str, bool]]:
    """ID -> (title, archived) as `mirror threads --all --json` shows them."""
    run = cli("--home", str(root / name), "threads", "--all", "--json")
    assert run.code == 0, run.err
    return {t["id"]: (t["title"], t["archived_at"] is not None) for t in run.json["threads"]}


def _both(cli, root: Path) -> None:
    for name in ("a", "b", "a"):
        _sync(cli, root, name)


def _created(cli, root: Path, name: str, *titles: str) -> list[str]:
    """Threads created in this order, one minute apart (the first is the oldest)."""
    ids = []
    for n, title in enumerate(titles):
        clock = FixedClock(START + timedelta(minutes=n))
        clock._counter = 900_000_000 + n
        run = cli("--home", str(root / name), "threads", "create", title, "--json", clock=clock)
        assert run.code == 0, run.err
        ids.append(run.json["thread"]["id"])
    return ids


def test_a_rename_reaches_the_other_device_and_back(cli, root: Path) -> None:
    saved = cli("--home", str(root / "a"), "reflect", "the long walk home", "--json")
    assert saved.code == 0, saved.err
    [thread] = _created(cli, root, "a", "Evenings")
    assert cli("--home", str(root / "a"), "threads", "add", "Evenings", saved.json["reflection"]["id"][:8]).code == 0
    _both(cli, root)
    assert _threads(cli, root, "b") == {thread: ("Evenings", False)}

    assert cli("--home", str(root / "a"), "threads", "rename", "Evenings", "Late evenings").code == 0
    sent = _sync(cli, root, "a")
    assert sent["sent"]["threads"] == 1
    got = _sync(cli, root, "b")
    assert got["changes"]["threads_changed"] == 1
    assert _threads(cli, root, "b") == {thread: ("Late evenings", False)}
    shown = cli("--home", str(root / "b"), "threads", "show", "Late evenings")
    assert shown.code == 0 and "the long walk home" in shown.out

    assert cli("--home", str(root / "b"), "threads", "rename", "Late evenings", "Walks").code == 0
    _both(cli, root)
    assert _threads(cli, root, "a") == _threads(cli, root, "b") == {thread: ("Walks", False)}
    assert _sync(cli, root, "a")["written"] is None  # what arrived is not sent back


def test_archive_and_unarchive_travel(cli, root: Path) -> None:
    [thread] = _created(cli, root, "a", "Old job")
    _both(cli, root)
    assert cli("--home", str(root / "b"), "threads", "archive", "Old job").code == 0
    _both(cli, root)
    assert _threads(cli, root, "a") == {thread: ("Old job", True)}
    listed = cli("--home", str(root / "a"), "threads", "--json").json["threads"]
    assert listed == []  # hidden from the list on the other device too
    assert cli("--home", str(root / "a"), "threads", "unarchive", "Old job").code == 0
    _both(cli, root)
    assert _threads(cli, root, "b") == {thread: ("Old job", False)}


def test_the_later_of_two_concurrent_changes_wins_on_both(root: Path) -> None:
    a = open_device(root / "a", 1)
    b = open_device(root / "b", 2)
    try:
        thread = a.create_thread("Sam").id
        a.sync(root / "shared")
        b.sync(root / "shared")
        b.clock._now += timedelta(hours=1)  # type: ignore[attr-defined]  # b changes later
        a.rename_thread("Sam", "Sam and me")
        b.archive_thread("Sam")
        for device in (a, b, a):
            assert not device.sync(root / "shared").refused
        for device in (a, b):
            got = device.store.threads.get(thread)
            assert (got.title, got.archived_at is not None) == ("Sam", True)
        a.clock._now += timedelta(hours=2)  # type: ignore[attr-defined]  # now a is the later
        a.rename_thread(thread, "Sam and me")
        for device in (a, b):
            assert not device.sync(root / "shared").refused
        got = b.store.threads.get(thread)
        assert (got.title, got.archived_at is not None) == ("Sam and me", True)
    finally:
        a.close()
        b.close()


def test_two_threads_renamed_to_one_title_are_both_kept(cli, root: Path) -> None:
    older, younger = _created(cli, root, "a", "Home", "Garden")
    _both(cli, root)
    assert cli("--home", str(root / "a"), "threads", "rename", "Garden", "Work").code == 0
    assert cli("--home", str(root / "b"), "threads", "rename", "Home", "Work").code == 0
    first = _sync(cli, root, "a")
    second = _sync(cli, root, "b")  # b holds "Work" on the older thread: a's younger one yields
    assert second["changes"]["thread_title_clashes"] == 1
    third = _sync(cli, root, "a")  # a gives "Work" to the older thread, its own gets "(2)"
    assert third["changes"]["thread_title_clashes"] == 1
    assert first["refused"] == []
    want = {older: ("Work", False), younger: ("Work (2)", False)}
    assert _threads(cli, root, "a") == _threads(cli, root, "b") == want
    text = cli("--home", str(root / "b"), "threads")
    assert "Work (2)" in text.out

    # the clash goes away: the younger thread takes back the title it was given
    assert cli("--home", str(root / "a"), "threads", "rename", older, "Office").code == 0
    assert _threads(cli, root, "a") == {older: ("Office", False), younger: ("Work", False)}
    _both(cli, root)
    assert _threads(cli, root, "b") == {older: ("Office", False), younger: ("Work", False)}


def test_two_threads_created_with_one_title_on_two_devices_are_both_kept(cli, root: Path) -> None:
    [first] = _created(cli, root, "a", "Mornings")
    clock = FixedClock(START + timedelta(hours=1))
    clock._counter = 800_000_000
    later = cli("--home", str(root / "b"), "threads", "create", "Mornings", "--json", clock=clock)
    assert later.code == 0, later.err
    _sync(cli, root, "a")
    told = cli("--home", str(root / "b"), "sync", str(root / "shared"))
    assert told.code == 0, told.err
    assert "1 thread given a title another thread holds" in told.out
    _sync(cli, root, "a")
    want = {first: ("Mornings", False), later.json["thread"]["id"]: ("Mornings (2)", False)}
    assert _threads(cli, root, "a") == _threads(cli, root, "b") == want


def _sealed_thread(root: Path, thread: dict, seq: int) -> None:
    """A change set from device a holding one thread, signed and sealed as a would."""
    from mirror.bundles import crypto
    from mirror.services.sync import changeset, keys

    a = open_device(root / "a", 1)
    device = a.sync_status().device_id
    a.close()
    key = keys.load_key(root / "a")
    assert key is not None
    body = {"format": changeset.FORMAT, "device": device, "seq": seq,
            "id": f"00000000-0000-4000-8000-0000000000{seq:02d}",
            "created_at": "2026-05-01T08:00:00.000000Z", "reflections": [], "revisions": [],
            "tombstones": [], "threads": [thread], "mirrorbacks": [], "feedback": []}
    sealed = changeset.seal(body, crypto.load_or_create_device_key(root / "a"), key)
    (root / "shared" / device).mkdir(exist_ok=True)
    (root / "shared" / device / changeset.file_name(seq, body["id"])).write_bytes(sealed)


def test_a_thread_from_an_older_mirror_applies_and_a_bad_change_time_is_refused(cli, root: Path) -> None:
    thread = {"id": "00000000-0000-4000-8000-0000000000c1", "title": "Letters",
              "created_at": "2026-05-01T08:00:00.000000Z", "archived_at": None, "members": []}
    _sealed_thread(root, thread, 1)  # no "changed_at": written before threads carried it
    assert _sync(cli, root, "b")["changes"]["threads_added"] == 1
    _sealed_thread(root, {**thread, "title": "Post", "changed_at": "2026-02-31T08:00:00.000000Z"}, 2)
    run = cli("--home", str(root / "b"), "sync", str(root / "shared"))
    assert run.code == 6 and "malformed; nothing applied" in run.err
    assert _threads(cli, root, "b") == {thread["id"]: ("Letters", False)}
