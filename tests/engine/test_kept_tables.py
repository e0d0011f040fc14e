"""The VADER valences and the reading lexicons are kept in the journal's cache folder
(`mirror.engine.reading.kept_table`): a table read back is exactly the one built from the word lists, other
word lists make another file, and a damaged file is rebuilt, never trusted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mirror import constitution
from mirror.engine import reading

LANGUAGES = ["en", "de", "es", "pt-PT"]
TEXT = "I was so angry at first, but now I'm just tired and a little proud of us."


def _clear() -> None:
    reading.valences.cache_clear()
    reading._lexicon.cache_clear()


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    _clear()
    constitution.set_cache_dir(tmp_path)
    yield tmp_path
    constitution.set_cache_dir(None)
    _clear()


def built() -> tuple[dict[str, float], dict[str, reading._Lexicon | None]]:
    """The tables as a process without a cache folder builds them."""
    folder = constitution.cache_dir()
    constitution.set_cache_dir(None)
    _clear()
    try:
        return reading.valences(), {lang: reading._lexicon(lang) for lang in LANGUAGES}
    finally:
        _clear()
        constitution.set_cache_dir(folder)


def test_kept_tables_read_back_equal_the_built_ones(cache: Path) -> None:
    valences, lexicons = built()
    assert len(valences) > 7000 and all(lexicons.values())
    first = reading.valences(), {lang: reading._lexicon(lang) for lang in LANGUAGES}
    names = sorted(p.name for p in cache.glob("*.marshal"))
    assert len([n for n in names if n.startswith("valences-")]) == 1
    assert len([n for n in names if n.startswith("lexicon-")]) == len(LANGUAGES)
    _clear()
    again = reading.valences(), {lang: reading._lexicon(lang) for lang in LANGUAGES}
    assert first == again == (valences, lexicons)
    assert list(again[0]) == list(valences)  # the same order, too
    assert reading.read(TEXT) == reading.read(TEXT, language="en")
    assert reading.read(TEXT).feelings  # the reading still names the feelings


def test_a_damaged_file_is_rebuilt(cache: Path) -> None:
    valences, lexicons = built()
    reading.valences(), reading._lexicon("en")
    for path in cache.glob("*.marshal"):
        path.write_bytes(b"\x00garbage")
    _clear()
    assert reading.valences() == valences and reading._lexicon("en") == lexicons["en"]
    for path in cache.glob("*.marshal"):  # rebuilt: readable again
        path.write_bytes(b"")
    _clear()
    assert reading.valences() == valences and reading._lexicon("en") == lexicons["en"]


def test_other_word_lists_or_another_builder_make_another_file(cache: Path) -> None:
    counted = []

    def build() -> dict[str, float]:
        counted.append(1)
        return {"calm": 1.5}

    for sources in [(b"calm\t1.5",), (b"calm\t1.5",), (b"calm\t1.6",)]:
        assert reading.kept_table("valences", "code", sources, build, lambda v: isinstance(v, dict)) \
            == {"calm": 1.5}
    reading.kept_table("valences", "other code", (b"calm\t1.5",), build, lambda v: isinstance(v, dict))
    assert len(counted) == 3 and len(list(cache.glob("valences-*.marshal"))) == 3
    constitution.set_cache_dir(None)
    reading.kept_table("valences", "code", (b"calm\t1.5",), build, lambda v: True)
    assert len(counted) == 4  # no cache folder: built, nothing kept


def test_a_file_source_names_the_table_as_its_text_does_and_an_edit_renames_it(cache: Path) -> None:
    """A source given as a file (the VADER word list, a frames file) is known by its stat
    once hashed (`mirror.file_digests`) rather than read on every run; the table's name is
    the one its bytes give, so kept tables keep their names, and an edited file gets a new
    one."""
    words = cache / "words.txt"
    words.write_bytes(b"calm\t1.5")
    named = reading._kept_path("valences", "code", (words,))
    assert named is not None and named == reading._kept_path("valences", "code", (b"calm\t1.5",))
    words.write_bytes(b"calm\t1.6")
    assert reading._kept_path("valences", "code", (words,)) == \
        reading._kept_path("valences", "code", (b"calm\t1.6",)) != named
    words.unlink()
    assert reading._kept_path("valences", "code", (words,)) is None  # unreadable: nothing kept
