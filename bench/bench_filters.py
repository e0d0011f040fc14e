"""What the everyday filters cost (issue 14, item 3): wall time of whole `mirror` processes
(start-up included, as a person waits for them) for `list --on`, `--contains`, tag AND/OR/
NOT, combined filters, `onthisday` with and without filters, and `search` with filters,
medians over runs, on the generated journals bench_startup.py uses (bench/journals/
startup-N, made once by journal_gen.py). The journal is copied first: runs never change it.
Beside each, the same command run in this process (`mirror.cli.main`: parsing, opening the
journal, the query, printing; no interpreter start-up or imports), which shows what the
filter itself costs when the machine is shared. CPU time (user + sys) is given beside each
wall time: on a shared machine it is the steadier figure. After the copy is migrated (and
three reflections with a rare word written), the first `--contains` is timed apart (it
reads every text into the vocabulary, migration 014), then the file's size and the shares
of the substring index (migration 013) and the vocabulary are printed.

    python bench/bench_filters.py --sizes 100000
    python bench/bench_filters.py --sizes 1000 10000 100000 --runs 11
    python bench/bench_filters.py --only contains --journal /tmp/journals/100000
    git archive HEAD~1 | tar -x -C /tmp/before     # the version before, same journal:
    python bench/bench_filters.py --source /tmp/before --journal /tmp/bench-cache/100000
    python bench/bench_filters.py --insert 100000 --against /tmp/before   # bulk insert A/B
    python bench/bench_filters.py --trigram-cost 20000   # what a trigram index costs a write
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_startup import journal  # noqa: E402 - the same generated journals

COMMANDS = {
    "list (no filter)": ["list"],
    "list --on": ["list", "--on", "2024-06-15"],
    "list --contains (common)": ["list", "--contains", "leaking tap"],
    "list --contains (absent)": ["list", "--contains", "no such words anywhere"],
    "list --contains (absent word)": ["list", "--contains", "zzqqx"],
    "list --contains (rare word)": ["list", "--contains", "ighthous"],
    "list --contains (common word)": ["list", "--contains", "patience"],
    "list --contains (non-ASCII)": ["list", "--contains", "Ärger"],
    "list --contains (common trigrams, absent)": ["list", "--contains", "rivers"],
    "list --contains (no sure trigram)": ["list", "--contains", "Straße"],
    "list --tag --tag (AND)": ["list", "--tag", "work", "--tag", "family"],
    "list --tag (absent)": ["list", "--tag", "nosuchtag"],
    "list --any-tag (OR)": ["list", "--any-tag", "travel,sleep"],
    "list --not-tag": ["list", "--not-tag", "work,family"],
    "list combined": ["list", "--tag", "work", "--not-tag", "family", "--contains", "garden",
                      "--since", "2023-01-01", "--until", "2024-12-31"],
    "list --starred --any-tag": ["list", "--starred", "--any-tag", "travel,sleep"],
    "onthisday": ["onthisday", "--date", "2026-06-15"],
    "onthisday --tag --contains": ["onthisday", "--date", "2026-06-15", "--tag", "work",
                                   "--contains", "river"],
    "search + filters": ["search", "river", "--tag", "work", "--since", "2024-01-01"],
    "search --on": ["search", "river", "--on", "2024-06-15"],
}

#: Written into the copy before timing: the rare word of `list --contains (rare word)`.
RARE = ("The lighthouse keeper waved", "Dreamt of a lighthouse again", "LIGHTHOUSES, all of them")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wall(source: Path, home: Path, args: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one whole `mirror` process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(source)
    began, cpu = time.perf_counter(), children_cpu()
    subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), *args],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=source,
                   check=True)
    return time.perf_counter() - began, children_cpu() - cpu


def in_process(home: Path, args: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one command through `mirror.cli.main` in this process, its
    output discarded."""
    import contextlib
    import io

    from mirror.cli import main as mirror_main

    began, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = mirror_main(["--home", str(home), *args])
    elapsed = time.perf_counter() - began, time.process_time() - cpu
    if code != 0:
        raise SystemExit(f"mirror {' '.join(args)} exited with {code}")
    return elapsed


def sizes(db: Path) -> str:
    """The file's size, the substring index's pages (migration 013) and the vocabulary's
    (migration 014), where the journal has them."""
    conn = sqlite3.connect(db)
    try:
        index, words = (conn.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name"
                                     " LIKE ? || '%'", (name,)).fetchone()[0]
                        for name in ("reflections_fts_substring", "reflections_fts_words"))
    finally:
        conn.close()
    total = db.stat().st_size
    return (f"file {total / 1e6:.1f} MB, substring index {index / 1e6:.1f} MB"
            f" (+{index / max(total - index, 1):.0%} on the rest), vocabulary {words / 1e6:.2f} MB")


