"""`mirror evolve ...` through the real CLI: the --json shapes match their schemas, the
lifecycle's refusals are one line with the documented exit codes, and the engine profile
moves forward on apply and back on rollback."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mirror.clock import Clock
from tests.cli.test_json_schemas import validate
from tests.conftest import FIXED_START
from tests.evolution.kit import DIRECTIVE, GOOD, Model, reflect, use_model

LATER = Clock(now_fn=lambda: FIXED_START + timedelta(days=1))


@pytest.fixture
def seeded(journal, monkeypatch):
    model = Model()
    use_model(monkeypatch, model)
    for i in range(12):
        model.queue(DIRECTIVE, GOOD)
        reflect(journal, f"Entry {i}: the train was late again and I kept checking the time.")
    journal.close()


def test_report_approve_apply_rollback(cli, seeded):
    report = cli("evolve", "report", "--json", clock=LATER)
    assert report.code == 0, report.err
    validate("evolve report", report.json)
    [proposal] = [p for p in report.json["new_proposals"] if p["kind"] == "prompt_adjustment"]
    pid = proposal["id"][:8]
    assert "train" not in report.out

    bare = cli("evolve", clock=LATER)
    assert bare.code == 0 and "scripted" in bare.out and "explicit_advice" in bare.out
    assert "█" in bare.out                                  # the small text chart

    listed = cli("evolve", "proposals", "--json", clock=LATER)
    validate("evolve proposals", listed.json)
    shown = cli("evolve", "show", pid, clock=LATER)
    assert shown.code == 0 and "invariants: no refusal" in shown.out and "evidence:" in shown.out

    early = cli("evolve", "apply", pid, clock=LATER)
    assert early.code == 4 and early.err.strip().endswith("this needs it approved")
    assert len(early.err.strip().splitlines()) == 1

    approved = cli("evolve", "approve", pid, "--json", clock=LATER)
    validate("evolve approve", approved.json)
    applied = cli("evolve", "apply", pid, clock=LATER)
    assert applied.code == 0 and "engine profile 2 is in force" in applied.err
    validate("evolve show", cli("evolve", "show", pid, "--json", clock=LATER).json)
    # The report lists the change in force with its measured effect beside the prediction.
    listed = cli("evolve", "report", clock=LATER).out.splitlines()
    at = listed.index("in force, with what changed since:")
    assert listed[at + 1].startswith(f"  {pid}  prompt_adjustment ")
    assert listed[at + 2] == ("    measured: directive_flag_rate 100% (12/12) before, — (0/0) "
                              "after; predicted at most 50% — too few yet to tell")

    rolled = cli("evolve", "rollback", pid, "--json", clock=LATER)
    validate("evolve rollback", rolled.json)
    assert rolled.json["proposal"]["status"] == "rolled_back"
    again = cli("evolve", "rollback", pid, clock=LATER)
    assert again.code == 4 and "rolled_back" in again.err
    assert cli("evolve", "report", "--json", clock=LATER).json["profile"]["version"] == 1


def test_reject_and_not_found(cli, seeded):
    report = cli("evolve", "report", "--json", clock=LATER).json
    pid = report["new_proposals"][0]["id"]
    rejected = cli("evolve", "reject", pid, "--note", "not now", "--json", clock=LATER)
    validate("evolve reject", rejected.json)
    assert rejected.json["proposal"]["history"][-1]["note"] == "not now"
    assert cli("evolve", "approve", pid, clock=LATER).code == 4
    missing = cli("evolve", "show", "ffffffff", clock=LATER)
    assert missing.code == 3 and "no proposal" in missing.err


def test_every_run_records_the_profile_version(cli):
    assert cli("reflect", "A quiet morning with the radio on.").code == 0
    runs = cli("runs", "--json")
    validate("runs", runs.json)
    assert [r["profile_version"] for r in runs.json["runs"]] == [1]


def test_a_window_out_of_range_is_refused(cli):
    run = cli("evolve", "report", "--days", "0")
    assert run.code == 4 and run.err.strip() == "mirror: the window is 1 to 3660 days, not 0"
