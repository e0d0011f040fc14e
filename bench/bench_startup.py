"""What CLI start-up costs: for each command, the modules it imports and the time spent
importing them (`python -X importtime`, summed "self" times), medians over runs. Point
`--source` at another checkout to compare two versions of Mirror on the same machine.

    python bench/bench_startup.py                      # this checkout
    python bench/bench_startup.py --source /tmp/old    # another checkout, same venv
"""

from __future__ import annotations

import argparse
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
    "search": ["search", "river"],
    "stats": ["stats"],
    "reflect": ["reflect", "Walked by the river and thought about work, but it felt calm."],
}


def run(source: Path, home: Path, args: list[str]) -> tuple[int, float, float]:
    """(modules imported, import microseconds, wall seconds) of one process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(source)
    began = time.perf_counter()
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "mirror", "--home",
                           str(home), *args], capture_output=True, text=True, env=env,
                          cwd=source)
    wall = time.perf_counter() - began
    lines = [x for x in proc.stderr.splitlines() if x.startswith("import time:")][1:]
    micros = sum(int(x.split("|")[0].split(":")[1]) for x in lines)
    return len(lines), micros, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=HERE.parent)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        run(args.source, home, ["list"])  # create the journal and compile bytecode
        for name, cmd in COMMANDS.items():
            runs = [run(args.source, home, cmd) for _ in range(args.runs)]
            modules = statistics.median(r[0] for r in runs)
            imports = statistics.median(r[1] for r in runs) / 1000
            wall = statistics.median(r[2] for r in runs) * 1000
            print(f"{name:<8} {modules:>5.0f} modules  imports {imports:6.1f} ms  "
                  f"wall {wall:6.1f} ms")


if __name__ == "__main__":
    main()
