"""What CLI start-up costs: for each command, the modules it imports and the time spent
importing them (`python -X importtime`, summed "self" times), the process's CPU time
(user + system) and wall time, medians over runs, beside the interpreter's floor
(`python -c "import sqlite3"`). With `--against` another checkout runs in alternation with
this one (A, B, A, B, ... as hyperfine does), so both see the same machine load, and each
line reads `before → after`. With `--sizes`, each size gets a generated journal in
bench/journals/startup-N (made once by journal_gen.py, then reused; runs never write to it
except `reflect`, which adds one reflection per run).

    python bench/bench_startup.py                               # this checkout, a new empty journal
    python bench/bench_startup.py --sizes 1000 100000 --runs 11
    python bench/bench_startup.py --sizes 100000 --against /tmp/old --only list tags
    python bench/bench_startup.py --sizes 1000 --reflect-split    # reflect: imports vs work
    python bench/bench_startup.py --sizes 100000 --split --only list tags   # the same for any command
    python bench/bench_startup.py --sizes 100000 --journals /tmp/copies   # /tmp/copies/startup-100000
    python bench/bench_startup.py --sizes 100000 --against /tmp/old --against-journals /tmp/old-copies

`--against-journals` gives the checkout before its own copies of the journals: needed when
this one migrates them to a schema the other cannot open.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMANDS = {
    "--help": ["--help"],
    "list": ["list"],
    "show": ["show", "ID"],
    "search": ["search", "river"],
    "tags": ["tags"],
    "stats": ["stats"],
    "onthisday": ["onthisday"],
    "list --on": ["list", "--on", "2024-06-15"],
    "list --tag": ["list", "--tag", "work"],
    "list --any-tag": ["list", "--any-tag", "travel,sleep"],
    "list --not-tag": ["list", "--not-tag", "work,family"],
    "list --contains": ["list", "--contains", "leaking tap"],
    "list --contains absent": ["list", "--contains", "zzqqx"],
    "list --contains Ärger": ["list", "--contains", "Ärger"],
    "reflect": ["reflect", "Walked by the river and thought about work, but it felt calm."],
}
FLOOR = "floor"  # `python -c "import sqlite3"`: the interpreter and SQLite, nothing of Mirror's


def _env(source: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(source)
    return env


def _command(home: Path, args: list[str]) -> list[str]:
    if args == [FLOOR]:
        return [sys.executable, "-c", "import sqlite3"]
    return [sys.executable, "-m", "mirror", "--home", str(home), *args]


def timed(source: Path, home: Path, args: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one process."""
    began = time.perf_counter()
    child = subprocess.Popen(_command(home, args), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=_env(source), cwd=source)
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - began


def imports(source: Path, home: Path, args: list[str]) -> tuple[int, float]:
    """(modules imported, milliseconds spent importing them) of one `-X importtime` run."""
    command = _command(home, args)
    proc = subprocess.run([command[0], "-X", "importtime", *command[1:]], capture_output=True,
                          text=True, env=_env(source), cwd=source)
    lines = [x for x in proc.stderr.splitlines() if x.startswith("import time:")][1:]
    return len(lines), sum(int(x.split("|")[0].split(":")[1]) for x in lines) / 1000


JOURNALS = HERE / "journals"


def journal(size: int) -> Path:
    """startup-N in the journals folder (bench/journals unless --journals), generated once
    and reused."""
    home = JOURNALS / f"startup-{size}"
    if not home.exists():
        sys.path.insert(0, str(HERE))
        from journal_gen import generate

        generate(size, home)
    return home


def first_id(source: Path, home: Path) -> str:
    out = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), "--json", "list",
                          "-n", "1"], capture_output=True, text=True, env=_env(source), cwd=source,
                         check=True).stdout
    return str(json.loads(out)["reflections"][0]["id"])[:8]


def measure(sources: list[Path], homes: list[Path], runs: int, label: str, only: list[str]) -> None:
    """One line per command: modules, import ms, CPU and wall medians (before → after).
    `homes[i]` is the journal `sources[i]` runs on (the same one, or a copy apiece)."""
    for source, home in zip(sources, homes, strict=True):
        timed(source, home, ["list"])  # create or migrate the journal, compile bytecode
        timed(source, home, ["stats"])  # and fill what the first `stats` in a zone keeps
    # each journal's own newest reflection (copies apart may have been written differently)
    reflection_ids = [first_id(source, home) for source, home in zip(sources, homes, strict=True)]
    commands = {FLOOR: [FLOOR], **{k: v for k, v in COMMANDS.items() if not only or k in only}}
    for name, command in commands.items():
        cmds = [[reflection_ids[i] if word == "ID" else word for word in command]
                for i in range(len(sources))]
        samples: list[list[tuple[float, float]]] = [[] for _ in sources]
        for _ in range(runs):
            for i, source in enumerate(sources):  # alternate: the same load for each
                samples[i].append(timed(source, homes[i], cmds[i]))
        cells = []
        for i, source in enumerate(sources):
            modules, import_ms = imports(source, homes[i], cmds[i])
            cpu = statistics.median(s[0] for s in samples[i]) * 1000
            wall = statistics.median(s[1] for s in samples[i]) * 1000
            cells.append((modules, import_ms, cpu, wall))
        arrow = lambda k, fmt: " → ".join(format(c[k], fmt) for c in cells)  # noqa: E731
        print(f"{label}{name:<24} modules {arrow(0, '3d'):>9}  imports {arrow(1, '5.1f'):>13} ms"
              f"  cpu {arrow(2, '5.1f'):>13} ms  wall {arrow(3, '5.1f'):>13} ms", flush=True)


