"""Tensions and patterns as pictures, and how the person writes (words, streaks, busiest
times). From a period in the chart, Enter (or a click) opens
the timeline filtered to that period."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static

from mirror.models.insights import PatternCount
from mirror.models.status import WritingStats
from mirror.services.journal import Filters
from mirror.tui import choices
from mirror.tui import messages as m
from mirror.tui.format import period_range, plural
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.widgets.charts import PatternChart, TensionCard
from mirror.tui.widgets.screen_keys import ScreenKeys
from mirror.tui.work import FAILED, guarded


class InsightsScreen(Screen):
    BINDINGS = [
        Binding("b", "toggle_bucket", "Week/month", id="insights.bucket"),
        Binding("r", "reload", "Reload", show=False, id="insights.reload"),
    ]

    def __init__(self) -> None:
        super().__init__(id="insights")
        self.bucket = "month"
        self._version = -1
        self._counts: list[PatternCount] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="insights-body"):
            with Vertical(id="tensions-column"):
                yield Label("Tensions", classes="screen-title")
                yield VerticalScroll(id="tension-cards")
                yield Label("Writing", classes="screen-title")
                yield Static("", id="writing")
            with Vertical(id="patterns-column"):
                yield Label("Patterns per month", classes="screen-title", id="patterns-title")
                yield Static("", id="pattern-legend")
                yield PatternChart(id="pattern-chart")
                yield Static(Text("Enter on a period opens its reflections · b switches week/month",
                                  style="dim"), id="patterns-hint")
        yield ScreenKeys()
        yield Footer()

    def on_screen_resume(self) -> None:
        if self._version == -1:  # first shown: the period chosen last time
            self._set_bucket(choices.recall(self.app, "tui.patterns_per", self.bucket))
        if self._version != host(self.app).data_version:
            self.action_reload()

    def action_reload(self) -> None:
        app = host(self.app)
        self._version = app.data_version
        self.load_tensions(app.require_gateway())
        self.load_patterns(app.require_gateway(), self.bucket)
        self.load_writing(app.require_gateway())

    def action_toggle_bucket(self) -> None:
        self._set_bucket("week" if self.bucket == "month" else "month")
        choices.remember(self.app, "tui.patterns_per", self.bucket)
        self.load_patterns(host(self.app).require_gateway(), self.bucket)

    def _set_bucket(self, bucket: str) -> None:
        self.bucket = bucket if bucket in ("week", "month") else "month"
        self.query_one("#patterns-title", Label).update(f"Patterns per {self.bucket}")

    @work(thread=True, group="journal", exit_on_error=False)
    def load_tensions(self, gateway: JournalGateway) -> None:
        got = guarded(self, gateway, "loading tensions",
                      lambda j: [j.tension(t.id) for t in j.tensions()])
        if got is not FAILED:
            self.post_message(m.TensionsLoaded(got))

    @work(thread=True, group="journal", exit_on_error=False)
    def load_patterns(self, gateway: JournalGateway, bucket: str) -> None:
        got = guarded(self, gateway, "counting patterns", lambda j: j.pattern_counts(bucket=bucket))
        if got is not FAILED:
            self.post_message(m.PatternCountsLoaded(got, bucket))

    @work(thread=True, group="journal", exit_on_error=False)
    def load_writing(self, gateway: JournalGateway) -> None:
        got = guarded(self, gateway, "counting words", lambda j: j.stats().writing)
        if got is not FAILED and got is not None:
            self.app.call_from_thread(self._show_writing, got)

    def _show_writing(self, writing: WritingStats) -> None:
        # The summary `mirror stats` prints, with each month's count said in the singular
        # when it is one ("1 reflection").
        lines = writing.lines()[:-len(writing.words_per_month) or None]
        lines += [f"  {m.month}  {m.words:>8,}  ({plural(m.reflections, 'reflection')})"
                  for m in writing.words_per_month]
        self.query_one("#writing", Static).update(Text("\n".join(lines)))

    async def on_tensions_loaded(self, event: m.TensionsLoaded) -> None:
        box = self.query_one("#tension-cards", VerticalScroll)
        await box.remove_children()
        if not event.tensions:
            await box.mount(Static(Text(
                "No tensions yet. When you write “I want X but Y”, Mirror notices the pull "
                "between the two and draws it here over time.", style="dim")))
            return
        await box.mount_all([TensionCard(t) for t in event.tensions])

    def on_pattern_counts_loaded(self, event: m.PatternCountsLoaded) -> None:
        if event.bucket != self.bucket:
            return
        chart = self.query_one(PatternChart)
        legend = chart.plot(event.counts, chart.size.width or 60)
        self.query_one("#pattern-legend", Static).update(
            legend if event.counts else Text("No patterns noticed yet.", style="dim"))

    @on(OptionList.OptionSelected, "#pattern-chart")
    def _period(self, event: OptionList.OptionSelected) -> None:
        since, until = period_range(event.option.id or "")
        host(self.app).open_timeline(Filters(since=since, until=until))
