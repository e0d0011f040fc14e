"""Start-up stays near the interpreter's floor: what the read commands import.

Each read command runs as a real process under `python -X importtime`; the test asserts
which modules it never loads and how many it loads in all, never how long it takes.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mirror.cli import COMMAND_GROUP_OF, COMMAND_GROUPS
from mirror.cli.parser import invoked_command
from mirror.services.journal import Journal

REPO = Path(__file__).resolve().parent.parent

#: Never loaded by a read command: `inspect` and what it drags in (`dataclasses` defers it,
#: mirror.cli.lazy_stdlib), `urllib.parse` and its `ipaddress` (`pathlib` defers it the same
#: way: only `Path.as_uri` uses it), `uuid`/`platform` (only minting an ID needs them),
#: `importlib.resources` (resources are plain folders), `argparse` with `gettext` and
#: `locale` (plain command lines are read by mirror.cli.argspec), `shutil` and its compressors
#: (argparse's formatter asks it the terminal width: Mirror's asks `os`), `hashlib` (the
#: migrations' digests are cached per journal; the audit chain hashes only when written),
#: the constitution, `typing` (annotations only: Mirror's modules read `TYPE_CHECKING` from a
#: flag of their own), the other command groups, the TUI, the engine, the bundle formats, the
#: model adapters and their libraries.
FORBIDDEN = ("inspect", "ast", "dis", "tokenize", "linecache", "urllib.parse", "ipaddress",
             "uuid", "platform", "typing",
             "importlib.resources", "getpass", "shlex", "tempfile", "shutil", "bz2", "lzma",
             "hashlib", "tomllib", "mirror.constitution", "argparse", "gettext", "locale",
             "textual", "rich", "yaml", "lingua", "simplemma", "dateparser", "httpx", "pyrage",
             "mirror.engine", "mirror.bundles", "mirror.adapters", "mirror.tui",
             "mirror.services.reflecting", "mirror.services.deriving", "mirror.services.bundles",
             "mirror.cli.bundle_cmds", "mirror.cli.model_cmds", "mirror.cli.engine_cmds",
             "mirror.cli.thread_cmds", "mirror.cli.config_cmds", "mirror.cli.audit_cmds",
             "mirror.constitution_report", "mirror.storage.audit_report")

#: What one command may load beyond the rest: `show` prints the reflection's mirrorback and
#: patterns by the constitution's labels (read through its invariants, keyed by SHA-256
#: from `mirror.hashing`, not `hashlib`; the analysis records' named tuples, which need
#: `typing`, live apart in `mirror.storage.analysis_records`).
ALLOWED = {"show": ("mirror.constitution",)}

#: Measured 121–125 modules (tags 121; list 122; search, onthisday and `--contains` 124;
#: stats 125 when it first keeps a zone's local counts) with Python 3.11, down from 123–126
#: (127–130 and 141–144 before that): only `search` loads the ranking service. `show` 127
#: (from 130), which ALLOWED lets load more: a small margin for the standard library's own
#: variation.
MODULE_BOUND = 126
EXTRA_MODULES = {"show": 2}

#: `reflect` analyses the entry and answers it with the offline engine, so it loads the
#: engine; still never `inspect` (every dataclass on its path has a docstring), `uuid`
#: (IDs are minted from os.urandom), a TOML parser without a secrets file, the other
#: command groups, or the model adapters' registry, prices and secrets file (only a
#: configured model needs them), or the egress ledger's records (the offline engine sends
#: nothing), nor the records only other commands build: on-this-day's (the memory sentence
#: uses its date helpers), the constitution's and the audit log's verify reports; nor what
#: only some entries need: Portugal's Portuguese (a Portuguese entry), the form of a laugh
#: (a care signal's context); nor `typing` (the engine's named tuples are written with
#: `mirror.tuples`, the adapters' protocols are only annotations to it) or `hashlib` and
#: OpenSSL (`mirror.hashing`; the files hashed to name kept tables are known by their stat).
REFLECT_FORBIDDEN = ("inspect", "ast", "dis", "tokenize", "urllib.parse", "ipaddress", "uuid",
                     "platform", "shutil", "argparse", "typing", "hashlib", "_hashlib",
                     "tomllib", "getpass", "textual", "rich", "httpx", "mirror.tui",
                     "mirror.services.bundles", "mirror.cli.bundle_cmds", "mirror.cli.model_cmds",
                     "mirror.adapters.registry", "mirror.adapters.pricing", "mirror.adapters.secrets",
                     "mirror.storage.egress", "mirror.models.memory", "mirror.constitution_report",
                     "mirror.storage.audit_report", "mirror.engine.portuguese",
                     "mirror.engine.care.levity")
#: Measured 195 in a new journal (down from 197–199, 200 and 220 before that): `signal` and
#: `threading` only for the parallel derive of an import, the ranking service only for
#: `search`. 201 since the care detector reads laughter by its form (`care.levity`) and the
#: remembering sentence finds people as the digest does (`services.people`): two modules
#: that do a reflect's own work. 197 (from 201) without the egress ledger's records, the
#: secrets file, on-this-day's records and the constitution's verify report; 194 with
#: Portugal's Portuguese, the laugh's form and the lexicon's feeling forms loaded on use;
#: 194 (from 196) without `typing`, `hashlib` and OpenSSL (the adapters' records in a module
#: of their own, `mirror.adapters.records`, so their protocols can name them without a cycle).
#: 197 (from 195): the care detector's second reader (`mirror.engine.care.model`) and the
#: `array` its weights are read into. 198 (from 197): English past verbs in a module of
#: their own (`mirror.engine.past_tense`), shared by the echo and the reading.
REFLECT_MODULE_BOUND = 198

@pytest.fixture(scope="module")
def journal_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    home = tmp_path_factory.mktemp("startup") / "home"
    with Journal.open(home) as journal:
        reflection = journal.write("Walked by the river, thinking about work. #work")
    return home, reflection.id


def imported(home: Path, *command: str) -> list[str]:
    """The modules one `mirror` process imports, in order (real imports, not the stand-in),
    counted as a person's second run counts them: after a first run that may write the
    caches a command keeps beside the code (the records' code, `mirror.cli.dataclass_cache`),
    whatever PYTHONDONTWRITEBYTECODE the test run itself was given."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), *command],
                   capture_output=True, text=True, cwd=REPO, env=env)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "mirror", "--home", str(home),
                           *command], capture_output=True, text=True, cwd=REPO, env=env)
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
    assert len(modules) <= MODULE_BOUND + EXTRA_MODULES.get(command[0], 0)


