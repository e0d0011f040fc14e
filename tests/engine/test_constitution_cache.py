"""Parsed invariants are cached per journal (marshalled) keyed by the YAML's hash: the
cache gives the same data, and a damaged cache file is simply re-made."""

from mirror import constitution
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
