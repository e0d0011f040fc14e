"""A quoted line is never cut inside something the person quoted, whatever the language's
quotation marks: „…“ and ‚…‘ in German, «…» in French, ”…” in Swedish, »…« in Danish,
「…」 in Japanese, and a quotation inside a quotation."""

from __future__ import annotations

import pytest

from mirror.engine.tokenize import as_tokens, tokenize
from mirror.services.digest_reading import exact


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
