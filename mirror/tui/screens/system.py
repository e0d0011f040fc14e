"""Screens outside the journal itself: opening, a journal that cannot be opened, a window
that is too small, and help."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, LoadingIndicator, Static

MIN_WIDTH, MIN_HEIGHT = 60, 15


class BootScreen(Screen):
    """Shown for the moment it takes to open the journal (in a worker)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="boot"):
            yield Static("Mirror", id="boot-title")
            yield Static("Opening your journal…", id="boot-status")
            yield LoadingIndicator()


class ErrorScreen(Screen):
    """The journal could not be opened. Explain, calmly, and offer to quit."""

    BINDINGS = [Binding("q,escape", "app.quit", "Quit", id="error.quit")]

    def __init__(self, problem: str, home: str) -> None:
        super().__init__()
        self.problem, self.home = problem, home

    def compose(self) -> ComposeResult:
        with Center(id="error-box"):
            with Vertical(classes="dialog error-dialog"):
                yield Static("Mirror cannot open this journal", classes="dialog-title")
                yield Static(Text(self.problem), id="error-problem")
                yield Static(Text(
                    f"Journal folder: {self.home}\n\n"
                    "Nothing was changed. If another Mirror is running, close it and try again. "
                    "If the database is damaged, `mirror doctor` explains what it finds, and a "
                    "bundle you exported earlier can be imported into a fresh folder "
                    "(`mirror --home NEW import BUNDLE`)."), classes="dialog-body")
                yield Static("Press q to quit.", classes="hint")
        yield Footer()


class TooSmallScreen(ModalScreen[None]):
    """A calm message instead of a broken layout when the terminal is tiny."""

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Make the window a little bigger\n(at least {MIN_WIDTH}×{MIN_HEIGHT})",
                          justify="center"), id="too-small")


HELP = """\
# Mirror

Mirror is a journal that answers. Write a reflection; Mirror keeps it on this machine and
replies with a short *mirrorback* that reflects what you wrote and never tells you what to do.

## Moving around

The keys are listed below. Press **ctrl+p** for the command palette: every action, searchable.
Mouse works everywhere: click a row to select it, click again to open it.

## Writing

Type freely; **ctrl+s** saves. Tags (comma separated), a thread, a star and *private*
(never sent to a remote model) are set below the editor. Your draft is kept on disk as you
type and offered back if Mirror closes before you save.

## Keys are yours

Every binding has an id. Put a `keymap.toml` in your journal folder:

```toml
[keymap]
"mirror.save" = "ctrl+s,f10"
"mirror.search" = "f4,ctrl+f"
```
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1", "dismiss", "Close", id="help.close")]

    def __init__(self, keys: list[tuple[str, str, str, str]]) -> None:
        """`keys`: (where, keys, what it does, binding id), as `MirrorApp.help_rows` gives them."""
        super().__init__(classes="dialog-screen")
        self.keys = keys

    def compose(self) -> ComposeResult:
        from rich.markdown import Markdown as RichMarkdown
        from rich.table import Table

        table = Table(box=None, padding=(0, 2), show_edge=False, header_style="bold")
        for column in ("where", "key", "does", "binding id"):
            table.add_column(column)
        before = ""
        for where, key, description, binding_id in self.keys:
            table.add_row(where if where != before else "", key, description, binding_id, style=None)
            before = where
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static(RichMarkdown(HELP), id="help-text")
            yield Static(table, id="help-keys")
        yield Footer()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
