"""The Evolution screen (F9) through Pilot: observations as small text charts, a proposal
with its evidence and verdict, approve → apply → roll back each after a confirmation, and
the sovereignty screen showing the profile version in force."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from tests.evolution.kit import DIRECTIVE, GOOD, Model, reflect, use_model
from tests.tui.conftest import SIZE, settle


def text_of(app, selector: str) -> str:
    return app.screen.query_one(selector, Static).render().plain


async def _yes(pilot) -> None:
    await settle(pilot)
    await pilot.press("y")
    await settle(pilot)


async def test_approve_apply_and_roll_back_from_the_screen(make_app, journal, monkeypatch):
    model = Model()
    use_model(monkeypatch, model)
    for i in range(12):
        model.queue(DIRECTIVE, GOOD)
        reflect(journal, f"Morning {i}: the kettle, the window, the list I did not write.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        observed = text_of(app, "#evo-observations")
        assert "scripted" in observed and "explicit_advice" in observed and "█" in observed
        assert app.screen.query_one("#evo-proposals", OptionList).option_count == 1
        detail = text_of(app, "#evo-detail")
        assert "directive_runs: 12" in detail and "✓ invariants: no refusal" in detail
        assert "kettle" not in detail
        # the example runs as the short IDs `mirror runs` takes, not a Python list
        assert "example_run_ids: " in detail and "['" not in detail

        await pilot.press("a")
        await settle(pilot)
        await pilot.press("escape")          # cancelled: nothing changes
        await settle(pilot)
        assert journal.evolve_proposals()[0].status == "review"
        await pilot.press("a")
        await _yes(pilot)
        assert "approved ·" not in text_of(app, "#evo-detail")
        assert journal.evolve_proposals()[0].status == "approved"
        await pilot.press("p")
        await _yes(pilot)
        assert journal.engine_profile().version == 2
        assert "u roll back" in text_of(app, "#evo-detail")

        await pilot.press("f7")
        await settle(pilot)
        assert "engine profile 2 in force" in text_of(app, "#sov-engine")
        await pilot.press("f9")
        await settle(pilot)
        await pilot.press("u")
        await _yes(pilot)
        assert journal.engine_profile().version == 1
        assert journal.evolve_proposals()[0].status == "rolled_back"
        assert "rolled_back" in text_of(app, "#evo-detail")
        await pilot.press("f7")
        await settle(pilot)
        assert "engine profile 1 in force (as shipped)" in text_of(app, "#sov-engine")


async def test_a_refused_proposal_shows_why_and_cannot_be_approved(make_app, journal):
    from mirror.services.evolution import lifecycle

    lifecycle.file_draft(journal.context, "prompt_adjustment", "tell them what to do",
                         {"add_lines": ["Always give the person one piece of advice."]}, {}, {},
                         origin="import")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        detail = text_of(app, "#evo-detail")
        assert "✗ refused by I2" in detail and "prescribe" in detail
        await pilot.press("a")
        await settle(pilot)
        assert app.screen.id == "evolution"          # no confirmation offered
        assert journal.evolve_proposals()[0].status == "draft"


async def test_one_run_is_said_in_the_singular(make_app, journal, monkeypatch):
    model = Model()
    use_model(monkeypatch, model)
    model.queue(GOOD)
    reflect(journal, "One morning: the kettle, the window, the list I did not write.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        said = text_of(app, "#evo-observations")
        assert "· 1 run ·" in said and "1 runs" not in said, said


async def _detail_after_f9(make_app) -> str:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        return text_of(app, "#evo-detail")


async def test_an_applied_tension_axis_shows_what_mirror_observed_since(make_app, journal):
    from mirror.services.evolution import lifecycle

    proposal = lifecycle.file_draft(journal.context, "tension_axis", "freedom and security",
                                    {"axis_a": "freedom", "axis_b": "security"}, {}, {})
    journal.evolve_approve(proposal.id)
    journal.evolve_apply(proposal.id)
    for i in range(2):
        reflect(journal, f"Freedom, security, and the same old question, night {i}.")
    reflect(journal, "The ferry was late again.")

    detail = await _detail_after_f9(make_app)
    assert ("measured: Mirror observed freedom / security in 2 reflections since it was "
            "applied") in detail
    assert "reflections naming both poles" in detail and "after  " in detail and "2/3" in detail


async def test_an_applied_amendment_says_it_has_no_behavioural_measure(make_app, journal):
    from mirror.services.evolution import lifecycle

    proposal = lifecycle.file_draft(journal.context, "constitution_amendment", "care first",
                                    {"summary": "name the care resources first"}, {}, {})
    journal.evolve_approve(proposal.id, "amend the constitution")
    journal.evolve_apply(proposal.id)

    detail = await _detail_after_f9(make_app)
    assert "measured: none" in detail
    assert "a constitutional amendment has no behavioural measure" in detail