@pytest.mark.slow
def test_reflect_imports_no_introspection_or_unused_parsers(journal_home):
    home, _ = journal_home
    modules = imported(home, "reflect", "Walked by the river again, calmer this time.")
    assert "mirror.engine.analysis" in modules  # the entry really was analysed
    loaded = [m for m in modules if any(m == f or m.startswith(f + ".") for f in REFLECT_FORBIDDEN)]
    assert loaded == []
    assert len(modules) <= REFLECT_MODULE_BOUND


def test_a_short_english_reflection_loads_no_language_identifier(journal_home):
    """A few words with no function word are told among the languages by lingua, whose
    careful models take a second to load; an English word ("Tired.") settles it first."""
    home, _ = journal_home
    modules = imported(home, "reflect", "Tired.")
    assert "mirror.engine.analysis" in modules
    assert not [m for m in modules if m == "lingua" or m.startswith("lingua.")]


def test_every_command_is_found_in_its_group():
    """The fast path imports one group per command: the table must match what they register."""

    class Recorder:
        def __init__(self) -> None:
            self.names: list[str] = []

        def add_parser(self, name: str, aliases: tuple[str, ...] = (), **_: object) -> object:
            from mirror.cli.argparser import MirrorArgumentParser

            self.names += [name, *aliases]
            return MirrorArgumentParser()

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


