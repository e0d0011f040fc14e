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


def fetch_rows(journal: Journal, filters: Filters, limit: int,
               cursor: str | None) -> tuple[list[m.TimelineRow], str | None]:
    """One page, formatted (runs in a worker), with each reflection's pattern markers."""
    page = journal.list(filters, limit, cursor)
    patterns = journal.pattern_labels([r.id for r in page.items]) if page.items else {}
    return [reflection_row(r, patterns) for r in page.items], page.next_cursor


class FilterBar(Horizontal):
    """Date range, tag, thread, pattern and star filters (mounted the first time it is
    asked for, so the first paint of a large journal does not wait for it)."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="since (2026-01-01, last month)", id="f-since", compact=True)
        yield Input(placeholder="until", id="f-until", compact=True)
        yield Input(placeholder="tag", id="f-tag", compact=True)
        yield Select[str]([], prompt="any thread", id="f-thread", compact=True)
        yield Select[str]([], prompt="any pattern", id="f-pattern", compact=True)
        yield Checkbox("★ only", id="f-starred", compact=True)
        yield Button("Clear", id="f-clear", compact=True)


class TimelineScreen(Screen):
    BINDINGS = [
        Binding("f,ctrl+f", "toggle_filters", "Filters", id="timeline.filters"),
        Binding("s", "filter_starred", "Starred", id="timeline.starred"),
        Binding("o", "app.mode('onthisday')", "On this day", id="timeline.onthisday"),
        Binding("w", "app.mode('write')", "Write", show=False, id="timeline.write"),
        Binding("slash", "app.mode('search')", "Search", show=False, id="timeline.search"),
        Binding("r", "reload", "Reload", show=False, id="timeline.reload"),
        Binding("escape", "clear_filters", "Clear filters", show=False, id="timeline.clear"),
    ]

    def __init__(self) -> None:
        super().__init__(id="timeline")
        self.filters = Filters()
        self._generation = 0
        self._cursor: str | None = None
        self._loaded_version = -1
        self._loading = False
        self._pattern_labels: dict[str, str] = {}

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

        def fetch(j: Journal) -> tuple[list[m.TimelineRow], str | None]:
            nonlocal problem
            try:
                return fetch_rows(j, filters, PAGE_SIZE, cursor)
            except InvalidInput as exc:     # a filter as typed ("since: blorp"): said in place
                problem = str(exc)
                return [], None

        got = guarded(self, gateway, "loading the timeline", fetch)
        if got is FAILED:
            got = ([], None)
        rows, next_cursor = got
        self.post_message(m.TimelinePage(rows, next_cursor, generation, first, problem))

    def on_timeline_page(self, event: m.TimelinePage) -> None:
        if event.generation != self._generation:
            return  # an answer to a query that has since changed
        self._loading = False
        self._cursor = event.next_cursor
        timeline = self.query_one(TimelineList)
        if event.first:
            timeline.reset(event.rows, event.next_cursor is not None)
        else:
            timeline.extend(event.rows, event.next_cursor is not None)
        switcher = self.query_one(ContentSwitcher)
        if event.problem:
            switcher.current = "timeline-empty"
            self.query_one("#timeline-empty", Static).update(Text.assemble(
                (f"Filter not applied: {event.problem}.", "bold yellow"),
                ("\nCorrect it, or press escape to clear the filters.", "dim")))
            self.query_one("#timeline-status", Static).update(
                Text(f"filter not applied: {event.problem}", style="yellow"))
            return
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
        self.query_one("#timeline-status", Static).update(
            Text(f"{plural(len(timeline.rows), 'reflection')} shown{more} · {label}", style="dim"))

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
            parts.append(f"{f.since or '…'} – {f.until or '…'}")
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

    def apply_filters(self) -> None:
        filters = self._filters_from_fields()
        if filters != self.filters:  # fields set by code echo back as Changed: ignore those
            self.filters = filters
            self.reload()

    @on(Input.Submitted, "#filter-bar Input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.apply_filters()
        self.query_one(TimelineList).focus()

    @on(Checkbox.Changed, "#f-starred")
    @on(Select.Changed, "#filter-bar Select")
    def _changed(self, event: Checkbox.Changed | Select.Changed) -> None:
        self.apply_filters()

    @on(Button.Pressed, "#f-clear")
    def _clear_pressed(self) -> None:
        self.action_clear_filters()

    async def action_toggle_filters(self) -> None:
        bar = self.bar
        if bar is not None and bar.display:
            bar.display = False
            self.query_one(TimelineList).focus()
            return
        await self.show_bar()
        self.query_one("#f-since", Input).focus()

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