_SPLIT = """
import contextlib, importlib, io, json, sys, time
began = time.process_time()
for name in sys.argv[3:]:
    try:
        importlib.import_module(name)
    except Exception:
        pass
imported = time.process_time()
import mirror.cli
def run(args):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        mirror.cli.main(["--home", sys.argv[1], *args])
first_args, second_args = json.loads(sys.argv[2])
run(first_args)
first = time.process_time()
run(second_args)
second = time.process_time()
print(began, imported - began, first - imported, second - first)
"""


def split(source: Path, home: Path, runs: int, name: str, args: list[str], label: str = "") -> None:
    """One command's CPU split: the interpreter, importing every module the command imports
    (with their import-time work), the first run in the process (opening the journal, first
    use of lazily built tables, the work) and a second run (the work alone). Medians in ms.
    `reflect` runs a second, different text (the same one would be answered from the cache)."""
    command = _command(home, args)
    proc = subprocess.run([command[0], "-X", "importtime", *command[1:]], capture_output=True,
                          text=True, env=_env(source), cwd=source)
    modules = [x.rsplit("|", 1)[1].strip() for x in proc.stderr.splitlines()
               if x.startswith("import time:")][1:]
    second = ["reflect", "Walked by the river again, and it felt calm."] if name == "reflect" else args
    samples = [[float(v) for v in subprocess.run(
        [sys.executable, "-c", _SPLIT, str(home), json.dumps([args, second]), *modules],
        capture_output=True, text=True, env=_env(source), cwd=source, check=True).stdout.split()]
        for _ in range(runs)]
    parts = ("interpreter", "imports", "first run", "second run")
    print(f"{label}{name:<24} CPU: " + ", ".join(
        f"{part} {statistics.median(s[i] for s in samples) * 1000:.0f} ms" for i, part in enumerate(parts)),
        flush=True)


def reflect_split(source: Path, home: Path, runs: int) -> None:
    """`reflect`'s CPU split (see `split`): the first reflect in a process pays for the
    engine's first use and the write, a second one for the engine's steady cost."""
    split(source, home, runs, "reflect", COMMANDS["reflect"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=HERE.parent)
    parser.add_argument("--against", type=Path, help="another checkout, run in alternation (before)")
    parser.add_argument("--against-journals", type=Path,
                        help="--against's own copies of the startup-N journals (default: --journals)")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--only", nargs="*", default=[], help="these commands (names as printed)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[],
                        help="generated journals of these sizes (default: a new empty one)")
    parser.add_argument("--reflect-split", action="store_true",
                        help="only reflect's CPU split: imports, first use, steady cost")
    parser.add_argument("--split", action="store_true",
                        help="the same CPU split for every command (or those of --only)")
    parser.add_argument("--journals", type=Path, default=HERE / "journals",
                        help="where the startup-N journals are made and reused (a copy can be "
                             "measured without touching bench/journals)")
    args = parser.parse_args()
    global JOURNALS
    JOURNALS = args.journals
    if args.reflect_split:
        for size in args.sizes or [1000]:
            print(f"[{size:>6}] ", end="")
            reflect_split(args.source, journal(size), args.runs)
        return
    if args.split:
        for size in args.sizes or [1000]:
            home = journal(size)
            reflection_id = first_id(args.source, home)
            for name, cmd in COMMANDS.items():
                if (not args.only or name in args.only) and name != "--help":
                    cmd = [reflection_id if word == "ID" else word for word in cmd]
                    split(args.source, home, args.runs, name, cmd, f"[{size:>6}] ")
        return
    sources = [args.against, args.source] if args.against else [args.source]
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
          + (f"; before = {args.against}, after = {args.source}" if args.against else ""))
    if args.sizes:
        for size in args.sizes:
            homes = [journal(size)] * len(sources)
            if args.against and args.against_journals:
                homes[0] = args.against_journals / f"startup-{size}"
            measure(sources, homes, args.runs, f"[{size:>6}] ", args.only)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "home"
            subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), "reflect",
                            "Walked by the river."], env=_env(sources[-1]), cwd=sources[-1],
                           capture_output=True, check=True)
            measure(sources, [home] * len(sources), args.runs, "", args.only)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} (at the end)")


if __name__ == "__main__":
    main()
