"""Choices made in the TUI that outlive the session, kept in the journal's config.toml
(`[tui]`, written atomically by the settings module) so `mirror config list` shows them and
the next start looks the same: the colour theme (ctrl+p → Change theme)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mirror.errors import MirrorError

if TYPE_CHECKING:
    from textual.app import App
    from textual.theme import Theme

    from mirror.services.journal import Journal
    from mirror.tui.gateway import JournalGateway


def restore_theme(app: App[Any], journal: Journal) -> None:
    """Apply the saved theme, then save every later change. A name this Textual does not
    know (a hand edit, a theme from a newer version) keeps the current theme, with a note."""
    saved = journal.settings.get("tui.theme")
    if saved in app.available_themes:
        app.theme = saved
    elif journal.settings.is_set("tui.theme"):
        app.notify(f"The theme “{saved}” in config.toml is not available; using {app.theme}.",
                   title="Theme", severity="warning")
    app.theme_changed_signal.subscribe(app, lambda theme: _theme_changed(app, theme))


def _theme_changed(app: App[Any], theme: Theme) -> None:
    gateway: JournalGateway | None = getattr(app, "gateway", None)
    if gateway is None or gateway.journal.settings.get("tui.theme") == theme.name:
        return
    app.run_worker(lambda: _save(app, gateway, "tui.theme", theme.name), thread=True,
                   group="choices", exit_on_error=False)


def _save(app: App[Any], gateway: JournalGateway, name: str, value: str) -> None:
    """In a worker, under the journal's lock (the settings object is shared with workers)."""
    try:
        gateway.call(lambda journal: journal.settings.set(name, [value]))
    except (MirrorError, OSError) as exc:
        app.call_from_thread(app.notify, f"Your choice could not be saved in config.toml: {exc}",
                             title="Settings", severity="warning")
