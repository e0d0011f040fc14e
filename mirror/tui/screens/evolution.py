"""Evolution: what Mirror noticed about its own runs and your feedback (small text charts),
the changes it proposes with their evidence and the invariant checker's verdict, and your
approval, application, rejection or rollback — each after a confirmation.

Nothing changes without a key press and a "yes": opening the screen runs the critics and
files proposals for review; only `a` then `p` change the engine profile, and `u` puts the
previous one back exactly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from mirror.models.evolution import EvolutionReport, Proposal
from mirror.services.journal import Journal
from mirror.tui.format import plural
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.screens.dialogs import ConfirmScreen, PromptScreen
from mirror.tui.widgets.screen_keys import ScreenKeys
from mirror.tui.work import FAILED, guarded

BAR = 20


def bar(rate: float | None, width: int = BAR) -> str:
    filled = round((rate or 0.0) * width)
    return "█" * filled + "·" * (width - filled)


class EvolutionLoaded(Message):
    def __init__(self, report: EvolutionReport, proposals: list[Proposal]) -> None:
        super().__init__()
        self.report = report
        self.proposals = proposals


class ProposalChanged(Message):
    def __init__(self, proposal: Proposal, done: str) -> None:
        super().__init__()
        self.proposal = proposal
        self.done = done


def observations_text(report: EvolutionReport) -> Text:
    obs = report.observations
    text = Text.assemble((f"last {plural(obs.window_days, 'day')} · ", "dim"), plural(obs.runs, "run"),
                         (" · engine profile ", "dim"), (str(report.profile.version), "bold"),
                         "\n")
    for e in obs.engines:
        text.append(f"{e.engine}", "bold")
        text.append(f"  {plural(e.runs, 'run')} · fallback {e.fallback_rate:.0%} · retries {e.retries}"
                    f" · p50 {e.latency_ms_p50:.0f} ms\n", "dim")
        if e.first_attempt_pass_rate is not None:
            text.append(f"  first attempt passed {bar(e.first_attempt_pass_rate)} "
                        f"{e.first_attempt_pass_rate:.0%}\n")
        for check, rate in sorted(e.flag_rates.items()):
            text.append(f"  {check:<20} {bar(rate)} {rate:.0%}\n")
    rated = sum(obs.ratings.values())
    if rated:
        top = max(obs.ratings.values()) or 1
        text.append("ratings\n", "bold")
        for stars, count in obs.ratings.items():
            text.append(f"  {stars}★ {bar(count / top, 10)} {count}\n")
    for label in obs.inaccurate_labels[:3]:
        text.append(f"flagged inaccurate: {label['pattern']} on {label['cue']!r} "
                    f"({label['count']})\n", "dim")
    if obs.care_dismissals:
        text.append("care alarms dismissed: " + ", ".join(
            f"{k} {n}" for k, n in obs.care_dismissals.items()) + "\n", "dim")
    if not obs.runs:
        text.append("No engine runs in this window yet.", "dim")
    return text


def detail_text(p: Proposal) -> Text:
    text = Text.assemble((p.title, "bold"), "\n", (f"{p.kind} · {p.status}", "dim"), "\n\n")
    text.append("evidence\n", "bold")
    for key, value in p.evidence.items():
        if isinstance(value, list):  # example IDs: short, as `mirror show` takes them
            value = ", ".join(str(v)[:8] for v in value) or "none"
        text.append(f"  {key}: {value}\n")
    if p.prediction:
        text.append("predicted\n", "bold")
        for key in ("metric", "before", "expected_at_most", "why"):
            if key in p.prediction:
                text.append(f"  {key}: {p.prediction[key]}\n")
    if p.verdict.approvable:
        text.append("✓ invariants: no refusal", "green")
        if p.verdict.needs_confirmation:
            text.append(f" — approving needs you to type “{p.verdict.needs_confirmation}”")
        text.append("\n")
    for r in p.verdict.refusals:
        text.append(f"✗ refused by {r.invariant}: {r.reason}\n", "bold red")
    if p.effect and not p.effect.measured:
        text.append("measured: none\n", "bold")
        text.append(f"  {p.effect.note}\n", "dim")
    elif p.effect:
        e = p.effect
        if e.observed_after is not None:
            text.append(f"measured: Mirror observed {p.change.get('axis_a')} / "
                        f"{p.change.get('axis_b')} in {plural(e.observed_after, 'reflection')} "
                        "since it was applied\n", "bold")
            text.append("  reflections naming both poles\n")
        else:
            text.append(f"measured: {e.metric.replace('_', ' ')}\n", "bold")
        text.append(f"  before {bar(e.before_rate, 10)} {e.before_count}/{e.before_total}\n")
        text.append(f"  after  {bar(e.after_rate, 10)} {e.after_count}/{e.after_total}\n")
        if not e.enough_data:
            text.append("  too few yet since the change to tell\n", "dim")
        if e.worse and p.status == "applied":
            text.append("  this made things worse: u rolls it back\n", "bold yellow")
    text.append("\n" + {"review": "a approve · x reject", "draft": "x reject",
                        "approved": "p apply · x reject", "applied": "u roll back"}.get(
        p.status, ""), "dim")
    return text


class EvolutionScreen(Screen[None]):
    BINDINGS = [
        Binding("a", "approve", "Approve…", id="evolution.approve"),
        Binding("p", "apply", "Apply…", id="evolution.apply"),
        Binding("x", "reject", "Reject…", id="evolution.reject"),
        Binding("u", "rollback", "Roll back…", id="evolution.rollback"),
        Binding("r", "reload", "Reload", id="evolution.reload"),
    ]

    def __init__(self) -> None:
        super().__init__(id="evolution")
        self._version = -1
        self.proposals: list[Proposal] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="evolution-body"):
            with VerticalScroll(id="evolution-observations"):
                yield Label("What Mirror noticed", classes="screen-title")
                yield Static(Text("…", style="dim"), id="evo-observations")
            with Vertical(id="evolution-proposals"):
                yield Label("Proposals", classes="screen-title")
                yield OptionList(id="evo-proposals")
                yield Static("", id="evo-detail")
        yield ScreenKeys()
        yield Footer()

    def on_screen_resume(self) -> None:
        if self._version != host(self.app).data_version:
            self.action_reload()

    def action_reload(self) -> None:
        app = host(self.app)
        self._version = app.data_version
        self.load(app.require_gateway())

    @work(thread=True, group="journal", exit_on_error=False)
    def load(self, gateway: JournalGateway) -> None:
        got = guarded(self, gateway, "reading Mirror's own runs",
                      lambda j: (j.evolve_report(), j.evolve_proposals()))
        if got is not FAILED:
            self.post_message(EvolutionLoaded(*got))

    def on_evolution_loaded(self, event: EvolutionLoaded) -> None:
        self.query_one("#evo-observations", Static).update(observations_text(event.report))
        current = self.selected()
        self._show_proposals(event.proposals, keep=current.id if current else None)

    def _show_proposals(self, proposals: list[Proposal], keep: str | None = None) -> None:
        self.proposals = proposals
        options = self.query_one("#evo-proposals", OptionList)
        options.clear_options()
        for p in proposals:
            mark = "✗" if not p.verdict.approvable else ("!" if p.effect and p.effect.worse else "·")
            options.add_option(Option(f"{mark} {p.status:<11} {p.title}", id=p.id))
        if not proposals:
            self.query_one("#evo-detail", Static).update(Text(
                "No proposals. When your ratings and flags, or the checks, show a pattern, "
                "Mirror proposes a change here — and changes nothing until you approve it.",
                style="dim"))
            return
        index = next((i for i, p in enumerate(proposals) if p.id == keep), 0)
        options.highlighted = index
        options.focus()
        self._detail(proposals[index])

    def _detail(self, p: Proposal) -> None:
        self.query_one("#evo-detail", Static).update(detail_text(p))

    @on(OptionList.OptionHighlighted, "#evo-proposals")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._detail(chosen)

    def selected(self) -> Proposal | None:
        index = self.query_one("#evo-proposals", OptionList).highlighted
        return self.proposals[index] if index is not None and index < len(self.proposals) else None

    # -- the lifecycle, each step after a confirmation -----------------------------------------
    def _confirm(self, title: str, body: str, yes: str,
                 then: Callable[[Journal], Proposal], done: str) -> None:
        def answered(ok: bool | None) -> None:
            if ok:
                self.run_step(host(self.app).require_gateway(), then, done)
        self.app.push_screen(ConfirmScreen(title, body, yes=yes), answered)

    def action_approve(self) -> None:
        p = self.selected()
        if p is None:
            return
        if not p.verdict.approvable:
            first = p.verdict.refusals[0]
            self.notify(f"refused by {first.invariant}: {first.reason}", severity="warning")
            return
        if p.verdict.needs_confirmation:
            words = p.verdict.needs_confirmation

            def typed(value: str | None) -> None:
                if value is not None:
                    self.run_step(host(self.app).require_gateway(),
                                  lambda j: j.evolve_approve(p.id, value), "approved")
            self.app.push_screen(PromptScreen(f"Type “{words}” to approve this amendment",
                                              placeholder=words, ok="Approve"), typed)
            return
        self._confirm("Approve this change?", p.title + "\n\nIt is applied only when you "
                      "apply it (p), and can be rolled back.", "Approve",
                      lambda j: j.evolve_approve(p.id), "approved")

    def action_apply(self) -> None:
        p = self.selected()
        if p is not None:
            self._confirm("Apply this change now?", p.title + "\n\nThe next reflection is "
                          "answered with the new engine profile.", "Apply",
                          lambda j: j.evolve_apply(p.id), "applied")

    def action_reject(self) -> None:
        p = self.selected()
        if p is not None:
            self._confirm("Reject this proposal?", p.title, "Reject",
                          lambda j: j.evolve_reject(p.id, "rejected in the TUI"), "rejected")

    def action_rollback(self) -> None:
        p = self.selected()
        if p is not None:
            self._confirm("Roll this change back?", p.title + "\n\nThe engine profile before "
                          "it is put back exactly.", "Roll back",
                          lambda j: j.evolve_rollback(p.id), "rolled back")

    @work(thread=True, group="journal", exit_on_error=False)
    def run_step(self, gateway: JournalGateway, step: Callable[[Journal], Any], done: str) -> None:
        got = guarded(self, gateway, f"marking the proposal {done}", step)
        if got is not FAILED:
            self.post_message(ProposalChanged(got, done))

    def on_proposal_changed(self, event: ProposalChanged) -> None:
        app = host(self.app)
        app.journal_changed()
        self._version = app.data_version
        self.notify(f"{event.done}: {event.proposal.title}")
        proposals = [event.proposal if p.id == event.proposal.id else p for p in self.proposals]
        self._show_proposals(proposals, keep=event.proposal.id)
        self.reload_observations(app.require_gateway())

    @work(thread=True, group="journal", exit_on_error=False)
    def reload_observations(self, gateway: JournalGateway) -> None:
        got = guarded(self, gateway, "reading Mirror's own runs", lambda j: j.evolve_report())
        if got is not FAILED:
            self.post_message(EvolutionLoaded(got, self.proposals))
