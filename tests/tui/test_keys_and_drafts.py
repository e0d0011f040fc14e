"""Global keys work from every screen and no key destroys text silently (issue 12, item 14);
a recovered draft is never overwritten: only an explicit Discard removes it (item 15)."""

from __future__ import annotations

import json

import pytest
from textual.widgets import TextArea

from tests.tui.conftest import settle

SIZES = [(80, 24), (120, 40)]
TEXT = "Line one of a long entry.\nLine two, which took a while to write."


async def open_editor(pilot, text: str = TEXT) -> TextArea:
    await pilot.press("f2")
    await settle(pilot)
    editor = pilot.app.screen.query_one("#editor", TextArea)
    editor.insert(text)
    editor.focus()
    await settle(pilot)
    return editor


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
async def test_global_keys_leave_the_editor_and_its_text_alone(make_app, journal, size):
    app = make_app(draft_debounce=0)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        editor = await open_editor(pilot)
        for key, mode in [("f6", "insights"), ("f7", "sovereignty"), ("f4", "search"),
                          ("f5", "threads"), ("f3", "timeline")]:
            await pilot.press(key)
            await settle(pilot)
            assert app.current_mode == mode
            await pilot.press("x")          # after F7 this used to replace the whole entry
            await pilot.press("f2")
            await settle(pilot)
            assert app.current_mode == "write"
            assert editor.text == TEXT, key
        draft = json.loads((journal.paths.drafts / "tui-draft.json").read_text("utf-8"))
        assert draft["text"] == TEXT        # autosave kept the text, not the damage


@pytest.mark.parametrize("size", SIZES)
async def test_global_keys_work_from_the_reader_and_its_edit_dialog(make_app, journal, size):
    r = journal.write("first words")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.open_reflection(r.id)
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert app.current_mode == "sovereignty"
        await pilot.press("f1")
        await settle(pilot)
        from mirror.tui.screens.system import HelpScreen

        assert isinstance(app.screen, HelpScreen)


# Every key the editor binds that changes text, and a letter typed over a selection.
DESTRUCTIVE = ["ctrl+k", "ctrl+u", "ctrl+w", "ctrl+x", "ctrl+shift+k", "backspace", "delete",
               "shift+up", "ctrl+a"]


@pytest.mark.parametrize("size", SIZES)
async def test_every_editing_key_can_be_undone(make_app, journal, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        editor = await open_editor(pilot)
        for key in DESTRUCTIVE:
            editor.move_cursor((1, 10))
            await pilot.press(key, "z")    # the key, then a letter over whatever it selected
            await pilot.pause()
            for _ in range(4):
                if editor.text == TEXT:
                    break
                await pilot.press("ctrl+z")
                await pilot.pause()
            assert editor.text == TEXT, key


def leave_draft(journal, text: str = "half a thought I must not lose") -> None:
    folder = journal.paths.drafts
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tui-draft.json").write_text(json.dumps(
        {"text": text, "tags": "", "thread": None, "starred": False, "private": False,
         "saved_at": "2026-03-13T20:00:00Z", "tz": "UTC"}), "utf-8")


def drafts_on_disk(journal) -> list[str]:
    return sorted(json.loads(p.read_text("utf-8"))["text"] for p in journal.paths.drafts.glob("*.json"))


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
async def test_dismissing_the_offer_keeps_the_draft_while_typing(make_app, journal, size):
    leave_draft(journal)
    app = make_app(draft_debounce=0)        # every key written, as after a pause in typing
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        from mirror.tui.screens.dialogs import DraftOfferScreen

        assert isinstance(app.screen, DraftOfferScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert any("draft is kept" in n.message for n in app._notifications)
        await pilot.press("f2", *"something new")
        await settle(pilot)
        assert drafts_on_disk(journal) == ["half a thought I must not lose", "something new"]
        await pilot.press("ctrl+q")
        await pilot.pause()

    again = make_app()
    async with again.run_test(size=size) as pilot:
        await settle(pilot)
        from mirror.tui.screens.dialogs import DraftOfferScreen

        assert isinstance(again.screen, DraftOfferScreen)
        assert "something new" in again.screen.draft["text"]      # the newest is offered first
        await pilot.press("d")                                   # an explicit discard
        await settle(pilot)
        assert drafts_on_disk(journal) == ["half a thought I must not lose"]
        again.action_restore_draft()                             # the palette's Restore kept draft
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert again.screen.query_one("#editor", TextArea).text == "half a thought I must not lose"
        assert drafts_on_disk(journal) == ["half a thought I must not lose"]   # now this session's draft
        assert [p.name for p in journal.paths.drafts.glob("*.json")] == ["tui-draft.json"]


async def test_a_draft_on_offer_survives_typing_before_answering(make_app, journal):
    leave_draft(journal)
    app = make_app(draft_debounce=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", *"typed while the offer waits")     # F2 works over the offer
        await settle(pilot)
        assert drafts_on_disk(journal) == ["half a thought I must not lose", "typed while the offer waits"]
