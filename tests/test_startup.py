"""Start-up stays near the interpreter's floor: what the read commands import.

Each read command runs as a real process under `python -X importtime`; the test asserts
which modules it never loads and how many it loads in all, never how long it takes.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from mirror.cli import COMMAND_GROUP_OF, COMMAND_GROUPS
from mirror.services.journal import Journal

REPO = Path(__file__).resolve().parent.parent

#: Never loaded by a read command: `inspect` and what it drags in (`dataclasses` defers it,
#: mirror.cli.lazy_stdlib), `uuid`/`platform` (only minting an ID needs them),
#: `importlib.resources` (resources are plain folders), `shutil` and its compressors
#: (argparse's formatter asks it the terminal width: Mirror's asks `os`), `hashlib` (the
#: migrations' digests are cached per journal; the audit chain hashes only when written),
#: the constitution, the other command groups, the TUI, the engine, the bundle formats,
#: the model adapters and their libraries.
FORBIDDEN = ("inspect", "ast", "dis", "tokenize", "linecache", "uuid", "platform",
             "importlib.resources", "getpass", "shlex", "tempfile", "shutil", "bz2", "lzma",
             "hashlib", "tomllib", "mirror.constitution",
             "textual", "rich", "yaml", "lingua", "simplemma", "dateparser", "httpx", "pyrage",
             "mirror.engine", "mirror.bundles", "mirror.adapters", "mirror.tui",
             "mirror.services.reflecting", "mirror.services.deriving", "mirror.services.bundles",
             "mirror.cli.bundle_cmds", "mirror.cli.model_cmds", "mirror.cli.engine_cmds",
             "mirror.cli.thread_cmds", "mirror.cli.config_cmds", "mirror.cli.audit_cmds")

#: What one command may load beyond the rest: `show` prints the reflection's mirrorback and
#: patterns by the constitution's labels (read through its hashed invariants).
ALLOWED = {"show": ("mirror.constitution", "hashlib")}

#: Measured 130–137 modules (tags 130; list, search and the filters 131; stats and
#: onthisday 133; show 137) with Python 3.11, down from 141–144: a small margin for the
#: standard library's own variation.
MODULE_BOUND = 140

#: `reflect` analyses the entry and answers it with the offline engine, so it loads the
#: engine; still never `inspect` (every dataclass on its path has a docstring), `uuid`
#: (IDs are minted from os.urandom), a TOML parser without a secrets file, or the other
#: command groups.
REFLECT_FORBIDDEN = ("inspect", "ast", "dis", "tokenize", "uuid", "platform", "shutil",
                     "tomllib", "getpass", "textual", "rich", "httpx", "mirror.tui",
                     "mirror.services.bundles", "mirror.cli.bundle_cmds", "mirror.cli.model_cmds")
#: Measured 201 (down from 220).
REFLECT_MODULE_BOUND = 206

@pytest.fixture(scope="module")
def journal_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    home = tmp_path_factory.mktemp("startup") / "home"
    with Journal.open(home) as journal:
        reflection = journal.write("Walked by the river, thinking about work. #work")
    return home, reflection.id


def imported(home: Path, *command: str) -> list[str]:
    """The modules one `mirror` process imports, in order (real imports, not the stand-in)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "mirror", "--home", str(home),
                           *command], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    lines = [x for x in proc.stderr.splitlines() if x.startswith("import time:")][1:]
    return [x.rsplit("|", 1)[1].strip() for x in lines]


@pytest.mark.slow
@pytest.mark.parametrize("command", [("list",), ("show", "ID"), ("search", "river"), ("tags",),
                                     ("stats",), ("onthisday",), ("list", "--contains", "river")],
                         ids=lambda c: " ".join(c))
def test_read_commands_import_only_what_they_use(journal_home, command):
    home, reflection_id = journal_home
    modules = imported(home, *(reflection_id if word == "ID" else word for word in command))
    assert "mirror.storage.store" in modules  # the command really opened the journal
    forbidden = [f for f in FORBIDDEN if f not in ALLOWED.get(command[0], ())]
    loaded = [m for m in modules if any(m == f or m.startswith(f + ".") for f in forbidden)]
    assert loaded == []
    assert len(modules) <= MODULE_BOUND


@pytest.mark.slow
def test_reflect_imports_no_introspection_or_unused_parsers(journal_home):
    home, _ = journal_home
    modules = imported(home, "reflect", "Walked by the river again, calmer this time.")
    assert "mirror.engine.analysis" in modules  # the entry really was analysed
    loaded = [m for m in modules if any(m == f or m.startswith(f + ".") for f in REFLECT_FORBIDDEN)]
    assert loaded == []
    assert len(modules) <= REFLECT_MODULE_BOUND


def test_every_command_is_found_in_its_group():
    """The fast path imports one group per command: the table must match what they register."""

    class Recorder:
        def __init__(self) -> None:
            self.names: list[str] = []

        def add_parser(self, name: str, aliases: tuple[str, ...] = (), **_: object):
            import argparse

            self.names += [name, *aliases]
            return argparse.ArgumentParser()

    registered: dict[str, str] = {}
    for module in COMMAND_GROUPS:
        recorder = Recorder()
        importlib.import_module(module).register(recorder)
        registered.update(dict.fromkeys(recorder.names, module))
    assert COMMAND_GROUP_OF == registered


def test_inspect_still_works_once_something_asks_for_it():
    """The stand-in is transparent: the first use loads the real module."""
    probe = ("import sys, mirror.cli, dataclasses\n"
             "assert 'ast' not in sys.modules\n"
             "@dataclasses.dataclass\nclass NoDocstring:\n    x: int\n"
             "import inspect\nprint(NoDocstring.__doc__, inspect.isfunction(len), 'ast' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO,
                         check=True).stdout
    assert out.split() == ["NoDocstring(x:", "int)", "False", "True"]
