"""Timeline: every reflection, newest first, loaded lazily page by page, with filters.

An empty journal shows the welcome instead: what Mirror is, how to write, how to try the
demo bundle."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, ContentSwitcher, Footer, Input, Label, Select, Static

from mirror.errors import InvalidInput
from mirror.models import Reflection
from mirror.services.journal import Filters, Journal
from mirror.tui import messages as m
from mirror.tui.format import local_time, plural, shown
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.widgets.screen_keys import ScreenKeys
from mirror.tui.widgets.timeline_list import TimelineList
from mirror.tui.work import FAILED, guarded

PAGE_SIZE = 200

WELCOME = """\
# Welcome to Mirror

Mirror is a journal that answers. You write a *reflection* — a few lines about your day,
a worry, a decision — and Mirror keeps it **on this machine only**, in one folder you own.
It reads each reflection for recurring patterns and inner tensions, and replies with a
short **mirrorback**: your own words held up to you, ending in an open question. It never
tells you what to do.

**To begin**, press **F2** (or `w`) and write. **ctrl+s** saves.

**To look around first**, import the demo journal: open *Sovereignty* with **F7**, choose
*Import…* and give the path `bundles/demo.zip` (from the Mirror sources), or run
`mirror import bundles/demo.zip` in a terminal.

**F1** shows every key; **ctrl+p** finds any action by name.
"""


def reflection_row(r: Reflection, patterns: dict[str, list[str]] | None = None) -> m.TimelineRow:
    """A timeline line's data. Tags the title already shows (`#work` typed in the text) are
    not repeated beside it; patterns come as the constitution's labels."""
    title = shown(r.title)
    in_title = {t.casefold() for t in re.findall(r"#([\w-]+)", title)}
    return m.TimelineRow(
        id=r.id, when=local_time(r.created_at, r.created_tz), title=title,
        tags=" ".join(f"#{shown(t)}" for t in r.tags if t.casefold() not in in_title),
        starred=r.starred, private=r.private,
        patterns=m.PATTERN_SEPARATOR.join((patterns or {}).get(r.id, ())))


def read_day(journal: Journal, typed: str | None, end_of_day: bool) -> str | None:
    """A date bound as Mirror reads it, as the local day ("2026-10-03"), or None."""
    if not typed:
        return None
    return local_time(journal.parse_date(typed, end_of_day=end_of_day), journal.timezone)[:10]


def fetch_rows(journal: Journal, filters: Filters, limit: int,
               cursor: str | None) -> tuple[list[m.TimelineRow], str | None]:
    """One page, formatted (runs in a worker), with each reflection's pattern markers."""
    page = journal.list(filters, limit, cursor)
    patterns = journal.pattern_labels([r.id for r in page.items]) if page.items else {}
    return [reflection_row(r, patterns) for r in page.items], page.next_cursor


