"""The mirrorback beside the editor and in the reader: rating and flagging it, care
responses, regenerating. These assert real engine output (the offline engine)."""

from __future__ import annotations

import json
import sqlite3

from textual.widgets import Checkbox, SelectionList, Static, TextArea

from tests.tui.conftest import SIZE, settle


async def write(pilot, text: str) -> None:
    await pilot.press("f2")
    await settle(pilot)
    pilot.app.screen.query_one("#editor", TextArea).insert(text)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def open_reader_panel(app, pilot):
    """The newest reflection opened in the reader (enter), and its one mirrorback panel."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    (panel,) = app.screen.query("#reader-mirrorbacks MirrorbackPanel")
    return panel


async def test_mirrorback_appears_and_can_be_rated_and_flagged(make_app, journal):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await write(pilot, "I must always finish everything tonight, but I want to rest.")
        (saved,) = journal.list().items
        details = journal.details(saved.id)
        assert details.mirrorbacks, "the engine stored a mirrorback"
        panel = app.screen.query_one("#mirrorback")
        assert panel.query_one(".mb-body", Static).render().plain == details.mirrorbacks[-1].content
        assert "Noticed:" in panel.query_one(".mb-patterns", Static).render().plain
        await pilot.click("#rate-4")
        await settle(pilot)
        assert "rated 4 of 5" in panel.query_one(".mb-thanks", Static).render().plain
        await pilot.click("#flag")
        await settle(pilot)
        app.screen.query_one("#flag-prescriptive", Checkbox).value = True
        await pilot.click("#ok")
        await settle(pilot)
        assert "flagged" in panel.query_one(".mb-thanks", Static).render().plain


async def test_care_response_is_gentle_and_distinct(make_app, journal):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await write(pilot, "I don't want to be alive anymore. I keep thinking about ending my life.")
        panel = app.screen.query_one("#mirrorback")
        assert panel.has_class("-care")
        assert not panel.has_class("-rated-able")                     # no stars on a care note
        assert panel.query_one(".mb-patterns", Static).render().plain == ""   # no pattern chatter
        assert panel.query_one(".mb-body", Static).render().plain.strip()


async def test_regenerate_from_the_reader(make_app, journal):
    saved = journal.write("I should call my sister but I keep putting it off.")
    journal.answer(saved)
    journal.edit(saved.id, text="I should call my sister. Tomorrow, maybe.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = len(journal.details(saved.id).mirrorbacks)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        after = journal.details(saved.id).mirrorbacks
        assert len(after) == before + 1
        assert len(app.screen.query("#reader-mirrorbacks MirrorbackPanel")) == len(after)


async def test_rating_in_the_reader_is_saved_and_thanked(make_app, journal):
    saved = journal.write("I should call my sister but I keep putting it off.")
    journal.answer(saved)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await open_reader_panel(app, pilot)
        panel.action_rate(4)
        await settle(pilot)
        assert "rated 4 of 5" in panel.query_one(".mb-thanks", Static).render().plain
    ratings = journal.store.conn.execute(
        "SELECT f.rating FROM engine_feedback f JOIN mirrorbacks m ON m.id = f.mirrorback_id"
        " WHERE m.reflection_id = ?", (saved.id,)).fetchall()
    assert [r[0] for r in ratings] == [4]


async def test_a_flag_can_say_which_label_misread_the_entry(make_app, journal, mirror_home):
    # The flag dialog lists the patterns Mirror named; ticking one records it as the label
    # that misread the person, so the critics count it against that label only.
    saved = journal.write("I must always finish everything tonight, but I want to rest.")
    journal.answer(saved)
    labels = [p.label for p in journal.details(saved.id).patterns]
    assert labels, "the engine named a pattern"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = await open_reader_panel(app, pilot)
        await pilot.click(panel.query_one("#flag"))
        await settle(pilot)
        offered = app.screen.query_one("#flag-labels", SelectionList)
        assert [str(offered.get_option_at_index(k).prompt) for k in range(offered.option_count)] == labels
        offered.select(labels[0])
        await pilot.click("#ok")
        await settle(pilot)
    with sqlite3.connect(mirror_home / "mirror.db") as db:   # what was stored, read as a user would
        (flags,) = db.execute("SELECT flags FROM engine_feedback").fetchone()
    pattern = journal.details(saved.id).patterns[0].pattern
    assert json.loads(flags) == ["inaccurate", f"inaccurate:{pattern}"]


async def test_the_flag_dialog_fits_a_small_terminal(make_app, journal):
    # At 80x24, with the patterns listed, the note and the Flag button are still on screen.
    saved = journal.write("I must always finish everything tonight, but I want to rest.")
    journal.answer(saved)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_reader_panel(app, pilot)
        panel.action_flag()
        await settle(pilot)
        for widget in ("#ok", "#flag-note", "#flag-labels"):
            region = app.screen.query_one(widget).region
            assert region.height > 0 and region.bottom <= 24, (widget, region)
