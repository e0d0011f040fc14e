"""Running a journal call from a worker thread and turning failures into messages."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TypeVar

from textual.message_pump import MessagePump

from mirror.errors import MirrorError
from mirror.tui.gateway import JournalGateway
from mirror.tui.messages import ServiceFailed

if TYPE_CHECKING:
    from mirror.services.journal import Journal

T = TypeVar("T")


class Failed(enum.Enum):
    """The type of `FAILED`: one member, so `got is FAILED` narrows `T | Failed` to `T`."""

    FAILED = "FAILED"

    def __repr__(self) -> str:
        return "FAILED"

    def __bool__(self) -> bool:
        return False


FAILED: Final = Failed.FAILED


def guarded(node: MessagePump, gateway: JournalGateway, what: str, fn: Callable[[Journal], T],
            *, long: bool = False) -> T | Failed:
    """``fn(journal)`` on the right lane; on failure post `ServiceFailed` and return FAILED.

    Expected failures (`MirrorError`) carry their own one-line message. Anything else is a
    bug: its traceback goes to MIRROR_HOME/mirror.log and the person sees one calm line."""
    try:
        return gateway.call_long(fn) if long else gateway.call(fn)
    except MirrorError as exc:
        node.post_message(ServiceFailed(what, str(exc), type(exc).__name__))
    except Exception as exc:  # noqa: BLE001 - never a traceback in the app
        path = gateway.log_unexpected(what, exc)
        node.post_message(ServiceFailed(
            what, f"Something unexpected went wrong while {what}. Details are in {path}.",
            "unexpected"))
    return FAILED
