"""`mirror sync` from the command line: pairing, status, --json shapes, --dry-run, private
reflections, concurrent edits visible in `mirror history`, deletions, --watch, and a folder
that holds nothing readable (issue 16, items 1-3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_json_schemas import validate
from tests.sync.kit import copy_template, make_template, open_device


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("pair2cli"), ("a", "b"))


@pytest.fixture
def root(template: Path, tmp_path: Path) -> Path:
    return copy_template(template, tmp_path / "devices")


def _sync(cli, root: Path, name: str, *extra: str):
    run = cli("--home", str(root / name), "sync", str(root / "shared"), *extra)
    assert run.code == 0, run.err
    return run


def test_pair_prints_a_code_once_and_the_second_device_joins(cli, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    first = cli("--home", str(tmp_path / "one"), "sync", "pair", str(folder), "--json")
    assert first.code == 0, first.err
    validate("sync", first.json)
    code = first.json["code"]
    assert first.json["first_device"] and len(code) == 19
    assert code not in (folder / "journal.age").read_bytes().decode("latin-1")
    second = cli("--home", str(tmp_path / "two"), "sync", "pair", str(folder), "--code", code.lower())
    assert second.code == 0, second.err
    assert "pairing code" not in second.out
    missing = cli("--home", str(tmp_path / "three"), "sync", "pair", str(folder))
    assert missing.code == 2 and "give the code shown on the first device" in missing.err


def test_sync_json_status_and_idle(cli, root: Path) -> None:
    cli("--home", str(root / "a"), "reflect", "a morning by the sea #sea")
    run = _sync(cli, root, "a", "--json")
    validate("sync", run.json)
    assert run.json["sent"]["reflections"] == 1 and run.json["written"]
    status = cli("--home", str(root / "b"), "sync", "status", "--json")
    validate("sync", status.json)
    assert status.json["waiting_in_folder"] == 1
    run = _sync(cli, root, "b", "--json")
    assert len(run.json["applied"]) == 1 and run.json["changes"]["reflections_added"] == 1
    idle = _sync(cli, root, "b", "--json")
    assert idle.json["written"] is None and idle.json["applied"] == []
    text = cli("--home", str(root / "b"), "sync", "status")
    assert "0 changes here, 0 change sets waiting" in text.out


def test_dry_run_changes_nothing(cli, root: Path) -> None:
    cli("--home", str(root / "a"), "reflect", "only a dry run sees me")
    _sync(cli, root, "a")
    before = cli("--home", str(root / "b"), "list", "--json").out
    run = _sync(cli, root, "b", "--dry-run", "--json")
    assert run.json["dry_run"] and run.json["changes"]["reflections_added"] == 1
    assert cli("--home", str(root / "b"), "list", "--json").out == before
    assert cli("--home", str(root / "b"), "sync", "status", "--json").json["waiting_in_folder"] == 1


def test_concurrent_edits_keep_both_texts_in_history(cli, root: Path) -> None:
    a = open_device(root / "a", 1)
    rid = a.write("first draft").id
    a.sync(root / "shared")
    a.close()
    _sync(cli, root, "b")
    assert cli("--home", str(root / "a"), "edit", rid, "--text", "the laptop's words").code == 0
    assert cli("--home", str(root / "b"), "edit", rid, "--text", "the desktop's words").code == 0
    for name in ("a", "b", "a"):
        _sync(cli, root, name)
    shown = {}
    for name in ("a", "b"):
        history = cli("--home", str(root / name), "history", rid, "--json")
        assert history.code == 0, history.err
        doc = history.json
        texts = {doc["reflection"]["content"], *(r["content"] for r in doc["revisions"])}
        assert {"first draft", "the laptop's words", "the desktop's words"} <= texts
        shown[name] = doc["reflection"]["content"]
    assert shown["a"] == shown["b"]


def test_deletion_wins_over_a_concurrent_edit(cli, root: Path) -> None:
    a = open_device(root / "a", 1)
    rid = a.write("soon gone").id
    a.sync(root / "shared")
    a.close()
    _sync(cli, root, "b")
    assert cli("--home", str(root / "a"), "delete", rid, "--yes").code == 0
    assert cli("--home", str(root / "b"), "edit", rid, "--text", "edited meanwhile").code == 0
    for name in ("b", "a", "b"):
        _sync(cli, root, name)
    for name in ("a", "b"):
        assert cli("--home", str(root / name), "show", rid).code == 3


def test_private_reflections_stay_unless_opted_in(cli, root: Path) -> None:
    a = open_device(root / "a", 1)
    a.write("a private thought about Sam", private=True)
    a.write("a shared thought")
    a.sync(root / "shared")
    a.close()
    _sync(cli, root, "b")
    listed = cli("--home", str(root / "b"), "list").out
    assert "a shared thought" in listed and "private thought" not in listed
    pair = cli("--home", str(root / "a"), "sync", "pair", str(root / "shared"), "--include-private")
    assert pair.code == 0, pair.err
    _sync(cli, root, "a")
    _sync(cli, root, "b")
    assert "private thought" in cli("--home", str(root / "b"), "list").out


def test_folder_holds_nothing_readable(cli, root: Path) -> None:
    secret = "the words nobody else may read"
    cli("--home", str(root / "a"), "reflect", secret)
    _sync(cli, root, "a")
    _sync(cli, root, "b")
    for path in (root / "shared").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret.encode() not in data and b"nobody" not in data, path


def test_watch_syncs_when_the_folder_changes(root: Path) -> None:
    b = open_device(root / "b", 2)
    a = open_device(root / "a", 1)
    reports = []
    rounds = iter(range(10))

    def tick(_seconds: float) -> None:  # the injected sleep: one round = one poll
        step = next(rounds)
        if step == 1:
            a.write("arrives while B watches")
            a.sync(root / "shared")

    try:
        from mirror.services import sync

        sync.watch(b.context, root / "shared", interval=0.0, on_report=reports.append,
                   should_stop=lambda: len(reports) >= 2, sleep=tick)
        assert [len(r.applied) for r in reports] == [0, 1]
        assert any("arrives while B watches" in r.content for r in b.list().items)
    finally:
        a.close()
        b.close()


def test_not_paired_is_one_line(cli, tmp_path: Path) -> None:
    run = cli("--home", str(tmp_path / "alone"), "sync", str(tmp_path))
    assert run.code == 2
    assert run.err.strip() == "mirror: this journal is not paired for sync: run `mirror sync pair DIR` first"


def test_idle_sync_knows_where_derivation_leaves_its_pending_list() -> None:
    from mirror.services import deriving, sync

    assert sync.PENDING_FILE == deriving.PENDING_FILE


def test_watch_from_the_command_line_shows_a_progress_line_per_sync(root: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import REPO

    env = {**os.environ, "MIRROR_HOME": str(root / "b")}
    proc = subprocess.Popen([sys.executable, "-m", "mirror", "sync", str(root / "shared"), "--watch",
                             "--interval", "0.2"], env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        lines.append(proc.stderr.readline())  # the first sync, at start
        assert "synced: sent 0, applied 0 change sets; watching" in lines[0]
        a = open_device(root / "a", 1)
        a.write("arrives while the command watches")
        a.sync(root / "shared")
        a.close()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and "applied 1" not in lines[-1]:
            lines.append(proc.stderr.readline())
        assert "applied 1 change set" in lines[-1], lines
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0


def test_tags_stars_threads_and_feedback_travel(root: Path) -> None:
    a = open_device(root / "a", 1)
    b = open_device(root / "b", 2)
    try:
        first = a.write("I must finish the report but part of me wants to rest #work", starred=True)
        a.answer(first)
        a.feedback(first.id, 4, ["generic"], "kind")
        a.create_thread("Evenings")
        a.add_to_thread("Evenings", first.id)
        a.sync(root / "shared")
        b.sync(root / "shared")
        got = b.get(first.id)
        assert got.starred and "work" in got.tags and got.threads == ("Evenings",)
        rows = b.store.conn.execute("SELECT rating, note FROM engine_feedback").fetchall()
        assert [tuple(r) for r in rows] == [(4, "kind")]
        b.edit(first.id, starred=False, add_tags=["later"])
        b.sync(root / "shared")
        a.sync(root / "shared")
        back = a.get(first.id)
        assert not back.starred and set(back.tags) == {"work", "later"}
    finally:
        a.close()
        b.close()
