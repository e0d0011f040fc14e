"""Exporters: Markdown files that import back as the same entries, and a JSON document
that follows its schema. Round trips are properties over generated reflections."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.bundles.exporters import (
    json_document_bytes,
    markdown_document,
    markdown_files,
    reflection_to_jrnl,
    reflections_to_jrnl,
    reflections_to_json,
)
from mirror.bundles.importers.base import normalize_tags, normalize_text
from mirror.bundles.importers.jrnl import parse_jrnl_text
from mirror.bundles.importers.markdown import import_markdown
from mirror.bundles.jsonio import schema_errors
from tests.bundles.kit import Reflection

KIT = dict(derandomize=True, deadline=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "America/St_Johns",
         "Pacific/Chatham", "Australia/Adelaide"]

# Any text a reflection can hold: Mirror stores no NUL (`reflect` refuses it, an import
# replaces it with U+FFFD and says so), so none is exported either.
texts = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
                min_size=1, max_size=300).map(normalize_text).filter(bool)
tags = st.lists(st.text(min_size=1, max_size=20), max_size=5).map(normalize_tags)
reflections = st.builds(
    Reflection,
    id=st.uuids().map(str),
    created_at=st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2100, 1, 1),
                            timezones=st.just(UTC)),
    tz=st.sampled_from(ZONES),
    text=texts,
    tags=tags.filter(lambda t: normalize_tags(t) == t),
    starred=st.booleans(),
)
journals = st.lists(reflections, min_size=1, max_size=6, unique_by=lambda r: r.id)

SAMPLE = [
    Reflection("b2f1c3d4-0000-4000-8000-000000000001",
               datetime(2024, 3, 5, 20, 14, tzinfo=UTC), "Europe/Berlin",
               "Caf\u00e9 thoughts: must I always plan?\n\n---\nstill here", ["plans", "yes"],
               True),
    Reflection("b2f1c3d4-0000-4000-8000-000000000002",
               datetime(2024, 3, 5, 23, 59, 59, 500000, tzinfo=UTC), "Asia/Kolkata",
               "Late.", [], False),
]


def import_back(tmp_path: Path, items: list[Reflection]):
    folder = tmp_path / "export"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name, content in markdown_files([r.as_dict() for r in items]):
        (folder / name).write_text(content, encoding="utf-8")
    return import_markdown(folder, tz="UTC")


def as_tuple(r: Reflection) -> tuple:
    return (r.id, r.created_at, r.tz, r.text, r.tags, r.starred)


def imported_tuples(entries) -> list[tuple]:
    """Instants compared in UTC: PEP 495 makes `==` between zones False for any time in a
    DST fold (e.g. 01:00 on the night clocks go back), even when the instant is the same."""
    return sorted((e.metadata["mirror_id"], e.created_at.astimezone(UTC), e.tz,
                   e.text, e.tags, e.starred) for e in entries)


def test_markdown_files_look_right() -> None:
    (name1, content1), (name2, _) = markdown_files([r.as_dict() for r in SAMPLE])
    assert name1 == "2024-03-05-cafe-thoughts-must-i-always-plan-b2f1c3d4.md"
    assert name2.startswith("2024-03-06-late-")  # the local date in Kolkata
    assert name2 != name1
    assert content1.startswith("---\nid: b2f1c3d4-0000-4000-8000-000000000001\n"
                               "date: '2024-03-05T21:14:00+01:00'\ntz: Europe/Berlin\n")
    assert content1.endswith("---\nstill here\n")


def test_markdown_round_trip_sample(tmp_path: Path) -> None:
    back = import_back(tmp_path, SAMPLE)
    assert imported_tuples(back) == sorted(as_tuple(r) for r in SAMPLE)
    assert all(e.source == "markdown" and "title" not in e.metadata for e in back)


@settings(max_examples=60, **KIT)
@given(items=journals)
def test_markdown_round_trip_property(tmp_path: Path, items: list[Reflection]) -> None:
    assert imported_tuples(import_back(tmp_path, items)) == sorted(as_tuple(r) for r in items)


def test_round_trip_in_a_dst_fold(tmp_path: Path) -> None:
    """01:00 happened twice in New York on 1987-10-25; the second one survives the trip."""
    second = Reflection("fold", datetime(1987, 10, 25, 6, 0, tzinfo=UTC),
                        "America/New_York", "Again one o'clock.")
    (entry,) = import_back(tmp_path, [second])
    assert entry.created_at.astimezone(UTC) == second.created_at
    assert entry.created_at.fold == 1 and entry.created_at.hour == 1


@settings(max_examples=60, **KIT)
@given(items=journals)
def test_json_export_follows_its_schema_and_keeps_everything(items: list[Reflection]) -> None:
    document = reflections_to_json([r.as_dict() for r in items],
                                   exported_at=datetime(2026, 3, 14, tzinfo=UTC),
                                   app_version="0.1.0")
    assert schema_errors("export.schema.json", document) == []
    parsed = json.loads(json_document_bytes(document))
    by_id = {r.id: r for r in items}
    for item in parsed["reflections"]:
        original = by_id[item["id"]]
        assert datetime.fromisoformat(item["created_at"].replace("Z", "+00:00")) == original.created_at
        assert datetime.fromisoformat(item["local_time"]) == original.created_at
        assert (item["tz"], item["text"], item["tags"], item["starred"]) == \
            (original.tz, original.text, original.tags, original.starred)


def test_json_export_optional_fields_and_order() -> None:
    newer = {**SAMPLE[0].as_dict(), "id": "z", "created_at": "2025-01-01T00:00:00.000000Z",
             "updated_at": "2025-01-02T00:00:00.000000Z", "visibility": "local_only",
             "source": "jrnl", "metadata": {"title": "x"}}
    document = reflections_to_json([newer, SAMPLE[1].as_dict(), SAMPLE[0].as_dict()],
                                   exported_at=datetime(2026, 3, 14, tzinfo=UTC),
                                   app_version="0.1.0")
    assert [r["id"] for r in document["reflections"]] == [SAMPLE[0].id, SAMPLE[1].id, "z"]
    assert document["reflections"][2]["visibility"] == "local_only"
    assert schema_errors("export.schema.json", document) == []
    broken = json.loads(json_document_bytes(document))
    broken["reflections"][0]["starred"] = "yes"
    assert schema_errors("export.schema.json", broken)


def test_markdown_document() -> None:
    text = markdown_document([SAMPLE[1].as_dict(), SAMPLE[0].as_dict()])
    assert text.startswith("# Mirror journal\n")
    assert text.index("## 2024-03-05 21:14 (Europe/Berlin) \u2605") < text.index(
        "## 2024-03-06 05:29 (Asia/Kolkata)")
    assert "Tags: plans, yes" in text and SAMPLE[0].text in text


# -- jrnl ---------------------------------------------------------------------------------

jrnl_lines = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
                     min_size=1, max_size=40).map(str.strip).filter(
    lambda line: line and not line.endswith("*") and not line.startswith(("[", "* ")))
jrnl_reflections = st.builds(
    Reflection, id=st.uuids().map(str),
    created_at=st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2100, 1, 1),
                            timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0)),
    tz=st.just("UTC"), text=st.lists(jrnl_lines, min_size=1, max_size=4).map("\n".join),
    tags=st.just([]), starred=st.booleans())


@settings(**KIT, max_examples=60)
@given(items=st.lists(jrnl_reflections, min_size=1, max_size=5, unique_by=lambda r: r.id))
def test_jrnl_text_reads_back_with_every_time_star_and_word(items: list[Reflection]) -> None:
    """What `reflections_to_jrnl` writes, jrnl's rules read back: same wall-clock second,
    star and text (tags written inline come back from the text)."""
    text = "".join(reflections_to_jrnl([r.as_dict() for r in items]))
    back = parse_jrnl_text(text, "UTC", "export.txt")
    ordered = sorted(items, key=lambda r: (r.created_at, r.id))
    assert [(e.created_at, e.text, e.starred) for e in back] == \
        [(r.created_at, r.text, r.starred) for r in ordered]


def test_jrnl_entry_shape() -> None:
    berlin, kolkata = (r.as_dict() for r in SAMPLE)
    assert reflection_to_jrnl(berlin) == (
        "[2024-03-05 21:14] Caf\u00e9 thoughts: must I always plan? *\n\n---\nstill here\n"
        "@plans @yes\n")
    assert reflection_to_jrnl(kolkata) == "[2024-03-06 05:29:59] Late.\n"
    inline = {**kolkata, "text": "Late. #yes @Plans", "tags": ["yes", "plans", "two words"]}
    assert reflection_to_jrnl(inline) == "[2024-03-06 05:29:59] Late. #yes @Plans\n@two-words\n"
    nested = {**kolkata, "text": "Deep #work/deep and me@work.org", "tags": ["work/deep", "work"]}
    assert reflection_to_jrnl(nested).endswith("me@work.org\n@work\n")
