"""Choices made in the TUI are kept in config.toml and used again on the next start: the
colour theme (ctrl+p → Change theme) and the insights chart's period (b); `mirror config
list` shows them as set in config.toml."""

from __future__ import annotations

import tomllib

from tests.tui.conftest import SIZE, settle


async def _choose_theme(pilot, name: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*"theme")  # the palette's "Theme: Change the current theme"
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press(*name)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_theme_survives_a_restart(mirror_home, fixed_clock, cli):
    from mirror.services.journal import Journal
    from mirror.tui.app import MirrorApp

    first = MirrorApp(journal_factory=lambda: Journal.open(mirror_home, clock=fixed_clock), home=mirror_home)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert first.theme == "textual-dark"
        await _choose_theme(pilot, "nord")
        assert first.theme == "nord"
        await settle(pilot)
    saved = tomllib.loads((mirror_home / "config.toml").read_text("utf-8"))
    assert saved["tui"]["theme"] == "nord"

    again = MirrorApp(journal_factory=lambda: Journal.open(mirror_home, clock=fixed_clock), home=mirror_home)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord"

    row = [r for r in cli("config", "list", "--json").json["settings"] if r["key"] == "tui.theme"][0]
    assert (row["value"], row["source"]) == ("nord", "config")


async def test_an_unknown_saved_theme_keeps_the_default_and_says_so(mirror_home, fixed_clock, cli):
    from mirror.services.journal import Journal
    from mirror.tui.app import MirrorApp

    assert cli("config", "set", "tui.theme", "no-such-theme").code == 0
    app = MirrorApp(journal_factory=lambda: Journal.open(mirror_home, clock=fixed_clock), home=mirror_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in str(n.message) for n in app._notifications)
    assert tomllib.loads((mirror_home / "config.toml").read_text())["tui"]["theme"] == "no-such-theme"


async def test_the_insights_period_survives_a_restart(mirror_home, fixed_clock):
    from textual.widgets import Label

    from mirror.services.journal import Journal
    from mirror.tui.app import MirrorApp

    def title(app) -> str:
        return str(app.screen.query_one("#patterns-title", Label).render())

    first = MirrorApp(journal_factory=lambda: Journal.open(mirror_home, clock=fixed_clock), home=mirror_home)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert title(first) == "Patterns per month"
        await pilot.press("b")
        await settle(pilot)
        assert title(first) == "Patterns per week"
    assert tomllib.loads((mirror_home / "config.toml").read_text("utf-8"))["tui"]["patterns_per"] == "week"

    again = MirrorApp(journal_factory=lambda: Journal.open(mirror_home, clock=fixed_clock), home=mirror_home)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert title(again) == "Patterns per week" and again.screen.bucket == "week"
