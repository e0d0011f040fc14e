"""Behaviour a careful user found at the edges: odd dates, range bounds that name a day,
edits that change meaning, hand-edited settings, and interrupted prompts."""

from __future__ import annotations

from datetime import UTC, datetime

from mirror.clock import FixedClock


def reflect(cli, *args, **kwargs) -> str:
    run = cli("reflect", "--json", *args, **kwargs)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def test_a_date_outside_sane_years_is_refused_and_nothing_saved(cli):
    for text in ("0999-06-01", "9999-12-31 10:00"):
        run = cli("reflect", "--date", text, "typo year")
        assert run.code == 4, run.err
    assert cli("list", "--json").json["reflections"] == []
    assert cli("list", "--until", "9999-12-31").code == 4


def test_range_bounds_that_name_a_day_cover_the_whole_day(cli):
    clock = FixedClock(datetime(2026, 11, 21, 12, 0, tzinfo=UTC))
    early = reflect(cli, "--date", "2026-11-20 00:10", "just after midnight", clock=clock)
    late = reflect(cli, "--date", "2026-11-20 23:30", "late evening", clock=clock)
    ids = lambda *a: {r["id"] for r in cli("list", "--json", *a, clock=clock).json["reflections"]}
    assert ids("--since", "yesterday", "--until", "yesterday") == {early, late}
    assert ids("--since", "November 20 2026", "--until", "November 20 2026") == {early, late}
    assert ids("--until", "20261120") == {early, late}


def test_editing_the_text_re_derives_its_patterns(cli):
    rid = reflect(cli, "I must always do everything perfectly")
    assert {p["pattern"] for p in cli("show", rid, "--json").json["patterns"]} >= {"obligation"}
    cli("edit", rid, "--text", "a calm walk by the river")
    assert cli("show", rid, "--json").json["patterns"] == []
    assert cli("list", "--pattern", "obligation", "--json").json["reflections"] == []


def test_editing_crisis_text_in_or_out_updates_care(cli):
    rid = reflect(cli, "an ordinary day")
    cli("edit", rid, "--text", "I want to kill myself")
    assert [r["id"] for r in cli("list", "--care", "--json").json["reflections"]] == [rid]
    cli("edit", rid, "--text", "an ordinary day after all")
    assert cli("list", "--care", "--json").json["reflections"] == []


def test_a_hand_edited_bad_setting_is_named_before_anything_is_saved(cli, mirror_home):
    reflect(cli, "first")
    for bad in ('engine = "gpt"\n', 'timezone = "Mars/Olympus"\n', 'private_by_default = "no"\n',
                '[care]\nresources = "call mum"\n'):
        (mirror_home / "config.toml").write_text(bad)
        run = cli("reflect", "second")
        assert run.code == 4, (bad, run.err)
        assert "config.toml" in run.err and run.err.count("\n") == 1
    (mirror_home / "config.toml").write_text('ollama = "x"\n')
    assert cli("config", "unset", "ollama.model").code == 0
    assert [r["content"] for r in cli("list", "--json").json["reflections"]] == ["first"]


def test_a_bad_date_is_reported_before_the_editor_opens(cli, tmp_path, monkeypatch):
    opened = tmp_path / "opened"
    editor = tmp_path / "editor"
    editor.write_text(f"#!/bin/sh\ntouch {opened}\nprintf 'typed' > \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    run = cli("reflect", "--date", "last blursday", tty=True)
    assert run.code == 4 and not opened.exists()
    assert cli("reflect", "--thread", "no such thread", tty=True).code == 3 and not opened.exists()


def test_ctrl_d_at_the_delete_prompt_keeps_the_reflection(cli):
    rid = reflect(cli, "keep me")
    run = cli("delete", rid, input="", tty=True)
    assert run.code == 0 and "kept" in run.err
    assert cli("show", rid).code == 0


def test_exporting_a_public_key_into_a_missing_folder_is_a_clear_error(cli, tmp_path):
    run = cli("key", "export-public", str(tmp_path / "no" / "such" / "key.pub"))
    assert run.code == 3 and "cannot write" in run.err and "Traceback" not in run.err


def test_saving_unchanged_text_in_the_editor_is_not_a_new_revision(cli, tmp_path, monkeypatch):
    editor = tmp_path / "vim-like"
    editor.write_text("#!/bin/sh\nprintf '\\n' >> \"$1\"\n")  # :wq adds the final newline
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    rid = reflect(cli, "no trailing newline here")
    assert cli("edit", rid, tty=True).code == 0
    shown = cli("show", rid, "--json").json["reflection"]
    assert shown["revisions"] == 0 and shown["content"] == "no trailing newline here"
