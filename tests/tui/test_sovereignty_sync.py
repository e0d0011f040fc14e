"""The sovereignty screen's sync panel and action (issue 16, item 3): hidden until the
journal is paired; then the devices, and F7 → s syncs and brings the other device's words."""

from __future__ import annotations

from textual.widgets import Button, Static

from tests.sync.kit import open_device
from tests.tui.conftest import SIZE, settle


async def test_sync_panel_hidden_until_paired(make_app, journal):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert not app.screen.query_one("#panel-sync").display
        assert not app.screen.query_one("#sync", Button).display
        await pilot.press("s")  # nothing to sync with: nothing happens
        await settle(pilot)
        assert not app.screen.query_one("#panel-sync").display


async def test_sync_now_from_the_screen(make_app, journal, tmp_path):
    folder = tmp_path / "shared"
    pairing = journal.sync_pair(folder, label="laptop")
    other = open_device(tmp_path / "desktop", 5)
    other.sync_pair(folder, code=pairing.code, label="desktop")
    other.write("written on the desktop")
    other.sync()
    other.close()
    journal.write("written on the laptop")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        panel = app.screen.query_one("#sov-sync", Static).render().plain
        assert app.screen.query_one("#panel-sync").display
        assert "laptop" in panel and "1 change set in the folder" in panel
        await pilot.press("s")
        await settle(pilot)
        panel = app.screen.query_one("#sov-sync", Static).render().plain
        assert "desktop" in panel and "0 change sets in the folder" in panel
    assert [r.content for r in journal.list().items if "desktop" in r.content] == ["written on the desktop"]
