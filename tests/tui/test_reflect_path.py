"""Saving from the editor: the text is stored first (fast lane), the mirrorback comes after
(slow lane), and a failure of the second step never makes the first look undone."""

from __future__ import annotations

import asyncio
import threading

import pytest
from textual.widgets import Static, TextArea

from tests.tui.conftest import SIZE, settle

TEXT = "I must finish the report tonight, but I want to rest."


def status(app) -> str:
    return app.screen.query_one("#mirrorback .mb-status", Static).render().plain


def saved_note(app) -> str:
    return app.screen.query_one("#saved-note", Static).render().plain


async def write_and_save(pilot, text: str = TEXT) -> None:
    await pilot.press("f2")
    await settle(pilot)
    pilot.app.screen.query_one("#editor", TextArea).insert(text)
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)


def engine_down(*args, **kwargs):
    from mirror.errors import EngineUnavailable

    raise EngineUnavailable("Ollama is not reachable at http://127.0.0.1:11434")


def engine_bug(*args, **kwargs):
    raise RuntimeError("a bug in the engine")


@pytest.mark.parametrize("failure, reason", [
    (engine_down, "Ollama is not reachable at http://127.0.0.1:11434\n"),
    (engine_bug, "Something unexpected went wrong while writing the mirrorback. Details are in "),
])
async def test_answer_failing_after_the_save_keeps_one_saved_reflection(
        make_app, journal, monkeypatch, failure, reason):
    from mirror.services.journal import Journal

    monkeypatch.setattr(Journal, "answer", failure)     # both lanes
    app = make_app(draft_debounce=0)                    # a draft is on disk before the save
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await write_and_save(pilot)

        (saved,) = journal.list().items
        assert saved.content == TEXT and saved.source == "tui"
        assert saved_note(app).startswith(f"Saved {saved.id[:8]}")
        shown = status(app)
        assert "Not saved" not in shown
        assert shown.startswith("Saved. The mirrorback could not be written:\n" + reason)
        assert shown.endswith("\nOpen it from the timeline (f3) and press g in the reader to try again.")
        assert app.screen.query_one("#editor", TextArea).text == ""
        assert not (journal.paths.drafts / "tui-draft.json").exists()
        assert any(n.title == "Writing the mirrorback" for n in app._notifications)
        if failure is engine_bug:                       # the traceback is where it says
            assert f"{journal.paths.log}.\nOpen it" in shown
            assert "RuntimeError: a bug in the engine" in journal.paths.log.read_text("utf-8")

        await pilot.press("ctrl+s")                     # the same keys again store nothing
        await settle(pilot)
        assert [r.id for r in journal.list().items] == [saved.id]
        assert any("Nothing to save" in n.message for n in app._notifications)


async def test_the_hint_is_true_regenerating_in_the_reader_answers_it(make_app, journal, monkeypatch):
    from mirror.services.journal import Journal

    answer = Journal.answer
    monkeypatch.setattr(Journal, "answer", engine_down)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await write_and_save(pilot)
        (saved,) = journal.list().items
        assert not journal.details(saved.id).mirrorbacks

        monkeypatch.setattr(Journal, "answer", answer)  # the engine is back
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert len(journal.details(saved.id).mirrorbacks) == 1
        assert [r.id for r in journal.list().items] == [saved.id]


async def test_the_hint_names_remapped_keys(make_app, journal, monkeypatch):
    from mirror.services.journal import Journal

    (journal.paths.home / "keymap.toml").write_text(
        '[keymap]\n"reader.regenerate" = "f9"\n"mirror.timeline" = "f8"\n', "utf-8")
    monkeypatch.setattr(Journal, "answer", engine_down)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await write_and_save(pilot)
        assert status(app).endswith("Open it from the timeline (f8) and press f9 in the reader "
                                    "to try again.")


