"""Importers that lose nothing (issue 14, item 2), through the real CLI on files written by
the real tools: jrnl 4.6 (custom timeformat, DST gap and fold, nested tags, `@c++`,
encrypted), jrnl 1.9.8, an Obsidian-style vault, a Day One export with richText-only,
audio, PDF and video entries. Every source answers with the same report (counts, skipped
with reasons, notes), checked against its JSON schema."""

from __future__ import annotations

import json
import os
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.bundles.test_interop_roundtrip import listed, local
from tests.cli.test_json_schemas import validate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
JRNL = FIXTURES / "jrnl"


def tag_names(cli) -> set[str]:
    return {t["name"] for t in cli("tags", "--json").json["tags"]}


def imported(cli, *args: str) -> dict:
    run = cli("import", *args, "--json")
    assert run.code == 0, run.err
    validate("import", run.json)
    return run.json


# -- jrnl ---------------------------------------------------------------------------------

def test_encrypted_jrnl_journal_gives_one_clear_line(cli, mirror_home: Path) -> None:
    run = cli("import", "--from", "jrnl", str(JRNL / "encrypted.txt"), "--tz", "UTC")
    assert run.code == 4  # invalid input (DESIGN §8)
    assert run.err.strip().splitlines() == [
        f"mirror: {JRNL / 'encrypted.txt'}: this jrnl journal is encrypted: decrypt with "
        "`jrnl --decrypt` first"]
    assert listed(cli) == []


def test_custom_timeformat_from_jrnl_config_or_flag(cli, mirror_home: Path, tmp_path: Path) -> None:
    expected = json.loads((JRNL / "custom-timeformat-export.json").read_text())["entries"]
    journal = str(JRNL / "custom-timeformat.txt")
    refused = cli("import", "--from", "jrnl", journal, "--tz", "Europe/Berlin")
    assert refused.code == 4 and "--timeformat or --jrnl-config" in refused.err
    report = imported(cli, "--from", "jrnl", journal, "--tz", "Europe/Berlin",
                      "--jrnl-config", str(JRNL / "custom-timeformat.yaml"))
    assert report["changes"]["reflections_added"] == len(expected) == 4
    assert report["changes"]["notes"] == 2  # the DST gap and fold
    got = {r["content"].split("\n", 1)[0]: r for r in listed(cli)}
    for entry in expected:
        r = got[entry["title"]] if entry["title"] in got else \
            next(v for k, v in got.items() if k.startswith(entry["title"]))
        gap = entry["date"] == "2024-03-31"  # 02:30 never showed on Berlin's clocks
        wall = "2024-03-31 03:30" if gap else f"{entry['date']} {entry['time']}"
        assert f"{local(r):%Y-%m-%d %H:%M}" == wall
        assert r["starred"] == entry["starred"]
        assert sorted(t.lower() for t in r["tags"]) == sorted(t.lstrip("#@") for t in entry["tags"])
    # the same journal read with --timeformat is the same entries
    again = imported(cli, "--from", "jrnl", journal, "--tz", "Europe/Berlin",
                     "--timeformat", "%d.%m.%Y %H:%M")
    assert again["changes"]["reflections_skipped_existing"] == 4


def test_jrnl_edge_cases_nested_tags_and_dst_in_the_report(cli, mirror_home: Path) -> None:
    expected = json.loads((JRNL / "edge-export.json").read_text())["entries"]
    report = imported(cli, "--from", "jrnl", str(JRNL / "edge.txt"), "--tz", "Europe/Berlin")
    assert report["changes"]["reflections_added"] == 4
    assert [n["note"] for n in report["notes"]] == [
        "2024-03-31 02:30 does not exist in Europe/Berlin (a DST gap): stored as 03:30",
        "2024-10-27 02:30 happens twice in Europe/Berlin (a DST fold): the earlier one was taken"]
    assert report["notes"][0]["where"].endswith("edge.txt:5")
    first = next(r for r in listed(cli) if r["content"].startswith("Evening notes"))
    assert sorted(first["tags"]) == sorted(t.lstrip("#@") for t in expected[0]["tags"]) \
        == ["c++", "home", "work/deep"]
    assert "c" not in tag_names(cli) and "work" not in tag_names(cli)
    text = cli("import", "--from", "jrnl", str(JRNL / "edge.txt"), "--tz", "Europe/Berlin",
               "--dry-run")
    assert "note " in text.err and "(a DST gap): stored as 03:30" in text.err


