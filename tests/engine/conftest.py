"""Shared fixtures for the engine tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "reflections.yaml"


@pytest.fixture(scope="session")
def corpus() -> list[dict[str, Any]]:
    """The annotated reflections of tests/corpus/reflections.yaml."""
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def centre_of() -> Any:
    """The words of an entry the offline reading takes for its centre, as written (the
    language detected as a person's entry would be)."""
    from mirror.engine.analysis import analyze
    from mirror.engine.reading import read

    def centre(entry: str) -> str:
        analysis = analyze(entry)
        reading = read(analysis.text, analysis.tokens, analysis.language or "en")
        assert reading.centre is not None
        toks = analysis.tokens
        return analysis.text[toks[reading.centre.first].start : toks[reading.centre.last - 1].end]

    return centre


@pytest.fixture(scope="session")
def feelings_of() -> Any:
    """The feeling families the offline reading names for an entry."""
    from mirror.engine.analysis import analyze
    from mirror.engine.reading import read

    def feelings(entry: str) -> tuple[str, ...]:
        analysis = analyze(entry)
        return read(analysis.text, analysis.tokens, analysis.language or "en").feelings

    return feelings


@pytest.fixture(scope="session")
def reading_of() -> Any:
    """The analysis and the offline reading of an entry, for tests that look at more than its
    centre or feelings (its halves, sarcasm, a retort, a likeness)."""
    from mirror.engine.analysis import analyze
    from mirror.engine.reading import read

    def reading(entry: str) -> tuple[Any, Any]:
        analysis = analyze(entry)
        return analysis, read(analysis.text, analysis.tokens, analysis.language or "en")

    return reading
