"""SVG snapshots of the main screens (FixedClock, fixed size: stable across runs).
Update after a deliberate change with `pytest tests/tui --snapshot-update`."""

from __future__ import annotations

from tests.tui.conftest import SIZE, settle


def seed(journal) -> None:
    journal.create_thread("Moving house")
    journal.write("Packed the kitchen today. I must finish by Friday but part of me wants to stay.",
                  tags=["home"], thread="Moving house", when="2026-03-10 19:00")
    journal.write("Long walk by the river 🙂 — 川沿いを散歩した", tags=["walks"], starred=True,
                  when="2026-03-12 08:15")
    journal.write("[not markup] brackets stay as typed", private=True, when="2026-03-13 22:40")


def test_snapshot_welcome(snap_compare, make_app):
    async def ready(pilot):
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=ready)


def test_snapshot_timeline(snap_compare, make_app, journal):
    seed(journal)

    async def ready(pilot):
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=ready)


def test_snapshot_write(snap_compare, make_app, journal):
    seed(journal)

    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        pilot.app.screen.query_one("#editor").insert("A quiet evening.\nI keep thinking about the move, 日本 🙂")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=ready)
