"""`mirror redate ID DATE`: the command line can move a reflection to another date, as the
TUI can (same date phrases as `reflect --date`, in the journal's zone)."""

from __future__ import annotations

from datetime import UTC, datetime

from mirror.clock import FixedClock
from tests.cli.test_json_schemas import validate
from tests.storage.helpers import assert_clean_error

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def _write(cli, text: str) -> str:
    run = cli("reflect", text, clock=FixedClock(NOW))
    assert run.code == 0, run.err
    return cli("list", "--json").json["reflections"][0]["id"]


def test_redate_moves_a_reflection_to_a_date_phrase(cli):
    rid = _write(cli, "A walk by the river")
    run = cli("redate", rid[:8], "yesterday 21:30", "--json", clock=FixedClock(NOW))
    assert run.code == 0, run.err
    validate("redate", run.json)
    # Europe/Berlin is UTC+1 in March: 21:30 local on the 13th is 20:30 UTC.
    assert run.json["reflection"]["created_at"] == "2026-03-13T20:30:00.000000Z"
    shown = cli("show", rid, "--json").json["reflection"]
    assert shown["created_at"] == "2026-03-13T20:30:00.000000Z"
    assert shown["content"] == "A walk by the river"
    assert cli("history", rid, "--json").json["revisions"] == []  # same text: no revision


def test_redate_says_where_it_moved_the_reflection(cli):
    rid = _write(cli, "Coffee with Sam")
    run = cli("redate", rid, "2026-03-01 08:15", clock=FixedClock(NOW))
    assert run.code == 0, run.err
    assert run.out == ""
    assert f"moved {rid[:8]}" in run.err and "2026-03-01 08:15" in run.err
    listed = cli("list", "--until", "2026-03-02", "--json").json["reflections"]
    assert [r["id"] for r in listed] == [rid]


def test_redate_an_unknown_id_is_not_found(cli):
    _write(cli, "Something")
    assert_clean_error(cli("redate", "ffffffff", "2026-03-01"), 3, "ffffffff")


def test_redate_to_a_bad_date_is_invalid_and_changes_nothing(cli):
    rid = _write(cli, "Something else")
    before = cli("show", rid, "--json").json["reflection"]
    assert_clean_error(cli("redate", rid, "the twelfth of never-ish"), 4, "date")
    assert cli("show", rid, "--json").json["reflection"] == before


def test_redate_is_in_the_shell_completion(cli):
    run = cli("completion", "bash")
    assert run.code == 0 and "redate" in run.out
