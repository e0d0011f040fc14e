"""The `mirror` command: parse, call the service layer, print. No business logic here.

Errors Mirror expects become one line on stderr and a documented exit code (DESIGN §8);
anything unexpected is a bug: one line, exit 1, and the traceback goes to the log file in
MIRROR_HOME so nothing alarming or private reaches the terminal. Under `--json` the same
line also goes to stdout as one JSON object (`error`, `code`, `exit`), usage errors too.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence

from mirror import __version__
from mirror.cli import dataclass_cache, lazy_stdlib  # noqa: F401 - before any record is defined (see each)
from mirror.cli.context import Context
from mirror.cli.parser import invoked_command
from mirror.display import terminal_safe
from mirror.errors import InvalidInput, MirrorError, storage_error_from

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:  # argparse is imported only when a command line needs it (see main)
    import argparse
    from typing import Any

# Each command group registers its subcommands; modules stay light to import.
COMMAND_GROUPS = (
    "mirror.cli.journal_cmds",
    "mirror.cli.thread_cmds",
    "mirror.cli.config_cmds",
    "mirror.cli.audit_cmds",
    "mirror.cli.engine_cmds",
    "mirror.cli.model_cmds",
    "mirror.cli.completion_cmds",
    "mirror.cli.bundle_cmds",
    "mirror.cli.memory_cmds",
    "mirror.cli.runs_cmds",
    "mirror.cli.sync_cmds",
    "mirror.cli.digest_cmds",
    "mirror.cli.telemetry_cmds",
    "mirror.cli.journals_cmds",
    "mirror.cli.encryption_cmds",
    "mirror.cli.evolve_cmds",
)

#: Which group registers each command, so running one imports only its group (the others
#: pull in getpass, shlex and more). A command missing here still works: the whole tree is
#: built. tests/test_startup.py checks this table against what the groups register.
COMMAND_GROUP_OF = {
    **dict.fromkeys(("reflect", "list", "ls", "show", "edit", "redate", "history", "delete",
                     "search", "tags", "stats"), "mirror.cli.journal_cmds"),
    "threads": "mirror.cli.thread_cmds",
    "config": "mirror.cli.config_cmds",
    "audit": "mirror.cli.audit_cmds",
    **dict.fromkeys(("constitution", "patterns", "tensions", "feedback", "mirrorback", "care",
                     "analyze"), "mirror.cli.engine_cmds"),
    **dict.fromkeys(("egress", "set-key", "doctor"), "mirror.cli.model_cmds"),
    "completion": "mirror.cli.completion_cmds",
    **dict.fromkeys(("export", "verify", "import", "key", "trust"), "mirror.cli.bundle_cmds"),
    "onthisday": "mirror.cli.memory_cmds",
    "runs": "mirror.cli.runs_cmds",
    "sync": "mirror.cli.sync_cmds",
    "digest": "mirror.cli.digest_cmds",
    "telemetry": "mirror.cli.telemetry_cmds",
    **dict.fromkeys(("init", "encrypt", "decrypt", "unlock", "lock"), "mirror.cli.encryption_cmds"),
    "journals": "mirror.cli.journals_cmds",
    "evolve": "mirror.cli.evolve_cmds",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command tree, or (with `only`) just that command's branch: the fast path
    for running one command. An unknown `only` builds everything, so argparse can list
    the valid choices in its error."""
    from mirror.cli.argparser import MirrorArgumentParser, common_options

    parser = MirrorArgumentParser(
        prog="mirror",
        description="Mirror: a local-first reflection journal. With no command, opens the TUI.",
        parents=[common_options(top_level=True)],
    )
    parser.add_argument("--version", action="version", version=f"mirror {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=MirrorArgumentParser)
    sub.mirror_wanted = only  # type: ignore[attr-defined]  # read by add_command's fast path
    group = COMMAND_GROUP_OF.get(only) if only is not None else None
    for module in (group,) if group is not None else COMMAND_GROUPS:
        importlib.import_module(module).register(sub)
    if only is not None and not sub.choices:
        return build_parser()
    return parser


def main(argv: Sequence[str] | None = None, *, context_factory: Callable[..., Context] = Context) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    ctx: Context | None = None
    as_json = _wants_json(args_list)  # before parsing: a usage error is reported in JSON too
    try:
        command = invoked_command(args_list)
        args = fast_parse(args_list, command) if command is not None else None
        if args is None:  # help, an error, or more than the fast path reads: argparse
            args = build_parser(command).parse_args(args_list)
        as_json = bool(getattr(args, "json", False))
        _require_utf8(args)
        ctx = context_factory(args)
        handler = getattr(args, "handler", None)
        if handler is None:
            from mirror.cli.tui_launch import launch  # only a bare `mirror` opens the TUI: commands skip it

            return launch(ctx)
        code = int(handler(args, ctx) or 0)
        ctx.out.flush()
        return code
    except MirrorError as exc:
        return _print_error(str(exc), exc.exit_code, as_json, ctx)
    except KeyboardInterrupt:
        return _print_error("interrupted", 130, as_json, ctx)
    except BrokenPipeError:
        # The reader went away (e.g. `mirror list | head`): not an error for the person.
        try:
            sys.stdout = open("/dev/null", "w")  # noqa: SIM115 - silence the final flush
        except OSError:
            pass
        return 0
    except SystemExit as exc:  # --help and --version exit through argparse
        return int(exc.code or 0)
    except Exception as exc:  # a bug: one line here, the traceback in the log
        storage = storage_error_from(exc)  # unless the disk or the file system said no
        if storage is not None:
            return _print_error(str(storage), storage.exit_code, as_json, ctx)
        where = _log_bug(ctx, exc)
        return _print_error(f"internal error: {type(exc).__name__}: {exc} (details in {where})", 1, as_json, ctx)
    finally:
        if ctx is not None:
            ctx.close()


#: The cyclic garbage collector's thresholds in a `mirror` process (`gc.set_threshold`): a
#: young collection after 100,000 new container objects rather than 700. Starting a command
#: builds tens of thousands of lasting objects (the engine's lexicons, care rules, records)
#: and no garbage worth collecting, and Python's defaults walked them ~55 times in a
#: `reflect` (~11 ms; ~3 ms of a read command); a long command (an import, the TUI) still
#: collects, every 100,000 objects (a few MB of cycles at most).
COLLECT_THRESHOLDS = (100_000, 50, 100)


def entry() -> None:
    """The `mirror` command (console script and `python -m mirror`): `main`, then the exit.

    The collector runs less often (`COLLECT_THRESHOLDS`), and not at all at the exit: the
    interpreter's exit ends with a full collection over every object the command made
    (~30 ms after a `reflect`, 5-10 ms after a read command). Nothing left at that point needs
    it (the journal is closed, output flushed, and no finaliser of Mirror's waits for a
    cycle), so the objects are frozen out of it; the process then exits as usual (atexit
    handlers, buffered files). Tests call `main` in-process and keep their collector."""
    import gc  # built in: no cost

    gc.set_threshold(*COLLECT_THRESHOLDS)
    gc.enable()  # `python -m mirror` disabled it while importing this module
    code = main()
    gc.freeze()
    raise SystemExit(code)


def fast_parse(argv: list[str], command: str) -> Any:
    """argv parsed without argparse from the command's own definition (mirror.cli.argspec),
    or None when argparse must parse it."""
    from mirror.cli.argspec import SpecRecorder, parse

    group = COMMAND_GROUP_OF.get(command)
    if group is None:
        return None
    recorder = SpecRecorder(command)
    importlib.import_module(group).register(recorder)
    return parse(argv, command, recorder.spec)


# Arguments that name files: a file name may be any bytes the system allows.
_PATH_ARGUMENTS = frozenset({"home", "path", "bundle", "keyfile", "passphrase_file", "from"})


def _require_utf8(args: argparse.Namespace) -> None:
    """Text arguments (a query, a reflection, a tag) must be UTF-8: the shell hands over
    raw bytes, which Python keeps as lone surrogates that nothing downstream can store."""
    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    raise InvalidInput(f"the {name.replace('_', ' ')} argument is not valid UTF-8") from None


def _wants_json(argv: list[str]) -> bool:
    """Whether `--json` is among the options (not after `--`, where it would be text)."""
    for word in argv:
        if word == "--":
            return False
        if word == "--json":
            return True
    return False


def _print_error(message: str, exit_code: int, as_json: bool, ctx: Context | None = None) -> int:
    """The one line on stderr, and under --json the JSON object on stdout (completing the
    document the command held for its failure, if any); returns the exit code."""
    first_line = message.strip().splitlines()[0] if message.strip() else "error"
    sys.stderr.write(f"mirror: {terminal_safe(first_line)}\n")  # may quote an ID or a file name
    sys.stderr.flush()
    if as_json:
        import json  # already loaded by the output module; local to keep the happy path's imports plain

        from mirror.cli.output import error_document

        try:
            held = ctx.out.take_held() if ctx is not None else None
            sys.stdout.write(json.dumps(error_document(first_line, exit_code, held), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        except (BrokenPipeError, OSError):
            pass  # nobody reads stdout: the exit code and stderr still say it
    return exit_code


def _log_bug(ctx: Context | None, exc: BaseException) -> str:
    from mirror.buglog import log_bug  # only after a bug: a normal run never loads it (or tempfile)

    return log_bug(ctx.log_path() if ctx is not None else None, "cli", exc)
