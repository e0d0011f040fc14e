"""Issue 15's deterministic scenario: directive flags rising on a scripted model produce a
prompt proposal; approving and applying it changes the next prompt; the measured effect
appears beside the prediction; rollback restores the previous prompt byte for byte."""

from __future__ import annotations

import json

import pytest

from mirror.errors import InvalidInput
from mirror.services.evolution.proposals import REFLECTIVE_LINES
from tests.evolution.kit import DIRECTIVE, GOOD, Model, reflect, use_model

TEXTS = [f"Day {i}: the walk home was long and I kept thinking about work." for i in range(12)]


@pytest.fixture
def model(monkeypatch):
    m = Model()
    use_model(monkeypatch, m)
    return m


def test_rising_directive_flags_to_rollback(journal, model):
    # Twelve reflects whose first answer was directive (flagged, rewritten, then passed).
    for text in TEXTS:
        model.queue(DIRECTIVE, GOOD)
        reflect(journal, text)
    shipped_prompt = model.last_system

    report = journal.evolve_report()
    scripted = next(e for e in report.observations.engines if e.engine == "scripted")
    assert scripted.runs == 12 and scripted.first_attempt_pass_rate == 0.0
    assert scripted.retries == 12 and scripted.flag_counts["explicit_advice"] == 12
    [proposal] = [p for p in report.new_proposals if p.kind == "prompt_adjustment"]
    assert proposal.status == "review" and proposal.verdict.approvable
    assert proposal.evidence["directive_runs"] == 12 and proposal.evidence["runs"] == 12
    assert len(proposal.evidence["example_run_ids"]) == 5
    assert proposal.prediction["before"] == 1.0 and proposal.prediction["expected_at_most"] == 0.5
    dumped = json.dumps(proposal.to_json())
    assert not any(t in dumped for t in TEXTS) and "walk home" not in dumped
    # The same change is not proposed twice while it is open.
    assert not [p for p in journal.evolve_report().new_proposals if p.kind == "prompt_adjustment"]

    with pytest.raises(InvalidInput, match="approved"):
        journal.evolve_apply(proposal.id)          # not approved yet
    journal.evolve_approve(proposal.id)
    applied = journal.evolve_apply(proposal.id)
    assert applied.status == "applied" and (applied.profile_before, applied.profile_after) == (1, 2)
    assert journal.engine_profile().version == 2

    # The next reflect's prompt carries the approved lines; the run records profile 2.
    for i in range(5):
        model.queue(GOOD)
        reflect(journal, f"After the change {i}: a quiet evening.")
    changed_prompt = model.last_system
    assert changed_prompt.startswith(shipped_prompt) and changed_prompt != shipped_prompt
    assert all(line in changed_prompt for line in REFLECTIVE_LINES)
    assert {r.get("profile_version") for r in journal.store.derived.runs(5)} == {2}

    shown = journal.evolve_show(proposal.id)
    assert shown.effect is not None and shown.effect.enough_data
    assert (shown.effect.before_count, shown.effect.before_total) == (12, 12)
    assert (shown.effect.after_count, shown.effect.after_total) == (0, 5)
    assert not shown.effect.worse and not shown.to_json()["offer_rollback"]
    assert [h.to_status for h in shown.history] == ["draft", "review", "approved", "applied"]

    rolled = journal.evolve_rollback(proposal.id)
    assert rolled.status == "rolled_back" and journal.engine_profile().version == 1
    model.queue(GOOD)
    reflect(journal, "After the rollback: the same quiet evening.")
    assert model.last_system == shipped_prompt      # byte for byte
    assert journal.store.derived.runs(1)[0]["profile_version"] == 1
    actions = [row[0] for row in journal.store.conn.execute(
        "SELECT action FROM audit_log WHERE entity = 'proposal' ORDER BY seq")]
    assert actions[-5:] == ["evolution_draft", "evolution_review", "evolution_approved",
                            "evolution_applied", "evolution_rolled_back"]
    assert journal.audit_verify().ok


