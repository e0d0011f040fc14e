"""The records one reflection's analysis is stored as (`DerivedStore.replace_analyses`).

They are built where the analysis runs (worker processes during an import and `analyze
--all`) and cross process boundaries, so they are named tuples of strings and numbers. Kept
apart from `mirror.storage.derived`, which the read commands import and which need none of
them (they are written with `mirror.tuples`, which does not load `typing`).
"""

from __future__ import annotations

from mirror.tuples import NamedTuple

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any


class PatternRecord(NamedTuple):
    """One pattern found in a reflection, its evidence spans already as JSON text: records
    are built where the analysis runs (worker processes during an import) and cross process
    boundaries, so they are plain tuples of strings and numbers."""

    pattern: str
    evidence_json: str = "[]"


class ObservationRecord(NamedTuple):
    axis_a: str
    axis_b: str
    position: float
    intensity: float
    evidence_json: str = "[]"
    origin: str = "system_seed"


class CareRecord(NamedTuple):
    """A care marker found by the detector: its tier ('care' or 'gentle'), score, the
    signals as JSON-ready dicts, and the language of the care text."""

    tier: str
    score: float
    signals: tuple[dict[str, Any], ...]
    language: str | None


class CareReadingRecord(NamedTuple):
    """What the care detector read in the text, before the engine profile (migration 018):
    the detector's key, the text's digest and the finding as JSON (None: nothing)."""

    detector: str
    text_digest: str
    finding: str | None


class AnalysisRecord(NamedTuple):
    """Everything derived from one reflection's text, as one unit to store. `reading`:
    the care detector's reading to keep, or None to leave the kept one as it is (it was
    reused, or this caller keeps none)."""

    reflection_id: str
    patterns: tuple[PatternRecord, ...]
    observations: tuple[ObservationRecord, ...]
    care: CareRecord | None
    observed_at: str | None
    reading: CareReadingRecord | None = None