def test_urls_still_parse_once_something_asks_for_them():
    """`urllib.parse`'s stand-in is transparent too: `pathlib` works before the real module
    loads, and an egress record still finds an endpoint's host, however it was imported."""
    probe = ("import sys, mirror.cli, pathlib\n"
             "assert 'ipaddress' not in sys.modules\n"
             "print(pathlib.Path('/tmp/a b').as_uri())\n"
             "from urllib.parse import urlsplit\n"
             "import urllib.parse\n"
             "print(urlsplit('http://[::1]:11434/api').hostname, urllib.parse.quote('a b'),\n"
             "      urllib.parse is sys.modules['urllib.parse'], pathlib.Path('/x y').as_uri())")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO,
                         check=True).stdout
    assert out.split() == ["file:///tmp/a%20b", "::1", "a%20b", "True", "file:///x%20y"]


# -- the fast command-line path agrees with argparse ---------------------------------------

def _argparse_reads(argv: list[str], command: str | None) -> dict[str, object] | None:
    """What argparse makes of argv (None: it refuses it, or prints help or the version)."""
    import contextlib
    import io

    from mirror.cli import build_parser
    from mirror.errors import UsageError

    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return vars(build_parser(command).parse_args(argv))
    except (UsageError, SystemExit):
        return None


def _words_for(command: str) -> list[str]:
    """The option words of `command`'s definition, and a few it does not define."""
    from mirror.cli.argspec import SpecRecorder

    recorder = SpecRecorder(command)
    importlib.import_module(COMMAND_GROUP_OF[command]).register(recorder)
    spec = recorder.spec
    assert spec is not None
    flags = [f for option in spec.options for f in (*option.flags, *option.negated)]
    return [*flags, "--", "-h", "--help", "-", "--lim", "--tag=work", "--no-such", "-n5", "-x"]


VALUES = ["work", "5", "-3", "0", "x", "", "work,family", "2024-06-15", "yesterday", "Ärger",
          "json", "short", "full", "river lake", "a*", "--json", "abc1234"]


