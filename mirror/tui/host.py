"""What screens and widgets use of the running app, as a type.

The app (`mirror.tui.app.MirrorApp`) imports every screen, so a screen cannot import the app
back, not even for an annotation: the import contracts allow no cycle. Screens name this
protocol instead; `MirrorApp` is checked against it by mypy (see the end of `mirror.tui.app`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from datetime import datetime

    from textual.app import App

    from mirror.services.journal import Filters
    from mirror.tui.drafts import DraftStore
    from mirror.tui.gateway import JournalGateway


class MirrorHost(Protocol):
    gateway: JournalGateway | None        # None only until the journal is open
    drafts: DraftStore | None             # likewise
    data_version: int                     # bumped by every write: screens reload when it moved
    pending_draft: dict[str, Any] | None  # a draft the editor should take over
    search_debounce: float
    draft_debounce: float

    def require_gateway(self) -> JournalGateway: ...

    def require_drafts(self) -> DraftStore: ...

    def clock_now(self) -> datetime: ...

    def journal_changed(self) -> None: ...

    def open_reflection(self, reflection_id: str) -> None: ...

    def open_timeline(self, filters: Filters) -> None: ...

    def take_timeline_request(self) -> Filters | None: ...

    def key_table(self) -> list[tuple[str, str, str]]: ...

    async def run_in_mode(self, mode: str | None, action: str | None) -> None: ...


def host(app: App[Any]) -> MirrorHost:
    """`app` (a widget's `self.app`, typed by Textual as a plain `App`) as the Mirror app it is."""
    return cast("MirrorHost", app)
