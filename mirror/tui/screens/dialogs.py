"""Small modal dialogs: confirm, ask for a line of text, offer a draft back, flag a mirrorback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, SelectionList, Static

from mirror.tui.format import clipped, local_time, plural, word_count


class ConfirmScreen(ModalScreen[bool]):
    """Yes/no. Dismisses with True only on an explicit yes."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "Cancel", id="dialog.cancel"),
        Binding("y", "answer(True)", "Yes", id="dialog.yes"),
    ]

    def __init__(self, title: str, body: str, yes: str = "Yes", no: str = "Cancel") -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.body, self.yes, self.no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(Text(self.body), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no, id="no")
                yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PromptScreen(ModalScreen[str | None]):
    """One line of text (a thread title, a date...). Dismisses with the text, or None.

    `check` (run in a worker: it may read the journal) returns why the text cannot be used,
    or None: the dialog then stays open with the text as typed and the reason under it, so
    the next keys keep going into the field and never reach the screen below."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, placeholder: str = "", value: str = "", ok: str = "OK",
                 check: Callable[[str], str | None] | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.placeholder, self.value, self.ok = title, placeholder, value, ok
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", id="prompt-problem", classes="dialog-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(self.ok, id="ok", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        value = self.query_one(Input).value.strip()
        if value and self.check is not None:
            self.query_one("#prompt-problem", Static).update(Text("checking…", style="dim"))
            self._check(value)
            return
        self.dismiss(value or None)

    @work(thread=True, exclusive=True, group="prompt-check", exit_on_error=False)
    def _check(self, value: str) -> None:
        assert self.check is not None
        problem = self.check(value)
        self.app.call_from_thread(self._checked, value, problem)

    def _checked(self, value: str, problem: str | None) -> None:
        if problem is None:
            self.dismiss(value)
            return
        self.query_one("#prompt-problem", Static).update(Text(problem, style="bold yellow"))
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class DraftOfferScreen(ModalScreen[bool | None]):
    """'You left a draft': restore it (True), let it go (False) or decide later (None)."""

    BINDINGS = [
        Binding("r,enter", "answer(True)", "Restore", id="draft.restore"),
        Binding("d", "answer(False)", "Discard", id="draft.discard"),
        Binding("escape", "later", "Later", id="draft.later"),
    ]

    def __init__(self, draft: dict[str, Any]) -> None:
        super().__init__(classes="dialog-screen")
        self.draft = draft

    def compose(self) -> ComposeResult:
        text = str(self.draft.get("text", ""))
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        when = self.draft.get("saved_at")
        when_text = f" from {local_time(when, self.draft.get('tz', 'UTC'))}" if when else ""
        with Vertical(classes="dialog"):
            yield Label("You left a draft", classes="dialog-title")
            yield Static(Text(f"An unsaved reflection{when_text} ({plural(word_count(text), 'word')}):"),
                         classes="dialog-body")
            yield Static(Text(f"“{clipped(first, 200)}”", style="italic"), classes="dialog-quote")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Discard", id="discard")
                yield Button("Restore", id="restore", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#restore", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "restore")

    def action_answer(self, restore: bool) -> None:
        self.dismiss(restore)

    def action_later(self) -> None:
        """Keep the draft on disk and say nothing more this session."""
        self.dismiss(None)


FLAGS = [("prescriptive", "tells me what to do"), ("inaccurate", "misread what I wrote"),
         ("unkind", "felt unkind"), ("repetitive", "repeats itself")]


class FlagScreen(ModalScreen[dict[str, Any] | None]):
    """Flag a mirrorback: which problems, which of the patterns Mirror named misread the
    entry (when it named any), and an optional note. Naming the label lets Mirror's critics
    count the misreading against that label only, as `mirror feedback --label` does."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, labels: list[str] | tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.labels = list(dict.fromkeys(labels))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog flag-dialog"):
            yield Label("What was wrong with this mirrorback?", classes="dialog-title")
            for flag, words in FLAGS:
                yield Checkbox(f"{flag}: {words}", id=f"flag-{flag}")
            if self.labels:
                # One line a label, so the dialog still fits a 24-line terminal.
                yield Label("Which of these misread you?", classes="flag-labels-title")
                yield SelectionList[str](*((label, label) for label in self.labels), id="flag-labels")
            yield Input(placeholder="a note (optional)", id="flag-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Flag", id="ok", variant="warning")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "ok":
            self.dismiss(None)
            return
        flags = [flag for flag, _ in FLAGS if self.query_one(f"#flag-{flag}", Checkbox).value]
        labels: list[str] = []
        if self.labels:
            labels = list(self.query_one("#flag-labels", SelectionList).selected)
        if labels and "inaccurate" not in flags:
            flags.append("inaccurate")  # a label that misread you is what "inaccurate" means
        note = self.query_one("#flag-note", Input).value.strip() or None
        if not flags and not note:
            self.notify("Tick a reason or write a note.", severity="warning")
            return
        self.dismiss({"flags": flags or ["other"], "note": note, "labels": labels})

    def action_cancel(self) -> None:
        self.dismiss(None)


class ThreadPickScreen(PromptScreen):
    """Add a reflection to a thread: pick one of the threads, or type a new title (the
    thread is then started). Dismisses with the title, or None. A prompt whose answer is
    matched to an existing title whatever its case."""

    def __init__(self, titles: list[str], already: tuple[str, ...] = ()) -> None:
        super().__init__("Add to a thread", ok="Add")
        self.titles = [t for t in titles if t not in already]
        self.already = already

    def compose(self) -> ComposeResult:
        from textual.suggester import SuggestFromList

        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            if self.titles:
                yield Static(Text("Threads: " + " · ".join(self.titles)), classes="dialog-body")
            if self.already:
                yield Static(Text("Already in: " + ", ".join(self.already), style="dim"),
                             classes="dialog-body")
            yield Input(placeholder="a thread title (a new title starts a thread)", id="thread-title",
                        suggester=SuggestFromList(self.titles, case_sensitive=False))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(self.ok, id="ok", variant="primary")

    def _finish(self) -> None:
        value = " ".join(self.query_one(Input).value.split())
        match = next((t for t in self.titles if t.casefold() == value.casefold()), value)
        self.dismiss(match or None)
