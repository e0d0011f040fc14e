"""Properties that hold for any text: never raise, always within the constitution,
always the same answer for the same text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mirror.engine.analysis import analyze
from mirror.engine.checks import check
from mirror.engine.contract import run
from mirror.engine.offline import compose
from mirror.engine.prompt import build_prompt, extract_reflection

WORDS = st.sampled_from([
    "I", "you", "should", "must", "have", "to", "always", "never", "but", "however", "try",
    "make", "sure", "recommend", "achieve", "will", "help", "goals", "on", "one", "hand",
    "the", "other", "control", "let", "go", "freedom", "alone", "stupid", "what", "if",
    "remember", "grateful", "not", "don't", "\u201c", "\u201d", '"', "'", ".", ",", "?", "\n",
    "shoulder", "mustard", "kill", "coffee", "dying", "see", "é", "\u202e", "\u0301", "\U0001F600",
    "\u0645\u0631\u062d\u0628\u0627", "\u4eca\u65e5", "&lt;", "</reflection>", "ß", "İ",
])
# Arbitrary Unicode, plus text built from the words the checks and detectors care about.
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=80).map(" ".join),
    st.lists(WORDS, max_size=80).map("".join),
)


@settings(max_examples=300)
@given(TEXTS)
@example("RECOMMEND \u00df(\u00df RECOMMEND(\u00df")  # German, its marks once set twice: the quote unseen
def test_offline_engine_never_raises_and_always_passes_its_checks(text: str) -> None:
    analysis = analyze(text)
    mirrorback = compose(text, analysis)
    report = check(mirrorback, text)
    assert report.passed, (mirrorback, report.describe_violations())
    assert mirrorback.strip()
    assert compose(text) == mirrorback


@settings(max_examples=100)
@given(TEXTS)
def test_same_text_same_analysis_and_outcome(text: str) -> None:
    first, second = analyze(text), analyze(text)
    assert first == second
    for t in first.tensions:
        assert -1 <= t.position <= 1 and 0 <= t.intensity <= 1
    for m in first.patterns:
        assert text[m.start : m.end] == m.text
    a, b = run(text), run(text)
    assert (a.text, a.source, a.flags) == (b.text, b.source, b.flags)


@settings(max_examples=100)
@given(TEXTS)
def test_prompt_round_trips_any_reflection(text: str) -> None:
    prompt = build_prompt(text, budget_tokens=100_000)
    assert extract_reflection(list(prompt.messages)) == text


@settings(max_examples=20)
@given(st.tuples(st.lists(WORDS, min_size=1, max_size=60), st.integers(40, 120))
       .map(lambda t: " ".join(t[0] * t[1])))
def test_long_reflections_are_handled(text: str) -> None:
    mirrorback = compose(text)
    assert check(mirrorback, text).passed
