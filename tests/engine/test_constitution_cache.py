"""Parsed invariants are cached per journal (marshalled) keyed by the YAML's hash: the
cache gives the same data, and a damaged cache file is simply re-made. A file's hash is
remembered by its stat, so an unchanged file is not read, and an edited one always is."""

import os
import time
import types
from pathlib import Path

import pytest

from mirror import constitution, file_digests
from mirror.resources import constitution_dir


def test_cache_round_trip_and_repair(tmp_path, monkeypatch):
    text = (constitution_dir() / "invariants.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(constitution, "_cache_dir", tmp_path)
    first = constitution._yaml_load(text)
    [cached] = list(tmp_path.glob("invariants-*.marshal"))
    assert constitution._yaml_load(text) == first
    cached.write_text("{not marshal")
    assert constitution._yaml_load(text) == first
    assert constitution._yaml_load(text.replace("\n", "\n", 1) + "\n# changed\n") == first
    assert len(list(tmp_path.glob("invariants-*.marshal"))) == 2  # keyed by content


# -- a file's key remembered by its stat (mirror.file_digests) --------------------------------


@pytest.fixture
def memo(tmp_path, monkeypatch):
    """A cache folder of its own and an empty memo, as a new process finds them."""
    folder = tmp_path / "cache"
    monkeypatch.setattr(constitution, "_cache_dir", folder)
    monkeypatch.setattr(file_digests, "_memos", {})
    monkeypatch.setattr(file_digests, "_changed", set())
    return folder


def test_a_settled_file_is_not_read_again_until_it_changes(tmp_path, memo, monkeypatch):
    source = tmp_path / "words.yaml"
    source.write_text("words: [calm, river]\n", encoding="utf-8")
    later = time.time_ns() + 10 * file_digests.SETTLED_NS  # as if hashed long after the write
    monkeypatch.setattr(file_digests, "time", types.SimpleNamespace(time_ns=lambda: later))
    assert constitution._load_file(source) == {"words": ["calm", "river"]}
    file_digests.save()
    assert (memo / "digests.marshal").exists()
    file_digests._memos.clear()  # the next process reads the memo back

    read_text = Path.read_text

    def refuse(path: Path, *args: object, **kwargs: object) -> str:
        assert path != source, "an unchanged file with a kept copy was read"
        return read_text(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", refuse)
    assert constitution._load_file(source) == {"words": ["calm", "river"]}
    monkeypatch.setattr(Path, "read_text", read_text)
    replacement = tmp_path / "new.yaml"
    replacement.write_text("words: [tide, stone]\n", encoding="utf-8")  # the same size
    os.replace(replacement, source)
    assert constitution._load_file(source) == {"words": ["tide", "stone"]}


def test_a_file_just_written_is_hashed_each_time(tmp_path, memo):
    """Written within the clock's tick of the hashing, an in-place edit of the same size
    could keep the file's times: such a file's key is never remembered."""
    source = tmp_path / "words.yaml"
    source.write_text("words: [calm, river]\n", encoding="utf-8")
    assert constitution._load_file(source) == {"words": ["calm", "river"]}
    assert file_digests._changed == set()
    source.write_text("words: [tide, stone]\n", encoding="utf-8")
    assert constitution._load_file(source) == {"words": ["tide", "stone"]}
