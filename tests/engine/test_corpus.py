"""The annotated corpus: what is unambiguous about each reflection holds."""

from __future__ import annotations

from typing import Any

from mirror.engine.analysis import analyze
from mirror.engine.checks import check
from mirror.engine.contract import run
from mirror.engine.offline import compose


def test_corpus_is_large_and_varied(corpus: list[dict[str, Any]]) -> None:
    assert len(corpus) >= 60
    assert len({e["id"] for e in corpus}) == len(corpus)
    assert sum(e["care"] for e in corpus) >= 8
    assert sum(e.get("language", "en") not in ("en", "und") for e in corpus) >= 8


def test_corpus_annotations_hold(corpus: list[dict[str, Any]]) -> None:
    problems: list[str] = []
    for entry in corpus:
        a = analyze(entry["text"])
        found = {m.name for m in a.patterns}
        axes = {(t.axis_a, t.axis_b) for t in a.tensions}
        for name in entry.get("patterns", []):
            if name not in found:
                problems.append(f"{entry['id']}: {name} not found")
        for name in entry.get("not_patterns", []):
            if name in found:
                problems.append(f"{entry['id']}: {name} found but should not be")
        for pair in entry.get("tensions", []):
            if tuple(pair) not in axes:
                problems.append(f"{entry['id']}: tension {pair} not found (found {axes})")
        if entry.get("no_tensions") and axes:
            problems.append(f"{entry['id']}: unexpected tensions {axes}")
        if a.needs_care != entry["care"]:
            problems.append(f"{entry['id']}: care {a.needs_care}, expected {entry['care']}")
        if a.gentle != entry.get("gentle", False):
            problems.append(f"{entry['id']}: gentle {a.gentle}, expected {entry.get('gentle', False)}")
        if "language" in entry and a.language != entry["language"]:
            problems.append(f"{entry['id']}: language {a.language}, expected {entry['language']}")
    assert problems == []


def test_every_corpus_reflection_gets_a_passing_answer(corpus: list[dict[str, Any]]) -> None:
    for entry in corpus:
        outcome = run(entry["text"])
        if entry["care"]:
            assert outcome.is_care, entry["id"]
            continue
        assert outcome.source == "offline" and outcome.report is not None
        assert outcome.report.passed, (entry["id"], outcome.text)
        assert outcome.text == compose(entry["text"])
        assert check(outcome.text, entry["text"]).passed


def test_headline_reflection_shows_obligation_and_tension_and_is_only_reflected() -> None:
    text = "I should call my mother but I'm afraid she'll be disappointed."
    a = analyze(text)
    assert {"obligation", "internal_tension"} <= set(a.pattern_counts)
    assert [(t.axis_a, t.axis_b) for t in a.tensions] == [("approach", "avoidance")]
    outcome = run(text)
    assert outcome.source == "offline" and outcome.report is not None
    assert outcome.report.passed and outcome.text.endswith("?")
    assert outcome.text == compose(text)
