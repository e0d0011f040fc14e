"""The TUI's write screen offers the journal's templates (templates/NAME.md): choosing one
starts an empty editor from it, never replaces words typed, and a template left as it was
is not saved. The real app through Pilot, on a real journal."""

from __future__ import annotations

from textual.widgets import Select, TextArea

from tests.tui.conftest import SIZE, settle

GRATITUDE = "Three things I am grateful for:\n"


def _templates(journal) -> None:
    folder = journal.paths.home / "templates"
    folder.mkdir()
    (folder / "gratitude.md").write_text(GRATITUDE, "utf-8")
    (folder / "evening.md").write_text("What stayed with me today:\n", "utf-8")


async def test_choosing_a_template_starts_the_reflection_from_it(make_app, journal):
    _templates(journal)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        select = app.screen.query_one("#template", Select)
        assert select.display
        assert [str(option[0]) for option in select._options[1:]] == ["evening", "gratitude"]
        select.value = "gratitude"
        await settle(pilot)
        editor = app.screen.query_one("#editor", TextArea)
        assert editor.text == GRATITUDE

        await pilot.press("ctrl+s")           # the template alone is not a reflection
        await settle(pilot)
        assert journal.list().items == []

        editor.focus()
        await pilot.press(*"the sea")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [r.content for r in journal.list().items] == [GRATITUDE + "the sea"]


async def test_a_template_never_replaces_words_typed(make_app, journal):
    _templates(journal)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        app.screen.query_one("#editor", TextArea).focus()
        await pilot.press(*"my own words")
        app.screen.query_one("#template", Select).value = "evening"
        await settle(pilot)
        assert app.screen.query_one("#editor", TextArea).text == "my own words"


async def test_without_templates_the_choice_is_not_shown(make_app, journal):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        assert not app.screen.query_one("#template", Select).display
