"""Read one reflection with its mirrorbacks, patterns, tensions and earlier versions;
edit it, star it, delete it, or ask for a fresh mirrorback."""

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

from mirror.models import Reflection, Revision
from mirror.tui import messages as m
from mirror.tui.format import PRIVATE, STAR, local_time, parse_tags, plural, word_count
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.screens.dialogs import ConfirmScreen, FlagScreen
from mirror.tui.widgets.mirrorback import MirrorbackPanel
from mirror.tui.work import FAILED, guarded

if TYPE_CHECKING:
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
        Binding("s", "star", "Star", id="reader.star"),
        Binding("g", "regenerate", "New mirrorback", id="reader.regenerate"),
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
        self.query_one("#reader-text", Static).update(Text(r.content))
        meta: list[str] = []
        if r.tags:
            meta.append("tags: " + " ".join(f"#{t}" for t in r.tags))
        if r.threads:
            meta.append("threads: " + ", ".join(r.threads))
        if r.updated_at != r.created_at:
            meta.append(f"edited {local_time(r.updated_at, r.created_tz)}")
        self.query_one("#reader-meta", Static).update(Text(" · ".join(meta), style="dim"))

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
            panel.show(mb, care=care, heading=f"{'A caring note' if care else 'Mirror · ' + mb.engine}"
                                              f" · {local_time(mb.created_at, r.created_tz)}"
                       if mb.created_at else "")
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
                                          rev.content), classes="revision")
                     for rev in reversed(event.revisions)]
            await revisions.mount(Collapsible(*items, title=f"{plural(len(event.revisions), 'earlier version')}",
                                              collapsed=True))

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
        self.notify("Saved. The earlier version is kept.", title="Edited")
        self.load(app.require_gateway())

    def action_star(self) -> None:
        if self.details is not None:
            self.save_edit(host(self.app).require_gateway(), {"starred": not self.details.reflection.starred})

    def action_delete(self) -> None:
        if self.details is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(host(self.app).require_gateway())

        title = self.details.reflection.title[:60]
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
                              answer["flags"], answer["note"], panel)

        self.app.push_screen(FlagScreen(classes="dialog-screen"), done)

    @work(thread=True, group="journal", exit_on_error=False)
    def feedback(self, gateway: JournalGateway, mirrorback_id: str, rating: int | None,
                 flags: list[str], note: str | None, panel: MirrorbackPanel) -> None:
        got = guarded(self, gateway, "saving your feedback",
                      lambda j: j.feedback(mirrorback_id, rating, flags, note))
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
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        r = self.reflection
        text = self.query_one("#edit-text", TextArea).text
        if not text.strip():
            self.notify("A reflection cannot be empty. To remove it, delete it instead.",
                        severity="warning")
            return
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
        self.dismiss(changes or None)
