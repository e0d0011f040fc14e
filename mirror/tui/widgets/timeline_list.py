"""A virtual list for very long timelines (Textual's line API).

Only the visible lines are drawn, from already formatted `TimelineRow`s, so a timeline of
100,000 reflections scrolls as smoothly as one of ten. The list never loads anything: when
the view nears the last loaded row it posts `NeedMore`, and the screen fetches the next
page in a worker and calls `extend`.
"""

from __future__ import annotations

import gc

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from mirror.tui.format import PATTERN, PRIVATE, STAR
from mirror.tui.messages import PATTERN_SEPARATOR, TimelineRow

PREFETCH = 60   # rows from the end at which the next page is asked for


class TimelineList(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    TimelineList { height: 1fr; background: $surface; }
    TimelineList > .timeline--cursor { background: $accent 40%; text-style: bold; }
    TimelineList:focus > .timeline--cursor { background: $accent; color: $text; }
    TimelineList > .timeline--date { color: $text-muted; }
    TimelineList > .timeline--tags { color: $secondary; }
    TimelineList > .timeline--star { color: $warning; }
    TimelineList > .timeline--pattern { color: $success; text-style: italic; }
    """
    COMPONENT_CLASSES = {"timeline--cursor", "timeline--date", "timeline--tags",
                         "timeline--star", "timeline--pattern"}
    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="timeline.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="timeline.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="timeline.pageup"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="timeline.pagedown"),
        Binding("home,g", "first", "First", show=False, id="timeline.first"),
        Binding("end,G", "last", "Last", show=False, id="timeline.last"),
        Binding("enter", "open", "Open", id="timeline.open"),
    ]

    cursor = reactive(0, always_update=True, init=False)

    class Selected(Message):
        def __init__(self, row: TimelineRow) -> None:
            super().__init__()
            self.row = row

    class NeedMore(Message):
        """The view is near the end of what is loaded and more exists."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        # Exact tuples of strings and bools: after one pass the cyclic GC stops tracking
        # them, so 100k loaded rows never make a collection pause the UI.
        self.rows: list[tuple] = []
        self.has_more = False
        self._asked = False
        self._style_key: tuple | None = None
        self._style_cache: dict[str, Style] = {}
        self._strips: LRUCache[tuple[int, int, bool], Strip] = LRUCache(1024)

    # -- data ---------------------------------------------------------------------------------
    def reset(self, rows: list[TimelineRow], has_more: bool) -> None:
        self._strips.clear()
        self.rows = [tuple(row) for row in rows]
        self.has_more = has_more
        self._asked = False
        self.cursor = 0
        self.scroll_to(0, 0, animate=False)
        self._resize()

    def extend(self, rows: list[TimelineRow], has_more: bool) -> None:
        self.rows.extend(tuple(row) for row in rows)
        # Loaded rows live as long as the timeline: keep them out of the cyclic garbage
        # collector's full passes, which otherwise rescan every row ever loaded and, past
        # ~50k rows, stall the event loop for 100+ ms at a time while scrolling.
        gc.collect(1)  # young garbage first, so freezing keeps only live rows
        gc.freeze()
        self.has_more = has_more
        self._asked = False
        self._resize()
        self._maybe_ask()

    def _resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))
        self.refresh()

    @property
    def current(self) -> TimelineRow | None:
        return self.row_at(self.cursor)

    def row_at(self, index: int) -> TimelineRow | None:
        return TimelineRow._make(self.rows[index]) if 0 <= index < len(self.rows) else None

    def _maybe_ask(self) -> None:
        if self.has_more and not self._asked:
            bottom = max(self.cursor, int(self.scroll_y) + self.size.height)
            if bottom >= len(self.rows) - PREFETCH:
                self._asked = True
                self.post_message(self.NeedMore())

    # -- movement -----------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True)
        self.refresh_line(old)
        self.refresh_line(new)
        self._maybe_ask()

    def refresh_line(self, index: int) -> None:
        y = index - int(self.scroll_y)
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._maybe_ask()

    def on_resize(self, event: events.Resize) -> None:
        self._resize()
        self._maybe_ask()

    def action_cursor(self, step: int) -> None:
        self.cursor += step

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: events.Click) -> None:
        index = event.y + int(self.scroll_y)
        if 0 <= index < len(self.rows):
            self.focus()
            if index == self.cursor or event.chain >= 2:
                self.cursor = index
                self.action_open()
            else:
                self.cursor = index

    # -- drawing ------------------------------------------------------------------------------
    def _styles(self) -> dict[str, Style]:
        """Component styles, looked up once per theme/focus change rather than per line."""
        key = (self.app.theme, self.has_focus, self.app._css_update_count)
        if self._style_key != key:
            self._style_key = key
            self._style_cache = {name: self.get_component_rich_style(name)
                                 for name in self.COMPONENT_CLASSES}
            self._style_cache["base"] = self.rich_style
            self._strips.clear()
        return self._style_cache

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_y)
        width = self.size.width
        styles = self._styles()
        base = styles["base"]
        if index >= len(self.rows):
            return Strip([Segment(" " * width, base)], width)
        cursor = index == self.cursor
        key = (index, width, cursor)
        strip = self._strips.get(key)
        if strip is None:
            text = self._line(TimelineRow._make(self.rows[index]), width, styles)
            if cursor:
                text.stylize(styles["timeline--cursor"])
            strip = Strip(list(text.render(self.app.console))).apply_style(base)
            strip = strip.adjust_cell_length(width, base).crop(0, width)
            self._strips.set(key, strip)
        return strip

    def _line(self, row: TimelineRow, width: int, styles: dict[str, Style]) -> Text:
        style = styles.__getitem__
        head = Text(no_wrap=True)
        head.append(" " + row.when + "  ", style("timeline--date"))
        head.append(STAR if row.starred else " ", style("timeline--star"))
        head.append(PRIVATE if row.private else " " * Text(PRIVATE).cell_len, style("timeline--date"))
        head.append(" ")
        title = Text(row.title, no_wrap=True, overflow="ellipsis")
        # Tags and patterns get a third of the line, or whatever a short title leaves.
        budget = max(width // 3, width - head.cell_len - title.cell_len - 2)
        tail = fit_items(row.tags.split(), row.patterns.split(PATTERN_SEPARATOR) if row.patterns else [],
                         max(0, budget), style("timeline--tags"), style("timeline--pattern"))
        room = max(0, width - head.cell_len - tail.cell_len - 2)
        title.truncate(room, overflow="ellipsis", pad=True)
        line = head + title + Text("  ") + tail
        line.no_wrap = True
        line.truncate(width, pad=True)
        return line

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:  # pragma: no cover
        return len(self.rows)


def fit_items(tags: list[str], patterns: list[str], room: int, tag_style: Style,
              pattern_style: Style) -> Text:
    """Tags, then pattern labels, each whole or not at all: what does not fit is counted
    ("+2"), never cut mid-word. Patterns follow one PATTERN marker."""
    items = [(t, tag_style, False) for t in tags] + [(p, pattern_style, True) for p in patterns]
    text = Text(no_wrap=True)
    marked = False
    for index, (item, item_style, is_pattern) in enumerate(items):
        piece = ("  " if text.cell_len else "") + (PATTERN + " " if is_pattern and not marked else "") + item
        after = len(items) - index - 1
        reserve = len(f" +{after}") if after else 0     # room for the count of what follows
        if text.cell_len + Text(piece).cell_len + reserve > room:
            marker = (" " if text.cell_len else "") + f"+{len(items) - index}"
            if text.cell_len + len(marker) <= room:
                text.append(marker, tag_style)
            break
        text.append(piece, item_style)
        marked = marked or is_pattern
    return text
