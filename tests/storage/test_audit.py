"""The audit log (DESIGN §3): every create, edit and delete is recorded — never the text —
in a hash chain that `mirror audit verify` checks; an edited, removed or reordered entry
is detected and named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.storage.helpers import assert_clean_error, raw_connect

SECRET_WORDS = ("quillfeatherbrook", "marmaladecomet")
TEXT = "quillfeatherbrook: I told nobody about the marmaladecomet letter."
EDITED = "quillfeatherbrook: I finally told my sister about the marmaladecomet letter."


@pytest.fixture
def history(cli) -> dict[str, str]:
    """A journal where one reflection was created, edited and deleted and one is kept."""
    gone = cli("reflect", "--json", input=TEXT).json["reflection"]["id"]
    kept = cli("reflect", "--json", input="an ordinary evening").json["reflection"]["id"]
    assert cli("edit", gone, input=EDITED).code == 0
    assert cli("edit", kept, "--star").code == 0
    assert cli("delete", gone, "--yes").code == 0
    return {"gone": gone, "kept": kept}


def _audit_rows(home: Path) -> list[dict]:
    conn = raw_connect(home / "mirror.db")
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM audit_log ORDER BY seq")]
    finally:
        conn.close()


def test_creates_edits_and_deletes_are_audited_without_their_text(history, mirror_home):
    """The audit log says what happened to which reflection, in order, and never contains a
    word of what the person wrote."""
    rows = _audit_rows(mirror_home)
    about = [(r["action"], r["entity_id"]) for r in rows if r["entity"] == "reflection"]
    assert about == [
        ("create", history["gone"]), ("create", history["kept"]),
        ("edit", history["gone"]), ("edit", history["kept"]), ("delete", history["gone"]),
    ]
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    dump = repr(rows).casefold()
    for word in (*SECRET_WORDS, "sister", "letter", "ordinary evening"):
        assert word not in dump


def test_audit_verify_reports_an_intact_chain_and_its_head(history, cli, mirror_home):
    """`mirror audit verify --json` says the chain is intact, counts its entries and shows
    the hash of the last entry (the head written into bundles)."""
    rows = _audit_rows(mirror_home)
    run = cli("audit", "verify", "--json")
    assert run.code == 0, run.err
    assert run.json == {"ok": True, "entries": len(rows), "head": rows[-1]["hash"],
                        "problem": None, "broken_at": None}
    text = cli("audit", "verify")
    assert text.code == 0
    assert rows[-1]["hash"] in text.out and "intact" in text.out


def test_the_audit_log_refuses_updates_and_deletes(history, mirror_home):
    """Through SQLite itself, the audit log is append-only: rewriting or removing an entry
    is refused unless someone deliberately drops its guard triggers."""
    import sqlite3

    conn = raw_connect(mirror_home / "mirror.db")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET details = '{}' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
    conn.close()


def _tamper(home: Path, *statements: str) -> None:
    conn = raw_connect(home / "mirror.db")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(
    ("tampering", "broken_at", "words"),
    [
        pytest.param(("UPDATE audit_log SET details = '{\"source\":\"import\",\"private\":false}'"
                      " WHERE seq = 3",), 3, "altered", id="edited-details"),
        pytest.param(("UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 4",),
                     4, "altered", id="edited-time"),
        pytest.param(("DELETE FROM audit_log WHERE seq = 3",), 3, "missing", id="removed-middle"),
        pytest.param(("UPDATE audit_log SET seq = -1 WHERE seq = 3",
                      "UPDATE audit_log SET seq = 3 WHERE seq = 4",
                      "UPDATE audit_log SET seq = 4 WHERE seq = -1"), 3, "reordered",
                     id="swapped-seq"),
    ],
)
def test_tampered_audit_chain_fails_verification_and_names_the_entry(
        history, cli, mirror_home, tampering, broken_at, words):
    """Whoever edits, removes or reorders an audit entry behind Mirror's back (dropping the
    append-only triggers first) is caught: `audit verify` exits 7 and names the entry."""
    entries = len(_audit_rows(mirror_home))
    assert entries >= 6
    _tamper(mirror_home, *tampering)

    run = cli("audit", "verify", "--json")
    assert run.code == 7
    report = run.json
    assert report["ok"] is False
    assert report["broken_at"] == broken_at
    assert f"entry {broken_at}" in report["problem"] and words in report["problem"]

    text = cli("audit", "verify")
    line = assert_clean_error(text, 7, "audit chain is broken", f"entry {broken_at}", words)
    assert "BROKEN" in text.out and line
