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


JRNL = """[2026-11-10 21:00] Bookshop. I keep thinking about that bookshop on the corner.

[2026-11-12 20:30] Rain all day. Stayed in with soup.

[2026-11-14 19:15] Long walk with Sam @walks.
"""


def test_a_bundle_import_says_plainly_that_a_reflection_deleted_here_was_not_restored(cli, tmp_path):
    keep = write(cli, "Kept and exported")
    gone = write(cli, "Exported, then deleted here")
    bundle = tmp_path / "backup.zip"
    assert cli("export", str(bundle)).code == 0
    deleted = cli("delete", gone[:8], "--yes")
    assert "importing one brings it back only with --restore-deleted" in deleted.err
    run = cli("import", str(bundle))
    assert run.code == 0
    assert "1 reflection deleted here was not restored; `mirror import --restore-deleted` brings it back" in run.err
    assert "reflections skipped deleted" not in run.err and "already holds everything" in run.err
    assert cli("show", gone[:8]).code == 3 and cli("show", keep[:8]).code == 0
    as_json = cli("import", str(bundle), "--json")
    assert as_json.json["changes"]["reflections_skipped_deleted"] == 1


def test_a_jrnl_reimport_says_deleted_here_not_already_here(cli, tmp_path):
    path = tmp_path / "journal.txt"
    path.write_text(JRNL)
    first = cli("import", "--from", "jrnl", str(path), "--tz", "UTC", "--json")
    assert first.json["changes"]["reflections_added"] == 3
    rain = [r["id"] for r in cli("list", "--json", "--contains", "soup").json["reflections"]]
    assert cli("delete", rain[0][:8], "--yes").code == 0
    again = cli("import", "--from", "jrnl", str(path), "--tz", "UTC")
    assert again.code == 0
    assert "imported 0 of 3 jrnl entries (2 already here, 1 deleted here, not imported again)" in again.err
    as_json = cli("import", "--from", "jrnl", str(path), "--tz", "UTC", "--json")
    validate("import", as_json.json)
    changes = as_json.json["changes"]
    assert (changes["reflections_skipped_existing"], changes["reflections_skipped_deleted"]) == (2, 1)


def test_counts_read_as_english_one_reflection_two_reflections(cli, tmp_path):
    rid = write(cli, "First text")
    assert cli("edit", rid[:8], "--text", "Second text").code == 0
    shown = cli("show", rid[:8], "--format", "full")
    assert "1 earlier version" in shown.out and "version(s)" not in shown.out
    stats = cli("stats")
    assert "(1 reflection)" in stats.out and "(1 reflections)" not in stats.out
    exported = cli("export", str(tmp_path / "b.zip"))
    assert "(1 reflection)" in exported.err and "reflection(s)" not in exported.err
    write(cli, "Another one")
    assert "(2 reflections)" in cli("export", str(tmp_path / "c.zip")).err
    b = tmp_path / "other"
    assert cli("--home", str(b), "reflect", "Elsewhere").code == 0
    assert cli("--home", str(b), "delete", "--contains", "Elsewhere", "--yes").code == 0
    assert cli("--home", str(b), "export", str(tmp_path / "d.zip")).code == 0
    merged = cli("import", str(tmp_path / "d.zip"))
    assert "1 tombstone added" in merged.err and "tombstones added" not in merged.err


def test_stats_prints_first_and_last_as_the_rest_of_the_cli_does(cli):
    write(cli, "Late in the evening", "--date", "2026-12-02 21:30")
    out = cli("stats").out
    assert "first           2026-12-02 21:30" in out and "T21:30:00" not in out
    first = cli("stats", "--json").json["first"]  # --json keeps the stored UTC ISO time
    assert first.startswith("2026-12-02T") and first.endswith("Z")


def test_text_from_stdin_is_kept_without_its_trailing_blank_lines(cli):
    run = cli("reflect", "--json", input="Saw a heron.\n  Then rain.\n\n\n")
    assert run.json["reflection"]["content"] == "Saw a heron.\n  Then rain."
    rid = run.json["reflection"]["id"]
    edited = cli("edit", rid[:8], "--json", input="Saw a heron.\n\nThen sun.\n")
    assert edited.json["reflection"]["content"] == "Saw a heron.\n\nThen sun."


def test_an_unknown_flag_points_to_the_commands_help_and_the_close_flag(cli):
    run = cli("list", "--tagg", "x")
    assert run.code == 2
    assert "did you mean --tag?" in run.err and "`mirror list --help`" in run.err
    as_json = cli("search", "--json", "--sinse", "x", "river")
    assert as_json.code == 2 and as_json.json["code"] == "usage"
    assert "did you mean --since?" in as_json.json["error"]
    assert "`mirror search --help`" in as_json.json["error"]
    far = cli("list", "--zzzzzz")
    assert far.code == 2 and "did you mean" not in far.err


def _memory(cli, when: str, text: str) -> str:
    run = cli("reflect", "--json", "--date", when, text)
    assert run.code == 0, run.err
    return run.json["mirrorback"]["content"]


