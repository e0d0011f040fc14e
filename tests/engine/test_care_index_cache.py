"""The care index is kept once per machine, so a new journal's first `reflect` does not
build it again (issue 13). A journal that finds the machine's copy must reach exactly the
verdicts it would have reached with an index of its own, and a change to any care file
must give a different machine copy, never a stale one."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from mirror.engine.care import detect
from mirror.engine.care.index import content_key
from mirror.engine.samples import generated_reflections
from mirror.storage import care_index

TEXTS = [
    "I want to die. I've been thinking about suicide and hurting myself.",
    "I'm not suicidal, I just can't sleep.",
    "This deadline is killing me lol",
    "No puedo más, quiero desaparecer. I just want it to end.",
    "Я больше не хочу жить",
    *generated_reflections(40, 7),
]


def _findings() -> list[dict]:
    return [detect.assess(t).to_json() for t in TEXTS]


@pytest.fixture
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine cache of our own (the user's real one is never touched)."""
    monkeypatch.delenv("MIRROR_CARE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "mirror"


def _detector_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detect, "_cache_folder", lambda: folder)
    detect.detector.cache_clear()


@pytest.mark.slow
def test_second_journal_uses_the_machines_index_with_the_same_findings(
        tmp_path: Path, machine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _findings()  # the index the test run built for itself
    try:
        _detector_in(tmp_path / "first" / "cache", monkeypatch)
        assert _findings() == expected
        built = list(machine.glob("care-index-*.sqlite"))
        assert len(built) == 1

        # The second journal never builds: its index is the machine's, placed in its cache.
        _detector_in(tmp_path / "second" / "cache", monkeypatch)
        monkeypatch.setattr(detect, "build_rows", lambda *a: pytest.fail("index rebuilt"))
        assert _findings() == expected
        placed = list((tmp_path / "second" / "cache").glob("care-index-*.sqlite"))
        assert len(placed) == 1
        assert placed[0].read_bytes() == built[0].read_bytes()
    finally:
        detect.detector.cache_clear()


def test_an_unwritable_machine_cache_still_gives_the_journal_an_index(
        tmp_path: Path, machine: Path) -> None:
    machine.parent.mkdir(parents=True)
    machine.write_text("not a folder")  # the machine cache cannot be made
    rows = care_index.IndexRows(
        forms=[("dying", "en", "die")], starts=[("die", "en", 0, 0)], prefixes=[], scans=[],
        vocabulary=["die"], errors=[], anchors=[("die", "en", 0, 0)],
        anchor_prefixes=[], unanchored=[], common=[("the", "en")], has_common=["en"],
        needs=[], unfiltered=[("en", 0)])
    index = care_index.open_index(tmp_path / "cache", "k1", lambda: rows, lambda: "c1")
    assert index.forms(["dying"]) == {"en": {"dying": "die"}}
    assert index.starts(["dying", "die", "dead"]) == {"dying": {("en", 0)}, "die": {("en", 0)}}
    assert index.known(["dying", "die", "dead"]) == {"dying", "die"}
    assert (tmp_path / "cache" / "care-index-k1.sqlite").exists()


def test_the_machine_key_follows_every_care_file_byte(tmp_path: Path) -> None:
    # The repository's own constitution folder: always a plain folder, so the test always runs.
    root = Path(__file__).resolve().parents[2] / "constitution"
    care = tmp_path / "care"
    shutil.copytree(root / "care", care)
    before = content_key(care)
    assert before == content_key(root / "care")  # the contents, not times or places
    rules = sorted((care / "rules").glob("*.yaml"))[0]
    rules.write_bytes(rules.read_bytes() + b"\n# one more line\n")
    assert content_key(care) != before
    assert content_key(None) is None


def test_the_machine_keeps_only_the_newest_indexes(tmp_path: Path, machine: Path) -> None:
    """Every edit of the rules makes a new machine index: old ones are removed, while a
    journal's link to one stays readable."""
    rows = care_index.IndexRows(
        forms=[("dying", "en", "die")], starts=[], prefixes=[], scans=[], vocabulary=["die"],
        errors=[], anchors=[], anchor_prefixes=[], unanchored=[], common=[], has_common=[],
        needs=[], unfiltered=[])
    def key(n: int) -> str:
        return f"c{n}".rjust(32, "0")  # hexadecimal, as every index key is

    first = care_index.open_index(tmp_path / "j0", "k0", lambda: rows, lambda: key(0))
    first.conn.close()
    for n in range(1, 6):
        care_index.open_index(tmp_path / f"j{n}", f"k{n}", lambda: rows, lambda n=n: key(n)).conn.close()
    kept = sorted(p.name for p in machine.glob("care-index-*.sqlite"))
    assert len(kept) == care_index.MACHINE_KEEP
    assert f"care-index-{key(5)}.sqlite" in kept and f"care-index-{key(0)}.sqlite" not in kept
    again = care_index.open_index(tmp_path / "j0", "k0", lambda: pytest.fail("rebuilt"), lambda: key(0))
    assert again.forms(["dying"]) == {"en": {"dying": "die"}}


def test_a_process_without_a_journal_reads_the_machines_index_instead_of_building_it(
        machine: Path) -> None:
    """A script or library caller with no journal open (an evaluation, a benchmark, the
    engine used on its own) waited seconds for the index in every run: it now reads the
    machine's copy, built once, and gets the same answers."""
    key = "c7".rjust(32, "0")
    first = care_index.open_index(None, "k7", _tiny_rows, lambda: key)
    assert first.forms(["dying"]) == {"en": {"dying": "die"}}
    assert (machine / f"care-index-{key}.sqlite").exists()
    again = care_index.open_index(None, "k7", lambda: pytest.fail("index rebuilt"), lambda: key)
    assert again.forms(["dying"]) == {"en": {"dying": "die"}}
    assert again.known(["dying", "die", "dead"]) == {"dying", "die"}
    # No machine cache to be had: still an index, built in memory.
    shutil.rmtree(machine)
    machine.write_text("not a folder")
    alone = care_index.open_index(None, "k7", _tiny_rows, lambda: key)
    assert alone.forms(["dying"]) == {"en": {"dying": "die"}}


def _tiny_rows() -> care_index.IndexRows:
    return care_index.IndexRows(
        forms=[("dying", "en", "die")], starts=[], prefixes=[], scans=[], vocabulary=["die"],
        errors=[], anchors=[], anchor_prefixes=[], unanchored=[], common=[], has_common=[],
        needs=[], unfiltered=[])


def _aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"an index")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_writing_an_index_removes_the_folders_unused_indexes_of_other_keys(tmp_path: Path) -> None:
    """Each upgrade or edit of the rules gives a new key: the index for the old key must
    not stay in the journal's cache for ever, but one that another process still uses
    (opened within the day), and anything not named like an index, must stay."""
    folder = tmp_path / "cache"
    folder.mkdir()
    two_days, an_hour = 2 * 86_400, 3_600
    old = _aged(folder / f"care-index-{'a' * 24}.sqlite", two_days)
    old_machine_named = _aged(folder / f"care-index-{'b' * 32}.sqlite", two_days)
    crashed_write = _aged(folder / f".care-index-{'c' * 24}.4242.tmp", two_days)
    in_use = _aged(folder / f"care-index-{'d' * 24}.sqlite", an_hour)
    writing_now = _aged(folder / f".care-index-{'e' * 24}.4343.tmp", 60)
    others = [_aged(folder / name, two_days) for name in (
        "care-index-notes.sqlite", "care-index-aaaa.sqlite.bak", "phrases-0123.marshal",
        f"my-care-index-{'f' * 24}.sqlite")]
    (folder / f"care-index-{'9' * 24}.sqlite").mkdir()  # not a file: never touched
    os.utime(folder / f"care-index-{'9' * 24}.sqlite", (0, 0))

    index = care_index.open_index(folder, "1" * 24, _tiny_rows)
    assert index.forms(["dying"]) == {"en": {"dying": "die"}}

    assert not old.exists() and not old_machine_named.exists() and not crashed_write.exists()
    assert in_use.exists() and writing_now.exists()
    assert all(p.exists() for p in others)
    assert (folder / f"care-index-{'9' * 24}.sqlite").is_dir()
    assert (folder / f"care-index-{'1' * 24}.sqlite").exists()