class FilterBar(Vertical):
    """Date range, tag, thread, pattern and star filters (mounted the first time it is
    asked for, so the first paint of a large journal does not wait for it). Two groups:
    side by side in a wide window, one above the other in a narrow one, so every field
    keeps room to type in at 80 columns. A date that cannot be read is said under them."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="f-row"):
            with Horizontal(id="f-typed"):
                yield Input(placeholder="since (2026-01-01, last month)", id="f-since", compact=True)
                yield Input(placeholder="until", id="f-until", compact=True)
                yield Input(placeholder="tag", id="f-tag", compact=True)
            with Horizontal(id="f-chosen"):
                yield Select[str]([], prompt="any thread", id="f-thread", compact=True)
                yield Select[str]([], prompt="any pattern", id="f-pattern", compact=True)
                yield Checkbox("★ only", id="f-starred", compact=True)
                yield Button("Clear", id="f-clear", compact=True)
        yield Static("", id="f-problem")


class TimelineScreen(Screen):
    # Below 110 columns the filter bar takes two rows (mirror.tcss, `-narrow`).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("f,ctrl+f", "filters", "Filters", id="timeline.filters"),
        Binding("s", "filter_starred", "Starred", id="timeline.starred"),
        Binding("o", "app.mode('onthisday')", "On this day", show=False, id="timeline.onthisday"),
        Binding("w", "app.mode('write')", "Write", show=False, id="timeline.write"),
        Binding("slash", "app.mode('search')", "Search", show=False, id="timeline.search"),
        Binding("r", "reload", "Reload", show=False, id="timeline.reload"),
        Binding("escape", "close_filters", "Clear and hide filters", show=False, id="timeline.clear"),
    ]

    def __init__(self) -> None:
        super().__init__(id="timeline")
        self.filters = Filters()
        self._generation = 0
        self._cursor: str | None = None
        self._loaded_version = -1
        self._loading = False
        self._pattern_labels: dict[str, str] = {}
        self._applied = Filters()     # the filters the list shows (a date not read is not applied)
        self._readings: tuple[str | None, str | None] = (None, None)
        self._to_list_when_loaded = False
        self._status_text = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-body"):
            with Horizontal(id="timeline-header"):
                yield Label("Timeline", classes="screen-title")
                yield Static("", id="timeline-status")
            with ContentSwitcher(initial="timeline-list", id="timeline-switcher"):
                yield TimelineList(id="timeline-list")
                with VerticalScroll(id="welcome"):
                    yield Static(id="welcome-text")
                yield Static("", id="timeline-empty")
        yield ScreenKeys()
        yield Footer()

    def on_mount(self) -> None:
        from rich.markdown import Markdown  # markdown-it and all (~35 ms): after the boot screen has painted

        self.query_one("#welcome-text", Static).update(Markdown(WELCOME))
        self.query_one(TimelineList).focus()

    @property
    def bar(self) -> FilterBar | None:
        found = self.query(FilterBar)
        return found.first() if found else None

    async def show_bar(self) -> FilterBar:
        bar = self.bar
        if bar is None:
            bar = FilterBar(id="filter-bar")
            await self.query_one("#timeline-body").mount(bar, after="#timeline-header")
            self._set_filter_fields(self.filters)
            self.load_choices(host(self.app).require_gateway())
        bar.display = True
        return bar

    async def on_screen_resume(self) -> None:
        request = host(self.app).take_timeline_request()
        if request is not None:
            self.filters = request
            await self.show_bar()
            self._set_filter_fields(request)
            self.reload()
        elif self._loaded_version != host(self.app).data_version:
            self.reload()

    # -- loading -----------------------------------------------------------------------------------
    def action_reload(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self._cursor = None
        app = host(self.app)
        self._loaded_version = app.data_version
        self.query_one("#timeline-status", Static).update("loading…")
        self.load_page(app.require_gateway(), self.filters, None, self._generation, True)
        if self.bar is not None:
            self.load_choices(app.require_gateway())

    @work(thread=True, group="journal", exit_on_error=False)
    def load_page(self, gateway: JournalGateway, filters: Filters, cursor: str | None, generation: int,
                  first: bool) -> None:
        problem: str | None = None
        readings: tuple[str | None, str | None] = (None, None)

        def fetch(j: Journal) -> tuple[list[m.TimelineRow], str | None]:
            nonlocal problem, readings
            try:
                readings = (read_day(j, filters.since, False), read_day(j, filters.until, True))
                return fetch_rows(j, filters, PAGE_SIZE, cursor)
            except InvalidInput as exc:     # a filter as typed ("since: blorp"): said in place
                problem = str(exc)
                return [], None

        got = guarded(self, gateway, "loading the timeline", fetch)
        if got is FAILED:
            got = ([], None)
        rows, next_cursor = got
        self.post_message(m.TimelinePage(rows, next_cursor, generation, first, problem, readings))

    def on_timeline_page(self, event: m.TimelinePage) -> None:
        if event.generation != self._generation:
            return  # an answer to a query that has since changed
        self._loading = False
        if event.problem:
            self._not_applied(event.problem)
            return
        self._applied, self._readings = self.filters, event.readings
        self._say_problem(None)
        if self._to_list_when_loaded:
            self._to_list_when_loaded = False
            self.query_one(TimelineList).focus()
        self._cursor = event.next_cursor
        timeline = self.query_one(TimelineList)
        if event.first:
            timeline.reset(event.rows, event.next_cursor is not None)
        else:
            timeline.extend(event.rows, event.next_cursor is not None)
        switcher = self.query_one(ContentSwitcher)
        if timeline.rows:
            switcher.current = "timeline-list"
        elif self._filtered():
            switcher.current = "timeline-empty"
            self.query_one("#timeline-empty", Static).update(Text(
                "No reflections match these filters. Press escape to clear them.", style="dim"))
        else:
            switcher.current = "welcome"
        more = " · scroll for more" if event.next_cursor else ""
        label = "filtered: " + self._describe() if self._filtered() else "newest first"
        self._status_text = f"{plural(len(timeline.rows), 'reflection')} shown{more} · {label}"
        self.query_one("#timeline-status", Static).update(Text(self._status_text, style="dim"))

    def _not_applied(self, problem: str) -> None:
        """A filter as typed cannot be read: say why in the CLI's words, keep the list and
        the filters it shows, and put the cursor back into the field to correct."""
        self.filters = self._applied
        self._to_list_when_loaded = False
        self._say_problem(f"{problem}. Not applied: correct it, or press escape to clear the filters.")
        self.query_one("#timeline-status", Static).update(Text(self._status_text, style="dim"))
        if self.bar is not None:
            bad = next((field for field in ("#f-since", "#f-until")
                        if f"'{self.query_one(field, Input).value.strip()}'" in problem), "#f-since")
            self.query_one(bad, Input).focus()

    def _say_problem(self, text: str | None) -> None:
        if self.bar is not None:
            problem = self.query_one("#f-problem", Static)
            problem.update(Text(text or "", style="bold yellow"))
            problem.display = bool(text)

    def on_timeline_list_need_more(self, event: TimelineList.NeedMore) -> None:
        if self._cursor and not self._loading:
            self._loading = True
            self.load_page(host(self.app).require_gateway(), self.filters, self._cursor, self._generation, False)

    def on_timeline_list_selected(self, event: TimelineList.Selected) -> None:
        host(self.app).open_reflection(event.row.id)

    # -- filters -------------------------------------------------------------------------------------
    @work(thread=True, group="journal", exit_on_error=False)
    def load_choices(self, gateway: JournalGateway) -> None:
        def choices(j: Journal) -> tuple[list[str], list[str], list[tuple[str, str]]]:
            threads = [t.title for t in j.threads(include_archived=True)]
            tags = [name for name, _ in j.tags()]
            # (label, name): the constitution's words are shown, the name is what filters.
            patterns = sorted({(row.label, row.pattern) for row in j.pattern_counts(bucket="year")})
            return threads, tags, patterns

        got = guarded(self, gateway, "loading filter choices", choices)
        if got is not FAILED:
            self.post_message(m.FilterChoices(*got))

    def on_filter_choices(self, event: m.FilterChoices) -> None:
        self._pattern_labels = dict((name, label) for label, name in event.patterns)
        options = (("#f-thread", [(shown(t), t) for t in event.threads]), ("#f-pattern", event.patterns))
        for select_id, pairs in options:
            select = self.query_one(select_id, Select)
            current = select.value
            with select.prevent(Select.Changed):
                select.set_options(pairs)
                if isinstance(current, str) and current in {value for _, value in pairs}:
                    select.value = current

    def _filtered(self) -> bool:
        return any(v not in (None, (), False) for v in dataclasses.asdict(self.filters).values())

    def _describe(self) -> str:
        f = self.filters
        parts: list[str] = []
        if f.since or f.until:
            # As Mirror read them, when that is not what was typed ("x" is October).
            bounds = [typed if reading in (None, typed) else f"{typed} ({reading})"
                      for typed, reading in ((f.since, self._readings[0]), (f.until, self._readings[1]))]
            parts.append(f"{bounds[0] or '…'} – {bounds[1] or '…'}")
        parts += [f"#{t}" for t in f.tags]
        if f.starred:
            parts.append("★")
        if f.thread:
            parts.append(f"thread “{f.thread}”")
        if f.pattern:
            parts.append(self._pattern_labels.get(f.pattern, f.pattern))
        return ", ".join(parts)

    def _set_filter_fields(self, filters: Filters) -> None:
        with self.prevent(Input.Changed, Checkbox.Changed, Select.Changed):
            self.query_one("#f-since", Input).value = filters.since or ""
            self.query_one("#f-until", Input).value = filters.until or ""
            self.query_one("#f-tag", Input).value = filters.tags[0] if filters.tags else ""
            self.query_one("#f-starred", Checkbox).value = bool(filters.starred)

    def _filters_from_fields(self) -> Filters:
        def value(select_id: str) -> str | None:
            v = self.query_one(select_id, Select).value
            return v if isinstance(v, str) else None

        tag = self.query_one("#f-tag", Input).value.strip().lstrip("#")
        options: dict[str, Any] = dict(
            since=self.query_one("#f-since", Input).value.strip() or None,
            until=self.query_one("#f-until", Input).value.strip() or None,
            tags=(tag,) if tag else (), starred=True if self.query_one("#f-starred", Checkbox).value else None,
            thread=value("#f-thread"))
        options["pattern"] = value("#f-pattern")
        return Filters(**options)

    def apply_filters(self) -> bool:
        """Load the list for the fields as they are; False when nothing changed."""
        filters = self._filters_from_fields()
        if filters == self.filters:  # fields set by code echo back as Changed: ignore those
            return False
        self.filters = filters
        self.reload()
        return True

    @on(Input.Submitted, "#filter-bar Input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter: to the list once the filters are applied. Until then the cursor stays in
        the field, so keys typed meanwhile (or after a date that cannot be read) are text."""
        if self.apply_filters():
            self._to_list_when_loaded = True
        elif self.filters == self._applied:
            self.query_one(TimelineList).focus()

    @on(Checkbox.Changed, "#f-starred")
    @on(Select.Changed, "#filter-bar Select")
    def _changed(self, event: Checkbox.Changed | Select.Changed) -> None:
        self.apply_filters()

    @on(Button.Pressed, "#f-clear")
    def _clear_pressed(self) -> None:
        self.action_clear_filters()

    async def action_filters(self) -> None:
        """Into the filter bar (shown first if hidden). It never hides it: after `f` the next
        keys are typed into a field, never run as commands (escape hides it)."""
        bar = await self.show_bar()
        if self.focused is None or bar not in self.focused.ancestors:
            self.query_one("#f-since", Input).focus()

    def action_close_filters(self) -> None:
        """Escape: clear the filters and hide the bar."""
        self.action_clear_filters()
        if self.bar is not None:
            self.bar.display = False

    def action_filter_starred(self) -> None:
        self.filters = dataclasses.replace(self.filters, starred=None if self.filters.starred else True)
        if self.bar is not None:
            self._set_filter_fields(self.filters)
        self.reload()

    def action_clear_filters(self) -> None:
        self.filters = Filters()
        if self.bar is None:
            self.reload()
            return
        with self.prevent(Input.Changed, Checkbox.Changed, Select.Changed):
            for input_id in ("#f-since", "#f-until", "#f-tag"):
                self.query_one(input_id, Input).value = ""
            self.query_one("#f-starred", Checkbox).value = False
            for select_id in ("#f-thread", "#f-pattern"):
                self.query_one(select_id, Select).clear()
        self.reload()
        self.query_one(TimelineList).focus()
