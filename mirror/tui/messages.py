"""Typed messages: how journal workers (threads) talk to the UI.

Workers never touch widgets. They call the journal through `JournalGateway`, then post one
of these to the screen that started them; the screen's handler runs on the event loop and
updates widgets. Every message carries plain data only (records, dicts, strings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from textual.message import Message

from mirror.models import Reflection, Revision, SearchHit, Thread
from mirror.models.bundles import BundleCheck, BundleExport, BundleImport
from mirror.models.insights import Feedback, PatternCount, Tension

if TYPE_CHECKING:
    from mirror.models.memory import OnThisDay
    from mirror.services.journal import Journal
    from mirror.services.results import ReflectionDetails, ReflectResult


class ServiceFailed(Message):
    """A journal call failed with an expected error (or an unexpected one, already logged).
    Bubbles to the app, which shows `text` as a notification unless a screen stops it."""

    def __init__(self, what: str, text: str, kind: str = "MirrorError") -> None:
        super().__init__()
        self.what = what
        self.text = text
        self.kind = kind


class JournalOpened(Message):
    """`Journal.open` succeeded in the boot worker."""

    def __init__(self, journal: Journal, draft: dict[str, Any] | None) -> None:
        super().__init__()
        self.journal = journal
        self.draft = draft


class JournalUnavailable(Message):
    """`Journal.open` failed: locked, corrupt, newer schema... `text` is for the person."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


# -- writing -------------------------------------------------------------------------------
class ReflectionSaved(Message):
    """The reflection is durably saved (before any analysis). `preparing`: the answer
    waits for the care check to be prepared first (`Journal.care_prepared`)."""

    def __init__(self, reflection: Reflection, preparing: bool = False) -> None:
        super().__init__()
        self.reflection = reflection
        self.preparing = preparing


class MirrorProgress(Message):
    """A model is generating: `tokens` so far (never unchecked text)."""

    def __init__(self, tokens: int, total: int | None = None) -> None:
        super().__init__()
        self.tokens = tokens
        self.total = total


class MirrorbackReady(Message):
    """The engine is done: a `ReflectResult` (mirrorback may be None)."""

    def __init__(self, result: ReflectResult | None) -> None:
        super().__init__()
        self.result = result


class FeedbackSaved(Message):
    def __init__(self, feedback: Feedback) -> None:
        super().__init__()
        self.feedback = feedback


class EditorChoices(Message):
    """Threads and the private-by-default setting, for the editor's fields."""

    def __init__(self, threads: list[Thread], private_default: bool) -> None:
        super().__init__()
        self.threads = threads
        self.private_default = private_default


# -- reading ---------------------------------------------------------------------------------
PATTERN_SEPARATOR = ", "


class TimelineRow(NamedTuple):
    """One line of the timeline, formatted in the worker so the UI thread only draws."""

    id: str
    when: str
    title: str
    tags: str
    starred: bool
    private: bool
    patterns: str = ""      # pattern labels, joined by PATTERN_SEPARATOR


class TimelinePage(Message):
    """A page of rows; `problem` when the filters as typed could not be applied (a date
    that is not one), to be said on the timeline itself."""

    def __init__(self, rows: list[TimelineRow], next_cursor: str | None, generation: int,
                 first: bool, problem: str | None = None,
                 readings: tuple[str | None, str | None] = (None, None)) -> None:
        super().__init__()
        self.rows = rows
        self.next_cursor = next_cursor
        self.generation = generation
        self.first = first
        self.problem = problem
        self.readings = readings    # the since/until dates as Mirror read them (local days)


class FilterChoices(Message):
    """Filter options: thread titles, tag names, and patterns as (label, name) pairs."""

    def __init__(self, threads: list[str], tags: list[str], patterns: list[tuple[str, str]]) -> None:
        super().__init__()
        self.threads = threads
        self.tags = tags
        self.patterns = patterns


class DetailsLoaded(Message):
    def __init__(self, details: ReflectionDetails, revisions: list[Revision]) -> None:
        super().__init__()
        self.details = details
        self.revisions = revisions


class ReflectionDeleted(Message):
    def __init__(self, reflection_id: str) -> None:
        super().__init__()
        self.reflection_id = reflection_id


class ReflectionEdited(Message):
    """A reflection was changed; `note` says how, when it was not a text edit."""

    def __init__(self, reflection: Reflection, note: str | None = None) -> None:
        super().__init__()
        self.reflection = reflection
        self.note = note


class SearchResults(Message):
    def __init__(self, query: str, hits: list[SearchHit], serial: int) -> None:
        super().__init__()
        self.query = query
        self.hits = hits
        self.serial = serial


class OnThisDayLoaded(Message):
    """What was written on this month and day in earlier years (`Journal.on_this_day`)."""

    def __init__(self, found: OnThisDay) -> None:
        super().__init__()
        self.found = found


# -- threads ---------------------------------------------------------------------------------
class ThreadsLoaded(Message):
    def __init__(self, threads: list[Thread], select: str | None = None) -> None:
        super().__init__()
        self.threads = threads
        self.select = select


class ThreadConversation(Message):
    def __init__(self, thread: Thread, reflections: list[Reflection]) -> None:
        super().__init__()
        self.thread = thread
        self.reflections = reflections


# -- insights --------------------------------------------------------------------------------
class TensionsLoaded(Message):
    def __init__(self, tensions: list[Tension]) -> None:
        super().__init__()
        self.tensions = tensions


class PatternCountsLoaded(Message):
    def __init__(self, counts: list[PatternCount], bucket: str) -> None:
        super().__init__()
        self.counts = counts
        self.bucket = bucket


# -- sovereignty -----------------------------------------------------------------------------
class SovereigntySection(Message):
    """One section of the sovereignty screen: `data` on success, `problem` otherwise."""

    def __init__(self, section: str, data: Any = None, problem: str | None = None) -> None:
        super().__init__()
        self.section = section
        self.data = data
        self.problem = problem


class BundleProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class BundleFinished(Message):
    """A bundle export, verification or import ended: its report, or the problem."""

    def __init__(self, action: str, report: BundleExport | BundleCheck | BundleImport | None,
                 problem: str | None = None) -> None:
        super().__init__()
        self.action = action
        self.report = report
        self.problem = problem
