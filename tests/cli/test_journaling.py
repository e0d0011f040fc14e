"""Everyday journaling from the CLI, as a person scripting their notes would use it."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta

from mirror.clock import FixedClock


def reflect_id(cli, *args: str, **kwargs) -> str:
    run = cli("reflect", "--json", *args, **kwargs)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def test_reflect_from_argument_saves_text_tags_and_star(cli):
    rid = reflect_id(cli, "--tag", "work", "--star", "Long day. #tired and @home")
    shown = cli("show", rid, "--json").json["reflection"]
    assert shown["content"] == "Long day. #tired and @home"
    assert shown["tags"] == ["home", "tired", "work"]
    assert shown["starred"] is True
    assert shown["private"] is False


def test_reflect_reads_stdin_when_no_text_is_given(cli):
    rid = reflect_id(cli, input="line one\nline two\n")
    assert cli("show", rid, "--json").json["reflection"]["content"] == "line one\nline two"  # the pipe's final newline is not text


def test_a_lone_dash_reads_stdin_as_other_tools_do(cli):
    rid = reflect_id(cli, "-", input="from a pipe\n")
    assert cli("show", rid, "--json").json["reflection"]["content"] == "from a pipe"


def test_reflect_opens_the_editor_on_a_terminal(cli, tmp_path, monkeypatch):
    editor = tmp_path / "fake-editor"
    editor.write_text("#!/bin/sh\nprintf 'written in the editor' > \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    rid = reflect_id(cli, tty=True)
    assert cli("show", rid, "--json").json["reflection"]["content"] == "written in the editor"


def test_a_failed_editor_keeps_the_draft_and_saves_nothing(cli, mirror_home, monkeypatch):
    monkeypatch.setenv("EDITOR", "false")
    run = cli("reflect", tty=True)
    assert run.code == 4
    assert "draft kept" in run.err
    assert cli("list", "--json").json["reflections"] == []


def test_empty_reflection_is_refused_with_exit_4(cli):
    run = cli("reflect", "   ")
    assert run.code == 4
    assert run.err.startswith("mirror: ") and "empty" in run.err
    assert run.err.count("\n") == 1


def test_natural_language_date_is_read_in_the_writers_zone(cli):
    clock = FixedClock(datetime(2026, 3, 14, 12, 0, tzinfo=UTC))
    rid = reflect_id(cli, "--date", "yesterday 21:30", "Late walk", clock=clock)
    r = cli("show", rid, "--json").json["reflection"]
    # Europe/Berlin is UTC+1 in March: 21:30 local on the 13th is 20:30 UTC.
    assert r["created_at"] == "2026-03-13T20:30:00.000000Z"
    assert r["created_tz"] == "Europe/Berlin"


def test_invalid_date_is_refused_with_exit_4_and_nothing_saved(cli):
    run = cli("reflect", "--date", "the twelfth of never-ish", "text")
    assert run.code == 4
    assert "date" in run.err
    assert cli("list", "--json").json["reflections"] == []


def test_list_is_newest_first_and_pages_by_cursor(cli):
    clock = FixedClock(datetime(2026, 1, 1, tzinfo=UTC), step=timedelta(hours=1))
    ids = [reflect_id(cli, f"entry {i}", clock=clock) for i in range(5)]
    first = cli("list", "-n", "2", "--json").json
    assert [r["id"] for r in first["reflections"]] == [ids[4], ids[3]]
    second = cli("list", "-n", "2", "--cursor", first["next_cursor"], "--json").json
    assert [r["id"] for r in second["reflections"]] == [ids[2], ids[1]]
    third = cli("list", "-n", "2", "--cursor", second["next_cursor"], "--json").json
    assert [r["id"] for r in third["reflections"]] == [ids[0]]
    assert third["next_cursor"] is None


def test_list_filters_by_tag_star_private_and_dates(cli):
    reflect_id(cli, "--date", "2025-01-10", "winter #cold")
    starred = reflect_id(cli, "--date", "2025-06-10", "--star", "summer #warm")
    private = reflect_id(cli, "--date", "2025-07-10", "--private", "secret #warm")
    ids = lambda *a: [r["id"] for r in cli("list", "--json", *a).json["reflections"]]
    assert ids("--tag", "warm") == [private, starred]
    assert ids("--starred") == [starred]
    assert ids("--private") == [private]
    assert ids("--since", "2025-06-01", "--until", "2025-06-30") == [starred]
    assert len(ids("--no-private")) == 2


def test_show_accepts_a_unique_prefix(cli):
    rid = reflect_id(cli, "prefix me")
    assert cli("show", rid[:8], "--json").json["reflection"]["id"] == rid


def test_unknown_id_exits_3(cli):
    reflect_id(cli, "something")
    run = cli("show", "ffffffff")
    assert run.code == 3
    assert run.err == "mirror: no reflection with ID ffffffff\n"


def test_ambiguous_prefix_exits_3(cli):
    clock = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    for text in ("one", "two"):  # FixedClock IDs share a long common prefix
        reflect_id(cli, text, clock=clock)
    run = cli("show", "0000")
    assert run.code == 3
    assert "ambiguous" in run.err


def test_edit_keeps_the_old_text_as_a_revision(cli):
    rid = reflect_id(cli, "first words")
    assert cli("edit", rid, "--text", "second words").code == 0
    assert cli("edit", rid, input="third words").code == 0
    history = cli("history", rid, "--json").json
    assert [r["content"] for r in history["revisions"]] == ["first words", "second words"]
    assert history["reflection"]["content"] == "third words"
    assert history["reflection"]["revisions"] == 2


def test_edit_can_star_and_retag_without_touching_the_text(cli):
    rid = reflect_id(cli, "plain #alpha")
    cli("edit", rid, "--star", "--tag", "beta", "--untag", "alpha")
    r = cli("show", rid, "--json").json["reflection"]
    assert r["starred"] is True and r["tags"] == ["beta"] and r["revisions"] == 0


def test_edit_to_empty_text_is_refused(cli):
    rid = reflect_id(cli, "keep me")
    assert cli("edit", rid, "--text", "  ").code == 4
    assert cli("show", rid, "--json").json["reflection"]["content"] == "keep me"


def test_delete_needs_yes_off_a_terminal_and_warns_about_bundles(cli):
    rid = reflect_id(cli, "to be removed")
    refused = cli("delete", rid)
    assert refused.code == 2
    assert cli("show", rid).code == 0
    done = cli("delete", rid, "--yes")
    assert done.code == 0
    assert "Bundles exported earlier still contain it" in done.err
    gone = cli("show", rid)
    assert gone.code == 3 and "deleted" in gone.err


def test_delete_asks_on_a_terminal_and_no_keeps_it(cli):
    rid = reflect_id(cli, "maybe")
    run = cli("delete", rid, input="n\n", tty=True)
    assert run.code == 0 and "kept" in run.err
    assert cli("show", rid).code == 0


def test_search_ranks_and_highlights(cli):
    reflect_id(cli, "The garden was quiet and the garden smelled of rain")
    reflect_id(cli, "A meeting about the budget")
    reflect_id(cli, "I walked past a garden")
    hits = cli("search", "garden", "--json").json["results"]
    assert len(hits) == 2
    assert "garden smelled" in hits[0]["reflection"]["content"]  # two hits rank first
    assert any(seg["match"] and seg["text"].lower() == "garden" for seg in hits[0]["snippet"])
    text = cli("search", "garden").out
    assert "[garden]" in text  # highlighted without colour when not a terminal


def test_search_survives_fts_syntax_in_the_query(cli):
    reflect_id(cli, 'She said "NEAR" and AND OR (maybe)')
    run = cli("search", '"NEAR"', "(maybe", "--json")
    assert run.code == 0
    assert len(run.json["results"]) == 1


def test_search_prefix_with_star(cli):
    reflect_id(cli, "gardenias today")
    assert len(cli("search", "garden*", "--json").json["results"]) == 1
    assert cli("search", "garden", "--json").json["results"] == []   # another word, not a form of it


def test_tags_counts(cli):
    reflect_id(cli, "#a #b")
    reflect_id(cli, "#a")
    assert cli("tags", "--json").json == {"tags": [{"name": "a", "reflections": 2},
                                                   {"name": "b", "reflections": 1}]}


def test_email_addresses_are_not_tags(cli):
    rid = reflect_id(cli, "wrote to sam@example.com about #plans")
    assert cli("show", rid, "--json").json["reflection"]["tags"] == ["plans"]


def test_stats_counts(cli):
    reflect_id(cli, "--star", "one")
    rid = reflect_id(cli, "two")
    cli("delete", rid, "--yes")
    stats = cli("stats", "--json").json
    assert stats["reflections"] == 1 and stats["starred"] == 1 and stats["deleted"] == 1


def test_threads_lifecycle(cli):
    assert cli("threads", "create", "Moving house").code == 0
    first = reflect_id(cli, "--thread", "Moving house", "Boxes everywhere")
    second = reflect_id(cli, "Found the keys")
    assert cli("threads", "add", "moving house", second).code == 0
    shown = cli("threads", "show", "Moving house", "--json").json
    assert [r["id"] for r in shown["reflections"]] == [first, second]  # oldest first
    assert cli("threads", "rename", "Moving house", "New home").code == 0
    assert cli("threads", "archive", "New home").code == 0
    assert cli("threads", "--json").json["threads"] == []
    assert [t["title"] for t in cli("threads", "--all", "--json").json["threads"]] == ["New home"]
    assert cli("threads", "remove", "New home", first).code == 0
    assert cli("threads", "show", "New home", "--json").json["thread"]["reflections"] == 1


def test_unknown_thread_exits_3_and_duplicate_title_exits_4(cli):
    assert cli("reflect", "--thread", "nope", "text").code == 3
    cli("threads", "create", "Same")
    assert cli("threads", "create", "Same").code == 4


def test_config_set_get_list_and_validation(cli, mirror_home):
    assert cli("config", "set", "engine", "ollama").code == 0
    assert cli("config", "get", "engine", "--json").json == {"key": "engine", "value": "ollama"}
    assert cli("config", "set", "engine", "gpt").code == 4
    assert cli("config", "set", "nonsense.option", "1").code == 3
    assert cli("config", "set", "anthropic.api_key", "sk-123").code == 4  # secrets refused
    assert "sk-123" not in (mirror_home / "config.toml").read_text()
    assert cli("config", "set", "care.resources", "Call Ana: 555 0100", "My GP").code == 0
    assert cli("config", "get", "care.resources", "--json").json["value"] == ["Call Ana: 555 0100", "My GP"]
    assert cli("config", "set", "timezone", "Mars/Olympus").code == 4
    listed = {row["key"]: row for row in cli("config", "list", "--json").json["settings"]}
    assert listed["engine"]["set"] is True and listed["timezone"]["set"] is False
    assert cli("config", "unset", "engine", "--json").json["value"] == "offline"


def test_private_by_default_setting(cli):
    cli("config", "set", "private_by_default", "true")
    rid = reflect_id(cli, "hidden")
    assert cli("show", rid, "--json").json["reflection"]["private"] is True


def test_usage_errors_exit_2_with_one_line(cli):
    run = cli("list", "--bogus")
    assert run.code == 2
    assert run.err.count("\n") == 1 and run.err.startswith("mirror: ")
    assert cli("show").code == 2


def test_version(cli):
    from mirror import __version__

    run = cli("--version")
    assert run.code == 0 and __version__ in run.out


def test_json_flag_works_before_or_after_the_command(cli):
    reflect_id(cli, "x")
    assert json.loads(cli("--json", "list").out)["reflections"]
    assert json.loads(cli("list", "--json").out)["reflections"]


def test_home_flag_overrides_the_environment(cli, tmp_path):
    other = tmp_path / "elsewhere"
    assert cli("--home", str(other), "reflect", "over there").code == 0
    assert (other / "mirror.db").exists()
    assert cli("list", "--json").json["reflections"] == []


def test_journal_folder_is_private_to_the_owner(cli, mirror_home):
    reflect_id(cli, "x")
    assert stat.S_IMODE(os.stat(mirror_home).st_mode) == 0o700


def test_completion_script_names_the_commands(cli):
    run = cli("completion", "bash")
    assert run.code == 0
    for command in ("reflect", "search", "threads"):
        assert command in run.out


def test_internal_errors_are_one_line_and_logged(cli, mirror_home, monkeypatch):
    from mirror.services import journal as service

    def boom(self, *a, **k):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(service.Journal, "stats", boom)
    cli("reflect", "make the home exist")
    run = cli("stats")
    assert run.code == 1
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert "Traceback" in (mirror_home / "mirror.log").read_text()


def test_config_refuses_a_key_that_collides_with_a_value(cli, mirror_home):
    cli("config", "set", "engine", "offline")
    (mirror_home / "config.toml").write_text('engine = "offline"\n[care]\nresources = []\n')
    assert cli("config", "set", "checks.max_retries", "0").code == 0
    assert cli("config", "get", "checks.max_retries", "--json").json["value"] == 0
    (mirror_home / "config.toml").write_text('checks = "oops"\n')
    run = cli("config", "set", "checks.max_retries", "1")
    assert run.code == 4 and "cannot be set" in run.err


def test_an_unknown_command_lists_the_real_ones(cli):
    run = cli("--home", "/nonexistent-never-created", "reflekt", "x")
    assert run.code == 2
    assert "invalid choice" in run.err and "reflect" in run.err


def test_global_options_before_the_command_still_work(cli, tmp_path):
    home = tmp_path / "h"
    assert cli("--json", "--home", str(home), "reflect", "before").code == 0
    assert cli("--home", str(home), "--json", "list").json["reflections"][0]["content"] == "before"


def test_a_long_title_in_list_is_cut_after_a_whole_word(cli):
    text = "I'm also scared that I'm afraid she'll never forgive me for what I said at dinner"
    reflect_id(cli, text)
    line = cli("list").out.strip()
    shown = line[line.index("I'm"):]
    assert shown.endswith("…") and text.startswith(shown[:-1])
    assert text[len(shown) - 1] == " "


def test_one_run_and_one_audit_entry_read_in_the_singular(cli):
    reflect_id(cli, "Just one entry tonight")
    evolve = cli("evolve").out
    assert "1 run " in evolve and "1 runs" not in evolve
    doctor = cli("doctor").out
    audit = next(line for line in doctor.splitlines() if "audit chain" in line)
    count = int(audit.split("audit chain")[1].split()[0])
    assert f"{count} {'entry' if count == 1 else 'entries'}," in audit
