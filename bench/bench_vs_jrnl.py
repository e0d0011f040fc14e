"""Mirror and jrnl 4.6 side by side on the same journal: the everyday commands of each,
run alternately (A, B, A, B, ...) so both see the same machine, and the ratio reported
pair by pair (as hyperfine does), with the median of each and of the ratios.

jrnl is installed from PyPI into its own virtual environment (`--jrnl-venv`, created on
first use: this bench needs the network once; the test suite never does). The jrnl
journal is Mirror's own `export --format jrnl` of a generated journal, so both tools
hold the same entries, tags and stars.

    python bench/bench_vs_jrnl.py                        # 1k, 10k, 100k; 5 pairs each
    python bench/bench_vs_jrnl.py --sizes 10000 --pairs 9
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from journal_gen import generate  # noqa: E402

# Bytecode compiled as pip would (see bench_aggregates.py).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""

#: name -> (jrnl arguments, mirror arguments): the same question asked of each.
COMMANDS: dict[str, tuple[list[str], list[str]]] = {
    "last 10": (["-n", "10"], ["list", "-n", "10"]),
    "on a day": (["-on", "2024-06-15"], ["list", "--on", "2024-06-15"]),
    "contains": (["-contains", "report"], ["list", "--contains", "report", "-n", "10"]),
    "tag": (["@work", "-n", "10"], ["list", "--tag", "work", "-n", "10"]),
    "tags": (["--tags"], ["tags"]),
    # Mirror's write includes analysing the entry and its mirrorback (offline engine).
    "write": (["A short line written from the bench."], ["reflect", "A short line written from the bench."]),
}


def jrnl_bin(venv: Path) -> Path:
    exe = venv / "bin" / "jrnl"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "jrnl==4.6"], check=True)
    return exe


def timed(argv: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, env=env, stdin=subprocess.DEVNULL)
    took = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"{argv[:4]} failed ({proc.returncode}): {proc.stderr.decode()[-400:]}")
    return took


def prepare(size: int, work: Path) -> tuple[Path, Path]:
    """(Mirror home, jrnl journal file) holding the same `size` entries."""
    home = work / f"vs-jrnl-{size}"
    text = work / f"vs-jrnl-{size}.txt"
    if not (home / "mirror.db").exists():
        generate(size, home)
    if not text.exists():
        subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), "export",
                        "--format", "jrnl", str(text)], check=True, env=ENV, capture_output=True)
    return home, text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=HERE / "journals")
    parser.add_argument("--jrnl-venv", type=Path, default=HERE / "journals" / "jrnl-4.6-venv")
    parser.add_argument("--only", nargs="*", choices=sorted(COMMANDS), default=sorted(COMMANDS))
    args = parser.parse_args()
    jrnl = jrnl_bin(args.jrnl_venv)
    print(f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for size in args.sizes:
        home, journal_text = prepare(size, args.work)
        with tempfile.TemporaryDirectory() as tmp:
            # Writes change each journal: both work on copies, thrown away afterwards.
            j_file = Path(tmp) / "journal.txt"
            shutil.copy(journal_text, j_file)
            m_home = Path(tmp) / "mirror"
            shutil.copytree(home, m_home)
            (Path(tmp) / "jrnl").mkdir()
            (Path(tmp) / "jrnl" / "jrnl.yaml").write_text(JRNL_CONFIG.format(journal=j_file))
            j_env = {**ENV, "XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp}
            for name in args.only:
                j_args, m_args = COMMANDS[name]
                j_argv = [str(jrnl), *j_args]
                m_argv = [sys.executable, "-m", "mirror", "--home", str(m_home), *m_args]
                timed(j_argv, j_env)  # warm-up: caches, bytecode, migrations
                timed(m_argv, ENV)
                pairs = []
                for _ in range(args.pairs):
                    a = timed(j_argv, j_env)
                    b = timed(m_argv, ENV)
                    pairs.append((a, b))
                j_med = statistics.median(a for a, _ in pairs)
                m_med = statistics.median(b for _, b in pairs)
                ratio = statistics.median(a / b for a, b in pairs)
                print(f"{size:>7} {name:<10} jrnl {j_med * 1000:8.0f} ms   mirror {m_med * 1000:7.0f} ms"
                      f"   jrnl/mirror {ratio:6.1f}x (median of {len(pairs)} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
