"""The care index is kept once per machine, so a new journal's first `reflect` does not
build it again (issue 13). A journal that finds the machine's copy must reach exactly the
verdicts it would have reached with an index of its own, and a change to any care file
must give a different machine copy, never a stale one."""

from __future__ import annotations

import shutil
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
        forms=[("dying", "en", "die")], starts=[("die", "en", 0)], prefixes=[], scans=[],
        vocabulary=["die", "dying"], errors=[], anchors=[("die", "en", 0)],
        anchor_prefixes=[], unanchored=[], common=[("the", "en")], has_common=["en"],
        needs=[], unfiltered=[("en", 0)])
    index = care_index.open_index(tmp_path / "cache", "k1", lambda: rows, lambda: "c1")
    assert index.forms(["dying"]) == {"en": {"dying": "die"}}
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
    first = care_index.open_index(tmp_path / "j0", "k0", lambda: rows, lambda: "c0")
    first.conn.close()
    for n in range(1, 6):
        care_index.open_index(tmp_path / f"j{n}", f"k{n}", lambda: rows, lambda n=n: f"c{n}").conn.close()
    kept = sorted(p.name for p in machine.glob("care-index-*.sqlite"))
    assert len(kept) == care_index.MACHINE_KEEP
    assert "care-index-c5.sqlite" in kept and "care-index-c0.sqlite" not in kept
    again = care_index.open_index(tmp_path / "j0", "k0", lambda: pytest.fail("rebuilt"), lambda: "c0")
    assert again.forms(["dying"]) == {"en": {"dying": "die"}}
