"""Search: live full-text search as you type (debounced, in a worker), ranked, with the
matching words highlighted. An empty or meaningless query simply shows nothing."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from mirror.errors import InvalidInput, MirrorError
from mirror.models import SearchHit
from mirror.tui import messages as m
from mirror.tui.format import PRIVATE, STAR, local_time, plural, shown, snippet_text
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.widgets.screen_keys import ScreenKeys

RESULTS = 50


def repeats(title: str, snippet: str) -> bool:
    """Whether the snippet already shows the title (a match near the start of a short text):
    then the result's first line leaves the title out rather than print the words twice."""
    def words(text: str) -> str:
        return " ".join(text.replace("…", " ").split()).casefold()

    title_words, snippet_words = words(title), words(snippet)
    if not title_words or not snippet_words:
        return False
    # The title's start in the snippet, or the snippet's start inside a long first line.
    return title_words[:40] in snippet_words or snippet_words[:40] in title_words


class SearchScreen(Screen):
    BINDINGS = [
        Binding("escape", "clear", "Clear", id="search.clear"),
        Binding("down", "results", "Results", show=False, id="search.results"),
        Binding("ctrl+l", "focus_query", "Query", show=False, id="search.query"),
    ]

    def __init__(self) -> None:
        super().__init__(id="search")
        self._timer: Timer | None = None
        self._serial = 0
        self._shown = 0
        self._hits: list[SearchHit] = []
        self._version: int | None = None    # the data version the shown results were searched at

    def compose(self) -> ComposeResult:
        with Vertical(id="search-body"):
            with Horizontal(id="search-header"):
                yield Label("Search", classes="screen-title")
                yield Static("", id="search-status")
            yield Input(placeholder="words to find, with their plurals (a trailing * matches the start of a word)",
                        id="search-input")
            yield OptionList(id="search-results")
        yield ScreenKeys()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()

    def on_screen_resume(self) -> None:
        query = self.query_one("#search-input", Input).value
        if query.strip() and self._version != host(self.app).data_version:
            self._start(query)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        if not query.strip():
            self._serial += 1   # anything still running is now stale
            self._show([], query, self._serial)
            return
        delay = host(self.app).search_debounce
        if delay <= 0:
            self._start(query)
        else:
            self._timer = self.set_timer(delay, lambda: self._start(query))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._hits:
            self.action_results()

    def _start(self, query: str) -> None:
        self._serial += 1
        app = host(self.app)
        self._version = app.data_version
        self.search(app.require_gateway(), query, self._serial)

    @work(thread=True, group="journal", exit_on_error=False)
    def search(self, gateway: JournalGateway, query: str, serial: int) -> None:
        if serial != self._serial:
            return  # a newer query was typed while this one waited its turn
        hits: list[SearchHit]
        try:
            hits = gateway.call(lambda j: j.search(query, RESULTS))
        except InvalidInput:
            hits = []   # nothing searchable in the query (only punctuation, only *): show nothing
        except Exception as exc:  # noqa: BLE001
            text = str(exc) if isinstance(exc, MirrorError) else (
                f"Search failed unexpectedly; details are in {gateway.log_unexpected('search', exc)}.")
            self.post_message(m.ServiceFailed("searching", text))
            hits = []
        self.post_message(m.SearchResults(query, hits, serial))

    def on_search_results(self, event: m.SearchResults) -> None:
        if event.serial != self._serial:
            return
        self._show(event.hits, event.query, event.serial)

    def _show(self, hits: list[SearchHit], query: str, serial: int) -> None:
        self._hits = hits
        self._shown = serial
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        options = []
        width = max(20, results.scrollable_content_region.width - 2)
        for hit in hits:
            r = hit.reflection
            body = snippet_text(hit.snippet)
            head = Text.assemble(
                (local_time(r.created_at, r.created_tz), "dim"), "  ",
                (STAR + " " if r.starred else "", "yellow"), (PRIVATE + " " if r.private else "", "dim"),
                ("" if repeats(r.title, body.plain) else shown(r.title), "bold"),
                ("  " + " ".join(f"#{shown(t)}" for t in r.tags) if r.tags else "", "cyan"))
            head.truncate(width, overflow="ellipsis")   # one line: a wrapped head looked like the text twice
            options.append(Option(Text.assemble(head, "\n", body, "\n"), id=r.id))
        results.add_options(options)
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update("")
        elif hits:
            more = " (best first)" if len(hits) > 1 else ""
            status.update(Text(f"{plural(len(hits), 'result')}{more}", style="dim"))
        else:
            status.update(Text("nothing found", style="dim"))

    @on(OptionList.OptionSelected, "#search-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            host(self.app).open_reflection(event.option.id)

    def action_results(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def action_focus_query(self) -> None:
        self.query_one("#search-input", Input).focus()

    def action_clear(self) -> None:
        box = self.query_one("#search-input", Input)
        box.value = ""
        box.focus()
