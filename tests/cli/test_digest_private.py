"""Private entries in a digest: one rule everywhere. A digest is written for the person on
their own machine and never stored, so a private entry is read like any other — quoted
where it holds the period, marked "(private)", its people named — and whatever leaves the
machine is built as if it had not been written (tests/models/test_digest_engine.py)."""

from __future__ import annotations

from mirror.services import digest as digest_service
from mirror.services.journal import Journal


def _write(cli, text: str, date: str, *extra: str) -> str:
    run = cli("reflect", "--json", "--date", date, *extra, input=text)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


WEEK = [
    ("Bins, emails, a long queue at the post office. Rain all day.", "2026-06-01 19:00", ()),
    ("I'm so ashamed of how I spoke to Ilse tonight. I love her and I was cruel, and I "
     "can't stop crying about it.", "2026-06-03 23:00", ("--private",)),
    ("Made soup. Watched the match. Early night.", "2026-06-05 21:00", ()),
]


def test_a_private_entry_is_quoted_marked_and_its_people_named(cli):
    ids = [_write(cli, text, date, *extra) for text, date, extra in WEEK]

    digest = cli("digest", "--week", "--date", "2026-06-03", "--json").json

    line = next(line for line in digest["lines"] if line["reflection_id"] == ids[1])
    assert line["private"] is True
    assert "ashamed" in line["text"]
    assert "(private)" in digest["text"]
    assert "Ilse" in [p["name"] for p in digest["people"] if p["count"]]
    plain = cli("digest", "--week", "--date", "2026-06-03").out
    assert "(private)" in plain  # the same rule in the text as in the JSON


def test_a_week_and_its_month_follow_the_same_rule(cli):
    ids = [_write(cli, text, date, *extra) for text, date, extra in WEEK]

    week = cli("digest", "--week", "--date", "2026-06-03", "--json").json
    month = cli("digest", "--month", "--date", "2026-06-03", "--json").json

    for digest in (week, month):
        assert ids[1] in {line["reflection_id"] for line in digest["lines"]}
        assert all(line["private"] == (line["reflection_id"] == ids[1]) for line in digest["lines"])


def test_what_may_leave_the_machine_holds_nothing_of_a_private_entry(cli, mirror_home):
    for text, date, extra in WEEK:
        _write(cli, text, date, *extra)

    with Journal.open(mirror_home) as journal:
        ctx = journal.context
        period = digest_service.resolve_period(ctx, "week", "2026-06-03")
        previous = digest_service.previous_of(period, ctx.timezone)
        shared = digest_service._build(ctx, period, previous, include_private=False)

    assert not any(line.private for line in shared.lines)
    assert "Ilse" not in shared.text and "ashamed" not in shared.text
    assert "Ilse" not in [p.name for p in shared.people]
