"""Every kind of change a month of feedback leads to does what it says, and its effect is
measured beside its prediction: a dropped cue (the inaccurate flags on reflections holding
it), a care exclusion (the gentle lines dismissed), a tension axis the person named by hand
(proposed from their own words, then observed by the next reflect), an added cue."""

from __future__ import annotations

import pytest

from mirror.cli.evolve_cmds import show_lines
from mirror.errors import InvalidInput
from mirror.services.evolution import lifecycle
from tests.evolution.kit import reflect


def _one(report, kind):
    [found] = [p for p in report.new_proposals if p.kind == kind]
    return found


def _apply(journal, proposal):
    journal.evolve_approve(proposal.id)
    return journal.evolve_apply(proposal.id)


def test_a_dropped_cue_shows_the_inaccurate_flags_before_and_after(journal):
    flagged = []
    for i in range(3):
        result = reflect(journal, f"I have got to finish the fence before Friday, day {i}.")
        journal.feedback(result.mirrorback.id, 2, ["inaccurate"], None)
        flagged.append(result.mirrorback.id)
    result = reflect(journal, "A quiet evening with tea.")   # no cue: not counted
    journal.feedback(result.mirrorback.id, 2, ["inaccurate"], None)
    proposal = _one(journal.evolve_report(), "lexicon_overlay")
    assert proposal.change == {"pattern": "obligation", "drop": ["got to"]}
    # Evidence the person can look up (`mirror mirrorback`), newest first: IDs, no text.
    assert proposal.evidence["example_mirrorback_ids"] == flagged[::-1]
    _apply(journal, proposal)

    for i in range(5):
        result = reflect(journal, f"I have got to call the plumber tomorrow, evening {i}.")
        assert "obligation" not in {p.pattern for p in result.patterns}
        journal.feedback(result.mirrorback.id, 4, [], None)

    shown = journal.evolve_show(proposal.id)
    effect = shown.effect
    assert effect is not None and effect.metric == "inaccurate_flag_rate"
    assert (effect.before_count, effect.before_total) == (3, 3)
    assert (effect.after_count, effect.after_total) == (0, 5)
    assert effect.enough_data and not effect.worse
    [line] = [line for line in show_lines(shown) if line.startswith("measured:")]
    assert line == ("measured: inaccurate_flag_rate 100% (3/3) before, 0% (0/5) after; "
                    "predicted at most 0%")


def test_a_care_exclusion_shows_the_gentle_lines_dismissed_before_and_after(journal):
    text = "Sometimes I wish I could just disappear for a while, day {}."
    dismissed = []
    for i in range(3):
        reflect(journal, text.format(i))
        assert _gentle(journal) == 1
        dismissed.append(_latest(journal))
        journal.dismiss_care(_latest(journal))
    proposal = _one(journal.evolve_report(), "care_exclusion")
    assert proposal.change["tier"] == "gentle"
    assert proposal.evidence["example_reflection_ids"] == sorted(dismissed)
    assert "disappear" not in str(proposal.to_json())
    _apply(journal, proposal)
    for i in range(5):
        reflect(journal, text.format(10 + i))
        assert _gentle(journal) == 0                # the gentle line is not added for that cue

    effect = journal.evolve_show(proposal.id).effect
    assert effect is not None and effect.metric == "care_dismissal_rate"
    assert (effect.before_count, effect.before_total) == (3, 3)
    assert (effect.after_count, effect.after_total) == (0, 5)
    assert not effect.worse


def _gentle(journal) -> int:
    return journal.store.conn.execute(
        "SELECT count(*) FROM care_markers WHERE reflection_id = ? AND tier = 'gentle'",
        (_latest(journal),)).fetchone()[0]


def _latest(journal) -> str:
    return journal.store.conn.execute(
        "SELECT id FROM reflections ORDER BY seq DESC LIMIT 1").fetchone()[0]