def test_jrnl_1x_journal_without_brackets(cli, mirror_home: Path) -> None:
    report = imported(cli, "--from", "jrnl", str(JRNL / "jrnl1.txt"), "--tz", "Europe/Berlin")
    assert report["changes"]["reflections_added"] == 3
    rows = listed(cli)
    assert [f"{local(r):%Y-%m-%d %H:%M}" for r in rows] == \
        ["2024-03-05 21:14", "2024-03-06 08:00", "2024-03-31 03:30"]
    assert rows[0]["content"] == ("Evening notes.\nWorked on @work things with @home in mind.")
    assert sorted(rows[0]["tags"]) == ["home", "work"] and rows[1]["starred"]
    assert rows[1]["content"] == "Morning"
    assert len(report["notes"]) == 1 and "DST gap" in report["notes"][0]["note"]


# -- Markdown / Obsidian ------------------------------------------------------------------

def test_obsidian_vault_imports_every_note(cli, mirror_home: Path, tmp_path: Path) -> None:
    import shutil

    vault = tmp_path / "vault"
    shutil.copytree(FIXTURES / "obsidian" / "vault", vault)
    saved = datetime(2024, 4, 2, 16, 45, tzinfo=ZoneInfo("Europe/Berlin")).timestamp()
    os.utime(vault / "Ideas" / "Untitled idea.md", (saved, saved))
    report = imported(cli, "--from", "markdown", str(vault), "--tz", "Europe/Berlin")
    assert report["changes"]["reflections_added"] == 4
    assert report["changes"]["skipped"] == 1 and report["changes"]["entries"] == 5
    (skipped,) = report["skipped"]
    assert skipped["where"] == "Inbox/broken.md" and "front matter" in skipped["reason"]
    notes = {n["where"]: n["note"] for n in report["notes"]}
    assert notes["Ideas/Untitled idea.md"] == ("no date in its front matter or name: dated "
                                               "2024-04-02 16:45 from the file's modification time")
    assert "DST gap" in notes["Daily/2024-03-31.md"]
    rows = {r["metadata"]["path"]: r for r in listed(cli)}
    assert f"{local(rows['Ideas/Untitled idea.md']):%Y-%m-%d %H:%M}" == "2024-04-02 16:45"
    alpha = rows["Projects/Project Alpha.md"]
    assert f"{local(alpha):%Y-%m-%d %H:%M}" == "2024-02-01 10:00"
    assert alpha["metadata"]["links"] == ["2024-03-05", "Ideas/Untitled idea"]
    assert alpha["metadata"]["front_matter"] == {"aliases": ["Alpha"], "status": "active"}
    tags = tag_names(cli)
    assert {"work/deep", "work/deep/notes", "project/alpha", "ideas", "sleep"} <= tags
    assert "c" not in tags and "c++" not in tags
    daily = rows["Daily/2024-03-05.md"]
    assert "[[Project Alpha]]" in daily["content"] and "@c++" in daily["content"]
    text = cli("import", "--from", "markdown", str(vault), "--tz", "Europe/Berlin", "--dry-run")
    assert text.code == 0
    assert "would import 0 of 5 markdown entries (4 already here, 1 skipped, 2 noted)" in text.err
    assert "skipped Inbox/broken.md: " in text.err


