"""Choices made in the TUI that outlive the session, kept in the journal's config.toml
(`[tui]`, written atomically by the settings module) so `mirror config list` shows them and
the next start looks the same: the colour theme (ctrl+p → Change theme) and the insights
chart's period (`tui.patterns_per`, b)."""

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
    remember(app, "tui.theme", theme.name)


def recall(app: App[Any], name: str, default: str) -> str:
    """The saved choice `name`, or `default` before the journal is open or if unreadable."""
    gateway: JournalGateway | None = getattr(app, "gateway", None)
    if gateway is None:
        return default
    try:
        value = gateway.journal.settings.get(name)
    except MirrorError:
        return default
    return value if isinstance(value, str) else default


def remember(app: App[Any], name: str, value: str) -> None:
    """Save a choice in config.toml (in a worker; nothing is written when it is unchanged)."""
    gateway: JournalGateway | None = getattr(app, "gateway", None)
    if gateway is None or recall(app, name, "") == value:
        return
    app.run_worker(lambda: _save(app, gateway, name, value), thread=True,
                   group="choices", exit_on_error=False)


def _save(app: App[Any], gateway: JournalGateway, name: str, value: str) -> None:
    """In a worker, under the journal's lock (the settings object is shared with workers)."""
    try:
        gateway.call(lambda journal: journal.settings.set(name, [value]))
    except (MirrorError, OSError) as exc:
        app.call_from_thread(app.notify, f"Your choice could not be saved in config.toml: {exc}",
                             title="Settings", severity="warning")
