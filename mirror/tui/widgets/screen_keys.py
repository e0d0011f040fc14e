"""The keys to every screen (F1–F9) and quitting, always in view above the footer (the
last widget a screen composes before it: two docked rows would cover each other).

Textual's footer is one row that is cut where the window ends: with a screen's own keys
first, the screens further along (F7–F9) were never seen, even at 120 columns. This row
holds only the keys that work everywhere, the current screen's highlighted; where it does
not fit (80 columns), it wraps between keys onto a second row rather than hide any. The
footer below keeps the current screen's own keys."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget

GAP = "  "


class ScreenKeys(Widget):
    COMPONENT_CLASSES = {"screen-keys--key", "screen-keys--current"}
    DEFAULT_CSS = """
    ScreenKeys {
        height: auto;
        padding: 0 1;
        background: $footer-background;
        color: $footer-description-foreground;
        .screen-keys--key { color: $footer-key-foreground; text-style: bold; }
        .screen-keys--current { text-style: reverse; }
    }
    """

    def items(self) -> list[tuple[str, str, bool]]:
        """(key as shown, label, is the current screen) for each app-wide key, keymap applied."""
        app = self.app
        keymap: dict[str, str] = getattr(app, "_keymap", {}) or {}
        current = f"mode('{app.current_mode}')"
        found: list[tuple[str, str, bool]] = []
        for binding in type(app).BINDINGS:
            if not isinstance(binding, Binding) or not binding.id or not binding.description:
                continue
            if binding.id.endswith("_alt"):
                continue
            key = keymap.get(binding.id, binding.key).split(",")[0].strip()
            found.append((app.get_key_display(Binding(key, "")), binding.description,
                          binding.action == current))
        return found

    def lines(self, width: int) -> list[Text]:
        """One row if the keys fit (closer together if need be), else wrapped between keys."""
        for gap in (GAP, " "):
            lines = self._packed(width, gap)
            if len(lines) == 1:
                return lines
        return self._packed(width, GAP)

    def _packed(self, width: int, between: str) -> list[Text]:
        lines: list[Text] = []
        line = Text(no_wrap=True)
        key_style = self.get_component_rich_style("screen-keys--key", partial=True)
        current_style = self.get_component_rich_style("screen-keys--current", partial=True)
        for key, label, current in self.items():
            piece = Text.assemble((key, key_style), " ", (label, current_style if current else ""))
            gap = between if line.cell_len else ""
            if line.cell_len and line.cell_len + len(gap) + piece.cell_len > width:
                lines.append(line)
                line, gap = Text(no_wrap=True), ""
            line.append(gap)
            line.append_text(piece)
        if line.cell_len:
            lines.append(line)
        return lines

    def render(self) -> Text:
        return Text("\n").join(self.lines(max(1, self.content_region.width or self.app.size.width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.lines(max(1, width))))
