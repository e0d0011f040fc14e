"""Pictures of the journal: a tension's position over time, and pattern frequency per period."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from mirror.models.insights import PatternCount, Tension
from mirror.tui.format import local_time, plural

PALETTE = ["#5fafd7", "#87af5f", "#d7af5f", "#d7875f", "#af87d7", "#5fd7af", "#d75f87", "#afafaf"]


def position_bar(axis_a: str, axis_b: str, position: float | None, width: int = 21) -> Text:
    """'control ─────●───── surrender': where the tension sits on average (-1 .. 1)."""
    text = Text()
    text.append(axis_a + " ", "bold")
    if position is None:
        text.append("·" * width, "dim")
    else:
        spot = round((max(-1.0, min(1.0, position)) + 1) / 2 * (width - 1))
        text.append("─" * spot, "dim")
        text.append("●", "bold")
        text.append("─" * (width - 1 - spot), "dim")
    text.append(" " + axis_b, "bold")
    return text


class TensionCard(Vertical):
    """One tension: its poles, where it sits, and its path over time as a sparkline."""

    DEFAULT_CSS = """
    TensionCard { height: auto; padding: 0 1; margin-bottom: 1; border-left: thick $secondary; }
    TensionCard Sparkline { height: 2; margin: 0 0; }
    TensionCard .tension-info { color: $text-muted; }
    """

    def __init__(self, tension: Tension) -> None:
        super().__init__(classes="tension-card")
        self.tension = tension

    def compose(self) -> ComposeResult:
        t = self.tension
        trajectory = t.trajectory or ()
        yield Static(position_bar(t.axis_a, t.axis_b, t.mean_position), classes="tension-bar")
        if trajectory:
            positions = [float(p.position) for p in trajectory]
            yield Sparkline(positions, summary_function=lambda xs: sum(xs) / len(xs))
            first = local_time(trajectory[0].observed_at, "UTC")[:10]
            last = local_time(trajectory[-1].observed_at, "UTC")[:10]
            info = (f"{plural(len(trajectory), 'observation')} · {first} → {last} · "
                    f"latest position {positions[-1]:+.2f} (−1 {t.axis_a}, +1 {t.axis_b})")
        else:
            info = "not observed yet: it appears here when a reflection touches it"
        yield Static(Text(info), classes="tension-info")


class PatternChart(OptionList):
    """Pattern frequency per period as stacked horizontal bars; selecting a period opens the
    timeline filtered to it."""

    DEFAULT_CSS = """
    PatternChart { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.periods: list[str] = []

    def plot(self, counts: list[PatternCount], width: int) -> Text:
        """Replace the bars; returns the legend."""
        self.clear_options()
        patterns = sorted({row.pattern for row in counts})
        labels = {row.pattern: row.label for row in counts}
        colour = {p: PALETTE[i % len(PALETTE)] for i, p in enumerate(patterns)}
        periods: dict[str, dict[str, int]] = {}
        for row in counts:
            periods.setdefault(row.period, {})[row.pattern] = int(row.reflections)
        self.periods = sorted(periods, reverse=True)
        biggest = max((sum(v.values()) for v in periods.values()), default=1) or 1
        room = max(10, width - 22)
        options = []
        for period in self.periods:
            parts = periods[period]
            total = sum(parts.values())
            line = Text(f"{period:<9}", style="bold")
            for pattern in patterns:
                n = parts.get(pattern, 0)
                if n:
                    cells = max(1, round(n / biggest * room))
                    line.append("█" * cells, style=colour[pattern])
            line.append(f" {total}", style="dim")
            options.append(Option(line, id=period))
        self.add_options(options)
        legend = Text()
        for pattern in patterns:
            legend.append("█ ", style=colour[pattern])
            legend.append(labels[pattern] + "   ")
        return legend