def test_a_tension_the_person_names_is_proposed_and_then_observed(journal):
    journal.add_tension("freedom", "security")
    for i in range(3):
        reflect(journal, f"Freedom or security: the Lisbon offer again, day {i}.")
    reflect(journal, "Security matters. So does the garden.")   # not both in one sentence
    proposal = _one(journal.evolve_report(), "tension_axis")
    assert proposal.change == {"axis_a": "freedom", "axis_b": "security"}
    assert proposal.evidence["observations"] == 3
    assert journal.tension("freedom/security").trajectory == ()

    _apply(journal, proposal)
    reflect(journal, "I keep weighing my freedom against security tonight.")
    [seen] = journal.tension("freedom/security").trajectory
    assert journal.tension("freedom/security").origin == "user_created"

    journal.evolve_rollback(proposal.id)
    reflect(journal, "Freedom, security, and the same old question.")
    assert journal.tension("freedom/security").trajectory == (seen,)


def test_an_added_cue_is_read_as_its_pattern_until_rolled_back(journal):
    text = "The postcard from Ana made my day, evening {}."
    assert "gratitude" not in {p.pattern for p in reflect(journal, text.format(0)).patterns}
    proposal = lifecycle.file_draft(journal.context, "lexicon_overlay", "read 'made my day'",
                                    {"pattern": "gratitude", "add": ["made my day"]}, {}, {})
    _apply(journal, proposal)
    [match] = [p for p in reflect(journal, text.format(1)).patterns if p.pattern == "gratitude"]
    journal.evolve_rollback(proposal.id)
    assert "gratitude" not in {p.pattern for p in reflect(journal, text.format(2)).patterns}
    assert match is not None


def test_a_rollback_out_of_order_names_the_change_to_roll_back_first(journal):
    first = lifecycle.file_draft(journal.context, "tension_axis", "freedom and security",
                                 {"axis_a": "freedom", "axis_b": "security"}, {}, {})
    second = lifecycle.file_draft(journal.context, "lexicon_overlay", "drop 'got to'",
                                  {"pattern": "obligation", "drop": ["got to"]}, {}, {})
    _apply(journal, first)
    _apply(journal, second)
    with pytest.raises(InvalidInput, match=rf"roll back `mirror evolve rollback {second.id[:8]}`"
                                           r" \(drop 'got to'\) first"):
        journal.evolve_rollback(first.id)


def test_only_the_window_s_reflections_count_for_a_tension_named_by_hand(journal):
    """A journal mostly older than the window is read by date (not through the index):
    the same count, of the window's reflections naming both poles in one sentence."""
    journal.add_tension("freedom", "security")
    for i in range(10):
        journal.write(f"Freedom or security, years ago, note {i}.", when="2024-05-01")
    reflect(journal, "Freedom or security: the offer came back.")
    reflect(journal, "Freedom is one thing. Security another.")      # two sentences
    reflect(journal, "FREEDOM and its price, security and its cost.")
    [axis] = journal.evolve_report().observations.user_axes
    assert axis == {"axis_a": "freedom", "axis_b": "security", "observations": 2}


def test_a_prompt_change_is_still_measured_after_another_change_is_applied_on_top(
        journal, monkeypatch):
    """Applying a second change writes a later profile that still holds the first: the
    runs it answers count as the first change's 'after'."""
    from tests.evolution.kit import DIRECTIVE, GOOD, Model, use_model

    model = Model()
    use_model(monkeypatch, model)
    for i in range(10):
        model.queue(DIRECTIVE, GOOD)
        reflect(journal, f"Entry {i}: the ferry was late again.")
    prompt = _one(journal.evolve_report(), "prompt_adjustment")
    _apply(journal, prompt)
    other = lifecycle.file_draft(journal.context, "lexicon_overlay", "drop 'got to'",
                                 {"pattern": "obligation", "drop": ["got to"]}, {}, {})
    _apply(journal, other)
    for i in range(5):
        model.queue(GOOD)
        reflect(journal, f"Later entry {i}: the ferry was on time.")

    effect = journal.evolve_show(prompt.id).effect
    assert (effect.before_count, effect.before_total) == (10, 10)
    assert (effect.after_count, effect.after_total) == (0, 5) and effect.enough_data


