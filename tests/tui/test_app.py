"""The real Mirror app driven by Pilot on a journal with a FixedClock."""

from __future__ import annotations

import json

from textual.widgets import Input, OptionList, Select, Static, TextArea

from tests.tui.conftest import SIZE, settle


def timeline_titles(app) -> list[str]:
    from mirror.tui.widgets.timeline_list import TimelineList

    timeline = app.screen.query_one(TimelineList)
    return [timeline.row_at(i).title for i in range(len(timeline.rows))]


async def test_empty_journal_greets_and_explains(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.current_mode == "timeline"
        switcher = app.screen.query_one("#timeline-switcher")
        assert switcher.current == "welcome"
        from mirror.tui.screens.timeline import WELCOME

        assert app.screen.query_one("#welcome-text", Static).visible
        assert "bundles/demo.zip" in WELCOME and "ctrl+s" in WELCOME


async def test_write_and_save_a_reflection(make_app, journal):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert app.current_mode == "write"
        await pilot.press(*"I walked by the river ")
        app.screen.query_one("#editor", TextArea).insert("🙂 日本")   # wide characters, pasted
        await settle(pilot)
        assert app.screen.query_one("#word-count", Static).render().plain.startswith("7 words")
        app.screen.query_one("#tags", Input).value = "walks, #calm"
        app.screen.query_one("#star").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = journal.list().items
        assert [r.content for r in saved] == ["I walked by the river 🙂 日本"]
        assert saved[0].tags == ("calm", "walks") and saved[0].starred and saved[0].source == "tui"
        assert app.screen.query_one("#editor", TextArea).text == ""
        assert "Saved" in app.screen.query_one("#saved-note", Static).render().plain
        # the draft is gone once saved
        assert not (journal.paths.drafts / "tui-draft.json").exists()
        # and the timeline shows it when we go back
        await pilot.press("f3")
        await settle(pilot)
        assert timeline_titles(app) == ["I walked by the river 🙂 日本"]


async def test_saving_empty_text_saves_nothing(make_app, journal):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2", "space", "enter", "ctrl+s")
        await settle(pilot)
        assert journal.stats().reflections == 0
        assert any("Nothing to save" in n.message for n in app._notifications)


async def test_reflect_into_a_thread_private(make_app, journal):
    journal.create_thread("Moving house")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        app.screen.query_one("#thread", Select).value = "Moving house"
        await pilot.press("ctrl+o")
        await pilot.press(*"Boxes everywhere")
        await pilot.press("ctrl+s")
        await settle(pilot)
        _, items = journal.thread_reflections("Moving house")
        assert [r.content for r in items] == ["Boxes everywhere"]
        assert items[0].private is True


async def test_timeline_pages_lazily_and_opens(make_app, journal, monkeypatch):
    import mirror.tui.screens.timeline as timeline

    monkeypatch.setattr(timeline, "PAGE_SIZE", 25)
    for i in range(120):
        journal.write(f"entry {i:03d}", tags=["even"] if i % 2 == 0 else [])
    calls = []
    original = journal.list

    def spy(filters=None, limit=20, cursor=None):
        calls.append((limit, cursor))
        return original(filters, limit, cursor)

    monkeypatch.setattr(journal, "list", spy)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = timeline_titles(app)
        assert titles[0] == "entry 119"          # newest first
        assert len(titles) < 120                  # not everything at once
        assert all(limit == 25 for limit, _ in calls)
        await pilot.press("end")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert timeline_titles(app) == [f"entry {i:03d}" for i in range(119, -1, -1)]
        await pilot.press("enter")
        await settle(pilot)
        from mirror.tui.screens.reader import ReaderScreen

        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one("#reader-text", Static).render().plain == "entry 000"


async def test_filter_by_tag_and_starred(make_app, journal):
    journal.write("plain one")
    journal.write("tagged", tags=["work"])
    journal.write("starred and tagged", tags=["work"], starred=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(timeline_titles(app)) == 3
        await pilot.press("f")           # filter bar, focus in "since"
        await settle(pilot)
        app.screen.query_one("#f-tag", Input).focus()
        await pilot.press(*"work", "enter")
        await settle(pilot)
        assert timeline_titles(app) == ["starred and tagged", "tagged"]
        await pilot.press("s")           # starred only
        await settle(pilot)
        assert timeline_titles(app) == ["starred and tagged"]
        await pilot.press("escape")      # clear
        await settle(pilot)
        assert len(timeline_titles(app)) == 3


async def test_filter_by_date_range_and_nothing_matches(make_app, journal):
    journal.write("old", when="2024-01-05")
    journal.write("new", when="2026-03-01")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.press(*"2025-01-01", "enter")
        await settle(pilot)
        assert timeline_titles(app) == ["new"]
        app.screen.query_one("#f-since", Input).value = "2020-01-01"
        app.screen.query_one("#f-until", Input).focus()
        await pilot.press(*"2020-02-01", "enter")
        await settle(pilot)
        assert timeline_titles(app) == []
        assert app.screen.query_one("#timeline-switcher").current == "timeline-empty"


async def test_edit_keeps_the_earlier_version(make_app, journal):
    r = journal.write("first words")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen.query_one("#edit-text", TextArea)
        editor.text = "second words"
        app.screen.query_one("#edit-tags", Input).value = "edited"
        await pilot.press("ctrl+s")
        await settle(pilot)
        current, revisions = journal.history(r.id)
        assert current.content == "second words" and current.tags == ("edited",)
        assert [rev.content for rev in revisions] == ["first words"]
        assert app.screen.query_one("#reader-text", Static).render().plain == "second words"
        assert app.screen.query_one("Collapsible").title == "1 earlier version"


async def test_delete_asks_and_mentions_exported_bundles(make_app, journal):
    journal.write("keep me")
    doomed = journal.write("delete me")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "d")
        await settle(pilot)
        from mirror.tui.screens.dialogs import ConfirmScreen

        assert isinstance(app.screen, ConfirmScreen)
        assert "Bundles you exported earlier keep their copy" in app.screen.body
        await pilot.press("n")           # cancel first: nothing happens
        await settle(pilot)
        assert journal.stats().reflections == 2
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert [r.content for r in journal.list().items] == ["keep me"]
        assert app.current_mode == "timeline" and timeline_titles(app) == ["keep me"]
        assert doomed.id not in [r.id for r in journal.list().items]


async def test_live_search_highlights_and_survives_garbage(make_app, journal):
    journal.write("The garden was quiet this morning")
    journal.write("Nothing about plants here")
    journal.write("garden garden garden, the whole day in the garden")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press(*"gard*")
        await settle(pilot)
        results = app.screen.query_one("#search-results", OptionList)
        assert results.option_count == 2
        first = results.get_option_at_index(0).prompt
        assert first.plain.startswith("2026-03-14")
        assert "garden" in first.plain
        assert any("reverse" in str(span.style) for span in first.spans)   # highlighted match
        for garbage in ('"(*', "***", "   ", "NEAR(AND OR"):
            app.screen.query_one("#search-input", Input).value = garbage
            await settle(pilot)
            assert app.screen.query_one("#search-results", OptionList).option_count == 0
        assert not [n for n in app._notifications if n.severity == "error"]
        app.screen.query_one("#search-input", Input).value = "quiet"
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.screen.query_one("#reader-text", Static).render().plain.startswith("The garden was quiet")


async def test_threads_create_rename_archive_and_read_as_conversation(make_app, journal):
    journal.create_thread("Work")
    journal.write("Day one at the new job", thread="Work", when="2026-01-01")
    journal.write("Three weeks in", thread="Work", when="2026-01-22")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        turns = [t.render().plain for t in app.screen.query(".turn")]
        assert turns[0].endswith("Day one at the new job") and turns[1].endswith("Three weeks in")
        gaps = [g.render().plain for g in app.screen.query(".turn-gap")]
        assert gaps == ["— 3 weeks later —"]
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Family", "enter")
        await settle(pilot)
        assert [t.title for t in journal.threads()] == ["Work", "Family"]
        assert app.screen.current.title == "Family"
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one(Input).value = "Family & friends"
        await pilot.press("enter")
        await settle(pilot)
        assert [t.title for t in journal.threads()] == ["Work", "Family & friends"]
        await pilot.press("a")
        await settle(pilot)
        assert [t.title for t in journal.threads()] == ["Work"]
        assert [t.title for t in journal.threads(include_archived=True)] == ["Work", "Family & friends"]


async def test_tensions_are_drawn_and_a_period_opens_the_timeline(make_app, journal):
    from mirror.storage.analysis_records import AnalysisRecord, ObservationRecord, PatternRecord

    journal.add_tension("control", "surrender")
    a = journal.write("letting go, but holding on", when="2026-01-10")
    b = journal.write("trying to control everything", when="2026-02-10")
    journal.write("a calm march day", when="2026-03-02")
    # derived data as the engine would store it (the TUI only reads it through the service)
    derived = journal.store.derived
    derived.replace_analyses([
        AnalysisRecord(a.id, (PatternRecord("obligation"),),
                       (ObservationRecord("control", "surrender", 0.5, 0.4),), None,
                       "2026-01-10T10:00:00.000000Z"),
        AnalysisRecord(b.id, (PatternRecord("obligation"), PatternRecord("absolute_thinking")),
                       (ObservationRecord("control", "surrender", -0.75, 0.8),), None,
                       "2026-02-10T10:00:00.000000Z"),
    ])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        from textual.widgets import Sparkline

        cards = list(app.screen.query("TensionCard"))
        assert len(cards) == 1
        assert list(cards[0].query_one(Sparkline).data) == [0.5, -0.75]
        assert "control" in cards[0].query_one(".tension-bar", Static).render().plain
        chart = app.screen.query_one("#pattern-chart", OptionList)
        assert [chart.get_option_at_index(i).id for i in range(chart.option_count)] == ["2026-02", "2026-01"]
        chart.focus()
        chart.highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "timeline"
        assert timeline_titles(app) == ["letting go, but holding on"]
        assert app.screen.filters.since == "2026-01-01" and app.screen.filters.until == "2026-01-31"


async def test_command_palette_reaches_every_area(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"new thread")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        from mirror.tui.screens.dialogs import PromptScreen

        assert app.current_mode == "threads"
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("escape")
        await settle(pilot)
        for title, mode in (("Sovereignty", "sovereignty"),):
            await pilot.press("ctrl+p")
            await settle(pilot)
            await pilot.press(*title)
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert app.current_mode == mode


async def test_help_screen_lists_binding_ids(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        from mirror.tui.screens.system import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        keys = {binding_id: key for _, key, _, binding_id in app.screen.keys}
        assert keys["mirror.save"] == "ctrl+s" and keys["mirror.help"] == "f1"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_keymap_toml_remaps_a_binding(make_app, journal):
    (journal.paths.home / "keymap.toml").write_text('[keymap]\n"mirror.search" = "f9"\n', "utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert app.current_mode == "timeline"
        await pilot.press("f9")
        await settle(pilot)
        assert app.current_mode == "search"


async def test_draft_survives_a_quit_and_is_offered_back(make_app, journal):
    app = make_app()      # long debounce: only the quit itself writes the draft
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press(*"half a thought")
        await pilot.press("ctrl+q")
        await pilot.pause()
    draft = json.loads((journal.paths.drafts / "tui-draft.json").read_text("utf-8"))
    assert draft["text"] == "half a thought"

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from mirror.tui.screens.dialogs import DraftOfferScreen

        assert isinstance(again.screen, DraftOfferScreen)
        await pilot.press("r")
        await settle(pilot)
        assert again.current_mode == "write"
        assert again.screen.query_one("#editor", TextArea).text == "half a thought"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [r.content for r in journal.list().items] == ["half a thought"]
        assert not (journal.paths.drafts / "tui-draft.json").exists()


async def test_draft_is_written_while_typing(make_app, journal):
    app = make_app(draft_debounce=0)   # every change written (as after a pause in typing)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2", *"crash-proof")
        await settle(pilot)
        draft = json.loads((journal.paths.drafts / "tui-draft.json").read_text("utf-8"))
        assert draft["text"] == "crash-proof"


async def test_tiny_terminal_shows_a_calm_message(make_app):
    app = make_app()
    async with app.run_test(size=(50, 12)) as pilot:
        await settle(pilot)
        from mirror.tui.screens.system import TooSmallScreen

        assert isinstance(app.screen, TooSmallScreen)
        assert "bigger" in app.screen.query_one("#too-small", Static).render().plain
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert not isinstance(app.screen, TooSmallScreen)


async def test_storage_error_is_shown_inside_the_app(tmp_path):
    from mirror.tui.app import MirrorApp

    home = tmp_path / "broken"
    home.mkdir()
    (home / "mirror.db").write_bytes(b"this is not a database, just some bytes " * 100)
    app = MirrorApp(home=home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from mirror.tui.screens.system import ErrorScreen

        assert isinstance(app.screen, ErrorScreen)
        problem = app.screen.query_one("#error-problem", Static).render().plain
        assert problem and "Traceback" not in problem
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 7


async def test_service_failure_is_a_notification_not_a_crash(make_app, journal, monkeypatch):
    from mirror.errors import StorageError

    journal.write("something")

    def locked(*args, **kwargs):
        raise StorageError("the journal is locked by another program")

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from mirror.services.journal import Journal

        monkeypatch.setattr(Journal, "write", locked)    # whichever lane saves
        await pilot.press("f2", *"words", "ctrl+s")
        await settle(pilot)
        assert any("locked" in n.message for n in app._notifications)
        assert app.screen.query_one("#editor", TextArea).text == "words"    # nothing lost
