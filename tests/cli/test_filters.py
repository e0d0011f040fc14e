"""The filters jrnl users rely on, through the real CLI on a real SQLite journal (issue 14,
item 3): --on, --contains, --not-tag, tags with AND/OR, search with every list filter,
--format, `edit --date`, bulk edit/delete over a filter, paging hints that keep every
filter, and `onthisday` with filters."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime

from mirror.clock import FixedClock
from tests.cli.test_json_schemas import validate

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def write(cli, when: str, text: str, *args: str) -> str:
    run = cli("reflect", "--json", "--date", when, *args, text)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def listed(cli, *args: str) -> list[str]:
    run = cli("list", "--json", "-n", "100", *args)
    assert run.code == 0, run.err
    validate("list", run.json)
    return [r["content"] for r in run.json["reflections"]]


def test_on_lists_only_that_day_in_the_journals_zone(cli):
    write(cli, "2026-03-04 23:30", "Late on the fourth")
    write(cli, "2026-03-05 00:30", "Just after midnight on the fifth")  # 23:30 UTC on the 4th
    write(cli, "2026-03-05 22:00", "Evening of the fifth")
    write(cli, "2026-03-06 08:00", "Morning of the sixth")

    assert listed(cli, "--on", "2026-03-05") == ["Evening of the fifth",
                                                 "Just after midnight on the fifth"]
    assert listed(cli, "--on", "2026-03-05", "--since", "2026-03-05 12:00") == ["Evening of the fifth"]
    bad = cli("list", "--on", "the day after never")
    assert bad.code == 4 and bad.err.startswith("mirror: cannot read")


def test_contains_finds_text_inside_words_ignoring_case_in_any_script(cli):
    write(cli, "2026-03-01", "Worked in the GARDEN all day")
    write(cli, "2026-03-02", "So much Ärger at the office")
    write(cli, "2026-03-03", "A quiet day with 100% focus_mode")

    assert listed(cli, "--contains", "arde") == ["Worked in the GARDEN all day"]  # not a word: FTS would miss it
    assert listed(cli, "--contains", "äRGER") == ["So much Ärger at the office"]
    assert listed(cli, "--contains", "100%") == ["A quiet day with 100% focus_mode"]
    assert listed(cli, "--contains", "t_d") == []  # _ and % are text here, not wildcards
    assert cli("list", "--contains", "  ").code == 4


def test_contains_with_several_words_matches_inside_the_first_and_last_word(cli):
    write(cli, "2026-03-01", "The unleaking tapestry of the old house")
    write(cli, "2026-03-02", "A leaking tap, again")
    write(cli, "2026-03-03", "leaking and a tap")

    assert listed(cli, "--contains", "leaking tap") == ["A leaking tap, again",
                                                       "The unleaking tapestry of the old house"]
    assert listed(cli, "--contains", "tapestry OF the") == ["The unleaking tapestry of the old house"]
    assert listed(cli, "--contains", "leaking tap ") == []  # the space after "tap" counts


def test_tags_combine_with_and_or_and_not(cli):
    write(cli, "2026-03-01", "one #work #health")
    write(cli, "2026-03-02", "two #work")
    write(cli, "2026-03-03", "three #health")
    write(cli, "2026-03-04", "four #family")

    assert listed(cli, "--tag", "work", "--tag", "health") == ["one #work #health"]
    assert listed(cli, "--any-tag", "work,family") == ["four #family", "two #work", "one #work #health"]
    assert listed(cli, "--any-tag", "family", "--any-tag", "health") == [
        "four #family", "three #health", "one #work #health"]
    assert listed(cli, "--not-tag", "work") == ["four #family", "three #health"]
    assert listed(cli, "--any-tag", "work,health", "--not-tag", "HEALTH") == ["two #work"]


def test_the_more_hint_repeats_every_filter_and_following_it_continues_the_list(cli):
    for day in range(1, 6):
        write(cli, f"2026-03-0{day}", f"work day {day} #work")
        write(cli, f"2026-03-0{day} 12:00", f"home day {day} #home")

    first = cli("list", "-n", "2", "--tag", "work", "--contains", "day", "--since", "2026-03-02")
    assert first.code == 0
    hint = [line for line in first.err.splitlines() if line.startswith("more: mirror ")]
    assert len(hint) == 1
    words = shlex.split(hint[0].removeprefix("more: mirror "))
    assert words[words.index("--tag") + 1] == "work"
    assert words[words.index("--contains") + 1] == "day"
    assert words[words.index("--since") + 1] == "2026-03-02"

    second = cli(*words)
    assert second.code == 0
    assert "work day 3" in second.out and "home" not in second.out
    assert "work day 1" not in second.out  # --since kept too


def test_search_takes_every_list_filter(cli):
    write(cli, "2026-03-01", "The garden in spring #home")
    write(cli, "2026-03-02", "The garden at the office #work", "--star")
    write(cli, "2026-03-03", "Another garden, private #home", "--private")

    def found(*args: str) -> list[str]:
        run = cli("search", "garden", "--json", *args)
        assert run.code == 0, run.err
        validate("search", run.json)
        return sorted(h["reflection"]["content"] for h in run.json["results"])

    assert len(found()) == 3
    assert found("--tag", "home", "--no-private") == ["The garden in spring #home"]
    assert found("--starred") == ["The garden at the office #work"]
    assert found("--on", "2026-03-03") == ["Another garden, private #home"]
    assert found("--not-tag", "home", "--contains", "OFFICE") == ["The garden at the office #work"]
    assert found("--since", "2026-03-04") == []


def test_search_among_a_few_chosen_reflections_ranks_only_them(cli):
    """A narrow filter (here two of five) is searched among its own reflections: matches
    in between that the filter leaves out never appear, and ranking still holds."""
    write(cli, "2026-03-01", "garden once #home")
    write(cli, "2026-03-02", "garden garden garden #work")
    write(cli, "2026-03-03", "garden garden, the garden again #home")
    write(cli, "2026-03-04", "garden #work")
    write(cli, "2026-03-05", "no match here #home")

    run = cli("search", "garden", "--tag", "home", "--json")
    assert run.code == 0, run.err
    assert [h["reflection"]["content"] for h in run.json["results"]] == [
        "garden garden, the garden again #home", "garden once #home"]
    assert cli("search", "garden", "--on", "2026-03-05", "--json").json["results"] == []
    bad = cli("search", "--fts", '"unclosed', "--on", "2026-03-05")
    assert bad.code == 4  # a malformed query is still named when the filter chooses nothing


def test_format_for_list_and_show(cli):
    rid = write(cli, "2026-03-01 09:15", "First line\nsecond line #home", "--star")

    short = cli("list", "--format", "short")
    assert short.out.count("\n") == 1 and "First line" in short.out and "second line" not in short.out
    full = cli("list", "--format", "full")
    assert "second line #home" in full.out and rid in full.out
    md = cli("show", rid[:8], "--format", "markdown")
    assert md.out.startswith("## 2026-03-01 09:15 (Europe/Berlin)\n\n#home ★\n\nFirst line\nsecond line #home\n")
    assert f"<!-- mirror id {rid} -->" in md.out
    as_json = cli("list", "--format", "json")
    validate("list", as_json.json)
    assert as_json.json["reflections"][0]["id"] == rid
    validate("show", cli("show", rid, "--format", "json").json)
    assert cli("show", rid, "--format", "short").out.startswith(rid[:8])
    assert cli("list", "--format", "yaml").code == 2


def test_edit_date_moves_a_reflection_as_redate_does(cli):
    rid = write(cli, "2026-03-10 08:00", "A walk by the river")
    run = cli("edit", rid[:8], "--date", "yesterday 21:30", "--json", clock=FixedClock(NOW))
    assert run.code == 0, run.err
    validate("edit", run.json)
    assert run.json["reflection"]["created_at"] == "2026-03-13T20:30:00.000000Z"
    assert run.json["reflection"]["content"] == "A walk by the river"
    assert cli("history", rid, "--json").json["revisions"] == []  # same text: no revision
    assert cli("edit", rid, "--date", "not a date").code == 4


def test_bulk_edit_needs_confirmation_counts_and_changes_only_the_chosen(cli):
    a = write(cli, "2026-03-01", "one #work")
    b = write(cli, "2026-03-02", "two #work")
    c = write(cli, "2026-03-03", "three #home")

    refused = cli("edit", "--has-tag", "work", "--star")
    assert refused.code == 2
    assert refused.err == "mirror: edit needs confirmation: add --yes when not at a terminal\n"
    assert listed(cli, "--starred") == []

    said_no = cli("edit", "--has-tag", "work", "--star", input="n\n", tty=True)
    assert "Star on 2 reflections? [y/N]" in said_no.err and said_no.code == 0
    assert listed(cli, "--starred") == []

    done = cli("edit", "--has-tag", "work", "--star", "--tag", "reviewed", input="y\n", tty=True)
    assert done.code == 0 and "edited 2 reflections" in done.err
    assert listed(cli, "--starred") == ["two #work", "one #work"]
    assert listed(cli, "--tag", "reviewed") == ["two #work", "one #work"]

    run = cli("edit", "--contains", "WORK", "--no-star", "--untag", "reviewed", "--yes", "--json")
    assert run.code == 0
    validate("edit", run.json)
    assert run.json["count"] == 2 and {r["id"] for r in run.json["reflections"]} == {a, b}
    assert c not in {r["id"] for r in run.json["reflections"]}
    assert listed(cli, "--starred") == []


def test_bulk_edit_refuses_what_needs_one_reflection(cli):
    rid = write(cli, "2026-03-01", "one #work")
    assert cli("edit", "--has-tag", "work", "--text", "new", "--yes").code == 2
    assert cli("edit", "--has-tag", "work", "--date", "2026-01-01", "--yes").code == 2
    assert cli("edit", "--has-tag", "work", "--yes").code == 2  # no change named
    both = cli("edit", rid, "--has-tag", "work", "--star")
    assert both.code == 2 and "an ID or filters, not both" in both.err
    assert listed(cli) == ["one #work"]


def test_bulk_delete_counts_asks_and_removes_only_the_chosen(cli):
    write(cli, "2026-03-01", "keep me #home")
    write(cli, "2026-03-02", "remove me #junk")
    write(cli, "2026-03-03", "remove me too #junk")

    nothing = cli("delete")
    assert nothing.code == 2 and "needs a reflection ID, or filters" in nothing.err
    refused = cli("delete", "--tag", "junk")
    assert refused.code == 2 and "add --yes" in refused.err
    kept = cli("delete", "--tag", "junk", input="\n", tty=True)
    assert "Delete 2 reflections" in kept.err and "kept" in kept.err
    assert len(listed(cli)) == 3

    run = cli("delete", "--tag", "junk", "--json", "--yes")
    assert run.code == 0
    validate("delete", run.json)
    assert run.json["count"] == 2 and len(run.json["deleted"]) == 2
    assert listed(cli) == ["keep me #home"]
    none = cli("delete", "--tag", "junk", "--yes")
    assert none.code == 0 and "no reflections match" in none.err
    assert cli("stats", "--json").json["deleted"] == 2


def test_onthisday_takes_the_filters(cli):
    write(cli, "2025-03-14 09:00", "Last year at work #work")
    write(cli, "2024-03-14 09:00", "Two years ago at home #home")
    write(cli, "2023-03-14 09:00", "Three years ago, a garden #home")

    def years(*args: str) -> list[int]:
        run = cli("onthisday", "--date", "2026-03-14", "--json", *args)
        assert run.code == 0, run.err
        validate("onthisday", run.json)
        return [e["year"] for e in run.json["reflections"]]

    assert years() == [2025, 2024, 2023]
    assert years("--tag", "home") == [2024, 2023]
    assert years("--not-tag", "home") == [2025]
    assert years("--contains", "GARDEN") == [2023]
    assert cli("onthisday", "--on", "2026-03-14").code == 2  # the day is --date here


def test_numbers_alone_are_not_a_date_and_a_month_bound_covers_the_month(cli):
    write(cli, "2026-02-01 09:00", "First of February")
    write(cli, "2026-02-28 21:00", "Last of February")
    write(cli, "2026-03-01 08:00", "First of March")
    for junk in ("x", "2 20", "one"):                      # "x" was October, "2 20" Feb 20th
        bad = cli("list", "--since", junk, clock=FixedClock(NOW))
        assert bad.code == 4
        assert bad.err.strip() == (f"mirror: cannot read '{junk}' as a date"
                                   " (try 2024-03-05 21:30 or 'yesterday 21:30')")
    assert listed(cli, "--since", "february", "--until", "february") == [
        "Last of February", "First of February"]
