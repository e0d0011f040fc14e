"""Threads: named conversations with yourself over time. Create, rename, archive; read a
thread oldest first, each reflection a turn, with the time that passed between them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, ListItem, ListView, Static

from mirror.models import Reflection, Thread
from mirror.tui import messages as m
from mirror.tui.format import STAR, local_time, plural
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.screens.dialogs import PromptScreen
from mirror.tui.widgets.screen_keys import ScreenKeys
from mirror.tui.work import FAILED, guarded

if TYPE_CHECKING:
    from mirror.services.journal import Journal


def gap(earlier: str, later: str) -> str:
    a = datetime.fromisoformat(earlier.replace("Z", "+00:00"))
    b = datetime.fromisoformat(later.replace("Z", "+00:00"))
    days = (b - a).days
    if days <= 0:
        hours = int((b - a).total_seconds() // 3600)
        return "the same hour" if hours < 1 else f"{plural(hours, 'hour')} later"
    if days < 14:
        return f"{plural(days, 'day')} later"
    if days < 60:
        return f"{plural(days // 7, 'week')} later"
    if days < 730:
        return f"{plural(days // 30, 'month')} later"
    return f"{plural(days // 365, 'year')} later"


class Turn(Static):
    """One reflection in a thread, drawn as a turn of a conversation."""

    def __init__(self, reflection: Reflection) -> None:
        r = reflection
        head = Text.assemble((local_time(r.created_at, r.created_tz), "bold"),
                             ("  " + STAR if r.starred else "", "yellow"),
                             ("  " + " ".join(f"#{t}" for t in r.tags) if r.tags else "", "cyan"))
        super().__init__(Text.assemble(head, "\n", r.content), classes="turn")
        self.reflection_id = r.id

    def on_click(self) -> None:
        host(self.app).open_reflection(self.reflection_id)


class ThreadsScreen(Screen):
    BINDINGS = [
        Binding("n", "new", "New thread", id="threads.new"),
        Binding("r", "rename", "Rename", id="threads.rename"),
        Binding("a", "archive", "Archive", id="threads.archive"),
        Binding("h", "toggle_archived", "Show archived", id="threads.archived"),
    ]

    def __init__(self) -> None:
        super().__init__(id="threads")
        self.threads: list[Thread] = []
        self.show_archived = False
        self._version = -1

    def compose(self) -> ComposeResult:
        with Horizontal(id="threads-body"):
            with Vertical(id="threads-side"):
                yield Label("Threads", classes="screen-title")
                yield ListView(id="thread-list")
                yield Static(Text("n new · r rename · a archive · h archived", style="dim"), id="threads-hint")
            with VerticalScroll(id="conversation"):
                yield Static("", id="conversation-head")
                yield Vertical(id="turns")
        yield ScreenKeys()
        yield Footer()

    def on_screen_resume(self) -> None:
        if self._version != host(self.app).data_version:
            self.refresh_threads()

    def refresh_threads(self, select: str | None = None) -> None:
        app = host(self.app)
        self._version = app.data_version
        self.load(app.require_gateway(), self.show_archived, select)

    @work(thread=True, group="journal", exit_on_error=False)
    def load(self, gateway: JournalGateway, include_archived: bool, select: str | None) -> None:
        got = guarded(self, gateway, "loading threads", lambda j: j.threads(include_archived))
        if got is not FAILED:
            self.post_message(m.ThreadsLoaded(got, select))

    async def on_threads_loaded(self, event: m.ThreadsLoaded) -> None:
        current = self.current
        keep = event.select or (current.title if current else None)
        self.threads = event.threads
        view = self.query_one("#thread-list", ListView)
        await view.clear()
        items: list[ListItem] = []
        for t in event.threads:
            label = Text.assemble((t.title, "bold"), "\n", (
                plural(t.reflections, "reflection") + (" · archived" if t.archived_at else ""), "dim"))
            items.append(ListItem(Static(label), classes="archived" if t.archived_at else ""))
        await view.extend(items)
        if not event.threads:
            self.query_one("#conversation-head", Static).update(Text(
                "No threads yet. A thread gathers reflections about one thing over time — "
                "press n to start one, then choose it when you write.", style="dim"))
            await self.query_one("#turns", Vertical).remove_children()
            return
        titles = [t.title for t in event.threads]
        view.index = titles.index(keep) if keep in titles else 0
        view.focus()
        self._open(view.index)

    @property
    def current(self) -> Thread | None:
        view = self.query_one("#thread-list", ListView)
        if view.index is None or not 0 <= view.index < len(self.threads):
            return None
        return self.threads[view.index]

    @on(ListView.Highlighted, "#thread-list")
    def _highlighted(self, event: ListView.Highlighted) -> None:
        self._open(event.list_view.index)

    def _open(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.threads):
            self.read(host(self.app).require_gateway(), self.threads[index].id)

    @work(thread=True, group="journal", exit_on_error=False, exclusive=True)
    def read(self, gateway: JournalGateway, thread_id: str) -> None:
        got = guarded(self, gateway, "reading the thread", lambda j: j.thread_reflections(thread_id))
        if got is not FAILED:
            self.post_message(m.ThreadConversation(*got))

    async def on_thread_conversation(self, event: m.ThreadConversation) -> None:
        current = self.current
        if current is None or current.id != event.thread.id:
            return
        t = event.thread
        since = f" · since {local_time(event.reflections[0].created_at, event.reflections[0].created_tz)[:10]}" \
            if event.reflections else ""
        self.query_one("#conversation-head", Static).update(Text.assemble(
            (t.title, "bold"), (f"  {plural(len(event.reflections), 'reflection')}{since}", "dim"),
            (" · archived" if t.archived_at else "", "dim italic")))
        turns = self.query_one("#turns", Vertical)
        await turns.remove_children()
        widgets: list[Static] = []
        previous: Reflection | None = None
        for r in event.reflections:
            if previous is not None:
                widgets.append(Static(Text(f"— {gap(previous.created_at, r.created_at)} —", style="dim"),
                                      classes="turn-gap"))
            widgets.append(Turn(r))
            previous = r
        if not widgets:
            widgets.append(Static(Text("Nothing in this thread yet. Choose it in the editor (F2) "
                                       "when you write.", style="dim")))
        await turns.mount_all(widgets)

    # -- actions ---------------------------------------------------------------------------------
    def action_new(self) -> None:
        def named(title: str | None) -> None:
            if title:
                self.change(host(self.app).require_gateway(), "creating the thread",
                            lambda j: j.create_thread(title), title)

        self.app.push_screen(PromptScreen("New thread", "a name, e.g. The move to Lisbon", ok="Create"), named)

    def action_rename(self) -> None:
        thread = self.current
        if thread is None:
            return

        def named(title: str | None) -> None:
            if title and title != thread.title:
                self.change(host(self.app).require_gateway(), "renaming the thread",
                            lambda j: j.rename_thread(thread.id, title), title)

        self.app.push_screen(PromptScreen("Rename thread", value=thread.title, ok="Rename"), named)

    def action_archive(self) -> None:
        thread = self.current
        if thread is None:
            return
        archive = thread.archived_at is None
        self.change(host(self.app).require_gateway(), "archiving the thread",
                    lambda j: j.archive_thread(thread.id, archive), thread.title)
        self.notify(f"“{thread.title}” {'archived' if archive else 'back from the archive'}."
                    + (" Press h to show archived threads." if archive and not self.show_archived else ""))

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.refresh_threads()

    @work(thread=True, group="journal", exit_on_error=False)
    def change(self, gateway: JournalGateway, what: str, fn: Callable[[Journal], Thread],
               select: str | None) -> None:
        got = guarded(self, gateway, what, fn)
        if got is not FAILED:
            self.app.call_from_thread(self._changed, select)

    def _changed(self, select: str | None) -> None:
        host(self.app).journal_changed()
        self.refresh_threads(select)
