"""On this day: what the person wrote on today's month and day in earlier years, newest
year first, one excerpt each; enter opens one in the reader.

Loaded only when first opened (a mode of `_lazy` in the app), so the first paint pays
nothing for it. "Today" is the journal's clock in the journal's zone, as `mirror onthisday`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from mirror.tui import messages as m
from mirror.tui.format import PRIVATE, STAR, plural, shown
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.widgets.screen_keys import ScreenKeys
from mirror.tui.work import FAILED, guarded

if TYPE_CHECKING:
    from mirror.models.memory import DayEntry, OnThisDay


def entry_prompt(entry: DayEntry) -> Text:
    """One line: the year, star and private marks, the excerpt (control characters shown,
    never obeyed)."""
    return Text.assemble((str(entry.year), "bold"), "  ",
                         (STAR + " " if entry.starred else "", "yellow"),
                         (PRIVATE + " " if entry.private else "", "dim"),
                         shown(entry.excerpt))


def nothing_text(found: OnThisDay) -> str:
    return f"Nothing written on {found.label} in earlier years."


class OnThisDayScreen(Screen):
    BINDINGS = [
        Binding("r", "reload", "Reload", show=False, id="onthisday.reload"),
    ]

    def __init__(self) -> None:
        super().__init__(id="onthisday")

    def compose(self) -> ComposeResult:
        with Vertical(id="onthisday-body"):
            with Horizontal(id="onthisday-header"):
                yield Label("On this day", classes="screen-title")
                yield Static("", id="onthisday-status")
            with ContentSwitcher(initial="onthisday-list", id="onthisday-switcher"):
                yield OptionList(id="onthisday-list")
                yield Static("", id="onthisday-empty")
        yield ScreenKeys()
        yield Footer()

    def on_screen_resume(self) -> None:
        """Read again each time it is shown: the day may have turned, an entry may be new."""
        self.action_reload()

    def action_reload(self) -> None:
        self.query_one("#onthisday-status", Static).update(Text("loading…", style="dim"))
        self.load(host(self.app).require_gateway())

    @work(thread=True, group="journal", exit_on_error=False)
    def load(self, gateway: JournalGateway) -> None:
        got = guarded(self, gateway, "looking up this day", lambda j: j.on_this_day())
        if got is not FAILED:
            self.post_message(m.OnThisDayLoaded(got))

    def on_on_this_day_loaded(self, event: m.OnThisDayLoaded) -> None:
        found = event.found
        listing = self.query_one("#onthisday-list", OptionList)
        was = listing.highlighted or 0      # back from the reader: stay on the entry just read
        listing.clear_options()
        listing.add_options([Option(entry_prompt(e), id=e.id) for e in found.entries])
        status = self.query_one("#onthisday-status", Static)
        if not found.entries:
            self.query_one(ContentSwitcher).current = "onthisday-empty"
            self.query_one("#onthisday-empty", Static).update(Text(nothing_text(found), style="dim"))
            status.update(Text(found.label, style="dim"))
            return
        self.query_one(ContentSwitcher).current = "onthisday-list"
        status.update(Text(f"{found.label} · {plural(len(found.entries), 'reflection')} · newest first "
                           "· enter opens", style="dim"))
        listing.highlighted = min(was, len(found.entries) - 1)
        listing.focus()

    @on(OptionList.OptionSelected, "#onthisday-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            host(self.app).open_reflection(event.option.id)