def test_an_inaccurate_flag_naming_its_label_counts_for_that_label_only(journal):
    """'I always have to…' is read as absolute thinking ('always') and obligation ('have
    to'); the person says only obligation misread them: only its cue is proposed."""
    from mirror.services import telemetry

    for i in range(5):
        result = reflect(journal, f"I always have to finish everything first, day {i}.")
        assert {"obligation", "absolute_thinking"} <= {p.pattern for p in result.patterns}
        journal.feedback(result.mirrorback.id, 2, [], None, labels=["obligation language"])
    report = journal.evolve_report()
    assert {(p.change["pattern"], p.change["drop"][0]) for p in report.new_proposals
            if p.kind == "lexicon_overlay"} == {("obligation", "have to")}
    assert report.observations.feedback_flags == {"inaccurate": 5}
    flags = telemetry.packet(journal.context)["feedback"]["flags"]
    assert (flags["inaccurate"], flags["other"]) == (5, None)   # a label is not a flag


def test_a_label_mirror_did_not_read_is_refused(cli):
    saved = cli("reflect", "I always have to finish everything first.", "--json")
    rid = saved.json["reflection"]["id"]
    refused = cli("feedback", rid, "--label", "gratitude")
    assert refused.code == 4
    assert refused.err == ("mirror: Mirror did not read 'gratitude' in this reflection (it "
                           "read: absolute thinking, obligation language)\n")
    given = cli("feedback", rid, "--label", "obligation", "--json")
    assert given.code == 0 and given.json["feedback"]["flags"] == ["inaccurate",
                                                                    "inaccurate:obligation"]


def test_an_approved_axis_is_read_across_a_contrast_never_from_one_side_of_it(journal):
    """Where a contrast holds the poles, they must sit on its two sides (the mirrorback
    quotes each side as one pole's); a sentence no contrast holds may name both."""
    journal.add_tension("freedom", "security")
    proposal = lifecycle.file_draft(journal.context, "tension_axis", "freedom and security",
                                    {"axis_a": "freedom", "axis_b": "security"}, {}, {})
    _apply(journal, proposal)

    across = reflect(journal, "Part of me wants freedom, but security matters more now.")
    assert "freedom and security" in across.mirrorback.content
    one_side = reflect(journal, "Freedom or security: I keep going back and forth about "
                                "the offer, but my mother is getting older.")
    assert "freedom and security" not in one_side.mirrorback.content
    apart = reflect(journal, "I want freedom. But security matters.")
    plain = reflect(journal, "Freedom, security, and the same old question.")
    observed = {o.reflection_id for o in journal.tension("freedom/security").trajectory}
    assert observed == {across.reflection.id, apart.reflection.id, plain.reflection.id}


def test_a_stricter_limit_is_measured_by_the_directive_flags_you_give(journal):
    """The threshold proposal comes from the person's own 'directive' flags: its effect is
    the share of their feedback so flagged (measurable on the offline engine too, and not
    made 'worse' by the stricter check flagging more answers, which is it working)."""
    for i in range(8):
        result = reflect(journal, f"The walk home was long tonight, evening {i}.")
        journal.feedback(result.mirrorback.id, 2, ["directive"] if i < 4 else [], None)
    proposal = _one(journal.evolve_report(), "check_threshold")
    assert proposal.prediction["metric"] == "directive_feedback_rate"
    assert (proposal.prediction["before"], proposal.prediction["expected_at_most"]) == (0.5, 0.25)
    _apply(journal, proposal)
    for i in range(6):
        result = reflect(journal, f"Another walk, another evening {i}.")
        journal.feedback(result.mirrorback.id, 4, [], None)

    shown = journal.evolve_show(proposal.id)
    effect = shown.effect
    assert (effect.metric, effect.before_count, effect.before_total) == ("directive_feedback_rate", 4, 8)
    assert (effect.after_count, effect.after_total) == (0, 6) and not effect.worse
    assert ("measured: directive_feedback_rate 50% (4/8) before, 0% (0/6) after; "
            "predicted at most 25%") in show_lines(shown)


