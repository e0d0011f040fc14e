"""Issue 12, item 16: what a tester met at 80×24 and 120×40 (and 60×15, the smallest window
Mirror draws): the bundle report, timeline rows, the write controls, a bad filter date, a
false "edited" mark, screenshots, and the reader's $EDITOR, date and thread actions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.tui.conftest import settle

SIZES = [(80, 24), (120, 40)]


def timeline_lines(app) -> list[str]:
    from mirror.tui.widgets.timeline_list import TimelineList

    timeline = app.screen.query_one(TimelineList)
    return [timeline.render_line(i).text.rstrip() for i in range(len(timeline.rows))]


@pytest.mark.parametrize("size", SIZES)
async def test_timeline_rows_show_whole_words_once_with_the_constitutions_labels(make_app, journal, size):
    r = journal.write("I must always rest #work", tags=["evening-thoughts", "family"])
    journal.answer(r)
    labels = [p.label for p in journal.details(r.id).patterns]
    assert "absolute thinking" in labels
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        (line,) = timeline_lines(app)
        assert line.count("#work") == 1                  # in the title: not repeated beside it
        tail = line.split("#work", 1)[1]
        assert "_" not in tail                           # labels, never names like absolute_thinking
        assert "…" not in tail                           # nothing cut mid-word
        items = ["#evening-thoughts", "#family", *labels]
        shown_items = [i for i in items if i in tail]
        assert shown_items == items[:len(shown_items)] and shown_items
        left = len(items) - len(shown_items)
        assert (f"+{left}" in tail) if left else ("+" not in tail)
        if size == (120, 40):
            assert left == 0 and "◇ absolute thinking" in tail


async def test_pattern_filter_offers_labels_not_names(make_app, journal):
    journal.answer(journal.write("I always ruin everything."))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        from textual.widgets import Select

        select = app.screen.query_one("#f-pattern", Select)
        labels = [str(prompt) for prompt, _ in select._options if _ is not Select.BLANK]
        assert "absolute thinking" in labels and not any("_" in label for label in labels)


@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
async def test_write_controls_keep_their_room(make_app, journal, size):
    journal.create_thread("Moving house")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        whole = screen.region
        for selector, least in (("#tags", 12), ("#thread", 16), ("#star", 8), ("#private", 9),
                                ("#editor", 20), ("#word-count", 10), ("#mirror-hint", 20)):
            widget = screen.query_one(selector)
            region = widget.region
            assert region.width >= least, f"{selector} is {region.width} columns at {size}"
            assert whole.contains_region(region), f"{selector} is outside the window at {size}"
        assert screen.query_one("#editor").region.height >= 3


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("typed", ["blorp", "x", "2 20"])   # "x" was read as October
async def test_a_bad_filter_date_says_it_is_not_a_date(make_app, journal, size, typed):
    journal.write("something")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.press(*typed, "enter")
        await settle(pilot)
        assert app.screen.query_one("#timeline-switcher").current == "timeline-list"   # not applied
        said = app.screen.query_one("#f-problem", Static).render().plain
        assert f"cannot read '{typed}' as a date (try 2024-03-05 21:30" in said   # the CLI's words
        assert "Not applied" in said
        assert app.screen.query_one("#f-since", Input).value == typed            # kept as typed
        assert "1 reflection shown" in str(app.screen.query_one("#timeline-status", Static).render())


async def test_an_entry_written_with_a_date_is_not_marked_edited(make_app, journal):
    dated = journal.write("about last week", when="2026-03-01 10:00")
    edited = journal.write("first words")
    journal.edit(edited.id, text="second words")
    journal.edit(dated.id, starred=True)               # a star is not an edit of the words
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_reflection(dated.id)
        await settle(pilot)
        assert "edited" not in app.screen.query_one("#reader-meta", Static).render().plain
        await pilot.press("escape")
        app.open_reflection(edited.id)
        await settle(pilot)
        assert "edited 2026-03-14" in app.screen.query_one("#reader-meta", Static).render().plain


async def test_screenshot_goes_to_the_journal_folder(make_app, journal, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "no-downloads-here"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.deliver_screenshot()           # what the palette's "Screenshot" runs
        await settle(pilot)
        shots = list(journal.paths.home.glob("*.svg"))
        assert len(shots) == 1 and "<svg" in shots[0].read_text("utf-8")
        assert any(str(shots[0]) in n.message for n in app._notifications)


def fake_editor(tmp_path: Path, new_text: str) -> str:
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' '{new_text}' > \"$1\"\n", "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


@pytest.mark.parametrize("size", SIZES)
async def test_reader_edits_in_editor_changes_date_and_adds_to_a_thread(make_app, journal, monkeypatch,
                                                                        tmp_path, size):
    r = journal.write("first words")
    journal.create_thread("Moving house")
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "words from my own editor"))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.open_reflection(r.id)
        await settle(pilot)
        await pilot.press("o")                       # $EDITOR
        await settle(pilot)
        current, revisions = journal.history(r.id)
        assert current.content == "words from my own editor\n"
        assert [rev.content for rev in revisions] == ["first words"]
        assert app.screen.query_one("#reader-text", Static).render().plain.startswith("words from my own editor")
        assert not list(journal.paths.drafts.glob("edit-*"))   # the editor's file is gone

        await pilot.press("c")                       # another date
        await settle(pilot)
        field = app.screen.query_one("#prompt-input", Input)
        field.value = "2026-02-20 21:00"
        await pilot.press("enter")
        await settle(pilot)
        assert journal.get(r.id).created_at.startswith("2026-02-20T20:00")    # Berlin → UTC
        assert "2026-02-20 21:00" in app.screen.query_one("#reader-head", Static).render().plain

        await pilot.press("t")                       # a thread: an existing one...
        await settle(pilot)
        app.screen.query_one("#thread-title", Input).value = "moving house"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("t")                       # ...and a new one, started on the way
        await settle(pilot)
        app.screen.query_one("#thread-title", Input).value = "Letters"
        await pilot.press("enter")
        await settle(pilot)
        assert set(journal.get(r.id).threads) == {"Moving house", "Letters"}
        assert "threads: " in app.screen.query_one("#reader-meta", Static).render().plain


async def test_a_failing_editor_changes_nothing_and_says_so(make_app, journal):
    r = journal.write("first words")
    assert os.environ["EDITOR"] == "false"           # the test suite's editor exits with 1
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_reflection(r.id)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert journal.get(r.id).content == "first words"
        assert any("exited with status 1" in n.message for n in app._notifications)


@pytest.mark.parametrize("size", SIZES)
async def test_bundle_results_are_a_short_summary_that_keeps_the_buttons_in_view(make_app, journal,
                                                                                tmp_path, size):
    journal.write("exported words", tags=["x"])
    bundle = tmp_path / "out.zip"
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        for action, path in (("x", bundle), ("i", bundle)):
            await pilot.press(action)
            await settle(pilot)
            app.screen.query_one("#bundle-path", Input).value = str(path)
            await pilot.click("#go")
            await settle(pilot)
            report = app.screen.query_one("#bundle-report", Static).render().plain
            assert "encrypted:" not in report and "None" not in report and "{" not in report
            assert len(report.splitlines()) <= 5, report
            if action == "x":
                assert "Holds 1 reflection" in report and "Not encrypted, not signed." in report
            else:
                assert "Nothing changed: everything in it is already in this journal." in report
            for button in app.screen.query("Button"):
                if button.display:
                    assert app.screen.region.contains_region(button.region), (button, size)
            await pilot.press("escape")
            await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
async def test_the_saved_note_never_ends_inside_a_word(make_app, journal, size):
    from textual.widgets import TextArea

    long_line = ("My knees hurt after the long run by the river. I'm also scared that I'm afraid"
                 " she'll never forgive me for what I said at dinner, and I keep replaying it.")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        app.screen.query_one("#editor", TextArea).insert(long_line)
        await pilot.press("ctrl+s")
        await settle(pilot)
        note = app.screen.query_one("#saved-note", Static).render().plain
        quoted = note[note.index("“") + 1:note.index("”")]
        assert quoted.endswith("…") and long_line.startswith(quoted[:-1])
        assert long_line[len(quoted) - 1] == " "                 # cut after a whole word
        assert len(quoted) <= 120
