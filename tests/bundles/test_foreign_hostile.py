"""Hostile or broken journals from other tools, fed to `mirror import --from` as a person
would: each gets one line on stderr and the documented exit code, or imports what can be
read with the rest skipped or noted; never a traceback, never a read without end, and the
journal is unchanged whenever the import is refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.bundles.journalkit import full_digest

UUID = "ABCDEF0123456789ABCDEF0123456789"


@pytest.fixture
def journal_db(cli, mirror_home: Path) -> Path:
    """A journal with one reflection of its own, which every import must leave alone."""
    assert cli("reflect", "My own reflection, which no import may touch").code == 0
    return mirror_home / "mirror.db"


def _refused(cli, db: Path, *args: str, code: int, message: str) -> None:
    before = full_digest(db)
    run = cli("import", *args)
    assert run.code == code, run.err
    assert run.err.count("\n") == 1 and message in run.err, run.err
    assert "Traceback" not in run.err
    assert full_digest(db) == before


def _dayone(tmp_path: Path, **fields) -> Path:
    entry = {"uuid": UUID, "creationDate": "2024-03-05T09:41:00Z", "text": "A quiet morning.",
             **fields}
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": [entry]}),
                    encoding="utf-8")
    return path


def _texts(cli) -> list[str]:
    return sorted(r["content"] for r in cli("--json", "list").json["reflections"])


# -- a path that is not a file ---------------------------------------------------------------

@pytest.mark.parametrize("kind", ["jrnl", "dayone", "json"])
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_the_journal_file_is_refused_without_reading_it(cli, journal_db, kind,
                                                                     device) -> None:
    _refused(cli, journal_db, "--from", kind, device, code=4, message="not a regular file")


@pytest.mark.parametrize("kind", ["jrnl", "dayone", "json"])
def test_a_folder_given_as_the_journal_file_says_so(cli, journal_db, tmp_path, kind) -> None:
    _refused(cli, journal_db, "--from", kind, str(tmp_path), code=4, message="a folder, not a file")


@pytest.mark.parametrize("kind", ["jrnl", "dayone", "json"])
def test_a_pipe_with_no_writer_is_refused_not_waited_on(cli, journal_db, tmp_path, kind) -> None:
    os.mkfifo(tmp_path / "journal.txt")
    _refused(cli, journal_db, "--from", kind, str(tmp_path / "journal.txt"), code=4,
             message="a pipe, not a file")


def test_a_jrnl_config_that_is_a_device_or_folder_says_so(cli, journal_db, tmp_path) -> None:
    journal = tmp_path / "j.txt"
    journal.write_text("[2024-03-05 09:41] A walk.\n", encoding="utf-8")
    _refused(cli, journal_db, "--from", "jrnl", str(journal), "--jrnl-config", str(tmp_path),
             code=4, message="a folder, not a file")
    if os.path.exists("/dev/zero"):
        _refused(cli, journal_db, "--from", "jrnl", str(journal), "--jrnl-config", "/dev/zero",
                 code=4, message="not a regular file")


def test_a_jrnl_config_nested_without_end_is_invalid_input(cli, journal_db, tmp_path) -> None:
    journal = tmp_path / "j.txt"
    journal.write_text("[2024-03-05 09:41] A walk.\n", encoding="utf-8")
    config = tmp_path / "jrnl.yaml"
    config.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    _refused(cli, journal_db, "--from", "jrnl", str(journal), "--jrnl-config", str(config),
             code=4, message="nested too deeply")


# -- jrnl text -------------------------------------------------------------------------------

def test_jrnl_with_classic_mac_line_ends_keeps_its_entries_apart(cli, journal_db,
                                                                 tmp_path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(b"[2024-03-05 09:41] One\rthe body\r\r[2024-03-06 10:00] Two\r")
    run = cli("import", "--from", "jrnl", str(path), "--tz", "UTC")
    assert run.code == 0, run.err
    assert _texts(cli) == ["My own reflection, which no import may touch", "One\nthe body",
                           "Two"]


def test_jrnl_files_joined_with_their_bom_keep_every_entry(cli, journal_db, tmp_path) -> None:
    path = tmp_path / "joined.txt"
    path.write_bytes("\ufeff[2024-03-05 09:41] One\n\ufeff[2024-03-06 10:00] Two\n".encode())
    assert cli("import", "--from", "jrnl", str(path), "--tz", "UTC").code == 0
    assert _texts(cli) == ["My own reflection, which no import may touch", "One", "Two"]


@pytest.mark.parametrize("stamp", ["9999-12-31 23:59", "0001-01-01 00:00"])
def test_a_jrnl_date_outside_the_years_mirror_keeps_names_its_line(cli, journal_db, tmp_path,
                                                                  stamp) -> None:
    path = tmp_path / "j.txt"
    path.write_text(f"[2024-03-05 09:41] Fine\n\n[{stamp}] Absurd\n", encoding="utf-8")
    _refused(cli, journal_db, "--from", "jrnl", str(path), "--tz", "America/New_York", code=4,
             message=f"{path}:3: ")


def test_a_nul_in_a_jrnl_entry_is_replaced_and_noted(cli, journal_db, tmp_path) -> None:
    path = tmp_path / "j.txt"
    path.write_bytes(b"[2024-03-05 09:41] One\x00two\n")
    run = cli("import", "--from", "jrnl", str(path), "--tz", "UTC")
    assert run.code == 0, run.err
    assert "NUL" in run.err and f"{path}:1" in run.err
    assert "One\ufffdtwo" in _texts(cli)


# -- Day One and Mirror JSON -----------------------------------------------------------------

@pytest.mark.parametrize("fields", [
    {"creationDate": "9999-12-31T23:59:59Z", "timeZone": "Pacific/Kiritimati"},
    {"creationDate": "0001-01-01T00:00:00Z", "timeZone": "America/New_York"},
    {"modifiedDate": "9999-12-31T23:00:00-05:00"},
], ids=["year-9999-east", "year-1-west", "modified-9999"])
def test_a_day_one_date_outside_the_years_is_skipped_with_its_reason(cli, journal_db, tmp_path,
                                                                    fields) -> None:
    run = cli("import", "--from", "dayone", str(_dayone(tmp_path, **fields)))
    assert run.code == 0, run.err
    assert "1 skipped" in run.err and "outside the years 1900-2200" in run.err
    assert _texts(cli) == ["My own reflection, which no import may touch"]


def test_lone_surrogate_escapes_become_replacement_characters(cli, journal_db, tmp_path) -> None:
    path = tmp_path / "Journal.json"
    escaped = ('"text": "half an emoji \\ud83d here", "tags": ["a\\udc00b"], '
               '"timeZone": "\\ud800", "location": {"\\ud800": "\\udfff"}')
    path.write_text('{"entries": [{"uuid": "' + UUID + '", "creationDate": '
                    '"2024-03-05T09:41:00Z", ' + escaped + '}]}', encoding="utf-8")
    run = cli("import", "--from", "dayone", str(path))
    assert run.code == 0, run.err
    assert "half an emoji \ufffd here" in _texts(cli)


def test_a_number_of_five_thousand_digits_is_invalid_json_not_a_crash(cli, journal_db,
                                                                      tmp_path) -> None:
    path = tmp_path / "Journal.json"
    path.write_text('{"entries": [{"uuid": "' + UUID + '", "creationDate": '
                    '"2024-03-05T09:41:00Z", "text": "x", "photos": [{"md5": ' + "9" * 5000
                    + '}]}]}', encoding="utf-8")
    _refused(cli, journal_db, "--from", "dayone", str(path), code=4, message="not valid JSON")


def test_a_nul_in_day_one_text_costs_neither_the_entry_nor_the_others(cli, journal_db,
                                                                      tmp_path) -> None:
    run = cli("import", "--from", "dayone", str(_dayone(tmp_path, text="before\u0000after",
                                                          tags=["a\u0000b"])))
    assert run.code == 0, run.err
    assert "before\ufffdafter" in _texts(cli)
    assert "NUL" in run.err


@pytest.mark.parametrize("rich", [
    {"contents": [{"text": "deep\n", "attributes": {"line": {"indentLevel": 10 ** 9,
                                                             "listStyle": "bulleted"}}}]},
    {"contents": [{"text": "odd", "embeddedObjects": 5}]},
], ids=["huge-indent", "objects-not-a-list"])
def test_odd_rich_text_is_rendered_within_bounds(cli, journal_db, tmp_path, rich) -> None:
    run = cli("import", "--from", "dayone", str(_dayone(tmp_path, text="",
                                                          richText=json.dumps(rich))))
    assert run.code == 0, run.err
    assert len(max(_texts(cli), key=len)) < 200


def test_a_million_tags_on_one_entry_import_in_linear_time(cli, journal_db, tmp_path) -> None:
    tags = [f"t{i % 50_000}" for i in range(1_000_000)]  # normalising was quadratic in these
    run = cli("import", "--from", "dayone", str(_dayone(tmp_path, tags=tags)))
    assert run.code == 0, run.err


def test_mirror_json_with_an_absurd_year_skips_that_reflection(cli, journal_db,
                                                              tmp_path) -> None:
    def item(n: int, created: str) -> dict:
        return {"id": f"1234567{n}-1234-4234-8234-123456789abc", "text": f"entry {n}",
                "tz": "Pacific/Kiritimati", "created_at": created}

    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "mirror-export", "format_version": 1, "reflections": [
        item(1, "9999-12-31T23:59:59+00:00"), item(2, "2024-03-05T09:41:00+00:00")]}),
        encoding="utf-8")
    run = cli("import", "--from", "json", str(path))
    assert run.code == 0, run.err
    assert "reflection 1" in run.err and "outside the years" in run.err
    assert "entry 2" in _texts(cli) and "entry 1" not in _texts(cli)


# -- Markdown --------------------------------------------------------------------------------

def test_front_matter_nested_thirty_thousand_deep_is_skipped_at_once(cli, journal_db,
                                                                     tmp_path) -> None:
    notes = tmp_path / "vault"
    notes.mkdir()
    (notes / "2024-03-05.md").write_text(
        "---\ntags: " + "[" * 30_000 + "]" * 30_000 + "\n---\nbody\n", encoding="utf-8")
    (notes / "2024-03-06.md").write_text("A fine note.\n", encoding="utf-8")
    run = cli("import", "--from", "markdown", str(notes))  # minutes of parsing before
    assert run.code == 0, run.err
    assert "nested more than" in run.err
    assert "A fine note." in _texts(cli)


def _mirror_export(tmp_path: Path, *reflections: dict, version: object = 1) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "mirror-export", "format_version": version,
                                "reflections": list(reflections)}), encoding="utf-8")
    return path


def _reflection(**fields) -> dict:
    return {"id": "12345678-1234-4234-8234-123456789abc", "text": "entry", "tz": "UTC",
            "created_at": "2024-03-05T09:41:00+00:00", **fields}


def test_a_hand_edited_export_repeating_an_id_says_which_copy_was_left(cli, journal_db,
                                                                      tmp_path) -> None:
    path = _mirror_export(tmp_path, _reflection(text="first"), _reflection(text="second"))
    run = cli("import", "--from", "json", str(path))
    assert run.code == 0, run.err
    assert "reflection 2: the same id as reflection 1" in run.err  # before: "1 already here"
    assert "first" in _texts(cli)


@pytest.mark.parametrize("version", [True, -5, "1"])
def test_an_export_format_version_that_is_not_a_number_is_refused(cli, journal_db, tmp_path,
                                                                  version) -> None:
    _refused(cli, journal_db, "--from", "json", str(_mirror_export(tmp_path, _reflection(),
                                                                   version=version)),
             code=4, message="is not a version number")


@pytest.mark.parametrize("how", ["--timeformat", "--jrnl-config"])
def test_a_time_format_strptime_cannot_compile_is_one_line(cli, journal_db, tmp_path,
                                                           how) -> None:
    journal = tmp_path / "j.txt"
    journal.write_text("[2024-03-05 09:41] A walk.\n", encoding="utf-8")
    if how == "--timeformat":
        extra = ["--timeformat", "%Y-%m-%d %Y"]
    else:
        config = tmp_path / "jrnl.yaml"
        config.write_text('timeformat: "%H:%M %H"\n', encoding="utf-8")
        extra = ["--jrnl-config", str(config)]
    _refused(cli, journal_db, "--from", "jrnl", str(journal), *extra, code=4,
             message="is not a time format strptime can read")


def test_a_file_given_to_the_markdown_import_is_not_called_missing(cli, journal_db,
                                                                   tmp_path) -> None:
    note = tmp_path / "2024-03-05.md"
    note.write_text("A note.\n", encoding="utf-8")
    _refused(cli, journal_db, "--from", "markdown", str(note), code=4,
             message="not a folder (--from markdown reads a folder")


def _deep(levels: int) -> dict:
    value: dict = {"a": 1}
    for _ in range(levels):
        value = {"a": value}
    return value


@pytest.mark.parametrize("source", ["dayone", "json"])
def test_metadata_nested_hundreds_deep_is_left_out_not_stored(cli, journal_db, tmp_path,
                                                              source) -> None:
    if source == "dayone":
        path = _dayone(tmp_path, location=_deep(900))
    else:
        path = _mirror_export(tmp_path, _reflection(text="A quiet morning.", metadata=_deep(900)))
    run = cli("import", "--from", source, str(path))
    assert run.code == 0, run.err
    assert "nested more than 32 deep: not kept" in run.err
    listed = cli("--json", "list")  # stored, it failed here on every later run
    assert listed.code == 0, listed.err
    assert "A quiet morning." in _texts(cli)
