"""The TUI's insights screen shows how the person writes (issue 14, item 6): words per
entry, the current and longest streak, the busiest weekday and hour in the journal's zone.
Real app, real journal, the journal's injected clock."""

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
        assert "busiest         Mondays, 21:00-22:00 (Europe/Berlin)" in shown
