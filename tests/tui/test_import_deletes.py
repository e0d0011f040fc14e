"""An import that would delete reflections asks first in the TUI too (issue 12, item 4):
"This bundle would delete N reflections from this journal", Cancel focused, Esc or Cancel
leave every reflection, Delete applies; a bundle that deletes nothing imports without asking.
Real app, real journals, real bundles."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, Label, Static

from tests.bundles.journalkit import open_journal
from tests.tui.conftest import settle

SIZES = [(80, 24), (120, 40)]


def bundle_from_a_copy(journal, tmp_path: Path, delete: int) -> tuple[Path, list[str]]:
    """Three reflections here; a bundle from another journal that holds them too, with the
    first `delete` of them deleted there (its tombstones name local IDs) and one new entry."""
    ids = [journal.write(f"Morning pages, day {i}: the garden again").id for i in range(3)]
    journal.export_bundle(tmp_path / "base.zip")
    other = open_journal(tmp_path / "other", seed=3)
    other.import_bundle(tmp_path / "base.zip")
    for reflection_id in ids[:delete]:
        other.delete(reflection_id)
    other.write("A new one from the other machine")
    other.export_bundle(tmp_path / "other.zip")
    other.close()
    return tmp_path / "other.zip", ids


async def start_import(pilot, bundle: Path) -> None:
    """Start the import and wait until it asks or ends (not `settle`: while the dialog is
    up, the import's worker waits for the answer, and settling waits for the worker)."""
    await settle(pilot)
    await pilot.press("f7")
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)
    screen = pilot.app.screen
    screen.query_one("#bundle-path", Input).value = str(bundle)
    await pilot.click("#go")
    for _ in range(600):                    # at most a minute on a busy machine
        if type(pilot.app.screen).__name__ == "ConfirmScreen" or not screen.running:
            break
        await pilot.pause(0.1)
    await pilot.pause()


def report(app) -> str:
    return app.screen.query_one("#bundle-report", Static).render().plain


def contents(journal) -> list[str]:
    return sorted(r.content for r in journal.list(limit=100).items)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("how", ["button", "escape"])
async def test_cancel_leaves_every_reflection(make_app, journal, tmp_path, size, how):
    bundle, ids = bundle_from_a_copy(journal, tmp_path, delete=2)
    before = contents(journal)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start_import(pilot, bundle)
        dialog = app.screen
        assert type(dialog).__name__ == "ConfirmScreen"
        title = dialog.query_one(".dialog-title", Label).render().plain
        assert title == "This bundle would delete 2 reflections from this journal"
        assert app.focused is dialog.query_one("#no", Button)          # Cancel is the default
        assert str(dialog.query_one("#no", Button).label) == "Cancel"
        assert str(dialog.query_one("#yes", Button).label) == "Delete"
        for button in dialog.query(Button):                         # both in view at this size
            assert dialog.region.contains_region(button.region), button
        if how == "button":
            await pilot.click("#no")
        else:
            await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "BundleScreen"
        assert report(app).startswith("Not imported — your journal is exactly as it was")
        assert "You kept the 2 reflections" in report(app)
    assert contents(journal) == before
    assert all(journal.get(i) for i in ids)


@pytest.mark.parametrize("size", SIZES)
async def test_delete_applies(make_app, journal, tmp_path, size):
    bundle, ids = bundle_from_a_copy(journal, tmp_path, delete=2)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start_import(pilot, bundle)
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.click("#yes")
        await settle(pilot)
        assert report(app).startswith("Imported ✓"), report(app)
        assert "2 deletions" in report(app)
    assert contents(journal) == ["A new one from the other machine",
                                 "Morning pages, day 2: the garden again"]


@pytest.mark.parametrize("size", SIZES)
async def test_a_bundle_that_deletes_nothing_imports_without_asking(make_app, journal, tmp_path, size):
    bundle, _ = bundle_from_a_copy(journal, tmp_path, delete=0)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start_import(pilot, bundle)
        assert type(app.screen).__name__ == "BundleScreen"
        assert report(app).startswith("Imported ✓"), report(app)
    assert len(contents(journal)) == 4


async def test_quitting_while_it_asks_deletes_nothing(make_app, journal, tmp_path):
    bundle, ids = bundle_from_a_copy(journal, tmp_path, delete=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_import(pilot, bundle)
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert all(journal.get(i) for i in ids)
    assert len(contents(journal)) == 3