def median_ms(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return (statistics.median(p[0] for p in pairs) * 1000,
            statistics.median(p[1] for p in pairs) * 1000)


def insert_ab(before: Path, after: Path, count: int, runs: int) -> None:
    """Bulk insert through the library (journal_gen.generate, as bench_search does), the
    two versions alternating: reflections per second of `create_many` (wall) and per CPU
    second of the whole process."""
    from bench_search import LAST_CPU, generate

    rates: dict[str, list[float]] = {"before": [], "after": []}
    per_cpu: dict[str, list[float]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for label, source in (("before", before), ("after", after)):
                rates[label].append(generate(source, count, Path(tmp) / label))
                per_cpu[label].append(count / LAST_CPU[0])
    for label in ("before", "after"):
        print(f"bulk insert of {count} ({label}): {statistics.median(rates[label]):,.0f}/s wall,"
              f" {statistics.median(per_cpu[label]):,.0f} per CPU second")


def trigram_cost(count: int, runs: int = 3) -> None:
    """Rows per CPU second into a bare table with the word index's trigger, with a trigram
    index (detail=none) of every text besides, and with one of the texts outside ASCII only
    (migration 013's trigger), on the generated (English) texts."""
    from journal_gen import entries

    texts = [e.content for e in entries(count)]
    wide = "WHEN length(CAST(new.content AS BLOB)) > length(new.content)"
    kinds = {"word index only": None, "+ trigram of every text": "",
             "+ trigram outside ASCII (013)": wide}
    found: dict[str, list[float]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            for kind, when in kinds.items():
                conn = sqlite3.connect(Path(tmp) / f"{run}-{len(found[kind])}-{hash(kind)}.db",
                                       isolation_level=None)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("CREATE TABLE r (seq INTEGER PRIMARY KEY, content TEXT)")
                conn.execute("CREATE VIRTUAL TABLE w USING fts5(content, content='r',"
                             " content_rowid='seq', tokenize=\"unicode61 remove_diacritics 2"
                             " categories 'L* N* Co M*'\")")
                conn.execute("CREATE TRIGGER wi AFTER INSERT ON r BEGIN INSERT INTO w(rowid,"
                             " content) VALUES (new.seq, new.content); END")
                if when is not None:
                    conn.execute("CREATE VIRTUAL TABLE t USING fts5(content, content='r',"
                                 " content_rowid='seq', tokenize='trigram', detail=none,"
                                 " columnsize=0)")
                    conn.execute(f"CREATE TRIGGER ti AFTER INSERT ON r {when} BEGIN INSERT INTO"
                                 " t(rowid, content) VALUES (new.seq, new.content); END")
                began = time.process_time()
                for at in range(0, count, 5000):
                    conn.execute("BEGIN")
                    conn.executemany("INSERT INTO r (content) VALUES (?)",
                                     ((text,) for text in texts[at:at + 5000]))
                    conn.execute("COMMIT")
                found[kind].append(count / (time.process_time() - began))
                conn.close()
    for kind, rates in found.items():
        print(f"{kind:<32} {statistics.median(rates):8,.0f} rows per CPU second")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=HERE.parent)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--journal", type=Path,
                        help="a journal folder to copy instead of bench/journals/startup-N"
                             " (one older than both versions compared, for before/after)")
    parser.add_argument("--insert", type=int, default=0,
                        help="only time bulk insert of this many reflections (with --against)")
    parser.add_argument("--against", type=Path, help="the version before, for --insert")
    parser.add_argument("--only", nargs="+", default=[],
                        help="only the commands whose name contains one of these")
    parser.add_argument("--trigram-cost", type=int, default=0,
                        help="only measure what a trigram index costs each write")
    args = parser.parse_args()
    if args.trigram_cost:
        trigram_cost(args.trigram_cost)
        return
    if args.insert:
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        insert_ab(args.against.resolve(), args.source.resolve(), args.insert, 2)
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "home"
            shutil.copytree(args.journal or journal(size), home)
            migrated = wall(args.source, home, ["list"])  # migrate the copy, compile bytecode
            for text in RARE:
                wall(args.source, home, ["reflect", text])
            first = wall(args.source, home, ["list", "--contains", "qqzzx"])
            print(f"[{size:>6}] first run (migrating) {migrated[0]:.1f} s wall,"
                  f" {migrated[1]:.1f} s CPU; first --contains {first[0]:.1f} s wall"
                  f" (reads the vocabulary, migration 014); {sizes(home / 'mirror.db')}",
                  flush=True)
            sys.path.insert(0, str(args.source))
            for name, cmd in COMMANDS.items():
                if args.only and not any(part in name for part in args.only):
                    continue
                outer = median_ms([wall(args.source, home, cmd) for _ in range(args.runs)])
                inner = median_ms([in_process(home, cmd) for _ in range(args.runs)])
                print(f"[{size:>6}] {name:<42} process {outer[0]:6.0f} ms wall {outer[1]:5.0f} CPU"
                      f"  in-process {inner[0]:6.1f} wall {inner[1]:6.1f} CPU", flush=True)
            print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