@pytest.mark.parametrize("command", sorted(COMMAND_GROUP_OF))
def test_fast_parse_reads_every_command_line_as_argparse_does(command):
    """For generated command lines of every command: the fast path either declines (argparse
    parses) or gives exactly argparse's namespace — never a different reading."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from mirror.cli import fast_parse

    words = _words_for(command)
    before = st.lists(st.sampled_from(["--json", "--home", "/tmp/h", "--journal", "work", "-x"]),
                      max_size=3)
    after = st.lists(st.one_of(st.sampled_from(words), st.sampled_from(VALUES)), max_size=7)

    @settings(max_examples=150, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(before, after)
    def check(head: list[str], tail: list[str]) -> None:
        argv = [*head, command, *tail]
        if invoked_command(argv) != command:
            return
        fast = fast_parse(argv, command)
        if fast is not None:
            assert vars(fast) == _argparse_reads(argv, command), argv

    check()


@pytest.mark.parametrize("argv", [
    ["list"], ["ls", "-n", "5"], ["--json", "list", "--tag", "work", "--not-tag", "a,b", "--private"],
    ["list", "--no-private", "--contains", "Ärger", "--format", "json"], ["show", "abc1234"],
    ["search", "river", "lake", "--on", "2024-06-15"], ["tags", "--json"], ["stats"],
    ["onthisday", "--date", "2024-06-15", "--tag", "work"], ["reflect", "a", "day", "--tag", "x"],
    ["--home", "/tmp/h", "list", "--since=2024-01-01"],
], ids=" ".join)
def test_everyday_command_lines_skip_argparse(argv):
    """The fast path really is taken for the everyday commands (and reads them right)."""
    from mirror.cli import fast_parse

    command = invoked_command(argv)
    assert command is not None
    fast = fast_parse(argv, command)
    assert fast is not None
    assert vars(fast) == _argparse_reads(argv, command)


@pytest.mark.slow
def test_settings_are_read_without_a_toml_parser_once_cached_and_follow_every_edit(tmp_path):
    """config.toml is parsed once and kept as JSON in the journal's cache/, so a command
    does not import tomllib; an edit of the file (even to the same size) is seen at once."""
    home = tmp_path / "home"
    with Journal.open(home) as journal:
        journal.write("a reflection")
    config = home / "config.toml"
    config.write_text('timezone = "Asia/Tokyo"\n', encoding="utf-8")

    def get_timezone() -> str:
        proc = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), "config", "get",
                               "timezone"], capture_output=True, text=True, cwd=REPO, check=True)
        return proc.stdout.strip()

    assert get_timezone() == "Asia/Tokyo"
    assert "tomllib" not in imported(home, "list")
    config.write_text('timezone = "Asia/Dubai"\n', encoding="utf-8")  # the same size
    assert get_timezone() == "Asia/Dubai"
    (home / "cache" / "config.json").write_text("{not json", encoding="utf-8")
    assert get_timezone() == "Asia/Dubai"


# -- records' methods compiled once (mirror.cli.dataclass_cache) ----------------------------

_PROBE = '''
import sys
import mirror
mirror.__path__.append(sys.argv[1])
import mirror.cli
from mirror.cli import dataclass_cache
from mirror.probe_records import Probe
a, b = Probe("x", 1), Probe("x", 1)
print(repr(a), a == b, hash(a) == hash(b), sorted(dataclass_cache._missed))
try:
    a.name = "y"
except AttributeError as exc:
    print(type(exc).__name__)
'''

_RECORD = '''
from dataclasses import dataclass


@dataclass(frozen=True)
class Probe:
    """A record defined by a module of the mirror package."""

    name: str
    count: int{extra}
'''


def _probe(folder: Path, extra: str = "", *, write: bool = True) -> list[str]:
    (folder / "probe_records.py").write_text(_RECORD.format(extra=extra), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    out = subprocess.run([sys.executable, "-c", _PROBE, str(folder)], capture_output=True, text=True,
                         cwd=REPO, env=env, check=True).stdout
    return out.splitlines()


def _cache_files(folder: Path) -> list[str]:
    return sorted(p.name.split(".")[1] for p in (folder / "__pycache__").glob("*.marshal"))


def test_record_methods_are_compiled_once_then_read_back_unchanged(tmp_path):
    first = _probe(tmp_path)
    assert first == ["Probe(name='x', count=1) True True ['mirror.probe_records']",
                     "FrozenInstanceError"]
    assert _cache_files(tmp_path) == ["dataclasses"]
    again = _probe(tmp_path)  # the methods come from the file: nothing compiled, same record
    assert again == ["Probe(name='x', count=1) True True []", "FrozenInstanceError"]


def test_a_changed_record_is_compiled_anew_and_no_cache_is_written_without_bytecode(tmp_path):
    _probe(tmp_path)
    changed = _probe(tmp_path, "\n    note: str = 'kept'")
    assert changed[0] == "Probe(name='x', count=1, note='kept') True True ['mirror.probe_records']"
    other = tmp_path / "other"
    other.mkdir()
    assert _probe(other, write=False)[0].endswith("['mirror.probe_records']")
    assert not (other / "__pycache__").exists() or _cache_files(other) == []


_MARKERS = '''
from __future__ import annotations
import typing
import dataclasses as dc
from dataclasses import dataclass, KW_ONLY, InitVar
from typing import ClassVar
CV = ClassVar


@dataclass
class Marked:
    """Every way an annotation can name a pseudo-field, and fields that are none."""

    x: int
    c: ClassVar[int] = 3
    t: typing.ClassVar[str] = "s"
    a: CV[int] = 4
    d: dc.InitVar[int] = 1
    _: KW_ONLY
    y: str = "a"
    i: InitVar[int] = 0
    z: "list[int] | None" = None

    def __post_init__(self, d: int, i: int) -> None:
        pass
'''


def test_annotations_name_pseudo_fields_as_dataclasses_reads_them(monkeypatch):
    """`dataclass_cache._type_test` keeps each annotation's parse: a record's fields, kinds
    and signature are what `dataclasses`' own test gives, aliases and module names included."""
    import dataclasses
    import types

    from mirror.cli import dataclass_cache

    def define() -> tuple[object, ...]:
        module = types.ModuleType("mirror.marked_records")
        monkeypatch.setitem(sys.modules, module.__name__, module)
        exec(compile(_MARKERS, "<records>", "exec"), vars(module))
        record = module.Marked
        fields = [(f.name, f.type, f._field_type.name, f.kw_only)
                  for f in record.__dataclass_fields__.values()]
        return fields, repr(record(1, 2, y="b", i=3)), record.__match_args__

    fast = dataclass_cache._type_test(dataclasses)
    monkeypatch.setattr(dataclasses, "_is_type", fast)
    kept = define()
    original = fast
    while original.__module__ != "dataclasses":  # the one dataclasses wrote (installed or not)
        original = next(c.cell_contents for c in original.__closure__ or ()
                        if getattr(c.cell_contents, "__name__", "") == "_is_type")
    monkeypatch.setattr(dataclasses, "_is_type", original)
    assert kept == define()
    assert [kind for _, _, kind, _ in kept[0]] == [
        "_FIELD", "_FIELD_CLASSVAR", "_FIELD_CLASSVAR", "_FIELD_CLASSVAR", "_FIELD_INITVAR",
        "_FIELD", "_FIELD_INITVAR", "_FIELD"]


