"""Under `--json`, a failing command prints one JSON object on stdout (`error`, `code`,
`exit`, schemas/json/error.schema.json) and exits with the same code as without `--json`:
usage errors from argparse, not-found, invalid input, refused bundles, storage problems,
a failed engine, an interrupt and a bug alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas" / "json"
# commands.json names the error schema beside the commands' own.
SCHEMA = json.loads((SCHEMAS / json.loads((SCHEMAS / "commands.json").read_text())["error"]).read_text())


def assert_json_error(run, exit_code: int, code: str, fragment: str) -> dict:
    """One JSON object, valid against the schema, the same line as stderr, the exit code kept."""
    assert run.code == exit_code, (run.out, run.err)
    document = json.loads(run.out)  # the whole of stdout: one object, nothing else
    Draft202012Validator(SCHEMA).validate(document)
    assert (document["code"], document["exit"]) == (code, exit_code)
    assert fragment in document["error"]
    assert run.err == f"mirror: {document['error']}\n"
    return document


USAGE = [
    ("unknown command", ["--json", "frobnicate"], "invalid choice"),
    ("unknown flag", ["list", "--json", "--bogus"], "unrecognized arguments: --bogus"),
    ("missing argument", ["show", "--json"], "the following arguments are required"),
    ("bad choice", ["completion", "--json", "powershell"], "invalid choice"),
    ("needs an action", ["config", "--json"], "config needs an action"),
    ("bad number", ["list", "--json", "--limit", "many"], "invalid"),
]


@pytest.mark.parametrize(("case", "args", "fragment"), USAGE, ids=[c[0] for c in USAGE])
def test_usage_errors_are_json_with_exit_2(cli, case, args, fragment):
    assert_json_error(cli(*args), 2, "usage", fragment)


def test_the_same_usage_error_without_json_stays_plain_text(cli):
    run = cli("list", "--bogus")
    assert run.code == 2 and run.out == "" and run.err.startswith("mirror: unrecognized arguments")


def test_not_found_and_invalid_input(cli):
    assert_json_error(cli("show", "--json", "0123456789abcdef"), 3, "not_found", "0123456789abcdef")
    assert_json_error(cli("config", "get", "no.such.setting", "--json"), 3, "not_found", "unknown setting")
    assert_json_error(cli("config", "set", "timezone", "Mars/Olympus", "--json"), 4, "invalid_input",
                      "unknown time zone")
    assert_json_error(cli("reflect", "--json", input="   \n"), 4, "invalid_input", "")


def test_a_refused_bundle(cli, tmp_path):
    bogus = tmp_path / "b.zip"
    bogus.write_bytes(b"just some text, no zip here " * 10)
    assert_json_error(cli("verify", "--json", str(bogus)), 6, "bundle_refused", "not a zip file")


def test_a_storage_problem(cli, mirror_home):
    mirror_home.mkdir()
    (mirror_home / "mirror.db").write_bytes(b"this is not a database at all " * 200)
    assert_json_error(cli("list", "--json"), 7, "storage", "")


def test_an_interrupt_and_a_bug(cli, monkeypatch, mirror_home):
    from mirror.cli import journal_cmds

    def interrupted(args, ctx):
        raise KeyboardInterrupt

    def broken(args, ctx):
        raise RuntimeError("a bug in the list command")

    monkeypatch.setattr(journal_cmds, "cmd_tags", interrupted)
    assert_json_error(cli("tags", "--json"), 130, "interrupted", "interrupted")
    monkeypatch.setattr(journal_cmds, "cmd_tags", broken)
    document = assert_json_error(cli("tags", "--json"), 1, "internal", "internal error: RuntimeError")
    assert "details in " in document["error"]  # the traceback went to the log file, not here


def test_a_json_word_after_the_double_dash_is_text_not_the_option(cli):
    run = cli("show", "--", "--json")
    assert run.code == 3 and run.out == ""


def test_a_whole_process_prints_the_object_on_stdout(mirror_proc):
    run = mirror_proc("--json", "list", "--since", "not a date at all")
    assert_json_error(run, run.code, "usage" if run.code == 2 else "invalid_input", "")
    assert run.code in (2, 4)
    run = mirror_proc("search", "--json")
    assert_json_error(run, 2, "usage", "required")
