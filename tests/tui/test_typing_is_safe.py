"""Nothing typed is lost and no typed letter runs a command: Escape in the edit dialog asks
before throwing changes away, `f` goes back into a visible filter bar, and a date the
dialogs cannot read keeps the dialog open with the reason (the CLI's words)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static, TextArea

from tests.tui.conftest import settle

SIZES = [(80, 24), (120, 40)]


async def open_edit(pilot):
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    return pilot.app.screen.query_one("#edit-text", TextArea)


@pytest.mark.parametrize("size", SIZES)
async def test_escape_in_the_edit_dialog_asks_before_discarding(make_app, journal, size):
    from mirror.tui.screens.dialogs import ConfirmScreen
    from mirror.tui.screens.reader import EditScreen, ReaderScreen

    r = journal.write("Written in vim. Feeling okay.")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        editor = await open_edit(pilot)
        editor.move_cursor(editor.document.end)
        await pilot.press(*" Later: a walk")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.title_text == "Discard your changes?"
        await pilot.press("enter")              # the default answer keeps editing
        await settle(pilot)
        assert isinstance(app.screen, EditScreen)
        assert editor.text == "Written in vim. Feeling okay. Later: a walk"
        await pilot.press("escape", "escape")   # escape twice never discards either
        await settle(pilot)
        assert isinstance(app.screen, EditScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")                  # an explicit yes discards
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert journal.get(r.id).content == "Written in vim. Feeling okay."


async def test_escape_without_changes_closes_at_once_and_tags_count_as_changes(make_app, journal):
    from mirror.tui.screens.dialogs import ConfirmScreen
    from mirror.tui.screens.reader import ReaderScreen

    journal.write("Nothing to change here.")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_edit(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#edit-tags", Input).value = "walks"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_date_keeps_the_redate_dialog_open(make_app, journal, size):
    from mirror.tui.screens.dialogs import PromptScreen
    from mirror.tui.screens.reader import ReaderScreen

    r = journal.write("Moved later.", when="2026-03-01 21:00")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter", "c")
        await settle(pilot)
        box = app.screen.query_one("#prompt-input", Input)
        box.value = ""
        await pilot.press(*"blorp", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)       # still open, the text as typed
        assert box.value == "blorp"
        problem = str(app.screen.query_one("#prompt-problem", Static).render())
        assert "cannot read 'blorp' as a date" in problem
        await pilot.press(*" edit")                       # the next keys go on into the field
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen) and box.value == "blorp edit"
        box.value = "2026-03-02 20:00"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert journal.get(r.id).created_at.startswith("2026-03-02")
