"""A quoted line is never cut inside something the person quoted, whatever the language's
quotation marks: „…“ and ‚…‘ in German, «…» in French, ”…” in Swedish, »…« in Danish,
「…」 in Japanese, and a quotation inside a quotation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirror.engine.tokenize import as_tokens, tokenize
from mirror.services.digest_reading import exact, quoted_spans


def _sentences(text: str) -> list[str]:
    toks = as_tokens(tokenize(text))
    return [exact(text, toks, lo, hi) for lo, hi in toks.sentence_bounds().values()]


@pytest.mark.parametrize("text, whole", [
    ("Mira hat mich nach dem Training umarmt und gesagt „na endlich“. Danach Pizza.",
     "Mira hat mich nach dem Training umarmt und gesagt „na endlich“."),
    ("Er meinte „sie sagte ‚nie wieder‘, glaub ich“. Gut.",
     "Er meinte „sie sagte ‚nie wieder‘, glaub ich“."),
    ("Elle m'a dit « enfin, te voilà » et elle est partie. J'ai ri.",
     "Elle m'a dit « enfin, te voilà » et elle est partie."),
    ("Hon sa ”äntligen” och gick. Jag log.", "Hon sa ”äntligen” och gick."),
    ("Han sagde »endelig« og gik. Jeg smilede.", "Han sagde »endelig« og gik."),
    ("Powiedziała „dość” i wyszła. Usiadłam.", "Powiedziała „dość” i wyszła."),
])
def test_a_line_keeps_the_quotation_it_holds_whole(text, whole):
    assert _sentences(text)[0] == whole


def test_a_quotation_with_a_full_stop_inside_is_kept_whole():
    text = "Sie sagte „Nein. Nie wieder.“ und ging nach Hause. Ich blieb."

    lines = _sentences(text)

    assert all(line.count("„") == line.count("“") for line in lines)
    assert "Nie wieder." in lines[0]


def test_an_apostrophe_is_no_quotation_mark():
    text = "Jonas’ Freund said ‘don’t’ and left. Fine."

    assert _sentences(text)[0] == "Jonas’ Freund said ‘don’t’ and left."


def test_the_digest_quotes_a_german_line_with_its_inner_quotation(cli):
    run = cli("reflect", "--json", "--date", "2026-11-06 23:00", input=(
        "Ich hab es mir nicht eingebildet. Ich soll das Solo singen, allein, zwölf Takte. "
        "Mira hat mich nach der Probe umarmt und gesagt „endlich“. Ich bin so glücklich."))
    assert run.code == 0, run.err

    digest = cli("digest", "--week", "--date", "2026-11-06", "--json").json

    for line in digest["lines"]:
        assert line["text"].count("„") == line["text"].count("“"), line["text"]


_PAIRS = [("„", "“"), ("„", "”"), ("«", "»"), ("»", "«"), ("“", "”"), ("‚", "‘"), ("「", "」"),
          ('"', '"')]
_WORDS = ["sie", "hat", "gesagt", "nie", "wieder", "und", "ging", "Mira", "endlich", "gut",
          "ok", "dann", "nach", "Hause"]


@given(st.lists(st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
                          st.one_of(st.none(), st.tuples(st.sampled_from(_PAIRS),
                                                         st.lists(st.sampled_from(_WORDS), min_size=1,
                                                                  max_size=4),
                                                         st.sampled_from(["", ".", "!", "?"]))),
                          st.sampled_from([".", "!", "?", ","])),
                min_size=1, max_size=5))
def test_no_quoted_line_ever_stops_inside_a_quotation(parts):
    text = " ".join(
        " ".join(words) + (f" {q[0][0]}{' '.join(q[1])}{q[2]}{q[0][1]}" if q else "") + end
        for words, q, end in parts)
    toks = as_tokens(tokenize(text))
    spans = quoted_spans(text)
    for lo, hi in toks.sentence_bounds().values():
        line = exact(text, toks, lo, hi)
        start = text.find(line)
        assert start >= 0, (text, line)
        end = start + len(line)
        for opening, closing in spans:
            # a quotation is in the line with both its marks, or not at all
            assert (start <= opening < end) == (start <= closing < end), (text, line)