async def test_saved_is_shown_before_the_engine_answers(make_app, journal, monkeypatch):
    from mirror.services.journal import Journal
    from mirror.tui.screens.write import WriteScreen

    answer, on_saved = Journal.answer, WriteScreen.on_reflection_saved
    release, shown = threading.Event(), asyncio.Event()

    def slow_answer(self, reflection, **kwargs):
        release.wait(10)                                # the engine answers when the test says
        return answer(self, reflection, **kwargs)

    def saved_then_tell(screen, event):
        on_saved(screen, event)
        shown.set()

    monkeypatch.setattr(Journal, "answer", slow_answer)
    monkeypatch.setattr(Journal, "care_prepared", lambda self: True)  # whichever test built it
    monkeypatch.setattr(WriteScreen, "on_reflection_saved", saved_then_tell)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        try:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            app.screen.query_one("#editor", TextArea).insert(TEXT)
            await pilot.press("ctrl+s")
            await asyncio.wait_for(shown.wait(), 10)    # while the engine is still held
            (saved,) = journal.list().items
            assert saved_note(app).startswith(f"Saved {saved.id[:8]}")
            assert status(app) == "Saved. The mirror is reading it…"
            assert app.screen.query_one("#editor", TextArea).text == ""
            await pilot.press("ctrl+s")                 # nothing left to save twice
        finally:
            release.set()
        await settle(pilot)
        assert [r.id for r in journal.list().items] == [saved.id]
        assert any("Nothing to save" in n.message for n in app._notifications)
        details = journal.details(saved.id)
        assert len(details.mirrorbacks) == 1
        body = app.screen.query_one("#mirrorback .mb-body", Static).render().plain
        assert body == details.mirrorbacks[-1].content


async def test_happy_path_shows_the_mirrorback_and_stores_one_reflection(make_app, journal):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await write_and_save(pilot)
        (saved,) = journal.list().items
        assert saved.content == TEXT
        details = journal.details(saved.id)
        assert details.mirrorbacks, "the offline engine answered"
        body = app.screen.query_one("#mirrorback .mb-body", Static).render().plain
        assert body == details.mirrorbacks[-1].content
        assert saved_note(app).startswith(f"Saved {saved.id[:8]}")
        assert "could not be written" not in status(app) and "Not saved" not in status(app)
        assert app.screen.query_one("#editor", TextArea).text == ""


async def test_a_failing_write_is_not_saved_and_keeps_the_text(make_app, journal, monkeypatch):
    from mirror.errors import StorageError
    from mirror.services.journal import Journal

    answered, write = [], Journal.write

    def locked(*args, **kwargs):
        raise StorageError("the journal is locked by another program")

    monkeypatch.setattr(Journal, "write", locked)
    monkeypatch.setattr(Journal, "answer", lambda *a, **k: answered.append(a))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await write_and_save(pilot)
        assert status(app) == "Not saved. Your text is still here."
        assert app.screen.query_one("#editor", TextArea).text == TEXT
        assert saved_note(app) == ""
        assert any("locked" in n.message for n in app._notifications)
        assert answered == [] and journal.stats().reflections == 0

        monkeypatch.setattr(Journal, "write", write)    # the lock is gone: saving works now
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [r.content for r in journal.list().items] == [TEXT]


async def test_the_first_reflections_wait_for_the_care_check_is_explained_once(
        make_app, journal, monkeypatch):
    """On a new machine the first answer waits seconds while the care check is prepared:
    the panel says why, and says nothing of it once it is ready."""
    from mirror.services.journal import Journal
    from mirror.tui.screens.write import WriteScreen

    answer, on_saved = Journal.answer, WriteScreen.on_reflection_saved
    release, shown = threading.Event(), asyncio.Event()
    prepared = [False]
    statuses: list[str] = []

    def slow_answer(self, reflection, **kwargs):
        release.wait(10)
        prepared[0] = True                              # the index now exists
        return answer(self, reflection, **kwargs)

    def saved_then_tell(screen, event):
        on_saved(screen, event)
        statuses.append(status(screen.app))
        shown.set()

    monkeypatch.setattr(Journal, "answer", slow_answer)
    monkeypatch.setattr(Journal, "care_prepared", lambda self: prepared[0])
    monkeypatch.setattr(WriteScreen, "on_reflection_saved", saved_then_tell)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        try:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            app.screen.query_one("#editor", TextArea).insert(TEXT)
            await pilot.press("ctrl+s")
            await asyncio.wait_for(shown.wait(), 10)
        finally:
            release.set()
        await settle(pilot)
        shown.clear()
        app.screen.query_one("#editor", TextArea).insert("A second, quieter evening.")
        await pilot.press("ctrl+s")
        await asyncio.wait_for(shown.wait(), 10)
        await settle(pilot)
    first, second = statuses
    assert first.startswith("Saved. The mirror is reading it…") and "prepares the safety check" in first
    assert second == "Saved. The mirror is reading it…"
