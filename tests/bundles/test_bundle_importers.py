"""Importers: jrnl (text and JSON, checked against jrnl's own exports of one journal), Day
One (exports built from the documented fields), and folders of Markdown files."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mirror.bundles.importers.base import ImportedEntry, ImportReport, resolve_zone
from mirror.bundles.importers.dayone import import_dayone
from mirror.bundles.importers.jrnl import import_jrnl
from mirror.bundles.importers.markdown import import_markdown
from mirror.errors import InvalidInput, NotFound

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "jrnl"
BERLIN = "Europe/Berlin"


# -- jrnl ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def jrnl_export() -> list[dict]:
    return json.loads((FIXTURES / "export.json").read_text())["entries"]


@pytest.fixture(scope="module")
def markdown_stamps() -> list[datetime]:
    """jrnl's Markdown export prints every timestamp with seconds: an independent source."""
    stamps = re.findall(r"^### (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [AP]M) ",
                        (FIXTURES / "export.md").read_text(), flags=re.M)
    return [datetime.strptime(s, "%Y-%m-%d %I:%M:%S %p") for s in stamps]


def test_jrnl_text_matches_jrnls_own_exports(jrnl_export, markdown_stamps) -> None:
    entries = import_jrnl(FIXTURES / "journal.txt", tz=BERLIN)
    assert len(entries) == len(jrnl_export) == len(markdown_stamps) == 40
    for entry, expected, stamp in zip(entries, jrnl_export, markdown_stamps):
        assert entry.source == "jrnl"
        assert entry.created_at.tzinfo == ZoneInfo(BERLIN) and entry.tz == BERLIN
        assert entry.created_at.replace(tzinfo=None) == stamp  # to the second
        assert entry.created_at.strftime("%Y-%m-%d %H:%M") == f"{expected['date']} {expected['time']}"
        assert set(entry.tags) == {t.lstrip("@") for t in expected["tags"]}
        assert entry.starred == expected["starred"]
        assert entry.metadata["title"] == expected["title"]
        assert entry.text == f"{expected['title']}\n{expected['body']}"
    assert sum(e.starred for e in entries) == 1
    assert entries[0].created_at == datetime(2016, 1, 10, 6, 54, tzinfo=ZoneInfo(BERLIN))
    assert entries[18].created_at == datetime(2019, 1, 31, 15, 22, tzinfo=ZoneInfo(BERLIN))
    assert entries[18].starred and entries[18].tags == ["work"]
    assert entries[-1].created_at == datetime(2025, 8, 2, 18, 16, tzinfo=ZoneInfo(BERLIN))


def test_jrnl_json_matches_the_text_journal() -> None:
    text_entries = import_jrnl(FIXTURES / "journal.txt", tz=BERLIN)
    json_entries = import_jrnl(FIXTURES / "export.json", tz=BERLIN)
    assert len(json_entries) == 40
    for a, b in zip(text_entries, json_entries):
        assert (b.created_at, b.text, set(b.tags), b.starred) == \
            (a.created_at, a.text, set(a.tags), a.starred)
        assert b.source_id == a.source_id  # same entry, whichever jrnl file it came from


def test_jrnl_source_ids_are_stable_across_imports_and_zones() -> None:
    first = import_jrnl(FIXTURES / "journal.txt", tz=BERLIN)
    again = import_jrnl(FIXTURES / "journal.txt", tz=BERLIN)
    tokyo = import_jrnl(FIXTURES / "journal.txt", tz="Asia/Tokyo")
    assert [e.source_id for e in first] == [e.source_id for e in again] == \
        [e.source_id for e in tokyo]
    assert len({e.source_id for e in first}) == 40
    assert tokyo[0].created_at.utcoffset().total_seconds() == 9 * 3600


def test_jrnl_zone_defaults_to_the_machines(monkeypatch) -> None:
    entries = import_jrnl(FIXTURES / "journal.txt")
    assert entries[0].tz == resolve_zone(None) == "Europe/Berlin"  # TZ is set by conftest


def _jrnl(tmp_path: Path, text: str, name: str = "journal.txt") -> list[ImportedEntry]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_jrnl(path, tz="UTC")


def test_jrnl_alternative_formats(tmp_path: Path) -> None:
    entries = _jrnl(tmp_path, "[2024-03-05 21:14] * Evening walk. @Outside\nCold.\n\n"
                              "[2024-03-06 07:05:09] Morning *\n\n"
                              "[2024-03-07 12:00:00 AM] Midnight. More of the line.\n")
    assert [e.created_at.isoformat() for e in entries] == [
        "2024-03-05T21:14:00+00:00", "2024-03-06T07:05:09+00:00", "2024-03-07T00:00:00+00:00"]
    assert [e.starred for e in entries] == [True, True, False]
    assert entries[0].tags == ["outside"]
    assert entries[0].text == "Evening walk. @Outside\nCold."
    assert entries[2].metadata["title"] == "Midnight."


