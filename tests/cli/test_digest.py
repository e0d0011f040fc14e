"""`mirror digest`: a descriptive summary of a week or a month, as a person reads it.

Everything through the real CLI on a real journal: the counts, the person's own lines
quoted exactly with their dates, names/tags/threads, the change from the period before,
care entries never summarised, and the text checked by the constitution's guardian."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mirror.engine.checks import check
from tests.cli.test_json_schemas import validate

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "reflections.yaml"


def _write(cli, text: str, date: str, *extra: str) -> str:
    run = cli("reflect", "--json", "--date", date, *extra, input=text)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def _normalised(text: str) -> str:
    return " ".join(text.split())


def test_a_week_in_counts_lines_names_and_what_changed(cli):
    # The week before (Mon 2 – Sun 8 March 2026): one reflection with obligation language.
    _write(cli, "I must finish the tax forms before Friday, no excuses.", "2026-03-04 20:00",
           "--tag", "work")
    week = [
        ("I keep wondering whether the move was mine to make, and yet I miss Sam already.",
         "2026-03-09 21:00", ("--tag", "moving")),
        ("Today I felt so proud of Maya at her recital! I cried a little in the back row.",
         "2026-03-10 19:00", ("--tag", "family")),
        ("I should call my mother but I'm too tired. Why do I always put it off?",
         "2026-03-12 22:00", ("--tag", "family")),
        ("Walked by the river with Sam and Maya. The light on the water was soft and calm.",
         "2026-03-15 10:00", ()),
    ]
    ids = [_write(cli, text, date, *extra) for text, date, extra in week]

    run = cli("digest", "--week", "--date", "2026-03-11", "--json")

    assert run.code == 0, run.err
    digest = run.json
    validate("digest", digest)
    assert digest["period"]["label"] == "week of 9 March 2026 (2026-W11)"
    assert (digest["reflections"], digest["previous_reflections"]) == (4, 1)
    # Lines are the person's own words, exactly, from this week's reflections, with dates.
    texts = {rid: text for rid, (text, _, _) in zip(ids, week, strict=True)}
    assert digest["lines"]
    for line in digest["lines"]:
        assert _normalised(line["text"]) in _normalised(texts[line["reflection_id"]])
        assert line["date"].endswith("March 2026")
    assert {p["name"]: p["count"] for p in digest["people"]}["Maya"] == 2
    assert {t["name"]: (t["count"], t["previous"]) for t in digest["tags"]} == {
        "family": (2, 0), "moving": (1, 0), "work": (0, 1)}
    obligation = {p["name"]: p for p in digest["patterns"]}["obligation"]
    assert (obligation["count"], obligation["previous"]) == (1, 1)
    assert digest["checks_passed"] and digest["engine"] == "offline"

    shown = cli("digest", "--week", "--date", "2026-03-11")
    assert shown.code == 0
    assert shown.out.startswith("Digest · week of 9 March 2026\n")  # no ISO week number
    assert "You wrote 4 reflections this week" in shown.out
    assert "the week before, 1." in shown.out
    assert "Not seen this week, unlike the week before" not in shown.out
    # A short entry is one thought, quoted whole: the turn and the question with it.
    assert "“I should call my mother but I'm too tired. Why do I always put it off?”" in shown.out
    # Tags and people are named without tallies of change: "(1, new)" read as a form; a
    # tag on one entry of four is not what the week was.
    assert "Tags: #family (2)\n" in shown.out
    # The person's own words lead; the counts come last.
    assert shown.out.index("In your own words:") < shown.out.index("You wrote 4 reflections")


def test_a_month_compares_with_the_month_before(cli):
    for day in (3, 9, 17):
        _write(cli, f"Quiet evening number {day}, reading by the window.", f"2026-02-{day:02d} 20:00")
    _write(cli, "I always ruin these dinners and I never learn.", "2026-03-05 20:00")

    run = cli("digest", "--month", "--date", "2026-03-20", "--json")

    assert run.code == 0, run.err
    assert run.json["period"]["label"] == "March 2026"
    assert run.json["previous"]["label"] == "February 2026"
    assert (run.json["reflections"], run.json["previous_reflections"]) == (1, 3)
    assert {p["name"] for p in run.json["patterns"]} >= {"absolute_thinking"}


def test_crisis_entries_are_counted_never_summarised_and_care_is_shown(cli):
    cli("config", "set", "care.resources", "Samaritans: 116 123")
    _write(cli, "Lovely walk with Ines in the park, the tulips are out.", "2026-03-10 18:00")
    crisis = "I want to kill myself. I have the pills ready and nobody would miss me, Jonas."
    crisis_id = _write(cli, crisis, "2026-03-11 23:00")

    run = cli("digest", "--week", "--date", "2026-03-11", "--json")

    assert run.code == 0, run.err
    digest = run.json
    assert digest["care"]["reflections"] == 1
    assert digest["care"]["resources"] == ["Samaritans: 116 123"]
    assert all(line["reflection_id"] != crisis_id for line in digest["lines"])
    assert "Jonas" not in {p["name"] for p in digest["people"]}
    text = digest["text"]
    assert "One reflection this week was answered with care, so it is left out of this summary." in text
    assert "help exists" in text and "- Samaritans: 116 123" in text
    assert "pills" not in text and "kill" not in text


def test_an_empty_period_says_so(cli):
    _write(cli, "Something from long ago.", "2025-01-10 10:00")

    run = cli("digest", "--month", "--date", "2026-03-01")

    assert run.code == 0
    assert "No reflections were written in this month." in run.out


@pytest.mark.parametrize("args, code, message", [
    (("--week", "--month"), 2, "not allowed with argument"),
    (("--date", "the twelfth of never"), 4, "the twelfth of never"),
])
def test_bad_arguments_get_one_line_and_the_documented_exit_code(cli, args, code, message):
    run = cli("digest", *args)

    assert run.code == code
    assert message in run.err and len(run.err.strip().splitlines()) == 1


def test_a_thread_title_is_quoted_as_the_persons_own_words_never_said_by_the_mirror(cli):
    """A thread title that reads as advice is the person's own: the digest shows it inside
    quotation marks, where the guardian exempts it; unquoted it would fail the checks."""
    title = "You should stop and take a break"
    cli("threads", "create", title)
    _write(cli, "Long day at the office again.", "2026-03-10 18:00", "--thread", title)

    run = cli("digest", "--week", "--date", "2026-03-10", "--json")

    assert run.code == 0
    assert run.json["checks_passed"]
    assert f"Threads: “{title}” (1)" in run.json["text"]
    own = f"Long day at the office again.\n{title}"
    assert check(run.json["text"], own).passed
    assert not check(run.json["text"].replace(f"“{title}”", title), own).passed


@pytest.mark.slow
def test_digests_of_the_corpus_pass_the_guardian_and_quote_exactly(journal):
    """Every reflection of the test corpus, a few a week over a year: every weekly digest
    passes the constitution's checks and quotes only the person's own words."""
    entries = [e["text"] for e in yaml.safe_load(CORPUS.read_text())]
    for i, text in enumerate(entries):
        journal.write(text, when=f"2025-{1 + i % 12:02d}-{1 + (i * 5) % 28:02d} 12:00")
    journal.analyze_all()
    texts = {r.id: _normalised(r.content) for r in journal.list(limit=1000).items}
    for month in range(1, 13):
        digest = journal.digest("month", f"2025-{month:02d}-15")
        assert digest.reflections > 0
        assert digest.checks_passed, digest.text
        assert check(digest.text, "\n".join(texts.values())).passed
        for line in digest.lines:
            # exact pieces, in order; two of one entry are joined by " … " (where it lands)
            text, at = texts[line.reflection_id], 0
            for piece in line.text.split(" … "):
                at = text.find(_normalised(piece), at)
                assert at >= 0, (piece, text)


def test_an_entry_with_the_gentle_care_line_is_counted_not_quoted_nor_called_care(cli):
    """The gentle tier is a mirrorback with a line beside it, not a care response: the
    digest neither quotes the entry nor tells an ordinary week it "received care"."""
    gentle = "I'm not suicidal, I just feel empty and numb all the time."
    gentle_id = _write(cli, gentle, "2026-03-10 22:00")
    _write(cli, "Baked bread with Ines this morning, the kitchen smelled wonderful.",
           "2026-03-11 09:00")

    digest = cli("digest", "--week", "--date", "2026-03-10", "--json").json

    assert digest["reflections"] == 2
    assert digest["care"] is None
    assert all(line["reflection_id"] != gentle_id for line in digest["lines"])
    assert "numb" not in digest["text"]
    assert "care" not in digest["text"] and "help exists" not in digest["text"]


def test_capitalised_german_nouns_and_plural_weekdays_are_not_names(cli):
    _write(cli, "Ich bin müde nach der Arbeit, aber auch ein bisschen stolz auf mich und Lena.",
           "2026-03-10 22:00")
    _write(cli, "Coffee with Lena on one of our slow Saturdays, a long talk about the move.",
           "2026-03-11 09:00")

    digest = cli("digest", "--week", "--date", "2026-03-10", "--json").json

    assert [p["name"] for p in digest["people"]] == ["Lena"]


def test_what_was_absent_this_week_is_not_announced(cli):
    """A pattern from the week before that this week's reflections do not show is kept in
    the JSON (count 0) but never printed as "not seen": the digest describes what the
    person wrote, not what they supposedly did not feel."""
    _write(cli, "I have to finish the report tonight and I must not be late again.", "2026-03-03 21:00")
    _write(cli, "Walked by the river in the morning. The water was high after the rain.", "2026-03-10 09:00")
    run = cli("digest", "--week", "--date", "2026-03-10", "--json")
    assert run.code == 0, run.err
    obligation = {p["name"]: p for p in run.json["patterns"]}["obligation"]
    assert (obligation["count"], obligation["previous"]) == (0, 1)
    shown = cli("digest", "--week", "--date", "2026-03-10")
    assert shown.code == 0
    assert "Not seen" not in shown.out and "obligation" not in shown.out


def test_people_are_compared_with_the_week_before_as_patterns_are(cli):
    """People who came up carry the week before's count, like patterns and tags: a name
    that stood as a person this week counts in last week's "Sam is away…" too, someone
    only in the week before stays in the JSON with count 0 (and is not printed), and a
    reflection of the week before that received care is never mined for names."""
    _write(cli, "Sam is away until the weekend, and the flat is very quiet.", "2026-03-03 20:00")
    _write(cli, "Coffee with Priya, then a long call with my sister.", "2026-03-04 20:00")
    _write(cli, "I want to kill myself. I told Jonas I was fine but I have the pills ready.",
           "2026-03-05 23:00")
    _write(cli, "Lunch with Sam and Maya by the river.", "2026-03-10 13:00")
    _write(cli, "Maya laughed at my terrible joke about the kettle.", "2026-03-11 19:00")
    _write(cli, "Sam cooked tonight; I did the dishes and we watched the rain.", "2026-03-12 21:00")

    digest = cli("digest", "--week", "--date", "2026-03-11", "--json").json

    assert [(p["name"], p["count"], p["previous"]) for p in digest["people"]] == [
        ("Sam", 2, 1), ("Maya", 2, 0), ("Priya", 0, 1)]
    shown = cli("digest", "--week", "--date", "2026-03-11").out
    assert "People who came up: Sam, Maya\n" in shown + "\n"
    assert "Priya" not in shown and "Jonas" not in shown