def test_opening_an_index_marks_it_used_so_it_is_never_removed_as_stale(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    care_index.open_index(folder, "2" * 24, _tiny_rows).conn.close()
    path = folder / f"care-index-{'2' * 24}.sqlite"
    long_ago = time.time() - 3 * 86_400
    os.utime(path, (long_ago, long_ago))

    # Another process opens it (built days ago, used today) ...
    care_index.open_index(folder, "2" * 24, lambda: pytest.fail("rebuilt")).conn.close()
    assert time.time() - path.stat().st_mtime < 60
    # ... so a new key's index written beside it leaves it in place.
    care_index.open_index(folder, "3" * 24, _tiny_rows).conn.close()
    assert path.exists()
    assert care_index.remove_stale(folder, keep=folder / "x") == []
    # Unused for a day, both go the next time an index is written there.
    removed = care_index.remove_stale(folder, keep=folder / "x", now=time.time() + 2 * 86_400)
    assert sorted(removed) == [f"care-index-{'2' * 24}.sqlite", f"care-index-{'3' * 24}.sqlite"]
    assert not list(folder.glob("care-index-*.sqlite"))


def test_an_interface_can_tell_when_the_next_reflection_prepares_the_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mirror import constitution
    from mirror.engine.care.index import cache_key

    monkeypatch.setenv("MIRROR_CARE_CACHE", str(tmp_path / "care"))
    detect.detector.cache_clear()
    try:
        assert detect.prepared() is False               # a new machine: nothing built yet
        key = cache_key(detect._fingerprint(constitution.care_rule_names()))
        (tmp_path / "care").mkdir()
        (tmp_path / "care" / f"care-index-{key}.sqlite").write_bytes(b"")
        assert detect.prepared() is True                # built by an earlier process
    finally:
        detect.detector.cache_clear()
