"""The Mirror TUI: one app, fed a journal (or a way to open one) and a clock.

    run(home, clock=None) -> int        what `mirror` with no arguments calls
    MirrorApp(journal=...)              what tests use: an injected, already open Journal

The app holds no product rules and writes no SQL: screens call `Journal` methods through a
`JournalGateway` (see its docstring for why one lock plus a second connection for long
work) inside thread workers, which answer with typed messages (`mirror.tui.messages`).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from mirror.errors import MirrorError
from mirror.services.journal import Filters, Journal
from mirror.tui import messages as m
from mirror.tui.choices import restore_theme
from mirror.tui.commands import MirrorCommands
from mirror.tui.drafts import DraftStore
from mirror.tui.gateway import JournalGateway
from mirror.tui.keymap import load_keymap
from mirror.tui.screens.dialogs import DraftOfferScreen
from mirror.tui.screens.system import MIN_HEIGHT, MIN_WIDTH, BootScreen, ErrorScreen, HelpScreen, TooSmallScreen
from mirror.tui.screens.timeline import TimelineScreen
from mirror.tui.widgets.timeline_list import TimelineList

if TYPE_CHECKING:
    from mirror.clock import Clock
    from mirror.tui.host import MirrorHost

JOURNAL_MODES = ("write", "timeline", "search", "threads", "insights", "sovereignty", "onthisday",
                 "evolution")


def _lazy(module: str, name: str) -> Callable[[], Screen[Any]]:
    """A screen class imported only when its mode is first opened (faster first paint)."""
    def make() -> Screen[Any]:
        screen: Screen[Any] = getattr(importlib.import_module(f"mirror.tui.screens.{module}"), name)()
        return screen
    return make


class MirrorApp(App[int]):
    CSS_PATH = Path(__file__).with_name("mirror.tcss")
    TITLE = "Mirror"
    MODES = {
        "boot": BootScreen,
        "write": _lazy("write", "WriteScreen"),
        "timeline": TimelineScreen,
        "search": _lazy("search", "SearchScreen"),
        "threads": _lazy("threads", "ThreadsScreen"),
        "insights": _lazy("insights", "InsightsScreen"),
        "sovereignty": _lazy("sovereignty", "SovereigntyScreen"),
        "onthisday": _lazy("onthisday", "OnThisDayScreen"),
        "evolution": _lazy("evolution", "EvolutionScreen"),
    }
    DEFAULT_MODE = "boot"
    COMMANDS = App.COMMANDS | {MirrorCommands}
    # The global keys are priority bindings: they work from every screen, whatever has the
    # focus. Without it the editor kept F6 (select line) and F7 (select all), and the next
    # letter typed replaced the whole entry. `?` is not one: it is a character to type.
    # They are shown by `ScreenKeys` on a row of their own, not in the footer (which is cut
    # where the window ends, and hid F7–F9 behind each screen's own keys).
    BINDINGS = [
        Binding("f1", "help", "Help", show=False, id="mirror.help", priority=True),
        Binding("question_mark", "help", "Help", show=False, id="mirror.help_alt"),
        Binding("f2", "mode('write')", "Write", show=False, id="mirror.write", priority=True),
        Binding("f3", "mode('timeline')", "Timeline", show=False, id="mirror.timeline", priority=True),
        Binding("f4", "mode('search')", "Search", show=False, id="mirror.search", priority=True),
        Binding("f5", "mode('threads')", "Threads", show=False, id="mirror.threads", priority=True),
        Binding("f6", "mode('insights')", "Patterns", show=False, id="mirror.insights", priority=True),
        Binding("f7", "mode('sovereignty')", "Sovereignty", show=False, id="mirror.sovereignty", priority=True),
        Binding("f8", "mode('onthisday')", "On this day", show=False, id="mirror.onthisday", priority=True),
        Binding("f9", "mode('evolution')", "Evolution", show=False, id="mirror.evolution", priority=True),
        Binding("ctrl+q", "quit", "Quit", show=False, id="mirror.quit", priority=True),
    ]

    def __init__(self, journal: Journal | None = None, *,
                 journal_factory: Callable[[], Journal] | None = None,
                 home: str | Path | None = None, clock: Clock | None = None,
                 search_debounce: float = 0.12, draft_debounce: float = 0.6,
                 offer_drafts: bool = True) -> None:
        super().__init__()
        if journal_factory is None:  # (used only when no journal was injected)
            journal_factory = lambda: Journal.open(home, clock=clock)  # noqa: E731
        self._injected = journal
        self._factory: Callable[[], Journal] = journal_factory
        self._owns_journal = journal is None
        self._home = Path(home) if home else None
        self.clock = clock
        self.search_debounce = search_debounce
        self.draft_debounce = draft_debounce
        self.offer_drafts = offer_drafts
        self.gateway: JournalGateway | None = None
        self.drafts: DraftStore | None = None
        self.data_version = 0
        self.pending_draft: dict[str, Any] | None = None
        self._timeline_request: Filters | None = None
        self.exit_code = 0

    # -- opening the journal -------------------------------------------------------------------
    def on_mount(self) -> None:
        if self._injected is not None:
            self._journal_ready(self._injected, self._read_draft(self._injected))
        else:
            self.open_journal()
        self._check_size(self.size.width, self.size.height)

    @staticmethod
    def _read_draft(journal: Journal) -> dict[str, Any] | None:
        return DraftStore(journal.paths.drafts, journal.draft_seal()).take()

    @work(thread=True, group="boot", exit_on_error=False)
    def open_journal(self) -> None:
        """Open in a worker: a locked database waits on SQLite's busy timeout, and the first
        paint must not wait with it."""
        try:
            journal = self._factory()
        except MirrorError as exc:
            self.post_message(m.JournalUnavailable(str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - a traceback is never the answer
            self.post_message(m.JournalUnavailable(f"An unexpected problem: {type(exc).__name__}: {exc}"))
            return
        self.post_message(m.JournalOpened(journal, self._read_draft(journal)))

    def on_journal_opened(self, event: m.JournalOpened) -> None:
        self._journal_ready(event.journal, event.draft)

    def on_journal_unavailable(self, event: m.JournalUnavailable) -> None:
        self.exit_code = 7
        home = str(self._home) if self._home else "(the default journal folder)"
        self.push_screen(ErrorScreen(event.text, home))

    def _journal_ready(self, journal: Journal, draft: dict[str, Any] | None) -> None:
        self.gateway = JournalGateway(journal)
        self.drafts = DraftStore(journal.paths.drafts, journal.draft_seal())
        keymap, problem = load_keymap(journal.paths.home)
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, title="Keymap", severity="warning")
        restore_theme(self, journal)  # the theme chosen last time, saved again when changed
        self.switch_mode("timeline")
        if draft and self.offer_drafts:
            self.push_screen(DraftOfferScreen(draft), self._draft_answer(draft))
        self.refresh_bindings()

    def _draft_answer(self, draft: dict[str, Any]) -> Callable[[bool | None], None]:
        """Restore: into the editor. Discard: the kept file goes. Anything else (escape, or
        no answer at all) keeps it, to be offered again."""
        def answer(restore: bool | None) -> None:
            if restore:
                self.pending_draft = draft
                self.switch_mode("write")
            elif restore is False:
                self.require_drafts().forget(draft)
            else:
                self.notify("Your draft is kept. It is offered again next time, or now with "
                            "ctrl+p → Restore kept draft.", title="Draft kept")
        return answer

    def action_restore_draft(self) -> None:
        """Offer the newest kept draft again (the command palette's Restore kept draft)."""
        draft = self.require_drafts().newest_kept()
        if draft is None:
            self.notify("There is no kept draft.", title="Drafts")
            return
        self.push_screen(DraftOfferScreen(draft), self._draft_answer(draft))

    # -- shared services for screens (`mirror.tui.host.MirrorHost` lists them) ----------------
    def require_gateway(self) -> JournalGateway:
        """The door to the journal. Screens that use it are shown only once it is open."""
        if self.gateway is None:
            raise RuntimeError("the journal is not open yet")
        return self.gateway

    def require_drafts(self) -> DraftStore:
        """Where the editor's draft is kept (known once the journal is open)."""
        if self.drafts is None:
            raise RuntimeError("the journal is not open yet")
        return self.drafts

    def clock_now(self) -> datetime:
        """Wall-clock time for drafts (not journal data, so it never consumes the journal's
        clock: a FixedClock's sequence stays the same however often a draft is written)."""
        return datetime.now(UTC)

    def journal_changed(self) -> None:
        """Something was written: screens reload what they show when next resumed."""
        self.data_version += 1

    def open_reflection(self, reflection_id: str) -> None:
        from mirror.tui.screens.reader import ReaderScreen  # screens load when first opened: faster first paint

        self.push_screen(ReaderScreen(reflection_id))

    def open_timeline(self, filters: Filters) -> None:
        self._timeline_request = filters
        if self.current_mode == "timeline":
            self.screen.post_message(events.ScreenResume())
        else:
            self.switch_mode("timeline")

    def take_timeline_request(self) -> Filters | None:
        request, self._timeline_request = self._timeline_request, None
        return request

    # -- actions -------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mode" and self.gateway is None:
            return False
        return True

    async def action_mode(self, mode: str) -> None:
        if self.gateway is None or mode not in JOURNAL_MODES:
            return
        if isinstance(self.screen, (TooSmallScreen,)):
            return
        await self.switch_mode(mode)

    async def run_in_mode(self, mode: str | None, action: str | None) -> None:
        """For the command palette: go to a mode, then run one of its screen's actions."""
        if mode is not None:
            await self.action_mode(mode)
        if action:
            if action.startswith("app."):
                await self.run_action(action[4:])
            else:
                await self.run_action(action, self.screen)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(self.help_rows()))

    def key_table(self) -> list[tuple[str, str, str]]:
        """(keys, description, binding id) for every binding that has an id, keymap applied."""
        return [(keys, description, binding_id) for _, keys, description, binding_id in self.help_rows()]

    def help_rows(self) -> list[tuple[str, str, str, str]]:
        """(where, keys, description, binding id): `key_table` with the place each key works,
        named as that screen's title is (four screens have their own `r`)."""
        # Every screen, which the first paint does without (see `_lazy`): only help needs them all.
        from mirror.tui.screens.evolution import EvolutionScreen
        from mirror.tui.screens.insights import InsightsScreen
        from mirror.tui.screens.onthisday import OnThisDayScreen
        from mirror.tui.screens.reader import EditScreen, ReaderScreen
        from mirror.tui.screens.search import SearchScreen
        from mirror.tui.screens.sovereignty import SovereigntyScreen
        from mirror.tui.screens.threads import ThreadsScreen
        from mirror.tui.screens.write import WriteScreen
        from mirror.tui.widgets.mirrorback import MirrorbackPanel

        rows: list[tuple[str, str, str, str]] = []
        seen: set[str] = set()
        owners: list[tuple[str, type[Any]]] = [
            ("Everywhere", type(self)), ("Write", WriteScreen), ("Timeline", TimelineScreen),
            ("Timeline", TimelineList), ("Reader", ReaderScreen), ("Edit dialog", EditScreen),
            ("Search", SearchScreen), ("Threads", ThreadsScreen), ("Patterns", InsightsScreen),
            ("Sovereignty", SovereigntyScreen), ("On this day", OnThisDayScreen),
            ("Evolution", EvolutionScreen), ("A mirrorback", MirrorbackPanel)]
        for where, owner in owners:
            for binding in owner.BINDINGS:
                if not isinstance(binding, Binding) or not binding.id or binding.id in seen:
                    continue
                seen.add(binding.id)
                keys = self._keymap.get(binding.id, binding.key)
                description = binding.description or binding.action.replace("_", " ").capitalize()
                rows.append((where, self.keys_shown(keys), description, binding.id))
        return rows

    def keys_shown(self, keys: str) -> str:
        """Keys as a person reads them ("?", "/", "esc"), not Textual's names ("question_mark",
        "slash", "escape"); a chord stays spelled out ("ctrl+s", as the README writes it);
        several keys joined by " / "."""
        names = [key.strip() for key in keys.split(",") if key.strip()]
        return " / ".join(key if "+" in key else self.get_key_display(Binding(key, "")) for key in names)

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Screenshots (the palette's "Screenshot") go into the journal's folder, or the
        current one before a journal is open: Textual's default, ~/Downloads, does not exist
        on many machines, and the screenshot then failed."""
        folder = path or (str(self.gateway.paths.home) if self.gateway is not None else os.getcwd())
        try:
            saved = self.save_screenshot(filename, folder, time_format)
        except OSError as exc:
            self.notify(f"The screenshot could not be saved in {folder}: {exc.strerror or exc}",
                        title="Screenshot", severity="error")
            return None
        self.notify(f"Saved {saved}", title="Screenshot")
        return saved

    async def action_quit(self) -> None:
        self.flush_draft()
        self.exit(self.exit_code, return_code=self.exit_code)

    def flush_draft(self) -> None:
        """Write the editor's draft synchronously (quitting must not lose the last keys)."""
        for screen in self._screen_stacks.get("write", []):
            if hasattr(screen, "flush_draft") and self.drafts is not None:
                try:
                    screen.flush_draft(wait=True)
                except OSError:
                    pass

    # -- tiny terminals --------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()

    # -- failures -----------------------------------------------------------------------------------
    def on_service_failed(self, event: m.ServiceFailed) -> None:
        self.notify(event.text, title=event.what[:1].upper() + event.what[1:], severity="error", timeout=8)

    def on_unmount(self) -> None:
        if self.gateway is not None:
            self.gateway.close(close_main=self._owns_journal)


def run(home: str | Path | None, clock: Clock | None = None) -> int:
    """Open the journal in `home` and run the TUI until the person quits. Returns an exit
    code: 0, or 7 when the journal could not be opened (shown inside the app first)."""
    app = MirrorApp(home=home, clock=clock)
    result = app.run()
    if isinstance(result, int):
        return result
    return app.exit_code if app.return_code in (None, 0) else int(app.return_code or 1)


if TYPE_CHECKING:
    # Screens see the app through this protocol (they cannot import this module): keep the two in step.
    _host_check: type[MirrorHost] = MirrorApp
