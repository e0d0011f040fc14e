"""What a bundle's database may hold: every imported value inside its domain (refused with
exit 6, one line naming the field, journal unchanged), and imported mirrorbacks re-checked
against the constitution before they can be shown."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.bundles.journalkit import full_digest, open_journal, rebundle

ADVICE = "You should leave him."
SHA = hashlib.sha256(b"x").hexdigest()


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("domain-src")
    journal = open_journal(folder / "a")
    first = journal.write("He was late again, and I said nothing about it")
    journal.answer(first)
    journal.create_thread("Evenings")
    journal.export_bundle(folder / "good.zip")
    journal.close()
    return folder / "good.zip"


@pytest.fixture
def target(cli, mirror_home: Path) -> Path:
    cli("reflect", "My own reflection, which a refused import must not touch")
    return mirror_home / "mirror.db"


BAD = {
    "month 13": ("UPDATE reflections SET created_at = '2026-13-45T00:00:00.000000Z'",
                 "reflections.created_at is not a real date"),
    "not a date": ("UPDATE reflections SET created_at = 'not a date'",
                   "reflections.created_at is not a UTC time"),
    "30 February": ("UPDATE reflections SET updated_at = '2026-02-30T10:00:00.000000Z'",
                    "reflections.updated_at is not a real date"),
    "year 9999": ("UPDATE reflections SET created_at = '9999-01-01T00:00:00.000000Z'",
                  "reflections.created_at is outside the years"),
    "zone": ("UPDATE reflections SET created_tz = 'Mars/Olympus Mons; rm'",
             "reflections.created_tz is not a time zone name"),
    "content as a number": ("UPDATE reflections SET content = X'414243'",
                            "reflections.content is not text (blob)"),
    "metadata a list": ("UPDATE reflections SET metadata = '[1]'",
                        "reflections.metadata is not a JSON object"),
    "tombstone ID": ("INSERT INTO tombstones VALUES ('../../etc', '2026-01-01T00:00:00.000000Z')",
                     "tombstones.id is not a canonical UUID"),
    "thread date": ("UPDATE threads SET created_at = '2026-04-31T00:00:00Z'",
                    "threads.created_at is not a real date"),
    "mirrorback flags": ("UPDATE mirrorbacks SET flags = '{\"a\": 1}'",
                         "mirrorbacks.flags is not a JSON list"),
    "mirrorback date": ("UPDATE mirrorbacks SET created_at = 'yesterday'",
                        "mirrorbacks.created_at is not a UTC time"),
}


def behind_the_triggers(*statements: str):
    """An edit made the way a hostile writer would: around migration 006's triggers (the
    file ends with exactly Mirror's schema, so only the row checks can catch it)."""
    def edit(db: Path) -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        try:
            triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                    " AND name LIKE '%domain%'").fetchall()
            for name, _sql in triggers:
                conn.execute(f"DROP TRIGGER {name}")
            conn.execute("PRAGMA ignore_check_constraints = ON")
            for statement in statements:
                conn.execute(statement)
            for _name, sql in triggers:
                conn.execute(sql)
        finally:
            conn.close()
    return edit


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_value_outside_its_domain_refuses_the_bundle(case, exported, target, cli,
                                                      tmp_path: Path) -> None:
    statement, message = BAD[case]
    edit = behind_the_triggers(statement)
    bundle = rebundle(exported, tmp_path / "bad.zip", edit, work=tmp_path / "w")
    before = full_digest(target)
    for command in ("verify", "import"):
        run = cli(command, str(bundle))
        assert run.code == 6, (case, command, run.err)
        assert run.err.count("\n") == 1 and message in run.err, run.err
    assert full_digest(target) == before
    assert cli("list").code == 0


def _with_mirrorback(content: str, verdict: str = "passed"):
    return behind_the_triggers(
        "INSERT INTO mirrorbacks (id, reflection_id, content, engine, engine_version,"
        " answered_text_sha256, verdict, flags, created_at)"
        f" SELECT '22222222-2222-4222-8222-222222222222', id, '{content}', 'offline', '1',"
        f" '{SHA}', '{verdict}', '[]', '2026-03-14T10:00:00.000000Z' FROM reflections")


@pytest.mark.parametrize("verdict", ["passed", "care"])
def test_an_imported_mirrorback_giving_advice_is_kept_but_never_shown(
        verdict, exported, cli, tmp_path: Path) -> None:
    bundle = rebundle(exported, tmp_path / "advice.zip", _with_mirrorback(ADVICE, verdict),
                      work=tmp_path / "w")
    run = cli("import", str(bundle), "--json")
    assert run.code == 0, run.err
    assert run.json["changes"]["mirrorbacks_added"] == 2
    listed = cli("list", "--json").json["reflections"]
    reflection_id = listed[0]["id"]
    shown = cli("show", reflection_id[:8])
    assert shown.code == 0 and ADVICE not in shown.out
    assert "imported mirrorback not shown: it fails the constitution's checks" in shown.out
    assert "explicit_advice" in shown.out
    mirrorbacks = {m["content"]: m for m in cli("show", reflection_id[:8], "--json").json["mirrorbacks"]}
    kept = mirrorbacks[ADVICE]  # kept as history, marked
    assert kept["verdict"] == "failed" and {"imported", "explicit_advice"} <= set(kept["flags"])
    others = [m for text, m in mirrorbacks.items() if text != ADVICE]
    assert [m["verdict"] for m in others] == ["passed"]  # Mirror's own answer still shows
    assert others[0]["content"] in shown.out


def test_an_imported_mirrorback_that_passes_the_checks_is_shown(exported, cli,
                                                                tmp_path: Path) -> None:
    text = "Lateness comes up again. What stays with you from that evening?"
    bundle = rebundle(exported, tmp_path / "fine.zip", _with_mirrorback(text),
                      work=tmp_path / "w")
    assert cli("import", str(bundle)).code == 0
    reflection_id = cli("list", "--json").json["reflections"][0]["id"]
    assert text in cli("show", reflection_id[:8]).out
