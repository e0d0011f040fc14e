"""Round trips with the real tools (issue 14, item 1): Mirror → `export --format jrnl` →
the real `jrnl --import` (jrnl 4.6, in the test extra) → Mirror, entry by entry; Mirror's
own JSON and Markdown exports import back by ID and never duplicate."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mirror.clock import FixedClock
from tests.cli.test_json_schemas import validate

JRNL = Path(sys.executable).with_name("jrnl")
JRNL_STAMP = "%Y-%m-%d %I:%M:%S %p"  # jrnl 4.6's default timeformat '%F %r', for strptime


def jrnl(tmp_path: Path, *args: str) -> str:
    """Run the real jrnl with its own config in `tmp_path` (never the user's)."""
    home = tmp_path / "jrnl-home"
    config = home / ".config" / "jrnl" / "jrnl.yaml"
    if not config.exists():
        config.parent.mkdir(parents=True)
        config.write_text(
            "colors: {body: none, date: none, tags: none, title: none}\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
            "highlight: false\nindent_character: '|'\n"
            f"journals:\n  default:\n    journal: {home / 'journal.txt'}\n"
            "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%F %r'\n"
            "version: v4.6\n")
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / "data"), "NO_COLOR": "1"}
    run = subprocess.run([str(JRNL), *args], env=env, capture_output=True, text=True,
                         timeout=120, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stderr
    return run.stdout


def write_source_journal(cli) -> list[dict]:
    """Reflections written as a person would, in three zones (one at 01:30 on the night
    New York's clocks go back), inline and explicit tags, stars, and seconds."""
    plan = [
        ("Europe/Berlin", ["--date", "2024-03-05 21:14", "--star"],
         "Evening notes\nWorked on #work/deep things at @home.\nA second line."),
        ("Asia/Tokyo", ["--date", "2024-06-01 07:05"], "Morning in Tokyo\nTea first. #travel"),
        ("America/New_York", ["--date", "2024-11-03 01:30", "--star"],
         "Clocks go back tonight @sleep"),
        ("Europe/Berlin", ["--date", "2024-12-24 18:00", "--tag", "family"],
         "Christmas Eve\nQuiet dinner."),
    ]
    for zone, flags, text in plan:
        assert cli("config", "set", "timezone", zone).code == 0
        assert cli("reflect", text, *flags).code == 0
    assert cli("config", "set", "timezone", "Europe/Berlin").code == 0
    clock = FixedClock(datetime(2024, 7, 1, 12, 0, 42, tzinfo=UTC))
    assert cli("reflect", "Seconds matter\nwritten at 14:00:42 local", clock=clock).code == 0
    return listed(cli)


def listed(cli, *home: str) -> list[dict]:
    run = cli("list", "-n", "100", "--json", *home)
    assert run.code == 0, run.err
    return sorted(run.json["reflections"], key=lambda r: r["created_at"])


def local(reflection: dict) -> datetime:
    moment = datetime.fromisoformat(reflection["created_at"].replace("Z", "+00:00"))
    return moment.astimezone(ZoneInfo(reflection["created_tz"])).replace(tzinfo=None)


def as_entry(r: dict) -> tuple:
    return (r["id"], r["created_at"], r["created_tz"], r["content"],
            sorted(t.lower() for t in r["tags"]), r["starred"])


def test_mirror_to_jrnl_and_back_entry_by_entry(cli, mirror_home: Path, tmp_path: Path) -> None:
    source = write_source_journal(cli)
    out = tmp_path / "journal.jrnl.txt"
    run = cli("export", "--format", "jrnl", str(out), "--json")
    assert run.code == 0, run.err
    validate("export", run.json)
    assert run.json["reflections"] == len(source) == 5
    jrnl(tmp_path, "--import", "--file", str(out))

    # What the real jrnl holds: its JSON export, and its own file for the seconds.
    exported = json.loads(jrnl(tmp_path, "--export", "json"))["entries"]
    written = (tmp_path / "jrnl-home" / "journal.txt").read_text()
    seconds = {title.rstrip(" *"): datetime.strptime(stamp, JRNL_STAMP)
               for stamp, title in re.findall(r"^\[([^\]]+)\] (.*)$", written, flags=re.M)}
    assert len(exported) == len(source)
    by_title = {e["title"]: e for e in exported}
    for r in source:
        title, _, body = r["content"].partition("\n")
        entry = by_title[title]
        wall = local(r)  # jrnl has no zones: each entry's wall clock in its own zone
        assert (entry["date"], entry["time"]) == (f"{wall:%Y-%m-%d}", f"{wall:%H:%M}")
        assert seconds[title] == wall
        assert entry["starred"] == r["starred"]
        assert sorted(t.lstrip("#@") for t in entry["tags"]) == sorted(t.lower() for t in r["tags"])
        explicit = [t for t in r["tags"] if f"#{t}" not in r["content"] and f"@{t}" not in r["content"]]
        assert entry["body"] == "\n".join([body, *(f"@{t}" for t in explicit)]).strip()

    # Back into a new Mirror journal from jrnl's own file.
    other = tmp_path / "other-home"
    back = cli("import", "--from", "jrnl", str(tmp_path / "jrnl-home" / "journal.txt"),
               "--tz", "Europe/Berlin", "--json", "--home", str(other))
    assert back.code == 0, back.err
    validate("import", back.json)
    assert back.json["changes"]["reflections_added"] == 5 and back.json["skipped"] == []
    returned = {r["content"].split("\n", 1)[0]: r for r in listed(cli, "--home", str(other))}
    for r in source:
        again = returned[r["content"].split("\n", 1)[0]]
        explicit = [t for t in r["tags"] if f"#{t}" not in r["content"] and f"@{t}" not in r["content"]]
        assert again["content"] == "\n".join([r["content"], *(f"@{t}" for t in explicit)])
        assert sorted(t.lower() for t in again["tags"]) == sorted(t.lower() for t in r["tags"])
        assert again["starred"] == r["starred"]
        assert local(again) == local(r)  # the wall clock always survives
        if r["created_tz"] == "Europe/Berlin":  # the zone given with --tz: the same instant
            assert (again["created_at"], again["created_tz"]) == (r["created_at"], r["created_tz"])
        else:  # jrnl kept no zone: documented, the entry is read in --tz
            assert again["created_tz"] == "Europe/Berlin"

    # Back into the journal it came from: jrnl keeps no IDs, yet nothing is added twice
    # (each entry is the same wall-clock second and text as a reflection here).
    home = cli("import", "--from", "jrnl", str(tmp_path / "jrnl-home" / "journal.txt"),
               "--tz", "Europe/Berlin", "--json")
    assert home.json["changes"]["reflections_added"] == 0
    assert home.json["changes"]["reflections_skipped_existing"] == 5
    assert [r["id"] for r in listed(cli)] == [r["id"] for r in source]


def test_jrnl_export_to_stdout_is_what_jrnl_reads(cli, mirror_proc, tmp_path: Path) -> None:
    assert cli("config", "set", "timezone", "UTC").code == 0
    assert cli("reflect", "Only line with #tag/nested", "--date", "2024-01-02 03:04",
               "--star").code == 0
    run = mirror_proc("export", "--format", "jrnl", "-")
    assert run.code == 0, run.err
    assert run.out == "[2024-01-02 03:04] Only line with #tag/nested *\n"
    piped = tmp_path / "piped.txt"
    piped.write_text(run.out)
    jrnl(tmp_path, "--import", "--file", str(piped))
    (entry,) = json.loads(jrnl(tmp_path, "--export", "json"))["entries"]
    assert entry["tags"] == ["#tag/nested"] and entry["starred"]


def test_json_export_imports_back_by_id(cli, mirror_home: Path, tmp_path: Path) -> None:
    write_source_journal(cli)
    jrnl1 = Path(__file__).resolve().parent.parent / "fixtures" / "jrnl" / "jrnl1.txt"
    assert cli("import", "--from", "jrnl", str(jrnl1), "--tz", "UTC").code == 0  # metadata
    assert cli("reflect", "Not for any server", "--private", "--date", "2024-02-02 10:00").code == 0
    source = listed(cli)
    doc = tmp_path / "journal.json"
    assert cli("export", "--format", "json", str(doc)).code == 0
    other = tmp_path / "other-home"
    run = cli("import", "--from", "json", str(doc), "--json", "--home", str(other))
    assert run.code == 0, run.err
    validate("import", run.json)
    assert run.json["changes"]["reflections_added"] == len(source) == 9
    assert [(*as_entry(r), r["metadata"], r["source"], r["private"])
            for r in listed(cli, "--home", str(other))] \
        == [(*as_entry(r), r["metadata"], r["source"], r["private"]) for r in source]
    assert [r["private"] for r in source].count(True) == 1  # and it stays private
    folder, third = tmp_path / "md", tmp_path / "third-home"
    assert cli("export", "--format", "markdown", str(folder)).code == 0
    assert cli("import", "--from", "markdown", str(folder), "--home", str(third)).code == 0
    assert [(r["id"], r["private"]) for r in listed(cli, "--home", str(third))] == \
        [(r["id"], r["private"]) for r in source]
    assert {r["source"] for r in source} == {"cli", "jrnl"}
    again = cli("import", "--from", "json", str(doc), "--home", str(other))
    assert again.code == 0
    assert "imported 0 of 9 json entries (9 already here)" in again.err
    # into the journal it came from: every reflection is recognised by its ID
    home = cli("import", "--from", "json", str(doc), "--json")
    assert home.json["changes"]["reflections_skipped_existing"] == 9
    assert len(listed(cli)) == 9


def test_markdown_export_then_bundle_never_duplicates(cli, mirror_home: Path, tmp_path: Path) -> None:
    source = write_source_journal(cli)
    folder, bundle = tmp_path / "md", tmp_path / "journal.zip"
    assert cli("export", "--format", "markdown", str(folder)).code == 0
    assert cli("export", str(bundle)).code == 0
    # the journal it came from recognises every file by the ID in its front matter
    run = cli("import", "--from", "markdown", str(folder), "--json")
    assert run.json["changes"]["reflections_added"] == 0
    assert run.json["changes"]["reflections_skipped_existing"] == 5
    # a new journal: Markdown first, then a bundle of the same journal
    other = tmp_path / "other-home"
    assert cli("import", "--from", "markdown", str(folder), "--home", str(other)).code == 0
    merged = cli("import", str(bundle), "--home", str(other))
    assert merged.code == 0, merged.err
    after = listed(cli, "--home", str(other))
    assert [r["id"] for r in after] == [r["id"] for r in source]
    assert [(r["content"], r["created_tz"], r["starred"]) for r in after] == \
        [(r["content"], r["created_tz"], r["starred"]) for r in source]
