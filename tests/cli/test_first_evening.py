"""What a new user sees on a first evening, through the real CLI: `--pattern` takes the
names Mirror prints and refuses one it does not know, an edit says which inline tags left
with the old text, an earlier version can be made current again, counts read as English,
and text from stdin is kept without its trailing newline."""

from __future__ import annotations

from tests.cli.test_json_schemas import validate

WORRY = "I'm worried about the interview next week, what if it goes badly"
CALM = "A quiet walk by the river, nothing much to say"


def write(cli, text: str, *args: str) -> str:
    run = cli("reflect", "--json", *args, text)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def listed(cli, *args: str) -> list[str]:
    run = cli("list", "--json", *args)
    assert run.code == 0, run.err
    return [r["content"] for r in run.json["reflections"]]


def test_pattern_takes_the_label_mirror_prints_in_any_spelling(cli):
    write(cli, WORRY)
    write(cli, CALM)
    for spelling in ("future anxiety", "future-anxiety", "Future Anxiety", "future_anxiety",
                     "  FUTURE   anxiety "):
        assert listed(cli, "--pattern", spelling) == [WORRY], spelling
    search = cli("search", "interview", "--json", "--pattern", "Future Anxiety")
    assert search.code == 0 and len(search.json["results"]) == 1


def test_an_unknown_pattern_is_invalid_input_listing_the_valid_names(cli):
    write(cli, WORRY)
    bad = cli("list", "--pattern", "foo")
    assert bad.code == 4 and bad.out == ""
    assert bad.err.count("\n") == 1  # one line
    assert "no pattern called 'foo'" in bad.err
    assert "future anxiety" in bad.err and "obligation language" in bad.err
    as_json = cli("list", "--json", "--pattern", "futur anxiety")
    assert as_json.code == 4
    assert as_json.json["code"] == "invalid_input" and as_json.json["exit"] == 4
    assert cli("search", "interview", "--pattern", "nope").code == 4


def test_an_edit_that_drops_an_inline_tag_says_so(cli):
    rid = write(cli, "Went for a walk along the canal #walks", "--tag", "running")
    run = cli("edit", rid[:8], "--text", "Went for a walk along the canal after lunch.")
    assert run.code == 0
    assert "removed tag #walks" in run.err
    tags = cli("show", rid[:8], "--json").json["reflection"]["tags"]
    assert tags == ["running"]  # the --tag tag stays; the inline one followed the text


def test_an_edit_reports_dropped_tags_in_json_and_not_the_ones_asked_for(cli):
    rid = write(cli, "Soup and #walks and #rain")
    run = cli("edit", rid[:8], "--json", "--text", "Soup and #rain")
    assert run.code == 0
    validate("edit", run.json)
    assert run.json["removed_tags"] == ["walks"]
    kept = cli("edit", rid[:8], "--json", "--text", "Soup and #rain, still")
    assert kept.json["removed_tags"] == []
    untag = cli("edit", rid[:8], "--untag", "rain")
    assert untag.code == 0 and "removed tag" not in untag.err


def test_history_restore_makes_an_earlier_version_current_and_keeps_the_replaced_text(cli):
    rid = write(cli, "First words #walks")
    assert cli("edit", rid[:8], "--text", "Second words").code == 0
    run = cli("history", rid[:8], "--restore", "1")
    assert run.code == 0
    assert "restored revision 1" in run.err and "kept as revision 2" in run.err
    shown = cli("show", rid[:8], "--json").json["reflection"]
    assert shown["content"] == "First words #walks"
    assert shown["tags"] == ["walks"]  # inline tags follow the restored text
    history = cli("history", rid[:8], "--json")
    validate("history", history.json)
    assert [r["content"] for r in history.json["revisions"]] == ["First words #walks", "Second words"]
    undo = cli("history", rid[:8], "--restore", "2", "--json")  # a restore can be undone
    validate("history", undo.json)
    assert undo.json["restored"] == 2 and undo.json["removed_tags"] == ["walks"]
    assert undo.json["reflection"]["content"] == "Second words"
    audit = cli("audit", "verify")
    assert audit.code == 0


def test_history_restore_of_a_version_that_does_not_exist_is_invalid_input(cli):
    rid = write(cli, "Only ever one text")
    run = cli("history", rid[:8], "--restore", "1")
    assert run.code == 4 and "has no version 1" in run.err and "never been edited" in run.err
    assert cli("show", rid[:8], "--json").json["reflection"]["content"] == "Only ever one text"
