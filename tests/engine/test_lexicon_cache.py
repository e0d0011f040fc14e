"""Phrase matchers keep their index in the journal's cache folder (`mirror.engine.lexicon`):
a matcher read back finds exactly what a freshly built one finds, other entries or another
builder make another file, and a damaged file is rebuilt, never trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from mirror import constitution
from mirror.engine import lexicon
from mirror.engine.lexicon import PhraseMatcher
from mirror.engine.tokenize import tokenize

ENTRIES = [("obligation", "must"), ("obligation", "have to"), ("obligation", "have * do"),
           ("pole", "let go of control"), ("pole", "control"), ("gratitude", "thank you"),
           ("gratitude", "grateful"), ("absolute", "never"), ("absolute", "always")]
TEXT = ("I must let go of control, I have to do it. Thank you, I am grateful; I never, "
        "always, must.")


@pytest.fixture
def cache(tmp_path: Path):
    constitution.set_cache_dir(tmp_path)
    yield tmp_path
    constitution.set_cache_dir(None)


def kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("phrases-*.marshal"))


@pytest.mark.parametrize("exclusive", [False, True])
def test_a_kept_index_finds_what_a_built_one_finds(cache: Path, exclusive: bool) -> None:
    built = PhraseMatcher(ENTRIES, exclusive=exclusive)
    assert len(kept(cache)) == 1
    read_back = PhraseMatcher(ENTRIES, exclusive=exclusive)
    assert read_back._index == built._index and read_back.labels == built.labels
    assert read_back.find(tokenize(TEXT)) == built.find(tokenize(TEXT)) != []
    constitution.set_cache_dir(None)
    assert PhraseMatcher(ENTRIES, exclusive=exclusive).find(tokenize(TEXT)) == built.find(tokenize(TEXT))


def test_other_entries_or_another_builder_make_another_file(cache: Path, monkeypatch) -> None:
    PhraseMatcher(ENTRIES)
    PhraseMatcher(ENTRIES, exclusive=True)
    PhraseMatcher([*ENTRIES, ("absolute", "every time")])
    assert len(kept(cache)) == 3
    monkeypatch.setattr(lexicon, "_code_hash", lambda: "another tokenizer")
    PhraseMatcher(ENTRIES)
    assert len(kept(cache)) == 4


def test_a_damaged_file_is_rebuilt(cache: Path) -> None:
    right = PhraseMatcher(ENTRIES).find(tokenize(TEXT))
    (path,) = kept(cache)
    for damage in (b"", b"\x00garbage", path.read_bytes()[:40]):
        path.write_bytes(damage)
        assert PhraseMatcher(ENTRIES).find(tokenize(TEXT)) == right


def test_an_entry_that_is_not_text_is_still_refused(cache: Path) -> None:
    with pytest.raises(ValueError, match="not text"):
        PhraseMatcher([("absolute", True)])  # type: ignore[list-item]
    assert kept(cache) == []
