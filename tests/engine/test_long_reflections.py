"""A reflection may hold up to 64 MiB. Reading all of it word by word would take ~200 bytes
of memory a character (a 50 MB reflection: ~10 GB, and the process is killed), so the
engine reads the beginning of a long text and the care detector reads all of it piece by
piece. The sizes are made small here so the tests are quick; the shape is the same."""

from __future__ import annotations

import tracemalloc

import pytest

from mirror.engine import analysis
from mirror.engine.care import detect
from mirror.engine.care.text import pieces
from mirror.engine.samples import generated_reflections

CRISIS = "I can't do this anymore. I want to die."


def _filler(chars: int) -> str:
    """Ordinary reflections (one generated journal, always the same), `chars` long."""
    body = "\n\n".join(generated_reflections(60, 11))
    return (body * (chars // len(body) + 1))[:chars]


def test_pieces_cover_the_text_in_order_and_cut_between_paragraphs() -> None:
    text = _filler(50_000)
    spans = list(pieces(text, 4_000))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < end - start <= 4_000 for start, end in spans)
    assert all(text[start:end].endswith("\n\n") for start, end in spans[:-1])
    assert list(pieces("x" * 10_001, 4_000)) == [(0, 4_000), (4_000, 8_000), (8_000, 10_001)]
    assert list(pieces("short", 4_000)) == [(0, 5)]


def test_a_sign_anywhere_in_a_long_text_is_found_where_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detect, "PIECE_CHARS", 4_000)
    filler = _filler(30_000)
    assert detect.assess(filler).tier is None
    for at in (0, 17_123, len(filler)):  # first piece, a middle one, the very end
        text = filler[:at] + f" {CRISIS} " + filler[at:]
        found = detect.assess(text)
        assert found.tier == detect.CARE
        assert {text[s.start:s.end] for s in found.signals} == {s.text for s in found.signals}
        assert any(at <= s.start < at + len(CRISIS) + 2 for s in found.signals)
    # A rule counts once however many pieces repeat it: the score is the whole text's.
    often = f"\n\n{CRISIS}\n\n".join([filler[:9_000]] * 6)
    in_pieces = detect.assess(often)
    monkeypatch.setattr(detect, "PIECE_CHARS", 10**9)
    whole = detect.assess(often)
    assert (in_pieces.tier, in_pieces.score, in_pieces.fired) == (whole.tier, whole.score, whole.fired)


def test_a_text_within_one_piece_is_read_exactly_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [CRISIS, "This deadline is killing me lol", _filler(3_000) + CRISIS]
    before = [detect.assess(t) for t in texts]
    monkeypatch.setattr(detect, "PIECE_CHARS", 3_100)
    assert [detect.assess(t) for t in texts] == before


def _peak(text: str) -> int:
    tracemalloc.start()
    try:
        detect.assess(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_care_detectors_memory_stays_that_of_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    short, long = _filler(8_000) + CRISIS, _filler(60_000) + CRISIS  # 2 pieces and 15
    monkeypatch.setattr(detect, "PIECE_CHARS", 10**9)  # the whole text at once, as before
    detect.assess(long)  # the detector's per-process memos are filled by any first read
    unbounded = _peak(long)
    monkeypatch.setattr(detect, "PIECE_CHARS", 4_000)
    assert detect.assess(long).tier == detect.CARE
    bounded_short, bounded_long = _peak(short), _peak(long)
    assert bounded_long < 2 * bounded_short   # 7.5 times the text, not 7.5 times the memory
    assert bounded_long * 4 < unbounded


def test_the_engine_reads_the_beginning_of_a_long_text_and_care_all_of_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "READ_CHARS", 3_000)
    monkeypatch.setattr(detect, "PIECE_CHARS", 4_000)
    text = _filler(20_000) + CRISIS
    a = analysis.analyze(text)
    assert text.startswith(a.text) and 1_500 < len(a.text) <= 3_000
    assert all(t.end <= len(a.text) for t in a.tokens)
    assert a.needs_care and a.care_language == "en"
    assert all(text[s.start:s.end] == s.text for s in a.care)
    assert analysis.analyze(CRISIS).text == CRISIS


def test_a_long_reflection_is_saved_whole_and_the_person_is_told_what_was_read(
        cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "READ_CHARS", 3_000)
    monkeypatch.setattr(detect, "PIECE_CHARS", 4_000)
    text = _filler(40_000).strip() + "\n\n" + CRISIS
    run = cli("reflect", "--json", input=text)
    assert run.code == 0, run.err
    assert "a long reflection (40,0" in run.err and "the care check read all of it" in run.err
    shown = cli("show", run.json["reflection"]["id"], "--json").json
    assert shown["reflection"]["content"] == text
    assert shown["care"]["tier"] == "care"