def test_an_approved_tension_axis_shows_what_mirror_observed_since_beside_its_prediction(journal):
    """The axis is measured by the reflections Mirror observed on it after it was applied,
    and by the share naming both poles before and after, beside its prediction."""
    from mirror.cli.evolve_cmds import report_lines
    from tests.cli.test_json_schemas import validate

    journal.add_tension("freedom", "security")
    for i in range(3):
        reflect(journal, f"Freedom or security: the Lisbon offer again, day {i}.")
    reflect(journal, "Security matters. So does the garden.")   # not both in one sentence
    proposal = _one(journal.evolve_report(), "tension_axis")
    _apply(journal, proposal)
    for i in range(3):
        reflect(journal, f"Freedom, security, and the same old question, night {i}.")
    for i in range(3):
        reflect(journal, f"The ferry was late again, morning {i}.")

    shown = journal.evolve_show(proposal.id)
    effect = shown.effect
    assert effect is not None and effect.measured and effect.metric == "axis_named_rate"
    assert effect.observed_after == 3 == len(journal.tension("freedom/security").trajectory)
    assert (effect.before_count, effect.before_total) == (3, 4)
    assert (effect.after_count, effect.after_total) == (3, 6)
    assert effect.enough_data and not effect.worse
    line = ("measured: Mirror observed freedom / security in 3 reflections since it was "
            "applied; reflections naming both poles 75% (3/4) before, 50% (3/6) after; "
            "predicted: Mirror will offer the axis when a reflection leans on it "
            "(3 reflections leaned on it in the 30 days before)")
    assert line in show_lines(shown)
    report = journal.evolve_report()
    assert f"    {line}" in report_lines(report)
    validate("evolve show", {"proposal": shown.to_json()})
    validate("evolve report", report.to_json())
    assert shown.to_json()["effect"]["observed_after"] == 3


def test_an_axis_rolled_back_stops_counting_observations(journal):
    proposal = lifecycle.file_draft(journal.context, "tension_axis", "freedom and security",
                                    {"axis_a": "freedom", "axis_b": "security"}, {}, {})
    _apply(journal, proposal)
    reflect(journal, "Freedom, security, and the same old question.")
    journal.evolve_rollback(proposal.id)
    reflect(journal, "Freedom, security, and the question once more.")
    effect = journal.evolve_show(proposal.id).effect
    assert (effect.observed_after, effect.after_count, effect.after_total) == (1, 1, 1)
    assert not effect.enough_data


def test_an_applied_amendment_says_plainly_it_has_no_behavioural_measure(journal):
    from tests.cli.test_json_schemas import validate

    proposal = lifecycle.file_draft(journal.context, "constitution_amendment", "care first",
                                    {"summary": "name the care resources first"}, {}, {})
    journal.evolve_approve(proposal.id, "amend the constitution")
    journal.evolve_apply(proposal.id)
    for i in range(5):
        reflect(journal, f"The walk home was long tonight, evening {i}.")

    shown = journal.evolve_show(proposal.id)
    assert shown.effect is not None and not shown.effect.measured
    data = shown.to_json()["effect"]
    assert (data["metric"], data["before_count"], data["after_total"]) == ("none", None, None)
    assert data["note"].startswith("a constitutional amendment has no behavioural measure: ")
    [line] = [line for line in show_lines(shown) if line.startswith("measured:")]
    assert line == ("measured: none — a constitutional amendment has no behavioural measure: "
                    "it is recorded with the constitution (`mirror constitution`) and the "
                    "engine reads nothing from it, so there is no before and after of "
                    "Mirror's answers to count")
    assert not shown.to_json()["offer_rollback"]
    validate("evolve show", {"proposal": shown.to_json()})