@pytest.mark.parametrize("text, where, problem", [
    ("stray text\n[2024-03-05 10:00] x\n", ":1:", "before the first"),
    ("[2024-03-05 10:00] fine\n\n[2024-13-05 10:00] bad month\n", ":3:", "impossible date"),
    ("[2024-03-05 10:00] fine\n[2024-03-05 quarter past ten] x\n", ":2:", "unrecognised timestamp"),
    ("[2024-03-05 13:00:00 PM] x\n", ":1:", "AM/PM"),
])
def test_jrnl_malformed_text_names_file_and_line(tmp_path: Path, text: str, where: str,
                                                 problem: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        _jrnl(tmp_path, text)
    assert f"journal.txt{where}" in str(caught.value) and problem in str(caught.value)


@pytest.mark.parametrize("text, problem", [
    ('{"entries": [\n{"title": "x",}\n]}', ":2:"),
    ('{"tags": {}}', "no \"entries\" list"),
    ('{"entries": [{"title": "x", "body": "", "date": "2024-03-05"}]}', "entry 1: 'time'"),
    ('{"entries": [{"title": "x", "body": "", "date": "2024-03-05", "time": "9:5"}]}',
     "bad date/time"),
    ('{"entries": [{"title": "x", "body": "", "date": "2024-03-05", "time": "09:05", '
     '"tags": "@a"}]}', "'tags' must be a list"),
])
def test_jrnl_malformed_json(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(problem)):
        _jrnl(tmp_path, text, "export.json")


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        import_jrnl(tmp_path / "nope.txt", tz="UTC")
    (tmp_path / "latin.txt").write_bytes(b"[2024-03-05 10:00] ok\ncaf\xe9\n")
    with pytest.raises(InvalidInput, match=r"latin.txt:2: not valid UTF-8"):
        import_jrnl(tmp_path / "latin.txt", tz="UTC")
    with pytest.raises(InvalidInput, match="unknown time zone"):
        import_jrnl(FIXTURES / "journal.txt", tz="Mars/Olympus")


# -- Day One -------------------------------------------------------------------------------

def dayone_entry(**overrides) -> dict:
    entry = {
        "uuid": "81F0F3CA693F484792F76359E9E2ACE8",
        "creationDate": "2017-12-25T03:04:32Z",
        "modifiedDate": "2017-12-25T05:00:00Z",
        "timeZone": "Asia/Bangkok",
        "starred": True,
        "tags": ["Travel", "coffee"],
        "text": "Caf\u00e9 day\\!\n\n![](dayone-moment://68D729369ED84A8B91B5D348E4592EFE)\n\n"
                "Fixed bugs all day\\. Score 3\\.5",
        "location": {"localityName": "Bangkok", "country": "Thailand",
                     "latitude": 13.75, "longitude": 100.53, "placeName": "3 Soi 13"},
        "weather": {"conditionsDescription": "Mostly Sunny", "temperatureCelsius": 26},
        "photos": [{"identifier": "68D729369ED84A8B91B5D348E4592EFE",
                    "md5": "2b1e6a2ba1b5a1d4b6c0f0e0d0c0b0a0", "type": "jpeg"}],
        "audios": [{"identifier": "A1", "md5": "ffeeddccbbaa99887766554433221100", "type": "m4a"}],
    }
    entry.update(overrides)
    return entry


def dayone_zip(tmp_path: Path, journals: dict[str, list[dict]], media: list[str] = ()) -> Path:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, entries in journals.items():
            out.writestr(f"{name}.json", json.dumps({"metadata": {"version": "1.0"},
                                                     "entries": entries}, indent=2))
        for name in media:
            out.writestr(name, b"\xff\xd8\xff" + bytes(100))
    return path


def test_dayone_export_zip(tmp_path: Path) -> None:
    second = dayone_entry(uuid="0123456789ABCDEF0123456789ABCDEF", timeZone="Europe/Paris",
                          starred=False, tags=[], text="Second journal.", photos=[], audios=[])
    del second["location"], second["weather"]
    path = dayone_zip(tmp_path, {"Journal": [dayone_entry()], "Travel": [second]},
                      media=["photos/2b1e6a2ba1b5a1d4b6c0f0e0d0c0b0a0.jpeg"])
    first, other = import_dayone(path, tz="UTC")
    assert first.source == "dayone" and first.source_id == "81F0F3CA693F484792F76359E9E2ACE8"
    assert first.created_at == datetime(2017, 12, 25, 3, 4, 32, tzinfo=UTC)
    assert first.created_at.utcoffset().total_seconds() == 7 * 3600  # shown in Bangkok time
    assert first.tz == "Asia/Bangkok"
    assert first.text.startswith("Caf\u00e9 day!\n\n[photo: photos/2b1e6a2ba1b5a1d4b6c0f0e0d0c0b0a0"
                                 ".jpeg]\n\n")
    assert first.text.endswith("Fixed bugs all day. Score 3.5")
    assert first.tags == ["Travel", "coffee"] and first.starred
    assert first.metadata["journal"] == "Journal"
    assert first.metadata["location"]["localityName"] == "Bangkok"
    assert first.metadata["weather"]["temperatureCelsius"] == 26
    assert first.metadata["modified_at"] == "2017-12-25T05:00:00+00:00"
    photo, audio = first.metadata["media"]
    assert photo == {"kind": "photos", "identifier": "68D729369ED84A8B91B5D348E4592EFE",
                     "md5": "2b1e6a2ba1b5a1d4b6c0f0e0d0c0b0a0", "type": "jpeg",
                     "path": "photos/2b1e6a2ba1b5a1d4b6c0f0e0d0c0b0a0.jpeg", "present": True}
    assert audio["present"] is False and audio["path"].startswith("audios/")
    assert other.tz == "Europe/Paris" and other.metadata["journal"] == "Travel"
    assert "media" not in other.metadata and "location" not in other.metadata


def test_dayone_lone_json_and_missing_zone(tmp_path: Path) -> None:
    entry = dayone_entry(photos=[], audios=[])
    del entry["timeZone"]
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": [entry]}))
    (imported,) = import_dayone(path, tz="America/New_York")
    assert imported.tz == "America/New_York"
    assert imported.created_at.isoformat() == "2017-12-24T22:04:32-05:00"


@pytest.mark.parametrize("override, problem", [
    ({"uuid": None}, "entry 1: missing or malformed 'uuid'"),
    ({"creationDate": "Christmas"}, "entry 1: creationDate 'Christmas'"),
    ({"tags": "travel"}, "entry 1: 'text' must be a string, 'tags' a list"),
    ({"photos": {"md5": "x"}}, "entry 1: 'photos' must be a list"),
])
def test_dayone_malformed_entries(tmp_path: Path, override: dict, problem: str) -> None:
    """An entry that cannot be read is skipped with its reason; the next one still comes in."""
    good = dayone_entry(uuid="0123456789ABCDEF0123456789ABCDEF", photos=[], audios=[])
    path = dayone_zip(tmp_path, {"Journal": [dayone_entry(**override), good]})
    report = ImportReport()
    assert [e.source_id for e in import_dayone(path, tz="UTC", report=report)] == [good["uuid"]]
    (skipped,) = report.skipped
    assert skipped["where"].endswith("export.zip:Journal.json: entry 1")
    assert problem.removeprefix("entry 1: ") in skipped["reason"]


def test_dayone_bad_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("Journal.json", '{\n"entries": [\n}\n')
    with pytest.raises(InvalidInput, match=r"export.zip:Journal.json:3: not valid JSON"):
        import_dayone(path, tz="UTC")


def test_dayone_zip_is_read_as_hostile_input(tmp_path: Path) -> None:
    from tests.bundles.kit import Raw, build_zip

    path = tmp_path / "export.zip"
    path.write_bytes(build_zip([Raw("Journal.json", b'{"entries": []}'),
                                Raw("../../photos/x.jpeg", b"x")]))
    with pytest.raises(InvalidInput, match="unsafe or damaged Day One export.*path traversal"):
        import_dayone(path, tz="UTC")
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as out:
        out.writestr("photos/a.jpeg", b"x")
    with pytest.raises(InvalidInput, match="no journal JSON"):
        import_dayone(empty, tz="UTC")


def test_dayone_duplicate_uuids_are_refused(tmp_path: Path) -> None:
    path = dayone_zip(tmp_path, {"A": [dayone_entry()], "B": [dayone_entry()]})
    with pytest.raises(InvalidInput, match="appears twice"):
        import_dayone(path, tz="UTC")


# -- Markdown ------------------------------------------------------------------------------

def write_files(folder: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return folder


def test_markdown_folder(tmp_path: Path) -> None:
    folder = write_files(tmp_path / "notes", {
        "2024-03-05.md": "Plain dated note.\n",
        "2024-03-06-long-walk.md": "# Long walk\n\nIt rained.\n",
        "sub/any-name.md": "---\ndate: 2024-03-07 21:15\ntags: [calm, '#home']\n"
                           "starred: true\ntitle: An evening\nmood: ok\n---\n\nQuiet.\n",
        "offset.md": "---\ndate: 2024-03-08T10:00:00+09:00\ntags: work, focus\n---\nFocus.\n",
        "zoned.md": "---\ndate: '2024-07-01T09:00:00'\ntz: America/Chicago\n---\nSummer.\n",
        ".obsidian/skip.md": "not a note",
        "readme.txt": "not markdown",
    })
    entries = {e.metadata["path"]: e for e in import_markdown(folder, tz=BERLIN)}
    assert sorted(entries) == ["2024-03-05.md", "2024-03-06-long-walk.md", "offset.md",
                               "sub/any-name.md", "zoned.md"]
    plain = entries["2024-03-05.md"]
    assert plain.created_at == datetime(2024, 3, 5, tzinfo=ZoneInfo(BERLIN))
    assert plain.text == "Plain dated note." and plain.tags == [] and not plain.starred
    walk = entries["2024-03-06-long-walk.md"]
    assert walk.metadata["title"] == "long walk" and walk.text == "# Long walk\n\nIt rained."
    evening = entries["sub/any-name.md"]
    assert evening.created_at == datetime(2024, 3, 7, 21, 15, tzinfo=ZoneInfo(BERLIN))
    assert evening.text == "An evening\n\nQuiet."
    assert evening.tags == ["calm", "home"] and evening.starred
    assert evening.metadata["front_matter"] == {"mood": "ok"}
    tokyo = entries["offset.md"]
    assert tokyo.created_at == datetime(2024, 3, 8, 1, 0, tzinfo=UTC)
    assert tokyo.tz == "Etc/GMT-9" and tokyo.tags == ["work", "focus"]
    chicago = entries["zoned.md"]
    assert chicago.tz == "America/Chicago"
    assert chicago.created_at.isoformat() == "2024-07-01T09:00:00-05:00"


def test_markdown_offset_matching_the_given_zone_keeps_its_name(tmp_path: Path) -> None:
    folder = write_files(tmp_path, {"a.md": "---\ndate: 2024-07-01T09:00:00+02:00\n---\nx\n"})
    (entry,) = import_markdown(folder, tz=BERLIN)
    assert entry.tz == BERLIN


@pytest.mark.parametrize("content, problem", [
    ("---\ndate: 2024-03-05\ntags: [a\n---\nx\n", ":3: bad front matter"),
    ("---\ndate: 2024-03-05\n", "never ends"),
    ("---\ndate: someday\n---\nx\n", "bad date 'someday'"),
    ("---\ndate: 2024-03-05\nstarred: maybe\n---\nx\n", "'starred' must be true or false"),
    ("---\ndate: 2024-03-05\ntz: Nowhere/City\n---\nx\n", "unknown time zone"),
    ("---\n- a list\n---\nx\n", "must be a mapping"),
    ("---\nbase: &a [1, 2]\nmore: *a\ndate: 2024-03-05\n---\nx\n", ":3: YAML aliases"),
    ("---\ndate: 2024-03-05\n---\n\n", "empty"),
])
def test_markdown_malformed_files(tmp_path: Path, content: str, problem: str) -> None:
    """A file that cannot be read is skipped with its reason; the good one next to it is
    still imported (one bad note never aborts the whole folder)."""
    folder = write_files(tmp_path, {"note.md": content, "2024-03-01.md": "Fine.\n"})
    report = ImportReport()
    entries = import_markdown(folder, tz="UTC", report=report)
    assert [e.text for e in entries] == ["Fine."]
    (skipped,) = report.skipped
    assert skipped["where"] == "note.md" and problem in skipped["reason"]


def test_markdown_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        import_markdown(tmp_path / "nope", tz="UTC")


# -- Mirror's own JSON export -----------------------------------------------------------------

def test_mirror_json_bad_reflection_is_skipped_the_rest_come_in(tmp_path: Path) -> None:
    from mirror.bundles.importers.mirrorjson import import_mirror_json

    good = {"id": "b2f1c3d4-0000-4000-8000-000000000001", "created_at": "2024-03-05T20:14:00.000000Z",
            "local_time": "2024-03-05T21:14:00+01:00", "tz": BERLIN, "text": "kept",
            "tags": ["a"], "starred": True, "private": True}
    bad = {**good, "id": "not-an-id"}
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "mirror-export", "format_version": 1,
                                "reflections": [bad, good]}))
    report = ImportReport()
    (entry,) = import_mirror_json(path, report=report)
    assert (entry.reflection_id, entry.text, entry.private, entry.tz) == (good["id"], "kept", True, BERLIN)
    assert report.skipped == [{"where": f"{path}: reflection 1",
                               "reason": "'id' is missing or not a Mirror ID"}]
    other = tmp_path / "jrnl.json"
    other.write_text('{"tags": {}, "entries": []}')
    with pytest.raises(InvalidInput, match="not a Mirror JSON export"):
        import_mirror_json(other)