def test_markdown_date_from_mtime_first(cli, mirror_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    note = folder / "2024-03-05.md"
    note.write_text("Dated by name, saved later.\n")
    saved = datetime(2024, 3, 9, 8, 0, tzinfo=ZoneInfo("UTC")).timestamp()
    os.utime(note, (saved, saved))
    imported(cli, "--from", "markdown", str(folder), "--tz", "UTC", "--date-from", "mtime")
    (row,) = listed(cli)
    assert row["created_at"].startswith("2024-03-09T08:00:00")


# -- Day One ------------------------------------------------------------------------------

def dayone_zip(tmp_path: Path) -> Path:
    """The fixture folder zipped as Day One's export is."""
    source, path = FIXTURES / "dayone" / "export", tmp_path / "dayone.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for member in sorted(source.rglob("*")):
            if member.is_file():
                out.write(member, member.relative_to(source).as_posix())
    return path


def test_dayone_rich_text_attachments_and_moments(cli, mirror_home: Path, tmp_path: Path) -> None:
    report = imported(cli, "--from", "dayone", str(dayone_zip(tmp_path)))
    assert report["changes"]["reflections_added"] == 4 and report["changes"]["placeholders"] == 0
    assert report["skipped"] == []
    assert [n["note"] for n in report["notes"]] == [
        "removed a link to attachment GONE0000000000000000000000000000, which the export "
        "does not list",
        "video videos/0123456789abcdef0123456789abcdef.mov is listed but not in the export"]
    rows = {r["metadata"]["source_id"]: r for r in listed(cli)}
    rich = rows["D1000000000000000000000000000001"]
    assert rich["content"] == (
        "# Sunday plans\nCall **Mum** and read [*the guide*](https://example.org/guide).\n"
        "- bread\n- [x] milk\n1. first\n2. second\n> Quiet is a kind of answer.\n"
        "[photo: photos/bcc483f99357fb1d0c0f805dd86dd27f.jpeg]\nrun `make test`")
    assert sorted(rich["tags"]) == ["family/mum", "plans"] and rich["starred"]
    audio = rows["D1000000000000000000000000000002"]
    assert audio["content"].endswith("[audio: audios/c3465a514d51779e18fcc1dc460f7f32.m4a]")
    (item,) = audio["metadata"]["media"]
    assert (item["kind"], item["type"], item["present"]) == ("audios", "m4a", True)
    pdf = rows["D1000000000000000000000000000003"]
    assert pdf["content"] == ("Signed the lease (finally).\n\n"
                              "[PDF: pdfs/4b93938d8cf905859f8cd9ec1f34a8e0.pdf]")
    assert pdf["metadata"]["media"][0]["present"] is True
    assert "dayone-moment" not in "".join(r["content"] for r in rows.values())
    video = rows["D1000000000000000000000000000004"]
    assert video["metadata"]["media"][0]["present"] is False


def test_jrnl_timeformat_from_jrnls_default_config(cli, mirror_home: Path, tmp_path: Path,
                                                  monkeypatch) -> None:
    """Without --jrnl-config, jrnl's own config is read where jrnl keeps it (jrnl 1.x's
    `~/.jrnl_config` when there is no jrnl 2+ config)."""
    home = tmp_path / "user"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    (home / ".jrnl_config").write_text(json.dumps({"timeformat": "%d.%m.%Y %H:%M",
                                                   "tagsymbols": "@"}))
    report = imported(cli, "--from", "jrnl", str(JRNL / "custom-timeformat.txt"), "--tz", "UTC")
    assert report["changes"]["reflections_added"] == 4
    config = home / ".config" / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("timeformat: '%F %r'\n")  # jrnl 2+'s file wins over 1.x's
    refused = cli("import", "--from", "jrnl", str(JRNL / "custom-timeformat.txt"), "--tz", "UTC")
    assert refused.code == 4 and "unrecognised timestamp [05.03.2024 21:14]" in refused.err


def test_source_flags_elsewhere_are_usage_errors(cli, mirror_home: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "b.zip"
    for args, message in [
        (("--from", "dayone", str(bundle), "--timeformat", "%d"), "apply to --from jrnl only"),
        (("--from", "jrnl", str(JRNL / "edge.txt"), "--date-from", "mtime"),
         "--date-from applies to --from markdown only"),
        ((str(bundle), "--date-from", "mtime"), "apply to --from imports only"),
    ]:
        run = cli("import", *args)
        assert run.code == 2 and len(run.err.strip().splitlines()) == 1 and message in run.err
    assert listed(cli) == []


def test_imports_honour_private_by_default(cli, mirror_home: Path) -> None:
    """A journal that keeps everything private by default keeps imported entries private
    too (never sent to a remote engine), as `reflect` does."""
    assert cli("config", "set", "private_by_default", "true").code == 0
    imported(cli, "--from", "jrnl", str(JRNL / "jrnl1.txt"), "--tz", "UTC")
    assert [r["private"] for r in listed(cli)] == [True, True, True]
