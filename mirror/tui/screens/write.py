"""Write: a focused editor, its fields, and the mirrorback beside it once it has passed."""

from __future__ import annotations

from typing import Any, TypedDict

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static, TextArea

from mirror.clock import utc_iso
from mirror.tui import messages as m
from mirror.tui.format import clipped, local_time, parse_tags, plural, short_id, word_count
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.screens.dialogs import FlagScreen
from mirror.tui.widgets.mirrorback import MirrorbackPanel
from mirror.tui.widgets.screen_keys import ScreenKeys
from mirror.tui.work import FAILED, guarded

SAVING = "saving your reflection"
ANSWERING = "writing the mirrorback"
#: Said once, while the first reflection on a machine waits for the care check's index.
PREPARING = "\nThe first reflection also prepares the safety check: a few seconds, once."


class EditorFields(TypedDict):
    """What the editor holds: saved as a reflection, or kept on disk as the draft."""

    text: str
    tags: str               # as typed: comma or space separated
    thread: str | None      # a thread title
    starred: bool
    private: bool


class WriteScreen(Screen):
    # Below 100 columns the mirror goes under the editor (mirror.tcss, `-narrow`): side by
    # side, an 80-column window left the tags field one letter wide.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        # Not a priority binding: the key then waits its turn behind the letters typed before
        # it (a priority binding would run first and save only part of a fast-typed text).
        Binding("ctrl+s", "save", "Save", id="mirror.save"),
        Binding("ctrl+t", "toggle_star", "Star", id="write.star"),
        Binding("ctrl+o", "toggle_private", "Private", id="write.private"),
        Binding("ctrl+e", "focus_editor", "Editor", show=False, id="write.editor"),
    ]

    def __init__(self) -> None:
        super().__init__(id="write")
        self._draft_timer: Timer | None = None
        self._draft_serial = 0
        self._saving = False
        self._restoring = False
        self._saved_id: str | None = None          # of the text being answered, once stored
        self._labels: list[str] = []               # the patterns its mirrorback named
        self._answer_problem: str | None = None    # why the engine could not answer it
        self._choices_version = -1                 # data version the thread choices were loaded at
        self._pending_thread: str | None = None    # a restored draft's thread, set once restored
        self._saving_text = ""                     # the text being saved
        self._template_text = ""                   # the template last put in the editor

    def compose(self) -> ComposeResult:
        with Horizontal(id="write-body"):
            with Vertical(id="editor-column"):
                yield Label("Write", classes="screen-title")
                yield TextArea(id="editor", soft_wrap=True, show_line_numbers=False,
                               placeholder="What is on your mind? (ctrl+s saves)")
                with Horizontal(id="editor-fields"):
                    yield Input(placeholder="tags, comma separated", id="tags", compact=True)
                    yield Select[str]([], prompt="no thread", id="thread", allow_blank=True, compact=True)
                    yield Checkbox("★ star", id="star", compact=True)
                    yield Checkbox("private", id="private", compact=True)
                    # Shown once the journal has templates (templates/NAME.md).
                    yield Select[str]([], prompt="template", id="template", allow_blank=True,
                                      compact=True)
                yield Static("0 words", id="word-count")
            with VerticalScroll(id="mirror-column"):
                yield Label("Mirror", classes="screen-title")
                yield Static(Text("Your mirrorback appears here after you save.", style="dim"),
                             id="mirror-hint")
                yield Static("", id="saved-note")
                yield MirrorbackPanel(id="mirrorback")
        yield ScreenKeys()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#template", Select).display = False
        self.query_one("#editor", TextArea).focus()
        self.load_choices(host(self.app).require_gateway())
        self._take_pending_draft()

    def on_screen_resume(self) -> None:
        self._take_pending_draft()
        app = host(self.app)
        if app.data_version != self._choices_version:
            self.load_choices(app.require_gateway())

    # -- fields ----------------------------------------------------------------------------------
    @work(thread=True, group="journal", exit_on_error=False)
    def load_choices(self, gateway: JournalGateway) -> None:
        self._choices_version = host(self.app).data_version
        got = guarded(self, gateway, "loading threads",
                      lambda j: (j.threads(), bool(j.settings.get("private_by_default"))))
        if got is not FAILED:
            self.post_message(m.EditorChoices(*got))
        names = guarded(self, gateway, "loading templates", lambda j: j.templates())
        if names is not FAILED:
            self.app.call_from_thread(self._show_templates, names)

    # -- templates ---------------------------------------------------------------------------
    def _show_templates(self, names: list[str]) -> None:
        select = self.query_one("#template", Select)
        select.set_options([(name, name) for name in names])
        select.display = bool(names)

    @on(Select.Changed, "#template")
    def _template_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.load_template(host(self.app).require_gateway(), event.value)

    @work(thread=True, group="journal", exit_on_error=False)
    def load_template(self, gateway: JournalGateway, name: str) -> None:
        text = guarded(self, gateway, "opening the template", lambda j: j.template(name))
        if text is not FAILED:
            self.app.call_from_thread(self._start_from_template, text)

    def _start_from_template(self, text: str) -> None:
        """Start the reflection from the template: only into an empty editor (or one that
        still holds the previous template as it was); words typed are never replaced."""
        editor = self.query_one("#editor", TextArea)
        self.query_one("#template", Select).clear()  # back to blank: the same one can be chosen again
        if editor.text.strip() and editor.text != self._template_text:
            self.notify("The editor already holds words: the template starts a new reflection.",
                        title="Template not used")
            return
        editor.text = text
        self._template_text = text
        editor.move_cursor(editor.document.end)
        editor.focus()

    def on_editor_choices(self, event: m.EditorChoices) -> None:
        select = self.query_one("#thread", Select)
        current = select.value
        titles = [t.title for t in event.threads]
        select.set_options([(t, t) for t in titles])
        if isinstance(current, str) and current in titles:
            select.value = current
        if not self.query_one("#editor", TextArea).text and not self._restoring:
            self.query_one("#private", Checkbox).value = event.private_default

    @on(TextArea.Changed, "#editor")
    def _text_changed(self, event: TextArea.Changed) -> None:
        words = word_count(event.text_area.text)
        chars = len(event.text_area.text)
        self.query_one("#word-count", Static).update(
            f"{plural(words, 'word')} · {plural(chars, 'character')}")
        self._schedule_draft()

    @on(Input.Changed, "#tags")
    @on(Checkbox.Changed)
    @on(Select.Changed, "#thread")
    def _field_changed(self, event: Input.Changed | Checkbox.Changed | Select.Changed) -> None:
        self._schedule_draft()

    def action_toggle_star(self) -> None:
        box = self.query_one("#star", Checkbox)
        box.value = not box.value

    def action_toggle_private(self) -> None:
        box = self.query_one("#private", Checkbox)
        box.value = not box.value

    def action_focus_editor(self) -> None:
        self.query_one("#editor", TextArea).focus()

    # -- drafts ------------------------------------------------------------------------------------
    def _fields(self) -> EditorFields:
        thread = self.query_one("#thread", Select).value
        return {
            "text": self.query_one("#editor", TextArea).text,
            "tags": self.query_one("#tags", Input).value,
            "thread": thread if isinstance(thread, str) else None,
            "starred": self.query_one("#star", Checkbox).value,
            "private": self.query_one("#private", Checkbox).value,
        }

    def _schedule_draft(self) -> None:
        if self._restoring:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        delay = host(self.app).draft_debounce
        if delay <= 0:
            self.flush_draft()
        else:
            self._draft_timer = self.set_timer(delay, self.flush_draft)

    def flush_draft(self, wait: bool = False) -> None:
        """Write the draft now (in a worker, or synchronously when quitting)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if not self.is_mounted:
            return
        self._draft_serial += 1
        data = {**self._fields(), "saved_at": utc_iso(host(self.app).clock_now()), "tz": "UTC"}
        if wait:
            host(self.app).require_drafts().save(data, self._draft_serial)
        else:
            self._write_draft(data, self._draft_serial)

    @work(thread=True, group="drafts", exit_on_error=False)
    def _write_draft(self, data: dict[str, Any], serial: int) -> None:
        try:
            host(self.app).require_drafts().save(data, serial)
        except OSError as exc:
            self.post_message(m.ServiceFailed("keeping your draft",
                                              f"Your draft could not be kept on disk: {exc.strerror}"))

    def _take_pending_draft(self) -> None:
        app = host(self.app)
        draft = app.pending_draft
        if draft is None:
            return
        app.pending_draft = None
        self._restoring = True
        editor = self.query_one("#editor", TextArea)
        text = str(draft.get("text", ""))
        try:
            if editor.text.strip():
                # Words typed this session stay: the draft comes after them (undo removes it).
                editor.move_cursor(editor.document.end)
                editor.insert("\n\n" + text)
            else:
                editor.text = text
                self.query_one("#tags", Input).value = str(draft.get("tags", ""))
                self.query_one("#star", Checkbox).value = bool(draft.get("starred"))
                self.query_one("#private", Checkbox).value = bool(draft.get("private"))
                self._pending_thread = draft.get("thread")
        finally:
            self.call_after_refresh(self._restored, draft)
        editor.move_cursor(editor.document.end)
        editor.focus()

    def _restored(self, draft: dict[str, Any]) -> None:
        self._restoring = False
        thread = self._pending_thread
        if thread:
            select = self.query_one("#thread", Select)
            try:
                select.value = thread
            except Exception:  # the thread is gone or not loaded yet: keep the text, skip it
                pass
        # The restored text is now this session's draft; only then does the kept copy go.
        try:
            self.flush_draft(wait=True)
        except OSError:
            return          # could not be written: the kept copy stays
        host(self.app).require_drafts().forget(draft)

    # -- saving ------------------------------------------------------------------------------------
    def action_save(self) -> None:
        fields = self._fields()
        if not fields["text"].strip():
            self.notify("Nothing to save yet: write a few words first.", title="Empty")
            return
        if self._template_text and fields["text"].strip() == self._template_text.strip():
            self.notify("The template is as it was: write into it first.", title="Empty")
            return
        if self._saving:
            return
        self._saving = True
        self._saved_id = None
        self._answer_problem = None
        self.query_one("#mirror-hint").display = False
        self.query_one("#mirrorback", MirrorbackPanel).working("Saving…")
        self._saving_text = fields["text"]
        self.reflect(host(self.app).require_gateway(), fields)

    @work(thread=True, group="journal", exit_on_error=False)
    def reflect(self, gateway: JournalGateway, fields: EditorFields) -> None:
        """Save on the fast lane, then let the engine answer on the slow lane.

        `Journal.write`, then `Journal.answer`: once the write has committed the person is told so
        (`ReflectionSaved`), so an engine that fails afterwards can neither make a stored
        text look unsaved nor lead to it being saved twice."""

        def progress(*args: Any, **kwargs: Any) -> None:
            numbers = [a for a in args if isinstance(a, int)]
            tokens = kwargs.get("tokens", numbers[0] if numbers else 0)
            total = numbers[1] if len(numbers) > 1 else None
            self.post_message(m.MirrorProgress(int(tokens), total))

        reflection = guarded(self, gateway, SAVING, lambda j: j.write(
            fields["text"], tags=parse_tags(fields["tags"]), starred=fields["starred"],
            thread=fields["thread"], private=fields["private"], source="tui"))
        if reflection is FAILED:
            self.post_message(m.MirrorbackReady(None))
            return
        try:
            preparing = not gateway.call(lambda j: j.care_prepared())
        except Exception:  # noqa: BLE001 - only the explanation of a wait is lost
            preparing = False
        self.post_message(m.ReflectionSaved(reflection, preparing=preparing))
        result = guarded(self, gateway, ANSWERING,
                         lambda j: j.answer(reflection, on_progress=progress), long=True)
        self.post_message(m.MirrorbackReady(None if result is FAILED else result))

    def on_reflection_saved(self, event: m.ReflectionSaved) -> None:
        """The text is stored: say so, and retire the draft and the editor's copy of it."""
        reflection = event.reflection
        self._saved_id = reflection.id
        app = host(self.app)
        app.journal_changed()
        self._draft_serial += 1
        app.require_drafts().clear(self._draft_serial)
        editor = self.query_one("#editor", TextArea)
        saved_text = self._saving_text
        if editor.text == saved_text:           # clear only what was saved: never words typed
            self._restoring = True              # while it was being saved
            editor.text = ""
            self.query_one("#tags", Input).value = ""
            self.query_one("#star", Checkbox).value = False
            self.call_after_refresh(setattr, self, "_restoring", False)
        elif editor.text.startswith(saved_text):
            editor.text = editor.text[len(saved_text):].lstrip("\n")
            editor.move_cursor(editor.document.end)
        self.query_one("#saved-note", Static).update(Text.assemble(
            ("Saved ", "bold"), (short_id(reflection.id), "dim"), "  ",
            local_time(reflection.created_at, reflection.created_tz), "\n",
            (f"“{clipped(reflection.title, 120)}”", "italic")))
        self.remove_class("-care")                # that was the previous text's answer
        self.query_one("#mirrorback", MirrorbackPanel).working(
            "Saved. The mirror is reading it…" + (PREPARING if event.preparing else ""))

    def on_service_failed(self, event: m.ServiceFailed) -> None:
        """Keep why the answer failed for the panel; the app still shows the notification."""
        if event.what == ANSWERING:
            self._answer_problem = " ".join(event.text.split())

    def on_mirror_progress(self, event: m.MirrorProgress) -> None:
        self.query_one("#mirrorback", MirrorbackPanel).progress(event.tokens)

    def on_mirrorback_ready(self, event: m.MirrorbackReady) -> None:
        self._saving = False
        panel = self.query_one("#mirrorback", MirrorbackPanel)
        result = event.result
        if result is None and self._saved_id is None:   # the failure was already shown
            panel.show(None, heading="Not saved. Your text is still here.")
            return
        if result is None:                               # saved, but the engine failed
            reason = self._answer_problem or "The engine did not answer."
            panel.show(None, heading=Text(
                f"Saved. The mirrorback could not be written:\n{reason}\nOpen it from the "
                f"timeline ({self._key('mirror.timeline')}) and press "
                f"{self._key('reader.regenerate')} in the reader to try again."))
            return
        self._labels = [p.label for p in result.patterns]  # (offered when the person flags it)
        panel.show(result.mirrorback, patterns=result.patterns, care=bool(result.care),
                   notices=list(result.notices),
                   heading="" if result.mirrorback else "Saved. The mirror has nothing to add this time.")
        self.set_class(bool(result.care), "-care")

    def _key(self, binding_id: str) -> str:
        """The key(s) a binding answers to now, keymap.toml applied (as the help screen shows)."""
        return next((keys for keys, _, bid in host(self.app).key_table() if bid == binding_id), binding_id)

    # -- feedback ----------------------------------------------------------------------------------
    def on_mirrorback_panel_rated(self, event: MirrorbackPanel.Rated) -> None:
        self.send_feedback(host(self.app).require_gateway(), event.mirrorback_id, event.rating, [], None)

    def on_mirrorback_panel_flag_requested(self, event: MirrorbackPanel.FlagRequested) -> None:
        def done(answer: dict[str, Any] | None) -> None:
            if answer:
                self.send_feedback(host(self.app).require_gateway(), event.mirrorback_id, None,
                                   answer["flags"], answer["note"], answer["labels"])

        self.app.push_screen(FlagScreen(self._labels, classes="dialog-screen"), done)

    @work(thread=True, group="journal", exit_on_error=False)
    def send_feedback(self, gateway: JournalGateway, mirrorback_id: str, rating: int | None,
                      flags: list[str], note: str | None, labels: list[str] | None = None) -> None:
        got = guarded(self, gateway, "saving your feedback",
                      lambda j: j.feedback(mirrorback_id, rating, flags, note, labels or ()))
        if got is not FAILED:
            self.post_message(m.FeedbackSaved(got))

    def on_feedback_saved(self, event: m.FeedbackSaved) -> None:
        fb = event.feedback
        text = (f"Thank you: rated {fb.rating} of 5." if fb.rating
                else "Thank you: flagged. It helps the mirror learn what not to say.")
        self.query_one("#mirrorback", MirrorbackPanel).thanks(text)
