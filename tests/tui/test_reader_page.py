"""The reader is one page that scrolls as a whole (issue 12, item 13), and mirrorbacks
follow the text: an answer to words since edited says so, regenerating is one key away and
never stores the same answer twice (issue 11, item 8). Real app, real journal, offline engine."""

from __future__ import annotations

import pytest
from textual.widgets import Collapsible, Static

from tests.tui.conftest import settle

SIZES = [(80, 24), (120, 40)]

LONG = " ".join([
    "I walked by the river after work and kept thinking about the move, the boxes, the keys.",
    "Part of me wants to stay in this flat forever, part of me is already gone.",
    "My sister says I always decide too late, and maybe she is right, but I must sleep on it.",
] * 8)   # ~230 words: taller than an 80×24 window, and than 120×40 once answered


def long_entry_with_two_mirrorbacks(journal):
    """A long reflection, answered, edited, answered again: two mirrorbacks (the first on
    version 1), one earlier version."""
    r = journal.write(LONG, tags=["move"], when="2026-03-10 19:00")
    journal.answer(r)
    journal.edit(r.id, text=LONG + "\nAnd then it rained, and I stayed in.")
    journal.regenerate(r.id)
    return r


async def open_reader(pilot, reflection_id: str):
    pilot.app.open_reflection(reflection_id)
    await settle(pilot)
    return pilot.app.screen


@pytest.mark.parametrize("size", SIZES)
async def test_mirrorbacks_and_earlier_versions_are_never_squeezed_out(make_app, journal, size):
    r = long_entry_with_two_mirrorbacks(journal)
    assert len(journal.details(r.id).mirrorbacks) == 2
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = await open_reader(pilot, r.id)
        body = screen.query_one("#reader-body")
        box = screen.query_one("#reader-mirrorbacks")
        panels = list(box.query("MirrorbackPanel"))
        assert len(panels) == 2
        # Each container is as tall as what it holds: nothing is cut to the leftover rows.
        assert box.outer_size.height >= sum(p.outer_size.height for p in panels)
        assert body.virtual_size.height > body.size.height     # the page is longer: it scrolls
        screen.query_one(Collapsible).collapsed = False
        await settle(pilot)
        earlier = screen.query_one(".revision", Static)
        assert earlier.size.height >= len(LONG) // earlier.size.width     # the whole earlier text
        for part in (*panels, earlier):
            body.scroll_to_widget(part, animate=False, top=True)
            await settle(pilot)
            region = part.region
            assert region.height >= 3, f"{part} is {region.height} rows high at {size}"
            assert body.region.contains(region.x, region.y), f"{part} cannot be scrolled into view at {size}"
            assert body.region.contains_region(region) or region.height > body.region.height
        # The mirrorbacks' own words are all there.
        for panel, mb in zip(panels, journal.details(r.id).mirrorbacks):
            text = panel.query_one(".mb-body", Static)
            assert text.render().plain == mb.content
            assert text.size.height >= len(mb.content) // text.size.width


def stored_mirrorback(journal, reflection, content: str) -> None:
    """A mirrorback with fixed words (the snapshot must not change when the engine does)."""
    from mirror.services.reflecting import sha256_text
    from mirror.storage.derived import MirrorbackRecord

    journal.store.derived.add_mirrorback(reflection.id, MirrorbackRecord(
        content=content, engine="offline", engine_version="test",
        answered_text_sha256=sha256_text(reflection.content), verdict="passed"))


def test_snapshot_reader_long_entry_two_mirrorbacks(snap_compare, make_app, journal):
    """The reader at 80×24, scrolled to the mirrorbacks. Regenerate after a deliberate change:
    `pytest tests/tui/test_reader_page.py --snapshot-update`."""
    r = journal.write(LONG, tags=["move"], when="2026-03-10 19:00")
    stored_mirrorback(journal, r, "You wrote about the river and the move. What stays with you?")
    edited = journal.edit(r.id, text=LONG + "\nAnd then it rained, and I stayed in.")
    stored_mirrorback(journal, edited, "The rain kept you in. What was it like to stay?\n" * 3)

    async def ready(pilot):
        await settle(pilot)
        screen = await open_reader(pilot, r.id)
        screen.query_one("#reader-body").scroll_to_widget(
            screen.query_one("#reader-mirrorbacks"), animate=False, top=True)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=ready)


@pytest.mark.parametrize("size", SIZES)
async def test_an_answer_to_an_earlier_version_says_so_and_g_answers_the_current_text(
        make_app, journal, size):
    r = journal.write("I should call my sister but I keep putting it off.")
    journal.answer(r)
    journal.edit(r.id, text="I called my sister today. It was easier than I feared.")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = await open_reader(pilot, r.id)
        (panel,) = screen.query("#reader-mirrorbacks MirrorbackPanel")
        status = panel.query_one(".mb-status", Static).render().plain
        assert "Answers version 1, before the text was edited" in status
        assert "press g" in status
        await pilot.press("g")
        await settle(pilot)
        mirrorbacks = journal.details(r.id).mirrorbacks
        assert [mb.outdated for mb in mirrorbacks] == [True, False]
        first, second = app.screen.query("#reader-mirrorbacks MirrorbackPanel")
        assert first.has_class("-outdated") and not second.has_class("-outdated")
        assert "Answers version" not in second.query_one(".mb-status", Static).render().plain
        # The same text again gives the same words: said, not stored twice.
        await pilot.press("g")
        await settle(pilot)
        assert len(journal.details(r.id).mirrorbacks) == 2
        assert len(app.screen.query("#reader-mirrorbacks MirrorbackPanel")) == 2
        assert any("not stored again" in n.message for n in app._notifications)


@pytest.mark.parametrize("size", SIZES)
async def test_mirrorbacks_are_set_apart(make_app, journal, size):
    """The next mirrorback's heading does not sit on the previous one's Rate row: two blank
    rows between them (issue 12, item 4)."""
    r = long_entry_with_two_mirrorbacks(journal)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = await open_reader(pilot, r.id)
        first, second = screen.query("#reader-mirrorbacks MirrorbackPanel")
        rate = first.query_one(".mb-rate")
        assert rate.region.bottom == first.region.bottom          # the Rate row ends the first
        assert second.region.y - first.region.bottom == 2
