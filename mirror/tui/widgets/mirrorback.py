"""The mirrorback beside the editor (and in the reader): progress while the engine works,
then the checked response, with rating and flagging in place. A care response is drawn
gently and on its own: no pattern chatter, no stars to rate it with."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, LoadingIndicator, Static

from mirror.models.derived import Mirrorback, PatternMark
from mirror.tui.format import shown


class MirrorbackPanel(Vertical):
    DEFAULT_CSS = """
    MirrorbackPanel { height: auto; padding: 0 1; }
    MirrorbackPanel .mb-status { color: $text-muted; }
    MirrorbackPanel LoadingIndicator { height: 1; display: none; }
    MirrorbackPanel.-working LoadingIndicator { display: block; }
    MirrorbackPanel .mb-body { margin: 1 0; }
    MirrorbackPanel .mb-patterns { color: $success; text-style: italic; }
    MirrorbackPanel .mb-notices { color: $warning; }
    MirrorbackPanel .mb-rate { height: auto; display: none; }
    MirrorbackPanel.-rated-able .mb-rate { display: block; }
    MirrorbackPanel .mb-rate Button { min-width: 5; width: 5; margin-right: 1; }
    MirrorbackPanel .mb-rate .mb-flag { width: auto; min-width: 8; }
    MirrorbackPanel .mb-rate Label { padding: 0 1 0 0; }
    MirrorbackPanel.-care { border: round $primary 60%; background: $primary 8%; }
    MirrorbackPanel.-care .mb-body { color: $text; text-style: none; }
    MirrorbackPanel.-outdated .mb-body { color: $text-muted; }
    MirrorbackPanel .mb-thanks { color: $text-muted; }
    """
    BINDINGS = [
        Binding("1", "rate(1)", "Rate 1", show=False, id="mirrorback.rate1"),
        Binding("2", "rate(2)", "Rate 2", show=False, id="mirrorback.rate2"),
        Binding("3", "rate(3)", "Rate 3", show=False, id="mirrorback.rate3"),
        Binding("4", "rate(4)", "Rate 4", show=False, id="mirrorback.rate4"),
        Binding("5", "rate(5)", "Rate 5", show=False, id="mirrorback.rate5"),
        Binding("f", "flag", "Flag", show=False, id="mirrorback.flag"),
    ]

    class Rated(Message):
        def __init__(self, panel: MirrorbackPanel, mirrorback_id: str, rating: int) -> None:
            super().__init__()
            self.panel = panel
            self.mirrorback_id = mirrorback_id
            self.rating = rating

        @property
        def control(self) -> MirrorbackPanel:
            """The panel rated (where the thanks are shown)."""
            return self.panel

    class FlagRequested(Message):
        def __init__(self, panel: MirrorbackPanel, mirrorback_id: str) -> None:
            super().__init__()
            self.panel = panel
            self.mirrorback_id = mirrorback_id

        @property
        def control(self) -> MirrorbackPanel:
            """The panel flagged (where the thanks are shown)."""
            return self.panel

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.mirrorback_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", classes="mb-status")
        yield LoadingIndicator()
        yield Static("", classes="mb-body")
        yield Static("", classes="mb-patterns")
        yield Static("", classes="mb-notices")
        with Horizontal(classes="mb-rate"):
            yield Label("Rate")
            for n in range(1, 6):
                yield Button(str(n), id=f"rate-{n}", compact=True)
            yield Button("Flag…", classes="mb-flag", id="flag", compact=True)
        yield Static("", classes="mb-thanks")

    def _set(self, cls: str, content: str | Text) -> None:
        widget = self.query_one(f".{cls}", Static)
        widget.update(content)
        if cls != "mb-status":          # an empty line is no use to anyone (and costs a row)
            widget.display = bool(content.plain if isinstance(content, Text) else content)

    def clear(self) -> None:
        self.mirrorback_id = None
        self.remove_class("-working", "-care", "-rated-able")
        for cls in ("mb-status", "mb-body", "mb-patterns", "mb-notices", "mb-thanks"):
            self._set(cls, "")

    def working(self, status: str) -> None:
        self.clear()
        self.add_class("-working")
        self._set("mb-status", status)

    def progress(self, tokens: int) -> None:
        self._set("mb-status", f"The model is writing… {tokens:,} tokens so far "
                               "(shown once it has passed the checks)")

    def show(self, mirrorback: Mirrorback | None, *, patterns: Sequence[PatternMark] = (),
             care: bool = False, notices: Sequence[str] = (), heading: str | Text = "") -> None:
        self.clear()
        self.set_class(care, "-care")
        if mirrorback is None:
            self._set("mb-status", heading or "Saved. No mirrorback this time.")
        else:
            self.mirrorback_id = mirrorback.id
            self._set("mb-status", heading or ("A caring note" if care else f"Mirror · {mirrorback.engine}"))
            self._set("mb-body", Text(shown(mirrorback.content)))
            if not care:
                self.add_class("-rated-able")
        if patterns and not care:
            # The constitution's labels, as `mirror reflect` prints them.
            self._set("mb-patterns", "Noticed: " + " · ".join(dict.fromkeys(p.label for p in patterns)))
        if notices:
            self._set("mb-notices", Text(shown("\n".join(notices))))

    def thanks(self, text: str) -> None:
        self._set("mb-thanks", text)

    # -- feedback -------------------------------------------------------------------------------
    def action_rate(self, rating: int) -> None:
        if self.mirrorback_id and self.has_class("-rated-able"):
            self.post_message(self.Rated(self, self.mirrorback_id, rating))

    def action_flag(self) -> None:
        if self.mirrorback_id:
            self.post_message(self.FlagRequested(self, self.mirrorback_id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "flag":
            self.action_flag()
        elif event.button.id and event.button.id.startswith("rate-"):
            self.action_rate(int(event.button.id.split("-")[1]))