def test_a_change_that_made_things_worse_is_offered_for_rollback(journal, model):
    for i in range(10):   # 2 of 10 flagged at first = 20 %: above the 10 % threshold
        model.queue(DIRECTIVE if i < 2 else GOOD, *([GOOD] if i < 2 else []))
        reflect(journal, f"Entry {i} about the garden.")
    [proposal] = [p for p in journal.evolve_report().new_proposals if p.kind == "prompt_adjustment"]
    journal.evolve_approve(proposal.id)
    journal.evolve_apply(proposal.id)
    for i in range(5):   # worse: every answer under the new profile is flagged first
        model.queue(DIRECTIVE, GOOD)
        reflect(journal, f"Later entry {i} about the garden.")
    shown = journal.evolve_show(proposal.id)
    assert shown.effect.worse and shown.to_json()["offer_rollback"]
    assert (shown.effect.after_count, shown.effect.after_total) == (5, 5)


def test_observers_see_each_run_as_it_is_recorded(journal, model):
    from mirror.services.evolution import observers

    seen: list[observers.RunSeen] = []
    observers.register(seen.append)

    def broken(run: observers.RunSeen) -> None:
        raise RuntimeError("an observer that fails")

    observers.register(broken)
    try:
        model.queue(DIRECTIVE, GOOD)
        result = reflect(journal, "The bus was late and I waited in the rain.")
    finally:
        observers.unregister(seen.append)
        observers.unregister(broken)
    assert result.mirrorback.content == GOOD          # a failing observer costs nothing
    [run] = seen
    assert (run.engine, run.status, run.attempts, run.profile_version) == ("scripted", "ok", 2, 1)
    assert "explicit_advice" in run.flags
    assert run.run_id == journal.store.derived.runs(1)[0]["id"]


def test_a_dropped_lexicon_cue_is_no_longer_read_from_the_next_reflect(journal):
    from mirror.services.evolution import lifecycle

    first = reflect(journal, "I have got to finish the report before Friday.")
    assert "obligation" in {p.pattern for p in first.patterns}
    proposal = lifecycle.file_draft(journal.context, "lexicon_overlay", "drop 'got to'",
                                    {"pattern": "obligation", "drop": ["got to"]}, {}, {})
    journal.evolve_approve(proposal.id)
    journal.evolve_apply(proposal.id)
    after = reflect(journal, "I have got to call the plumber tomorrow.")
    assert "obligation" not in {p.pattern for p in after.patterns}
    journal.evolve_rollback(proposal.id)
    again = reflect(journal, "I have got to pack for the trip.")
    assert "obligation" in {p.pattern for p in again.patterns}


def test_re_deriving_the_journal_reads_it_through_the_profile_in_force(journal):
    """`mirror analyze --all` (and the derivation after an import) gives each reflection the
    reading `reflect` gives it: a cue the person dropped is not read back in."""
    from mirror.services.evolution import lifecycle

    written = journal.write("I have got to finish the report before Friday.")
    journal.answer(written)

    def labels() -> list[str]:
        return journal.store.derived.pattern_names([written.id]).get(written.id, [])

    assert "obligation" in labels()
    proposal = lifecycle.file_draft(journal.context, "lexicon_overlay", "drop 'got to'",
                                    {"pattern": "obligation", "drop": ["got to"]}, {}, {})
    journal.evolve_approve(proposal.id)
    journal.evolve_apply(proposal.id)
    journal.analyze_all()
    assert "obligation" not in labels()
    journal.evolve_rollback(proposal.id)
    journal.analyze_all()
    assert "obligation" in labels()


def test_an_applied_stricter_directive_limit_holds_the_next_answers_to_it(journal, model):
    """A check-threshold proposal changes what the guardian accepts at once: an answer
    within the constitution's limit but over the person's stricter one is refused (and the
    offline engine answers); rolled back, the same answer is accepted again."""
    from mirror.services.evolution import lifecycle

    mild = "You wrote that the walk felt long. Imagine the stretch after the bridge. What was the longest part?"
    model.queue(mild)
    assert reflect(journal, "The walk home felt long tonight.").mirrorback.engine == "scripted"
    proposal = lifecycle.file_draft(journal.context, "check_threshold", "stricter directive limit",
                                    {"check": "directive_ratio", "max_ratio": 0.05}, {}, {})
    journal.evolve_approve(proposal.id)
    journal.evolve_apply(proposal.id)
    model.queue(mild, mild, mild, mild)
    stricter = reflect(journal, "The walk to work felt long today.")
    assert stricter.mirrorback.engine != "scripted" and mild not in stricter.mirrorback.content
    journal.evolve_rollback(proposal.id)
    model.queue(mild)
    assert reflect(journal, "The walk back felt long as well.").mirrorback.engine == "scripted"
