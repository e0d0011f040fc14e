"""What CLI start-up costs: for each command, the modules it imports and the time spent
importing them (`python -X importtime`, summed "self" times), the process's CPU time and
wall time, medians over runs. Point `--source` at another checkout to compare two versions
of Mirror on the same machine. With `--sizes`, each size gets a generated journal in
bench/journals/startup-N (made once by journal_gen.py, then reused).

    python bench/bench_startup.py                      # this checkout, a new empty journal
    python bench/bench_startup.py --source /tmp/old    # another checkout, same venv
    python bench/bench_startup.py --sizes 1000 10000 100000
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
    "reflect": ["reflect", "Walked by the river and thought about work, but it felt calm."],
}


def run(source: Path, home: Path, args: list[str]) -> tuple[int, float, float, float]:
    """(modules imported, import microseconds, CPU seconds, wall seconds) of one process:
    CPU and wall from a run without -X importtime, modules from one with it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(source)
    command = [sys.executable, "-m", "mirror", "--home", str(home), *args]
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=env, cwd=source)
    _, _, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - began
    proc = subprocess.run([command[0], "-X", "importtime", *command[1:]], capture_output=True,
                          text=True, env=env, cwd=source)
    lines = [x for x in proc.stderr.splitlines() if x.startswith("import time:")][1:]
    micros = sum(int(x.split("|")[0].split(":")[1]) for x in lines)
    return len(lines), micros, usage.ru_utime + usage.ru_stime, wall


def journal(size: int) -> Path:
    """bench/journals/startup-N, generated once and reused."""
    home = HERE / "journals" / f"startup-{size}"
    if not home.exists():
        sys.path.insert(0, str(HERE))
        from journal_gen import generate

        generate(size, home)
    return home


def first_id(source: Path, home: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(source)
    out = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), "--json", "list",
                          "-n", "1"], capture_output=True, text=True, env=env, cwd=source,
                         check=True).stdout
    return str(json.loads(out)["reflections"][0]["id"])[:8]


def measure(source: Path, home: Path, runs: int, label: str) -> None:
    run(source, home, ["list"])  # create or migrate the journal and compile bytecode
    reflection_id = first_id(source, home) if label else ""
    for name, cmd in COMMANDS.items():
        if name == "show" and not reflection_id:
            continue
        cmd = [reflection_id if word == "ID" else word for word in cmd]
        results = [run(source, home, cmd) for _ in range(runs)]
        modules = statistics.median(r[0] for r in results)
        imports = statistics.median(r[1] for r in results) / 1000
        cpu = statistics.median(r[2] for r in results) * 1000
        wall = statistics.median(r[3] for r in results) * 1000
        print(f"{label}{name:<8} {modules:>5.0f} modules  imports {imports:6.1f} ms  "
              f"cpu {cpu:6.1f} ms  wall {wall:6.1f} ms", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=HERE.parent)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--sizes", type=int, nargs="*", default=[],
                        help="generated journals of these sizes (default: a new empty one)")
    args = parser.parse_args()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.sizes:
        for size in args.sizes:
            measure(args.source, journal(size), args.runs, f"[{size:>6}] ")
        return
    with tempfile.TemporaryDirectory() as tmp:
        measure(args.source, Path(tmp) / "home", args.runs, "")


if __name__ == "__main__":
    main()
