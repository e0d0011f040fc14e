"""The CLI and the TUI name patterns with the same words: the constitution's labels."""

from __future__ import annotations

from textual.widgets import Static, TextArea

from mirror.constitution import pattern_labels
from tests.tui.conftest import SIZE, settle

# Obligation, absolute thinking, an inner tension and self-judgment, in one entry.
TEXT = ("I should always finish everything before I rest, but I never do and I hate myself "
        "for it. Everyone else manages.")


async def test_cli_and_tui_show_the_constitutions_pattern_labels(make_app, journal, cli):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        app.screen.query_one("#editor", TextArea).insert(TEXT)
        await pilot.press("ctrl+s")
        await settle(pilot)
        (saved,) = journal.list().items
        names = [p.pattern for p in journal.details(saved.id).patterns]
        assert len(names) >= 2, names
        expected = [pattern_labels()[n] for n in names]
        # Words that only the constitution uses, so a fallback ("absolute_thinking" spaced)
        # could not pass by accident.
        assert any(label != n.replace("_", " ") for label, n in zip(expected, names))

        noticed = app.screen.query_one(".mb-patterns", Static).render().plain
        tui_labels = noticed.removeprefix("Noticed: ").split(" · ")

    shown = cli("show", saved.id)
    assert shown.code == 0, shown.err
    line = next(x for x in shown.out.splitlines() if x.startswith("patterns: "))
    cli_labels = line.removeprefix("patterns: ").split(", ")

    assert sorted(tui_labels) == sorted(cli_labels) == sorted(expected)
    counts = cli("patterns", "--by", "year")
    assert counts.code == 0
    assert all(label in counts.out for label in expected)
