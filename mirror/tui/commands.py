"""The command palette (ctrl+p): every action of the app, found by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from mirror.tui.host import host

# (title, help, mode to go to or None, action to run there or None)
COMMANDS: list[tuple[str, str, str | None, str | None]] = [
    ("Write", "Open the editor", "write", None),
    ("Save reflection", "Save what is in the editor (ctrl+s)", "write", "save"),
    ("Timeline", "All reflections, newest first", "timeline", None),
    ("Timeline: filters", "Show the filter bar and type in it (escape clears and hides it)", "timeline", "filters"),
    ("Timeline: starred only", "Show only starred reflections (toggle)", "timeline", "filter_starred"),
    ("Timeline: clear filters", "Show every reflection again", "timeline", "clear_filters"),
    ("Search", "Full-text search as you type", "search", None),
    ("Threads", "Conversations with yourself over time", "threads", None),
    ("New thread", "Start a thread", "threads", "new"),
    ("Rename thread", "Rename the selected thread", "threads", "rename"),
    ("Archive thread", "Archive (or restore) the selected thread", "threads", "archive"),
    ("Show archived threads", "Show or hide archived threads", "threads", "toggle_archived"),
    ("Tensions and patterns", "Tensions over time, patterns per period", "insights", None),
    ("Patterns per week or month", "Switch the pattern chart's period", "insights", "toggle_bucket"),
    ("Sovereignty", "Where your data lives, audit, egress, bundles", "sovereignty", None),
    ("Export bundle", "Write the whole journal to one zip (optionally encrypted)", "sovereignty", "bundle('export')"),
    ("Verify bundle", "Check a bundle without importing it", "sovereignty", "bundle('verify')"),
    ("Import bundle", "Bring a bundle into this journal", "sovereignty", "bundle('import')"),
    ("On this day", "What you wrote on this day in earlier years (F8)", "onthisday", None),
    ("Restore kept draft", "Offer a draft kept from an earlier session again", None, "app.restore_draft"),
    ("Help", "Keys and how Mirror works (F1)", None, "app.help"),
]

READER_COMMANDS = [
    ("Edit this reflection", "Change its text, tags, star or privacy", "edit"),
    ("Edit this reflection in $EDITOR", "Open the text in your own editor", "external_edit"),
    ("Change this reflection's date", "Move it to the day it was about", "redate"),
    ("Add this reflection to a thread", "Pick a thread or start one", "thread"),
    ("Delete this reflection", "Remove it from this journal", "delete"),
    ("New mirrorback", "Ask the mirror to read this reflection again", "regenerate"),
    ("Star or unstar this reflection", "Toggle the star", "star"),
]


class MirrorCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        from mirror.tui.screens.reader import ReaderScreen  # loaded when first opened: faster first paint

        if getattr(self.app, "gateway", None) is None:
            return
        app = host(self.app)
        for title, help_text, mode, action in COMMANDS:
            yield title, help_text, partial(app.run_in_mode, mode, action)
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            for title, help_text, action in READER_COMMANDS:
                yield title, help_text, partial(screen.run_action, action)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
