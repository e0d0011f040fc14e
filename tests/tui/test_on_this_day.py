"""On this day in the TUI (issue 11, item 5): what was written on today's month and day in
earlier years, newest year first, enter opens the reader; a calm line when there is none.
Real app, real journal; "today" is the journal's injected clock (2 December 2026)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from mirror.clock import FixedClock
from mirror.services.journal import Journal
from tests.tui.conftest import settle

SIZES = [(80, 24), (120, 40)]
TODAY = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def december(mirror_home: Path):
    j = Journal.open(mirror_home, clock=FixedClock(TODAY))
    yield j
    j.close()


def app_on(journal: Journal):
    from mirror.tui.app import MirrorApp

    return MirrorApp(journal, search_debounce=0, draft_debounce=60)


def listed(app) -> list[str]:
    options = app.screen.query_one("#onthisday-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize("size", SIZES)
async def test_earlier_years_newest_first_and_enter_opens_the_right_one(december, size):
    oldest = december.write("The first snow, \x1b[31mred\x1b[0m and quiet", when="2023-12-02 09:00")
    last_year = december.write("Moved into the flat today", when="2025-12-02 20:00", starred=True)
    december.write("The day after, not this one", when="2025-12-03 09:00")
    december.write("A first of December", when="2024-12-01 22:00")
    december.write("This morning, this year", when="2026-12-02 08:00")
    app = app_on(december)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert type(app.screen).__name__ == "OnThisDayScreen"
        rows = listed(app)
        assert len(rows) == 2, rows
        assert rows[0].startswith("2025") and "Moved into the flat today" in rows[0]
        assert rows[1].startswith("2023") and "The first snow" in rows[1]
        assert "\x1b" not in rows[1]          # the escape is shown, never obeyed
        status = app.screen.query_one("#onthisday-status", Static).render().plain
        assert status.startswith("2 December")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.reflection_id == oldest.id
        assert "The first snow" in app.screen.query_one("#reader-text", Static).render().plain
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("up", "enter")
        await settle(pilot)
        assert app.screen.reflection_id == last_year.id


@pytest.mark.parametrize("size", SIZES)
async def test_nothing_on_this_day_says_so(december, size):
    december.write("Only today", when="2026-12-02 08:00")
    december.write("Another day", when="2025-11-30 08:00")
    app = app_on(december)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("o")                 # the timeline's key, shown in its footer
        await settle(pilot)
        empty = app.screen.query_one("#onthisday-empty", Static)
        assert empty.render().plain == "Nothing written on 2 December in earlier years."
        assert empty.region.height > 0          # on screen, not behind the (empty) list
        assert listed(app) == []


async def test_reachable_from_help_and_the_command_palette(december):
    december.write("A year ago", when="2025-12-02 08:00")
    app = app_on(december)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any(bid == "mirror.onthisday" and keys == "f8" for keys, _, bid in app.key_table())
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"on this day")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "OnThisDayScreen"
        assert len(listed(app)) == 1


@pytest.mark.slow
def test_the_first_paint_does_not_load_it(mirror_home: Path):
    """Opening Mirror (the timeline) loads neither the view nor the memory use case."""
    probe = (
        "import asyncio, sys\n"
        "from mirror.services.journal import Journal\n"
        "from mirror.tui.app import MirrorApp\n"
        "from tests.tui.conftest import settle\n"
        "async def main():\n"
        "    app = MirrorApp(Journal.open(sys.argv[1]))\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await settle(pilot)\n"
        "        print(type(app.screen).__name__, *sorted(sys.modules))\n"
        "asyncio.run(main())\n")
    proc = subprocess.run([sys.executable, "-c", probe, str(mirror_home)], capture_output=True,
                          text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = proc.stdout.split()
    assert loaded[0] == "TimelineScreen"
    assert "mirror.tui.screens.onthisday" not in loaded
    assert "mirror.services.remembering" not in loaded
