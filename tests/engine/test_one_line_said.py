"""A reply that says it quotes "one line" quotes one line: when a second moment of the entry
is quoted after it, the opening does not count its quotes wrong ("Eine Zeile daraus: … Davor:
…" was read blind, in pairs, as a reply that "says 'one line' and then splices in a second").
Every entry graded blind once is composed in every version of the frames it may get."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mirror.engine.offline import compose
from mirror.engine.reading import frames

ENTRIES = Path(__file__).resolve().parents[2] / "bench" / "holdout_entries"


def _entries() -> list[tuple[str, str]]:
    out = []
    for path in sorted(ENTRIES.glob("*.yaml")):
        out += [(e["language"], e["text"]) for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]]
    return out


def _openers(language: str, key: str) -> list[str]:
    table = frames(language) or {}
    return [str(f).split("{q}")[0] for f in (table.get("frames") or table).get(key) or () if "{q}" in str(f)]


@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "pt", "it", "nl", "pl"])
def test_one_line_is_never_followed_by_a_second(language: str) -> None:
    part = [p for p in _openers(language, "plain_part") if p]
    later = [p for p in _openers(language, "second") + _openers(language, "second_before") if p]
    assert part and later
    for lang, text in _entries():
        if lang != language:
            continue
        for version in range(2):
            reply = compose(text, version=f"v{version}")
            assert not (any(reply.startswith(p) for p in part) and any(p in reply for p in later)), reply
