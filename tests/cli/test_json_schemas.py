"""Every command's --json output has a schema under schemas/json/, and real output
validates against it: scripts can rely on the shapes."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from mirror.cli import build_parser

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas" / "json"
INDEX = json.loads((SCHEMAS / "commands.json").read_text())["commands"]


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text())
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validate(command: str, document: object) -> None:
    schema = json.loads((SCHEMAS / INDEX[command]).read_text())
    Draft202012Validator(schema, registry=REGISTRY).validate(document)


def leaf_commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> set[str]:
    """Every runnable command path, aliases counted once (they share a parser object)."""
    found: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) in seen:
                    continue
                seen.add(id(sub))
                path = (*prefix, name)
                if sub.get_default("handler") is not None:
                    found.add(" ".join(path))
                found |= leaf_commands(sub, path)
    return found


def test_every_command_has_a_schema():
    commands = leaf_commands(build_parser())
    # Groups whose bare form only says "needs an action" produce no JSON.
    action_groups = {"config", "audit", "constitution", "mirrorback"}
    missing = sorted(c for c in commands - action_groups if c not in INDEX)
    assert missing == []
    for schema_file in INDEX.values():
        Draft202012Validator.check_schema(json.loads((SCHEMAS / schema_file).read_text()))


def test_core_command_outputs_match_their_schemas(cli):
    reflected = cli("reflect", "--json", "--tag", "x", "A reflection about the garden #home")
    validate("reflect", reflected.json)
    rid = reflected.json["reflection"]["id"]
    cli("threads", "create", "T")
    runs = {
        "list": ("list",), "show": ("show", rid), "search": ("search", "garden"),
        "tags": ("tags",), "stats": ("stats",), "threads": ("threads",),
        "threads add": ("threads", "add", "T", rid), "threads show": ("threads", "show", "T"),
        "threads rename": ("threads", "rename", "T", "U"),
        "threads archive": ("threads", "archive", "U"),
        "threads unarchive": ("threads", "unarchive", "U"),
        "threads remove": ("threads", "remove", "U", rid),
        "threads create": ("threads", "create", "V"),
        "edit": ("edit", rid, "--text", "changed garden"), "history": ("history", rid),
        "config set": ("config", "set", "engine", "offline"), "config get": ("config", "get", "engine"),
        "config unset": ("config", "unset", "engine"), "config list": ("config", "list"),
        "audit verify": ("audit", "verify"), "completion": ("completion", "zsh"),
        "constitution show": ("constitution", "show"), "constitution verify": ("constitution", "verify"),
        "patterns": ("patterns", "--by", "week"), "tensions": ("tensions",),
        "tensions add": ("tensions", "add", "control", "surrender"),
        "tensions show": ("tensions", "show", "control/surrender"),
        "feedback": ("feedback", rid, "--rating", "4", "--flag", "generic"),
        "mirrorback regenerate": ("mirrorback", "regenerate", rid),
        "analyze": ("analyze", "--all"), "egress": ("egress",), "doctor": ("doctor",),
        "care": ("care",),
        "delete": ("delete", rid, "--yes"),
    }
    crisis = cli("reflect", "--json", "I want to kill myself").json["reflection"]["id"]
    validate("show", cli("show", crisis, "--json").json)
    validate("care dismiss", cli("care", "dismiss", crisis, "--json").json)
    runs["set-key"] = ("set-key", "anthropic")
    from tests.bundles.schema_runs import bundle_runs

    runs.update(bundle_runs())
    for command, args in runs.items():
        run = cli(*args, "--json", input="sk-test-not-a-real-key" if command == "set-key" else None)
        assert run.code == 0, (command, run.err)
        validate(command, run.json)


def test_schema_rejects_a_wrong_shape():
    """The schemas are strict enough to notice a renamed field."""
    with pytest.raises(Exception):
        validate("tags", {"tags": [{"tag": "x", "reflections": 1}]})