# -- regular expressions compiled once per machine (mirror.lazy_re.kept) ----------------------

_KEPT_PATTERNS = [(r"(?P<word>[^\W\d_]+)(?:'s)?", 0), (r"\b(?:mum|dad)\b", re.IGNORECASE),
                  (r"[\u3040-\u30ff\u4e00-\u9fff]|(\w)\1{2,}", 0), (r"^\s*#", re.M | re.S)]


@pytest.fixture
def kept_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`lazy_re`'s file in a temporary folder, as a new process finds it."""
    from mirror import lazy_re

    path = tmp_path / "lazy_re.test.marshal"
    monkeypatch.setattr(lazy_re, "_cache_file", lambda: str(path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    for name, value in (("_table", None), ("_new", {}), ("_used", set()), ("_made", {})):
        monkeypatch.setattr(lazy_re, name, value)
    return path


def _new_process() -> None:
    from mirror import lazy_re

    lazy_re._table, lazy_re._new, lazy_re._used, lazy_re._made = None, {}, set(), {}


def test_a_kept_pattern_is_the_pattern_re_compiles(kept_file: Path) -> None:
    from mirror import lazy_re

    first = [lazy_re.kept(p, f) for p, f in _KEPT_PATTERNS]
    lazy_re._save()
    assert kept_file.exists()
    _new_process()
    again = [lazy_re.kept(p, f) for p, f in _KEPT_PATTERNS]
    assert lazy_re._new == {}  # read from the file, nothing compiled
    for (p, f), a, b in zip(_KEPT_PATTERNS, first, again, strict=True):
        expected = re.compile(p, f)
        assert a == expected and b == expected  # same flags, same compiled code
        assert (b.groups, b.groupindex) == (expected.groups, expected.groupindex)
    assert again[0].match("Sam's").group("word") == "Sam"
    assert again[2].search("sooo").group(0) == "ooo"


def test_a_damaged_or_foreign_kept_file_only_costs_the_compile(kept_file: Path) -> None:
    import marshal

    from mirror import lazy_re

    kept_file.write_bytes(b"\x00not marshal")
    assert lazy_re.kept(*_KEPT_PATTERNS[1]) == re.compile(*_KEPT_PATTERNS[1])
    _new_process()
    program = (0, [1], 0, {}, ())  # nonsense from another interpreter
    pattern, flags = _KEPT_PATTERNS[1]
    kept_file.write_bytes(marshal.dumps(((0, 0), {(pattern, int(flags)): program})))
    assert lazy_re.kept(*_KEPT_PATTERNS[1]) == re.compile(*_KEPT_PATTERNS[1])
    with pytest.raises(re.error):
        lazy_re.kept("(unclosed")


def test_nothing_is_kept_when_bytecode_is_not_written(kept_file: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from mirror import lazy_re

    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert lazy_re.kept(*_KEPT_PATTERNS[0]) == re.compile(*_KEPT_PATTERNS[0])
    lazy_re._save()
    assert not kept_file.exists()
