"""Every CLI command is documented in the README's command table, and the README's
Quickstart is exactly the two commands, the second being what CI runs."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from mirror.cli import build_parser
from tests.cli.test_json_schemas import leaf_commands

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text()


def test_every_top_level_command_is_in_the_readme_table():
    documented = set(re.findall(r"^\| `mirror ([a-z-]+)", README, flags=re.M))
    top_level = {command.split()[0] for command in leaf_commands(build_parser())}
    assert sorted(top_level - documented) == []


def test_every_filter_and_everyday_option_is_in_the_readme():
    """The filters (one table, mirror/cli/filter_args.py), formats, bulk and journal options
    of list/show/edit/delete/search/onthisday/reflect each appear in the README: an option
    added to the parser without docs fails here."""
    from mirror.cli.filter_args import FLAGS

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    everyday = {o for f in FLAGS for o in f.flags} | {
        "--no-private", "--format", "--template", "--has-tag", "--journal", "--date", "--yes"}
    missing = []
    for command in ("list", "show", "edit", "delete", "search", "onthisday", "reflect"):
        for action in sub.choices[command]._actions:
            for option in set(action.option_strings) & everyday:
                if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", README):
                    missing.append(f"{command} {option}")
    assert sorted(missing) == []


def test_quickstart_has_two_commands_and_ci_runs_the_second():
    block = README.split("## Quickstart", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.strip().splitlines() if line.strip()]
    assert len(commands) == 2
    ci = (REPO / ".ci" / "run").read_text()
    assert commands[1] in ci


def test_interop_formats_and_import_flags_are_documented():
    """Every `export --format` and `import --from` choice, and the import flags for other
    tools' journals, are in the README's command table."""
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    export, imp = sub.choices["export"], sub.choices["import"]
    formats = next(a.choices for a in export._actions if a.dest == "format")
    sources = next(a.choices for a in imp._actions if a.dest == "source")
    assert f"--format {'|'.join(f for f in formats if f != 'bundle')}" in README
    assert f"--from {'|'.join(sources)}" in README
    for flag in ("--date-from frontmatter|filename|mtime", "--timeformat", "--jrnl-config", "--tz"):
        assert flag in README
