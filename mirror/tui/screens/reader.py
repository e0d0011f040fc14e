"""Read one reflection with its mirrorbacks, patterns, tensions and earlier versions, as
one page that scrolls as a whole; edit it (here or in $EDITOR), star it, move it to another
date, add it to a thread, delete it, or ask for a fresh mirrorback."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Collapsible, Footer, Input, Label, Static, TextArea

from mirror.errors import InvalidInput
from mirror.models import Reflection, Revision
from mirror.tui import messages as m
from mirror.tui.external import Edited, edit_in_editor, editor_command
from mirror.tui.format import PRIVATE, STAR, clipped, local_time, parse_tags, plural, shown, word_count
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.screens.dialogs import ConfirmScreen, FlagScreen, PromptScreen, ThreadPickScreen
from mirror.tui.widgets.mirrorback import MirrorbackPanel
from mirror.tui.widgets.screen_keys import ScreenKeys
from mirror.tui.work import FAILED, guarded

if TYPE_CHECKING:
    from mirror.models.derived import Mirrorback
    from mirror.services.journal import Journal
    from mirror.services.results import ReflectionDetails, ReflectResult

DELETE_WARNING = (
    "This removes the reflection, its earlier versions, its mirrorbacks and everything derived "
    "from it from this journal, and wipes the text from the database file.\n\n"
    "Bundles you exported earlier keep their copy: delete those files too if it must be gone "
    "everywhere.")


class ReaderScreen(Screen):
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="reader.back"),
        Binding("e", "edit", "Edit", id="reader.edit"),
        Binding("o", "external_edit", "$EDITOR", id="reader.external_edit"),
        Binding("s", "star", "Star", id="reader.star"),
        Binding("g", "regenerate", "New mirrorback", id="reader.regenerate"),
        Binding("c", "redate", "Date", id="reader.redate"),
        Binding("t", "thread", "Thread", id="reader.thread"),
        Binding("delete,d", "delete", "Delete", id="reader.delete"),
    ]

    def __init__(self, reflection_id: str) -> None:
        super().__init__(classes="reader")
        self.reflection_id = reflection_id
        self.details: ReflectionDetails | None = None   # None until loaded

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reader-body"):
            yield Static("", id="reader-head")
            yield Static("", id="reader-text")
            yield Static("", id="reader-meta")
            yield Label("Mirrorbacks", classes="section-title")
            yield Vertical(id="reader-mirrorbacks")
            yield Static("", id="reader-regenerating")
            yield Label("Patterns and tensions", classes="section-title")
            yield Static("", id="reader-patterns")
            yield Vertical(id="reader-revisions")
        yield ScreenKeys()
        yield Footer()

    def on_mount(self) -> None:
        self.load(host(self.app).require_gateway())

    @work(thread=True, group="journal", exit_on_error=False)
    def load(self, gateway: JournalGateway) -> None:
        def read(j: Journal) -> tuple[ReflectionDetails, list[Revision]]:
            details = j.details(self.reflection_id)
            _, revisions = j.history(self.reflection_id)
            return details, revisions

        got = guarded(self, gateway, "opening the reflection", read)
        if got is not FAILED:
            self.post_message(m.DetailsLoaded(*got))

    async def on_details_loaded(self, event: m.DetailsLoaded) -> None:
        self.details = event.details
        r = event.details.reflection
        marks = (f"  {STAR}" if r.starred else "") + (f"  {PRIVATE} private" if r.private else "")
        self.query_one("#reader-head", Static).update(Text.assemble(
            (local_time(r.created_at, r.created_tz), "bold"), f"  ({r.created_tz})", (marks, "bold yellow"),
            "\n", (f"id {r.id} · {plural(word_count(r.content), 'word')}", "dim")))
        self.query_one("#reader-text", Static).update(Text(shown(r.content)))
        meta: list[str] = []
        if r.tags:
            meta.append("tags: " + " ".join(f"#{t}" for t in r.tags))
        if r.threads:
            meta.append("threads: " + ", ".join(r.threads))
        if event.revisions:
            # Only a changed text is an edit: a date given at writing time, a star or a tag
            # move `updated_at` too, and none of those rewrote what was written.
            meta.append(f"edited {local_time(event.revisions[-1].revised_at, r.created_tz)}")
        self.query_one("#reader-meta", Static).update(Text(shown(" · ".join(meta)), style="dim"))

        box = self.query_one("#reader-mirrorbacks", Vertical)
        await box.remove_children()
        panels = []
        for mb in event.details.mirrorbacks:
            panel = MirrorbackPanel()
            if mb.verdict == "failed":  # history only, never shown as the mirror's answer
                mb = replace(mb, content="Not shown: this mirrorback fails the constitution's "
                             f"checks ({', '.join(mb.flags)}).")
            panels.append((panel, mb))
        await box.mount_all([p for p, _ in panels])
        for panel, mb in panels:
            care = mb.verdict == "care"
            panel.show(mb, care=care, heading=self._heading(mb, r))
            panel.set_class(bool(mb.outdated), "-outdated")
        if not event.details.mirrorbacks:
            await box.mount(Static(Text("No mirrorback yet. Press g to ask for one.", style="dim")))

        lines = [f"◇ {p.label}" for p in event.details.patterns]
        lines += [f"⇄ {t.axis_a} ↔ {t.axis_b}  position {t.position:+.2f}, intensity {t.intensity:.2f}"
                  for t in event.details.tensions]
        self.query_one("#reader-patterns", Static).update(
            Text("\n".join(lines) if lines else "None noticed.", style="" if lines else "dim"))

        revisions = self.query_one("#reader-revisions", Vertical)
        await revisions.remove_children()
        if event.revisions:
            items = [Static(Text.assemble((f"version {rev.revision} · {local_time(rev.revised_at, r.created_tz)}\n", "dim"),
                                          shown(rev.content)), classes="revision")
                     for rev in reversed(event.revisions)]
            await revisions.mount(Collapsible(*items, title=f"{plural(len(event.revisions), 'earlier version')}",
                                              collapsed=True))

    def _heading(self, mb: Mirrorback, r: Reflection) -> Text:
        """Who answered and when; for an answer to words since edited, which version it
        answered and the key that asks for one on the current text."""
        care = mb.verdict == "care"
        heading = Text("A caring note" if care else f"Mirror · {mb.engine}")
        if mb.created_at:
            heading.append(f" · {local_time(mb.created_at, r.created_tz)}")
        if mb.outdated:
            heading.append(f"\nAnswers version {mb.answered_version}, before the text was edited · "
                           f"press {self._key('reader.regenerate')} for a mirrorback on the current text",
                           style="bold yellow")
        return heading

    def _key(self, binding_id: str) -> str:
        """The key(s) a binding answers to now, keymap.toml applied (as the help screen shows)."""
        return next((keys for keys, _, bid in host(self.app).key_table() if bid == binding_id), binding_id)

    # -- actions ---------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        if self.details is None:
            return
        self.app.push_screen(EditScreen(self.details.reflection), self._edited)

    def _edited(self, changes: dict[str, Any] | None) -> None:
        if changes:
            self.save_edit(host(self.app).require_gateway(), changes)

    @work(thread=True, group="journal", exit_on_error=False)
    def save_edit(self, gateway: JournalGateway, changes: dict[str, Any]) -> None:
        got = guarded(self, gateway, "saving your edit", lambda j: j.edit(self.reflection_id, **changes))
        if got is not FAILED:
            self.post_message(m.ReflectionEdited(got))

    def on_reflection_edited(self, event: m.ReflectionEdited) -> None:
        app = host(self.app)
        app.journal_changed()
        self.notify(event.note or "Saved. The earlier version is kept.", title="Edited")
        self.load(app.require_gateway())

    def action_external_edit(self) -> None:
        """The text in $VISUAL/$EDITOR (the app steps aside while it runs); saved as an edit,
        the earlier text kept as a version, like the edit dialog."""
        if self.details is None:
            return
        command = editor_command()
        if command is None:
            self.notify("Set $EDITOR (or $VISUAL) to edit in your own editor; e edits here.",
                        title="No editor", severity="warning")
            return
        from mirror.services.journal import Journal  # an encrypted journal's editor file stays off its disk

        folder = Journal.editor_folder(host(self.app).require_gateway().paths.home)
        try:
            with self.app.suspend():
                edited = edit_in_editor(command, folder, self.details.reflection.content)
        except Exception:  # noqa: BLE001 - a terminal that cannot step aside (tests, web)
            edited = edit_in_editor(command, folder, self.details.reflection.content)
        self._apply_external(edited)

    def _apply_external(self, edited: Edited) -> None:
        if edited.problem:
            self.notify(edited.problem, title="Not changed", severity="warning", timeout=8)
        elif edited.text is None:
            self.notify("The text is unchanged.", title="Editor")
        else:
            self.save_edit(host(self.app).require_gateway(), {"text": edited.text})

    def action_redate(self) -> None:
        if self.details is None:
            return
        r = self.details.reflection

        def answered(when: str | None) -> None:
            if when and when != local_time(r.created_at, r.created_tz):
                self.save_date(host(self.app).require_gateway(), when)

        gateway = host(self.app).require_gateway()

        def check(when: str) -> str | None:
            """Why the date cannot be read (the CLI's words), or None (runs in a worker)."""
            try:
                gateway.call(lambda j: j.parse_date(when))
            except InvalidInput as exc:
                return str(exc)
            return None

        self.app.push_screen(PromptScreen("Move this reflection to another date",
                                          placeholder="2026-03-01 21:00, yesterday, last friday",
                                          value=local_time(r.created_at, r.created_tz), ok="Move",
                                          check=check),
                             answered)

    @work(thread=True, group="journal", exit_on_error=False)
    def save_date(self, gateway: JournalGateway, when: str) -> None:
        got = guarded(self, gateway, "changing the date", lambda j: j.redate(self.reflection_id, when))
        if got is not FAILED:
            self.post_message(m.ReflectionEdited(got, "Moved to " + local_time(got.created_at, got.created_tz)
                                                 + "."))

    def action_thread(self) -> None:
        if self.details is None:
            return
        self.pick_thread(host(self.app).require_gateway())

    @work(thread=True, group="journal", exit_on_error=False)
    def pick_thread(self, gateway: JournalGateway) -> None:
        got = guarded(self, gateway, "loading threads", lambda j: [t.title for t in j.threads()])
        if got is not FAILED:
            self.app.call_from_thread(self._ask_thread, got)

    def _ask_thread(self, titles: list[str]) -> None:
        already = self.details.reflection.threads if self.details else ()

        def answered(title: str | None) -> None:
            if title and title not in already:
                self.add_to_thread(host(self.app).require_gateway(), title, title in titles)

        self.app.push_screen(ThreadPickScreen(titles, already), answered)

    @work(thread=True, group="journal", exit_on_error=False)
    def add_to_thread(self, gateway: JournalGateway, title: str, exists: bool) -> None:
        def add(j: Journal) -> Reflection:
            if not exists:
                j.create_thread(title)
            j.add_to_thread(title, self.reflection_id)
            return j.get(self.reflection_id)

        got = guarded(self, gateway, "adding it to the thread", add)
        if got is not FAILED:
            self.post_message(m.ReflectionEdited(got, f"Added to the thread “{title}”."
                                                 + ("" if exists else " (a new thread)")))

    def action_star(self) -> None:
        if self.details is not None:
            self.save_edit(host(self.app).require_gateway(), {"starred": not self.details.reflection.starred})

    def action_delete(self) -> None:
        if self.details is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(host(self.app).require_gateway())

        title = clipped(self.details.reflection.title, 60)
        self.app.push_screen(ConfirmScreen(f"Delete “{title}”?", DELETE_WARNING, yes="Delete"), answered)

    @work(thread=True, group="journal", exit_on_error=False)
    def delete(self, gateway: JournalGateway) -> None:
        got = guarded(self, gateway, "deleting the reflection", lambda j: j.delete(self.reflection_id))
        if got is not FAILED:
            reflection_id, _purged = got
            self.post_message(m.ReflectionDeleted(reflection_id))

    def on_reflection_deleted(self, event: m.ReflectionDeleted) -> None:
        host(self.app).journal_changed()
        self.app.notify("Deleted from this journal. Earlier exported bundles still hold a copy.",
                        title="Deleted")
        self.app.pop_screen()

    def action_regenerate(self) -> None:
        self.query_one("#reader-regenerating", Static).update(Text("The mirror is reading it again…", style="dim"))
        self.regenerate(host(self.app).require_gateway())

    @work(thread=True, group="journal", exit_on_error=False)
    def regenerate(self, gateway: JournalGateway) -> None:
        def progress(*args: Any, **kwargs: Any) -> None:
            numbers = [a for a in args if isinstance(a, int)]
            self.post_message(m.MirrorProgress(kwargs.get("tokens", numbers[0] if numbers else 0)))

        def call(j: Journal) -> ReflectResult:
            return j.regenerate(self.reflection_id, on_progress=progress)

        got = guarded(self, gateway, "writing a new mirrorback", call, long=True)
        self.post_message(m.MirrorbackReady(None if got is FAILED else got))

    def on_mirror_progress(self, event: m.MirrorProgress) -> None:
        self.query_one("#reader-regenerating", Static).update(
            Text(f"The model is writing… {event.tokens:,} tokens so far", style="dim"))

    def on_mirrorback_ready(self, event: m.MirrorbackReady) -> None:
        self.query_one("#reader-regenerating", Static).update("")
        if event.result is not None:
            for notice in event.result.notices:
                self.notify(notice, severity="warning")
            app = host(self.app)
            app.journal_changed()
            self.load(app.require_gateway())

    # -- feedback ---------------------------------------------------------------------------------
    def on_mirrorback_panel_rated(self, event: MirrorbackPanel.Rated) -> None:
        self.feedback(host(self.app).require_gateway(), event.mirrorback_id, event.rating, [], None, event.control)

    def on_mirrorback_panel_flag_requested(self, event: MirrorbackPanel.FlagRequested) -> None:
        panel = event.control

        def done(answer: dict[str, Any] | None) -> None:
            if answer:
                self.feedback(host(self.app).require_gateway(), event.mirrorback_id, None,
                              answer["flags"], answer["note"], panel, answer["labels"])

        labels = [p.label for p in self.details.patterns] if self.details is not None else []
        self.app.push_screen(FlagScreen(labels, classes="dialog-screen"), done)

    @work(thread=True, group="journal", exit_on_error=False)
    def feedback(self, gateway: JournalGateway, mirrorback_id: str, rating: int | None,
                 flags: list[str], note: str | None, panel: MirrorbackPanel,
                 labels: list[str] | None = None) -> None:
        got = guarded(self, gateway, "saving your feedback",
                      lambda j: j.feedback(mirrorback_id, rating, flags, note, labels or ()))
        if got is not FAILED:
            self.app.call_from_thread(panel.thanks, f"Thank you: rated {rating} of 5." if rating
                                      else "Thank you: flagged.")


class EditScreen(ModalScreen[dict[str, Any] | None]):
    """Edit text, tags, star and private. Dismisses with the changes for `Journal.edit`."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="edit.save"),
        Binding("escape", "cancel", "Cancel", id="edit.cancel"),
    ]

    def __init__(self, reflection: Reflection) -> None:
        super().__init__(classes="dialog-screen")
        self.reflection = reflection

    def compose(self) -> ComposeResult:
        r = self.reflection
        with Vertical(classes="dialog edit-dialog"):
            yield Label("Edit reflection (the current text is kept as an earlier version)",
                        classes="dialog-title")
            yield TextArea(r.content, id="edit-text", soft_wrap=True)
            with Horizontal(classes="edit-fields"):
                yield Input(", ".join(r.tags), placeholder="tags", id="edit-tags")
                yield Checkbox("★ star", r.starred, id="edit-star")
                yield Checkbox("private", r.private, id="edit-private")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#edit-text", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        """Leave without saving; changed fields are discarded only after a yes. (The Write
        screen's draft file holds one new reflection, offered back into the editor: an edit
        kept there would come back as a second reflection, so here the dialog asks.)"""
        if not self.changes():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)
            else:
                self.query_one("#edit-text", TextArea).focus()

        self.app.push_screen(ConfirmScreen(
            "Discard your changes?", "What you changed in this dialog is not saved yet.",
            yes="Discard", no="Keep editing"), answered)

    def changes(self) -> dict[str, Any]:
        """What differs from the stored reflection, as `Journal.edit` arguments."""
        r = self.reflection
        text = self.query_one("#edit-text", TextArea).text
        tags = parse_tags(self.query_one("#edit-tags", Input).value)
        changes: dict[str, Any] = {}
        if text != r.content:
            changes["text"] = text
        starred = self.query_one("#edit-star", Checkbox).value
        private = self.query_one("#edit-private", Checkbox).value
        if starred != r.starred:
            changes["starred"] = starred
        if private != r.private:
            changes["private"] = private
        add = [t for t in tags if t not in r.tags]
        remove = [t for t in r.tags if t not in tags]
        if add:
            changes["add_tags"] = add
        if remove:
            changes["remove_tags"] = remove
        return changes

    def action_save(self) -> None:
        if not self.query_one("#edit-text", TextArea).text.strip():
            self.notify("A reflection cannot be empty. To remove it, delete it instead.",
                        severity="warning")
            return
        self.dismiss(self.changes() or None)
