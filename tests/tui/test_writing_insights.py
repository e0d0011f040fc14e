"""The TUI (issue 14): the insights screen shows how the person writes (item 6: words per
entry, the current and longest streak, the busiest weekday and hour in the journal's zone),
and live search finds Japanese, emoji and Tamil (item 4). Real app, real journal, the
journal's injected clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from mirror.clock import FixedClock
from mirror.services.journal import Journal
from tests.stats.test_writing_stats import TODAY, write_month
from tests.tui.conftest import settle


@pytest.fixture
def berlin(mirror_home: Path):
    j = Journal.open(mirror_home, clock=FixedClock(TODAY))
    j.settings.set("timezone", ["Europe/Berlin"])
    yield j
    j.close()


async def test_the_insights_screen_shows_how_the_person_writes(berlin):
    from mirror.tui.app import MirrorApp

    write_month(berlin)
    app = MirrorApp(berlin, search_debounce=0, draft_debounce=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        shown = app.screen.query_one("#writing", Static).render().plain
        assert "words           29 (4.1 per reflection)" in shown
        assert "streak          3 days now, longest 4 (to 2026-02-04)" in shown
        assert "busiest day     Monday" in shown
        assert "busiest hour    21:00-22:00 (Europe/Berlin)" in shown


async def test_live_search_finds_japanese_emoji_and_tamil(make_app, journal):
    from textual.widgets import Input, OptionList

    journal.write("今日は東京に行きました 😀")
    journal.write("வணக்கம் நண்பரே")
    journal.write("An ordinary English day")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        for query, shown in [("東京", "今日は東京に行きました"), ("😀", "😀"),
                             ("வணக்கம்", "வணக்கம் நண்பரே")]:
            app.screen.query_one("#search-input", Input).value = query
            await settle(pilot)
            results = app.screen.query_one("#search-results", OptionList)
            assert results.option_count == 1, query
            prompt = results.get_option_at_index(0).prompt
            assert shown in prompt.plain
            assert any("reverse" in str(span.style) for span in prompt.spans)  # highlighted
