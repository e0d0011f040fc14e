"""The offline mirrorback in Spanish, French, German, Portuguese, Italian, Dutch and Polish
(`constitution/mirrorback/<lang>.yaml`): every frame set has what the composer reads, every
frame passes the constitution's checks, and over the corpus entries in each language
(tests/corpus/mirrorbacks/) the answer is in that language, quotes the person exactly, ends
in a question and names a feeling for most entries that carry one."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
import yaml

from mirror.engine.analysis import analyze
from mirror.engine.checks import check
from mirror.engine.offline import compose
from mirror.engine.reading import frames
from mirror.engine.tokenize import tokenize

LANGUAGES = ("es", "fr", "de", "pt", "it", "nl", "pl")
#: The frame files, with the variants that extend a language (pt-PT: Portugal's, in "tu";
#: es-AR: the River Plate's, in "vos").
FRAME_LANGUAGES = (*LANGUAGES, "pt-PT", "es-AR")
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "mirrorbacks"
MIRRORBACK = Path(__file__).resolve().parents[2] / "constitution" / "mirrorback"
ENTRIES = [e for p in sorted(CORPUS.glob("*.yaml"))
           for e in yaml.safe_load(p.read_text("utf-8"))["entries"]]

# The placeholders each frame list is filled with (as `offline._compose_framed` fills them:
# `_say` adds the capitalised form, `.format` does not).
_SAID = {"q", "feeling", "feeling2", "Q", "Feeling", "Feeling2"}
PLACEHOLDERS: dict[str, set[str]] = {
    "feeling": _SAID, "mixed": _SAID, "positive": _SAID, "heavy": _SAID, "sarcasm": _SAID,
    "asking": _SAID, "request": {"q"}, "ask_request": set(), "asking_feeling": _SAID, "asking_mixed": _SAID, "plain": {"q"}, "second": {"q", "Q"}, "second_before": {"q", "Q"},
    "tension_words": {"a", "b", "A", "B"},
    "ask_tension": {"A", "B"}, "self_judgment": {"words"}, "ask_phrase": {"p"},
    "ask_feeling": {"feeling"}, "ask_feeling_glad": {"feeling"}, "ask_list_done": set(), "ask_sarcasm": set(), "ask_retort": {"name"}, "ask_generic": set(), "ask_asking": set(), "ask_asking_choice": set(), "ask_realised": set(),
    "ask_generic_by_tone": set(), "feeling_also": _SAID, "feeling_before": _SAID, "ask_light": set(),
    "log": {"a", "b"}, "ask_log": set(), "log_coda": {"c"}, "log_long": {"c"}, "ask_log_long": set(), "log_terse": {"a", "b"}, "ask_log_terse": set(), "log_terse_someone": {"p"}, "ask_log_terse_someone": set(), "plain_part": {"q"}, "ask_clause": {"f"}, "ask_clause_deep": {"f"}, "ask_log_coda": set(), "ask_list": set(),
    "both_open": {"a", "b", "A", "B"}, "ask_both": set(),
}
# (“…” in most languages, « … » in French, „…“ in German and „…” in Polish)
QUOTE = re.compile("[\u201c\u201e\u00ab] ?([^\u201c\u201d\u201e\u00bb]+?) ?[\u201d\u00bb\u201c]")


def data(language: str) -> dict[str, Any]:
    found = frames(language)  # a variant's file, merged over its language's
    assert found is not None, language
    return found


def frame_strings(language: str) -> list[tuple[str, str]]:
    """(key, frame) for every frame of a language."""
    out: list[tuple[str, str]] = []
    for key, listed in data(language)["frames"].items():
        items = [f for group in listed.values() for f in group] if isinstance(listed, dict) else listed
        out.extend((key, f) for f in items)
    return out


def english_frame_words(language: str) -> frozenset[str]:
    """Words of the English frames that are not also words of this language's frames
    ("a" is Spanish too): finding one outside a quotation means English leaked in."""
    def words(lang: str) -> set[str]:
        return {t.norm for _, f in frame_strings(lang) for t in tokenize(_blank(f))}
    return frozenset(words("en") - words(language))


def _blank(frame: str) -> str:
    return re.sub(r"\{\w+\}", " ", frame)


def outside_quotes(mirrorback: str) -> str:
    return QUOTE.sub(" ", mirrorback)


def entries(language: str) -> list[dict]:
    """Corpus entries in `language` that the engine also identifies as that language (the
    few it reads as English are answered by the English composer; see the report)."""
    return [e for e in ENTRIES if e["language"] == language
            and analyze(e["text"]).language == language]


def named_feelings(language: str, mirrorback: str) -> set[str]:
    """The feeling families whose name appears in the mirrorback, outside quotations."""
    text = outside_quotes(mirrorback).casefold()
    return {family for family, spec in data(language)["feelings"].items()
            if re.search(rf"(?<!\w){re.escape(str(spec['name']).casefold())}(?!\w)", text)}


# -- the frame files ----------------------------------------------------------------------
@pytest.mark.parametrize("language", FRAME_LANGUAGES)
def test_every_language_has_what_the_composer_reads(language: str) -> None:
    en, mine = data("en"), data(language)
    assert mine["language"] == language
    assert set(mine["feelings"]) == set(en["feelings"])
    for family, spec in mine["feelings"].items():
        assert spec["name"] and spec["words"], family
        assert spec["valence"] == en["feelings"][family]["valence"], family
    # Every frame list the composer reads unconditionally; any other is one it reads only
    # when present (English has more), and must then be one English has.
    assert set(PLACEHOLDERS) <= set(mine["frames"]) <= set(en["frames"])
    assert set(mine["frames"]["ask_phrase"]) == set(en["frames"]["ask_phrase"])
    for key in ("negators", "stopwords", "phrase_openers", "second_person", "sarcasm"):
        assert mine.get(key), key
    assert mine["sarcasm"]["markers"] and mine["sarcasm"]["trouble"]


@pytest.mark.parametrize("language", FRAME_LANGUAGES)
def test_frames_use_only_the_placeholders_the_composer_fills(language: str) -> None:
    for key, frame in frame_strings(language):
        used = {name for _, name, _, _ in string.Formatter().parse(frame) if name}
        assert key in PLACEHOLDERS and used <= PLACEHOLDERS[key], (key, frame)
        assert frame.strip(), key


@pytest.mark.parametrize("language", FRAME_LANGUAGES)
def test_every_frame_passes_the_constitutions_checks(language: str) -> None:
    """Filled with the person's quoted words (exempt, as the composer's are) and with every
    feeling name of the language, no frame says anything directive, advising, optimising,
    diagnosing or promising."""
    reflection = "ayer la casa"
    names = [str(s["name"]) for s in data(language)["feelings"].values()]
    for key, frame in frame_strings(language):
        for name in names:
            values = {"q": "\u201cayer la casa\u201d", "a": "\u201cayer\u201d", "b": "\u201cla casa\u201d", "c": "\u201cla casa\u201d", "f": "\u201cla casa\u201d",
                      "words": "\u201cla casa\u201d", "v": "\u201cla casa\u201d", "p": "Ana", "A": "Ana", "B": "Ana", "name": "Ana",
                      "feeling": name, "feeling2": names[0]}
            values.update({k[:1].upper() + k[1:]: v[:1].upper() + v[1:] for k, v in list(values.items())})
            filled = frame.format(**values)
            report = check(filled, reflection)
            assert report.passed, (key, filled, report.describe_violations())
        report = check(_blank(frame), "")
        assert report.passed, (key, frame, report.describe_violations())


# -- the corpus -------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_entries_are_answered_in_their_own_language(language: str) -> None:
    english = english_frame_words(language)
    found = entries(language)
    assert len(found) >= 10, language
    for e in found:
        mirrorback = compose(e["text"])
        own = {t.norm for t in tokenize(e["text"])}  # their phrase may hold "A" ("A-diploma")
        leaked = {t.norm for t in tokenize(outside_quotes(mirrorback))} & english - own
        assert not leaked, (e["id"], leaked, mirrorback)


@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_mirrorbacks_quote_exactly_end_in_a_question_and_pass_the_checks(language: str) -> None:
    for e in entries(language):
        text = e["text"]
        mirrorback = compose(text)
        assert mirrorback.rstrip().endswith("?"), (e["id"], mirrorback)
        assert mirrorback.count("?") == 1 + sum(q.count("?") for q in QUOTE.findall(mirrorback)), \
            (e["id"], mirrorback)  # one question of its own
        report = check(mirrorback, text)
        assert report.passed, (e["id"], mirrorback, report.describe_violations())
        # Word for word, as the checks compare (an inner quotation's marks are the mirror's).
        source = _words(text)
        quotes = QUOTE.findall(mirrorback)
        assert quotes, (e["id"], mirrorback)
        for quote in quotes:
            assert _words(quote) in source, (e["id"], quote)


def _words(text: str) -> str:
    return "\x1f" + "\x1f".join(t.text for t in tokenize(text)) + "\x1f"


# Measured over the corpus entries the engine identifies in these languages: of the 74
# labelled with a feeling (not neutral, not sarcasm; two Dutch and Italian entries were
# answered in English before), a feeling is named for 32 (43%), one
# of the labelled feelings for 28 (38%), a wrong one for 4. (Before a feeling had to be said
# by the writer of themselves: 44 named, 36 right, 8 wrong; on entries written later, outside
# the corpus, most names were wrong, so precision now comes first. Joy said flat, neither
# exclaimed nor told by an event, is no longer named: 36 named, 31 right before, and on
# blind-graded entries outside the corpus 16 of 24 such names were graded 1 or 2, most of
# them irony.) The floors leave room for a wording change, not for a language losing its
# feelings.
# Precision over recall: outside English a feeling is named only where the entry says it
# beyond doubt (an event that tells it, two said together, an exclamation, joy shouted or
# said with nothing gone wrong). Read blind, names found from a word anywhere else were
# wrong far more often than right, so the floor is on what is named being right.
NAMED_FLOOR = 0.2
RIGHT_FLOOR = 0.2
PRECISION_FLOOR = 0.85


def feeling_rates(language: str) -> tuple[int, int, int]:
    """(entries labelled with a feeling, of them named any feeling, named a labelled one)."""
    labelled = [e for e in entries(language) if e["valence"] != "neutral" and not e["sarcasm"]]
    named = right = 0
    for e in labelled:
        found = named_feelings(language, compose(e["text"]))
        named += bool(found)
        right += bool(found & set(e["feelings"]))
    return len(labelled), named, right


def test_feelings_are_named_in_every_language() -> None:
    total = named = right = 0
    for language in LANGUAGES:
        n, k, r = feeling_rates(language)
        assert n and k / n >= 0.1, (language, n, k)
        total, named, right = total + n, named + k, right + r
    assert named / total >= NAMED_FLOOR, (named, total)
    assert right / total >= RIGHT_FLOOR, (right, total)
    assert right / named >= PRECISION_FLOOR, (right, named)


def test_sarcasm_is_never_met_with_a_named_pleasant_feeling() -> None:
    for language in LANGUAGES:
        for e in entries(language):
            if e["sarcasm"]:
                found = named_feelings(language, compose(e["text"]))
                pleasant = {f for f in found if data(language)["feelings"][f]["valence"] == "positive"}
                assert not pleasant, (e["id"], compose(e["text"]))


@pytest.mark.parametrize(("text", "opening", "closing"), [
    ("Heute den Gesellenbrief bekommen. Mein Gesellenstück steht jetzt in der Ausstellung, mit "
     "meinem Namen auf einem kleinen Schild. Papa hat sofort ein Foto gemacht.", "\u201e", "\u201c"),
    ("Wyniki matur o 9:00. Strona padła o 9:01. O 9:26 w końcu weszło. Tata wyszedł wcześniej "
     "z pracy i przyniósł pączki.", "\u201e", "\u201d"),
])
def test_the_person_is_quoted_in_the_marks_their_language_is_written_with(
        text: str, opening: str, closing: str) -> None:
    said = compose(text)
    assert opening in said and closing in said and "\u201c" not in said.replace(closing, "")


def test_no_language_says_the_quoted_line_means_the_opposite() -> None:
    """The line quoted beside irony is most often what went wrong, which the joke is about:
    "'Nu zit ik hier appjes te typen en weer te wissen' klinkt alsof het tegendeel bedoeld is"
    told a writer their plain line was ironic (read blind as a 1, twice). The irony is named
    as a way of telling, as in English."""
    claims = ("tegendeel", "Gegenteil", "contrario", "contraire", "odwrotnego", "contrário",
              "dice otra", "en dire une autre", "etwas anderes", "iets anders te zeggen",
              "dirne un'altra", "co innego", "dizer outra")
    paths = sorted(MIRRORBACK.glob("*.yaml"))
    assert len(paths) >= 8
    for path in paths:
        frames = (yaml.safe_load(path.read_text("utf-8")).get("frames") or {}).get("sarcasm") or []
        assert not [f for f in frames if any(c in f for c in claims)], path.name