def test_a_name_that_only_ever_opens_its_sentences_still_comes_up(cli):
    _memory(cli, "2026-11-20 08:15", "Morning coffee on the balcony. Sam says I should just ask her.")
    _memory(cli, "2026-12-01 21:00", "Sam cooked dinner and we watched the rain.")
    text = _memory(cli, "2026-12-02 21:30", "Sam forgot our anniversary dinner. I pretended it was fine.")
    assert "Sam comes up for the third time this month." in text


def test_an_ordinary_word_opening_sentences_is_not_taken_for_a_name(cli):
    _memory(cli, "2026-11-20 08:15", "Walked to the station in the rain. Rain all morning.")
    _memory(cli, "2026-12-01 21:00", "Walked home slowly. Rain again, and cold.")
    text = _memory(cli, "2026-12-02 21:30", "Walked the long way round. Rain on the windows tonight.")
    assert "comes up" not in text


def test_a_line_repeated_weeks_later_is_remembered_with_its_date(cli):
    _memory(cli, "2026-11-10 20:00", "The old bookshop on Mill Street is closing down. "
                                     "I keep thinking about that bookshop and all the Saturdays there.")
    text = _memory(cli, "2026-12-02 21:30", "Walked past the bookshop again. I keep thinking about that bookshop.")
    assert "On 10 November you wrote “I keep thinking about that bookshop" in text


def _audit_rows(home) -> list[tuple[str, str, str]]:
    import sqlite3

    with sqlite3.connect(home / "mirror.db") as conn:
        return list(conn.execute("SELECT action, entity_id, details FROM audit_log ORDER BY seq"))


def test_restore_deleted_brings_a_reflection_back_under_a_new_id_and_the_tombstone_stays(
        cli, tmp_path, mirror_home):
    write(cli, "Kept and exported #walks")
    gone = write(cli, "Exported, then deleted here #rain", "--star")
    bundle = tmp_path / "backup.zip"
    assert cli("export", str(bundle)).code == 0
    assert cli("delete", gone[:8], "--yes").code == 0

    dry = cli("import", str(bundle), "--restore-deleted", "--dry-run")
    assert "1 reflection deleted here would come back" in dry.err
    assert listed(cli, "--contains", "deleted here") == []  # a dry run changes nothing

    run = cli("import", str(bundle), "--restore-deleted", "--json")
    assert run.code == 0
    validate("import", run.json)
    assert run.json["changes"]["reflections_restored"] == 1
    back = cli("list", "--json", "--contains", "deleted here").json["reflections"]
    assert len(back) == 1
    restored = back[0]
    assert restored["id"] != gone  # a new ID: the old one stays deleted (tombstones win)
    assert restored["content"] == "Exported, then deleted here #rain"
    assert restored["starred"] is True and restored["tags"] == ["rain"]
    assert restored["metadata"]["restored_from"] == gone
    assert cli("show", gone[:8]).code == 3

    creates = [(eid, details) for action, eid, details in _audit_rows(mirror_home)
               if action == "create" and "restored_from" in details]
    assert [eid for eid, _ in creates] == [restored["id"]] and gone in creates[0][1]
    assert cli("audit", "verify").code == 0

    # Neither a plain import nor another restore brings it back twice.
    plain = cli("import", str(bundle))
    assert "was restored by an earlier import already" in plain.err
    assert "was not restored" not in plain.err
    again = cli("import", str(bundle), "--restore-deleted", "--json")
    assert again.json["changes"]["reflections_restored"] == 0
    assert again.json["changes"]["reflections_restored_earlier"] == 1
    assert len(cli("list", "--json", "--contains", "deleted here").json["reflections"]) == 1


def test_restore_deleted_never_undoes_a_deletion_the_bundle_carries(cli, tmp_path):
    """The bundle's own tombstones still win: what its journal deleted stays deleted here,
    --restore-deleted or not (it restores only copies the bundle holds)."""
    rid = write(cli, "Deleted in the other journal")
    first = tmp_path / "first.zip"
    assert cli("export", str(first)).code == 0
    other = tmp_path / "other"
    assert cli("--home", str(other), "import", str(first)).code == 0
    assert cli("--home", str(other), "delete", rid[:8], "--yes").code == 0
    later = tmp_path / "later.zip"
    assert cli("--home", str(other), "export", str(later)).code == 0
    run = cli("import", str(later), "--restore-deleted", "--allow-deletes", "--json")
    assert run.code == 0
    assert run.json["changes"]["reflections_deleted"] == 1
    assert run.json["changes"]["reflections_restored"] == 0
    assert listed(cli) == []


def test_restore_deleted_is_for_bundles_only(cli, tmp_path):
    path = tmp_path / "journal.txt"
    path.write_text(JRNL)
    run = cli("import", "--from", "jrnl", str(path), "--restore-deleted")
    assert run.code == 2 and "--restore-deleted apply to bundles only" in run.err
