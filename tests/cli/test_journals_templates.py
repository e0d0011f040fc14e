"""Several journals (`--journal NAME`, `[journals]` in the default home's config.toml,
`mirror journals`) and entry templates (`mirror reflect --template NAME`, files in
templates/ of the journal folder), through the real CLI on real SQLite files."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_json_schemas import validate


def name_journals(home: Path, body: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(body, "utf-8")


def contents(run) -> list[str]:
    assert run.code == 0, run.err
    return [r["content"] for r in run.json["reflections"]]


def test_each_named_journal_is_its_own_home(cli, mirror_home, tmp_path):
    work = tmp_path / "elsewhere" / "work"
    name_journals(mirror_home, f'[journals]\nwork = "{work}"\nsport = "sport-journal"\n')

    assert cli("reflect", "At home, a quiet evening").code == 0
    assert cli("--journal", "work", "reflect", "The quarterly review").code == 0
    assert cli("reflect", "--journal", "sport", "Ran 10 km").code == 0  # after the command too

    assert contents(cli("list", "--json")) == ["At home, a quiet evening"]
    assert contents(cli("--journal", "work", "list", "--json")) == ["The quarterly review"]
    assert contents(cli("list", "--journal", "sport", "--json")) == ["Ran 10 km"]
    assert (work / "mirror.db").is_file()
    assert (mirror_home / "sport-journal" / "mirror.db").is_file()  # relative: to the default home
    assert contents(cli("--journal", "default", "list", "--json")) == ["At home, a quiet evening"]


def test_journals_lists_them_and_marks_the_one_in_use(cli, mirror_home, tmp_path):
    name_journals(mirror_home, f'engine = "offline"\n[journals]\nwork = "{tmp_path / "w"}"\n')
    run = cli("journals", "--json", "--journal", "work")
    assert run.code == 0, run.err
    validate("journals", run.json)
    assert run.json["current"] == "work"
    assert [(j["name"], j["exists"]) for j in run.json["journals"]] == [("default", False),
                                                                        ("work", False)]
    text = cli("journals")
    assert text.out.splitlines()[0].startswith("* default")
    assert "work" in text.out and str(tmp_path / "w") in text.out


def test_an_unknown_journal_is_not_found_and_names_the_known_ones(cli, mirror_home, tmp_path):
    name_journals(mirror_home, f'[journals]\nwork = "{tmp_path / "w"}"\n')
    run = cli("--journal", "wrok", "list")
    assert run.code == 3
    assert run.err.startswith("mirror: no journal named 'wrok'; known: default, work")
    assert not (tmp_path / "wrok").exists() and not (mirror_home / "mirror.db").exists()


def test_a_malformed_journals_table_is_invalid_input(cli, mirror_home):
    name_journals(mirror_home, "[journals]\nwork = 3\n")
    run = cli("--journal", "work", "list")
    assert run.code == 4 and "journals.work must be a folder path" in run.err


def test_a_template_starts_a_reflection_given_at_once(cli, mirror_home):
    (mirror_home / "templates").mkdir(parents=True)
    (mirror_home / "templates" / "gratitude.md").write_text("Three things I am grateful for:\n")
    run = cli("reflect", "--json", "--template", "gratitude", "the sea, my sister, bread")
    assert run.code == 0, run.err
    assert run.json["reflection"]["content"] == (
        "Three things I am grateful for:\n\nthe sea, my sister, bread")


def test_an_unknown_template_lists_the_ones_that_exist_and_saves_nothing(cli, mirror_home):
    (mirror_home / "templates").mkdir(parents=True)
    for name in ("gratitude", "weekly"):
        (mirror_home / "templates" / f"{name}.md").write_text(f"{name}\n")
    run = cli("reflect", "--template", "gratitued", "text")
    assert run.code == 3
    assert run.err.startswith("mirror: no template 'gratitued' (templates: gratitude, weekly;")
    assert cli("reflect", "--template", "../config", "text").code == 4  # a name, not a path
    assert contents(cli("list", "--json")) == []


def test_without_templates_the_error_says_where_they_go(cli, mirror_home):
    run = cli("reflect", "--template", "gratitude", "text")
    assert run.code == 3
    assert "templates: none yet" in run.err and str(mirror_home / "templates") in run.err


def test_at_a_terminal_the_editor_opens_on_the_template(cli, mirror_home, tmp_path, monkeypatch):
    (mirror_home / "templates").mkdir(parents=True)
    (mirror_home / "templates" / "evening.md").write_text("What stayed with me today:\n")
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nprintf 'the long walk\\n' >> \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    run = cli("reflect", "--json", "--template", "evening", tty=True)
    assert run.code == 0, run.err
    assert run.json["reflection"]["content"] == "What stayed with me today:\nthe long walk"  # not the editor's newline


def test_a_template_left_unchanged_in_the_editor_saves_nothing(cli, mirror_home, monkeypatch):
    (mirror_home / "templates").mkdir(parents=True)
    (mirror_home / "templates" / "evening.md").write_text("What stayed with me today:\n")
    monkeypatch.setenv("EDITOR", "true")  # saves the file as it was
    run = cli("reflect", "--template", "evening", tty=True)
    assert run.code == 4 and "left as it was: nothing saved" in run.err
    assert contents(cli("list", "--json")) == []
    assert list((mirror_home / "drafts").iterdir()) == []  # no draft of the bare template


def test_the_more_hint_stays_in_the_same_journal(cli, mirror_home, tmp_path):
    name_journals(mirror_home, f'[journals]\nwork = "{tmp_path / "w"}"\n')
    for text in ("first at work", "second at work"):
        assert cli("--journal", "work", "reflect", text).code == 0
    run = cli("--journal", "work", "list", "-n", "1")
    assert "more: mirror --journal work list -n 1 --cursor " in run.err
