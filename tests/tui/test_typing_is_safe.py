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


def seed(journal) -> None:
    journal.write("Ran by the river.", tags=["running"], when="2026-03-01 21:00")
    journal.write("Second run this week.", tags=["running"], when="2026-03-05 20:00")
    journal.write("A quiet evening in.", when="2026-03-06 22:00")


def status(app) -> str:
    return str(app.screen.query_one("#timeline-status", Static).render())


@pytest.mark.parametrize("size", SIZES)
async def test_f_goes_back_into_a_visible_filter_bar(make_app, journal, size):
    seed(journal)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f", "tab", "tab", *"running")
        await pilot.press("enter")
        await settle(pilot)
        assert "2 reflections shown" in status(app) and app.focused.id == "timeline-list"
        await pilot.press("f", *"last week sw")       # `s` stars and `w` writes only outside a field
        await settle(pilot)
        assert app.current_mode == "timeline"
        assert app.focused.id == "f-since"
        assert app.screen.query_one("#f-since", Input).value == "last week sw"
        assert app.screen.filters.starred is None
        await pilot.press("escape")                   # escape clears the filters and hides the bar
        await settle(pilot)
        assert not app.screen.query_one("#filter-bar").display
        assert "3 reflections shown" in status(app)


@pytest.mark.parametrize("size", SIZES)
async def test_a_date_the_filter_cannot_read_is_said_and_not_applied(make_app, journal, size):
    seed(journal)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f", "tab", "tab", *"running", "enter")
        await settle(pilot)
        await pilot.press("f", *"blorp", "enter")
        await settle(pilot)
        problem = str(app.screen.query_one("#f-problem", Static).render())
        assert "cannot read 'blorp' as a date (try 2024-03-05 21:30" in problem
        assert app.screen.query_one("#f-problem", Static).display
        assert "2 reflections shown" in status(app) and "#running" in status(app)   # still the list before
        assert app.screen.query_one("#timeline-switcher").current == "timeline-list"
        assert app.focused.id == "f-since"            # the next keys correct the date
        app.screen.query_one("#f-since", Input).value = "2026-03-02"
        await pilot.press("enter")
        await settle(pilot)
        assert "1 reflection shown" in status(app)
        assert not app.screen.query_one("#f-problem", Static).display


@pytest.mark.parametrize("size", SIZES)
async def test_every_filter_field_has_room_to_type(make_app, journal, size):
    seed(journal)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        for field in ("#f-since", "#f-until", "#f-tag"):
            assert app.screen.query_one(field, Input).size.width >= 12, field
        for field in ("#f-thread", "#f-pattern", "#f-starred", "#f-clear"):
            widget = app.screen.query_one(field)
            assert widget.region.right <= size[0] and widget.size.width >= 5, field


async def test_help_names_keys_actions_and_screens_as_a_person_reads_them(make_app):
    from mirror.tui.screens.system import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = {binding_id: (where, keys, does) for where, keys, does, binding_id in app.screen.keys}
        assert rows["mirror.help_alt"][1] == "?" and rows["timeline.search"][1] == "/"
        assert rows["mirror.save"][1] == "ctrl+s"
        assert rows["mirrorback.rate1"][2] == "Rate 1"
        shown = [(where, keys, does) for where, keys, does in rows.values() if does == "Reload"]
        assert len(shown) >= 2 and len({where for where, _, _ in shown}) == len(shown)   # each names its screen
        assert not any("(" in does or "_" in keys for _, keys, does in rows.values())


@pytest.mark.parametrize("size", SIZES)
async def test_search_shows_each_result_text_once(make_app, journal, size):
    from textual.widgets import OptionList

    journal.write("I'm excited about the trip and I'm also scared of the flight, to be honest with you all.")
    journal.write("A title line about nothing much\nand later the river came up again.")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f4", *"scared")
        await settle(pilot)
        results = app.screen.query_one("#search-results", OptionList)
        shown = str(results.get_option_at_index(0).prompt)
        assert shown.count("also") == 1, shown
        head = shown.split("\n")[0]
        assert len(head) <= size[0]
        app.screen.query_one("#search-input").value = "river"
        await settle(pilot)
        shown = str(results.get_option_at_index(0).prompt)
        assert "A title line about nothing much" in shown      # a match further on keeps its title


async def test_private_is_marked_as_the_cli_marks_it(make_app, journal):
    journal.write("kept to myself", private=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = app.screen.query_one("#timeline-list").render_line(0).text
        assert "🔒" in line and "⌂" not in line
        await pilot.press("enter")
        await settle(pilot)
        assert "🔒 private" in str(app.screen.query_one("#reader-head", Static).render())


async def test_patterns_screen_counts_one_reflection_in_the_singular(make_app, journal):
    journal.write("Only one this month.", when="2026-02-10 20:00")
    journal.write("One in March.", when="2026-03-10 20:00")
    journal.write("And another in March.", when="2026-03-11 20:00")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        said = str(app.screen.query_one("#writing", Static).render())
        assert "(1 reflection)" in said and "(2 reflections)" in said and "1 reflections" not in said


@pytest.mark.parametrize("size", SIZES)
async def test_every_screen_key_is_in_view(make_app, journal, size):
    """F1–F9 and quitting are shown on every screen, never cut off at the window's edge."""
    from mirror.tui.widgets.screen_keys import ScreenKeys

    journal.write("something to read")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in ("f3", "enter", "escape", "f2", "f4", "f5", "f6", "f7", "f8", "f9"):
            await pilot.press(key)
            await settle(pilot)
            row = app.screen.query_one(ScreenKeys)
            shown = str(row.render())
            for n, label in [(1, "Help"), (2, "Write"), (3, "Timeline"), (4, "Search"), (5, "Threads"),
                             (6, "Patterns"), (7, "Sovereignty"), (8, "On this day"), (9, "Evolution")]:
                assert f"f{n} {label}" in shown, (key, shown)
            assert "^q Quit" in shown
            assert row.region.height == len(shown.split("\n"))
            assert all(len(line) <= size[0] - 2 for line in shown.split("\n"))
            assert app.screen.region.contains_region(row.region)
            footer = app.screen.query_one("Footer")
            assert not footer.region.overlaps(row.region)
