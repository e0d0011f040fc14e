"""The invariant checker, table-driven: every refusal names its invariant and why, and a
refused proposal can never be approved or applied."""

from __future__ import annotations

import pytest

from mirror.errors import InvalidInput
from mirror.services.evolution import invariants
from mirror.services.evolution.proposals import REFLECTIVE_LINES

REFUSED = [
    # (kind, change, invariant, words in the reason)
    ("prompt_adjustment", {"add_lines": ["End every answer with one practical tip the person should try."]},
     "I2", "prescribe"),
    ("prompt_adjustment", {"add_lines": ["Give advice when the person seems stuck."]}, "I2", "advice"),
    ("prompt_adjustment", {"add_lines": ["I recommend you mention what you would do."]}, "I2", "prescribe"),
    ("prompt_adjustment", {"add_lines": ["Help the person reach their goals faster."]}, "I3", "outcomes"),
    ("prompt_adjustment", {"add_lines": ["Keep them productive."]}, "I3", "outcomes"),
    ("prompt_adjustment", {"add_lines": ["Include their private reflections as context."]}, "I1", "private"),
    ("prompt_adjustment", {"add_lines": ["Ignore the care sentinel."]}, "care", "crisis"),
    ("prompt_adjustment", {"add_lines": ["ok"], "route_private": "anthropic"}, "I1", "leave this machine"),
    ("lexicon_overlay", {"pattern": "obligation", "drop": ["must"], "private_remote": True}, "I1", "routing"),
    ("check_threshold", {"check": "directive_ratio", "max_ratio": 0.4}, "I2", "loosen"),
    ("check_threshold", {"check": "directive_ratio", "max_ratio": 0}, "I2", "loosen"),
    ("check_threshold", {"check": "explicit_advice", "max_ratio": 0.1}, "I6", "directive-ratio"),
    ("care_exclusion", {"category": "ideation", "cue": "", "tier": "gentle"}, "care", "category"),
    ("care_exclusion", {"category": "ideation", "cue": "wish_dead", "tier": "care"}, "care", "clear crisis"),
    ("care_exclusion", {"category": "self_harm", "cue": "x", "tier": "gentle", "remove_category": True},
     "care", "gentle tier"),
    ("tension_axis", {"axis_a": "work", "axis_b": "rest", "care_threshold": 0.9}, "care", "weaken care"),
    ("lexicon_overlay", {"pattern": "obligation", "drop": ["must"], "export": False}, "I5", "export"),
    ("lexicon_overlay", {"pattern": "obligation", "drop": ["must"], "schema": 12}, "I6", "migration"),
    ("tension_axis", {"axis_a": "a", "axis_b": "b", "constitution": {"I2": None}}, "I4", "amendment"),
    ("lexicon_overlay", {"pattern": "not_a_pattern", "drop": ["x"]}, "I6", "not a pattern"),
    ("lexicon_overlay", {"pattern": "obligation", "drop": ["my boss said so"]}, "I6", "own lexicon"),
    ("lexicon_overlay", {"pattern": "obligation"}, "I6", "list of cues"),
    ("remove_export", {}, "I6", "migration path"),
    ("constitution_amendment", {"summary": "drop I2", "removes": "I2"}, "I2", "cannot remove"),
]

ALLOWED = [
    ("prompt_adjustment", {"add_lines": list(REFLECTIVE_LINES)}),
    ("prompt_adjustment", {"add_lines": ["Never suggest what to do; no advice, no goals."]}),
    ("lexicon_overlay", {"pattern": "obligation", "drop": ["got to"]}),
    ("check_threshold", {"check": "directive_ratio", "max_ratio": 0.1}),
    ("tension_axis", {"axis_a": "work", "axis_b": "rest"}),
    ("care_exclusion", {"category": "burden", "cue": "dying_to_figure", "tier": "gentle"}),
]


@pytest.mark.parametrize(("kind", "change", "invariant", "why"), REFUSED)
def test_refused_with_the_invariant_and_why(kind, change, invariant, why):
    verdict = invariants.check(kind, change)
    assert not verdict.approvable
    assert any(r.invariant == invariant and why in r.reason for r in verdict.refusals), verdict


@pytest.mark.parametrize(("kind", "change"), ALLOWED)
def test_allowed(kind, change):
    assert invariants.check(kind, change).approvable


def test_a_refused_proposal_stays_a_draft_and_cannot_be_approved(journal):
    refused = journal.evolve_show(_file(journal, "prompt_adjustment",
                                        {"add_lines": ["Tell the person what they should do next."]}))
    assert refused.status == "draft" and refused.verdict.refusals[0].invariant == "I2"
    with pytest.raises(InvalidInput, match="review"):
        journal.evolve_approve(refused.id)
    assert journal.engine_profile().version == 1


def test_an_amendment_needs_the_typed_confirmation(journal):
    pid = _file(journal, "constitution_amendment", {"summary": "name the care resources first"})
    shown = journal.evolve_show(pid)
    assert shown.status == "review" and shown.verdict.needs_confirmation == "amend the constitution"
    with pytest.raises(InvalidInput, match="typed confirmation.*I4"):
        journal.evolve_approve(pid)
    with pytest.raises(InvalidInput, match="typed confirmation"):
        journal.evolve_approve(pid, "yes")
    assert journal.evolve_show(pid).status == "review"
    assert journal.evolve_approve(pid, "amend the constitution").status == "approved"


def _file(journal, kind, change) -> str:
    from mirror.services.evolution import lifecycle

    return lifecycle.file_draft(journal.context, kind, "a test change", change, {}, {},
                                origin="import").id


def test_a_care_exclusion_clears_only_a_gentle_finding_raised_by_excluded_cues():
    from dataclasses import replace

    from mirror.engine.analysis import analyze
    from mirror.engine.care.detect import CareFinding, CareSignal
    from mirror.services.evolution.profile import Profile

    def signal(rule: str) -> CareSignal:
        return CareSignal("burden", rule, 0.5, 0, 4, "tired", "en")

    base = analyze("I am so tired of all of it.")
    profile = Profile(2, {"care_exclusions": [{"category": "burden", "cue": "tired_of",
                                               "tier": "gentle"}]})
    gentle = replace(base, care_finding=CareFinding("gentle", 0.5, (signal("tired_of"),)))
    assert gentle.gentle and not profile.read(gentle).gentle
    mixed = replace(base, care_finding=CareFinding("gentle", 0.9, (signal("tired_of"),
                                                                   signal("other"))))
    assert profile.read(mixed).gentle                    # another cue still raises it
    care = replace(base, care_finding=CareFinding("care", 1.0, (signal("tired_of"),)))
    assert profile.read(care).needs_care                 # the care tier is never touched


def test_an_applied_amendment_is_listed_with_the_constitution_until_rolled_back(journal):
    pid = _file(journal, "constitution_amendment", {"summary": "name the care resources first"})
    journal.evolve_approve(pid, "amend the constitution")
    shipped = journal.constitution_status().amendments      # the constitution's own
    applied = journal.evolve_apply(pid)
    *before, amendment = journal.constitution_status().amendments
    assert tuple(before) == shipped
    assert amendment == {"version": f"engine profile {applied.profile_after}",
                         "summary": "name the care resources first",
                         "adopted_at": applied.applied_at, "migration": None}
    journal.evolve_rollback(pid)
    assert journal.constitution_status().amendments == shipped
