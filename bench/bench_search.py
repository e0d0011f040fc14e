"""Search and writing statistics (issue 14, items 4 and 6) on journals of 1k, 10k and 100k
reflections: whole-process medians of `search` (an English word, a Japanese word, an emoji,
an FTS5 query), `stats` and `reflect`; the time of the first run after an upgrade (the
migration to 008: both indexes and the per-hour counts rebuilt); the file's size and the
trigram index's share of it; bulk insert through the library; and, with `--datasette`,
proof that datasette finds the full-text index and its search box filters rows.

Journals are copied from bench/journals/startup-N (bench_startup.py makes them) or
generated, into `--workdir`, one copy per source, so the same journals can be timed with
the version before (`--source` a checkout of it) and after:

    git archive 6541b54 | tar -x -C /tmp/before      # the version before migration 008
    python bench/bench_search.py --source /tmp/before --label before
    python bench/bench_search.py --label after --datasette /tmp/dsvenv/bin/python
    python bench/bench_search.py --against /tmp/before   # runs alternate: fair under load
    python bench/bench_search.py --cjk 10000             # the trigram index's size, CJK share

Not part of the test suite (timings are noisy).
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
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Written into every journal before timing: one reflection per script the search serves.
EXTRA = ["今日は東京に行きました。楽しかった", "Party tonight 🎉 with everyone 😀",
         "வணக்கம் நண்பரே, இன்று நல்ல நாள்", "សួស្តី ពិភពលោក", "The old house by the river."]
COMMANDS = {
    "search river": ["search", "river"],
    "search friend": ["search", "friend"],      # a plain word finds its forms too ("friends")
    "search the": ["search", "the"],            # the widest range of forms to check
    "search 東京": ["search", "東京"],
    "search 行きました": ["search", "行きました"],
    "search 😀": ["search", "😀"],
    "search --fts": ["search", "--fts", '"old house" OR (river NOT garden)'],
    "stats": ["stats"],
    "reflect": ["reflect", "Walked by the river and thought about work, but it felt calm."],
}
DATASETTE_CHECK = """
import asyncio, sqlite3, sys
from datasette.app import Datasette
from datasette.utils import detect_fts
path = sys.argv[1]
print("detect_fts:", detect_fts(sqlite3.connect(path), "reflections"))
async def main():
    ds = Datasette(files=[path])
    await ds.invoke_startup()
    r = await ds.client.get("/mirror/reflections.json?_search=river&_size=0")
    found = r.json()["filtered_table_rows_count"]
    r = await ds.client.get("/mirror/reflections.json?_size=0")
    print(f"search box: 'river' filters {r.json()['filtered_table_rows_count']} rows to {found}")
asyncio.run(main())
"""


def env_for(source: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(source)
    return env


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mirror(source: Path, home: Path, *args: str) -> float:
    """Wall seconds of one `mirror` process of `source` (`cpu` keeps its CPU seconds: on a
    loaded machine the steadier figure)."""
    began, cpu = time.perf_counter(), children_cpu()
    proc = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), *args],
                          capture_output=True, cwd=source, env=env_for(source))
    wall = time.perf_counter() - began
    LAST_CPU[0] = children_cpu() - cpu
    if proc.returncode not in (0, 4):  # 4: a query the version before cannot read
        raise SystemExit(f"{args} failed ({proc.returncode}): {proc.stderr.decode()}")
    return wall


LAST_CPU = [0.0]


def journal(source: Path, size: int, workdir: Path, label: str) -> tuple[Path, float]:
    """A journal of `size` for `source` and the wall time of its first (migrating) run."""
    home = workdir / f"{label}-{size}"
    if not (home / "mirror.db").exists():
        home.mkdir(parents=True, exist_ok=True)
        shared = HERE / "journals" / f"startup-{size}" / "mirror.db"
        if shared.exists():
            shutil.copy(shared, home / "mirror.db")
        else:
            generate(source, size, workdir / f"gen-{size}")
            shutil.copy(workdir / f"gen-{size}" / "mirror.db", home / "mirror.db")
    first = mirror(source, home, "tags")      # migrates an older journal: timed apart
    for text in EXTRA:
        mirror(source, home, "reflect", text)
    return home, first


def generate(source: Path, size: int, home: Path) -> float:
    """Reflections per second of journal_gen.generate with `source`'s library (wall; per
    CPU second in LAST_CPU)."""
    shutil.rmtree(home, ignore_errors=True)
    cpu = children_cpu()
    code = (f"import sys; sys.path[:0] = [{str(source)!r}, {str(source / 'bench')!r}]\n"
            "from pathlib import Path\nfrom journal_gen import generate\n"
            f"print(generate({size}, Path({str(home)!r})))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env_for(source), cwd=source, check=True)
    LAST_CPU[0] = children_cpu() - cpu
    return float(proc.stdout.strip().splitlines()[-1])


def sizes_of(db: Path) -> tuple[float, float]:
    """(file MB, trigram index MB) after VACUUM, on a copy."""
    copy = db.with_name("sized.db")
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    conn.execute("VACUUM")
    try:
        trigram = conn.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat"
                               " WHERE name LIKE 'reflections_fts_trigram%'").fetchone()[0]
    except sqlite3.OperationalError:
        trigram = 0
    conn.close()
    size = copy.stat().st_size
    copy.unlink()
    return size / 1e6, trigram / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=HERE.parent)
    parser.add_argument("--label", default="after")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/mirror-bench-search"))
    parser.add_argument("--insert", type=int, default=0,
                        help="also time bulk insert of this many reflections")
    parser.add_argument("--datasette", help="a Python with datasette installed")
    parser.add_argument("--against", type=Path,
                        help="the version before: its runs alternate with this one's")
    parser.add_argument("--cjk", type=int, default=0,
                        help="only measure the trigram index on journals of this size")
    args = parser.parse_args()
    source = args.source.resolve()
    if args.cjk:
        cjk_sizes(source, args.cjk, args.workdir)
        return
    if args.against:
        compare(args.against.resolve(), source, args)
        return
    print(f"{args.label}: {source}, load {os.getloadavg()[0]:.1f}")
    if args.insert:
        rate = generate(source, args.insert, args.workdir / f"insert-{args.label}")
        print(f"bulk insert of {args.insert}: {rate:,.0f} reflections/s")
    for size in args.sizes:
        home, first = journal(source, size, args.workdir, args.label)
        mb, trigram = sizes_of(home / "mirror.db")
        print(f"\n{size} reflections: first run {first:.2f} s, file {mb:.1f} MB,"
              f" trigram index {trigram:.2f} MB")
        for name, cmd in COMMANDS.items():
            if name == "search --fts" and args.label == "before":
                continue
            walls = [mirror(source, home, *cmd) for _ in range(args.runs)]
            print(f"  {name:<18} {statistics.median(walls) * 1000:6.0f} ms")
        if args.datasette:
            out = subprocess.run([args.datasette, "-c", DATASETTE_CHECK, str(home / "mirror.db")],
                                 capture_output=True, text=True)
            print("  datasette " + (out.stdout or out.stderr).strip().replace("\n", "; "))


def compare(before: Path, after: Path, args: argparse.Namespace) -> None:
    """Medians before → after, each run of one followed by a run of the other, so both
    see the same load on a shared machine; bulk insert likewise with `--insert`."""
    print(f"before {before} → after {after}, load {os.getloadavg()[0]:.1f}")
    if args.insert:
        rates: dict[str, list[float]] = {"before": [], "after": []}
        per_cpu: dict[str, list[float]] = {"before": [], "after": []}
        for _ in range(3):
            for label, src in (("before", before), ("after", after)):
                rates[label].append(generate(src, args.insert, args.workdir / f"insert-{label}"))
                per_cpu[label].append(args.insert / LAST_CPU[0])
        print(f"bulk insert of {args.insert}, wall: " + " → ".join(
            f"{statistics.median(rates[k]):,.0f}/s" for k in ("before", "after"))
            + "; per CPU second (whole process, start-up included): " + " → ".join(
            f"{statistics.median(per_cpu[k]):,.0f}/s" for k in ("before", "after")))
    for size in args.sizes:
        homes = {label: journal(src, size, args.workdir, label)[0]
                 for label, src in (("before", before), ("after", after))}
        print(f"\n{size} reflections: CPU / wall ms, before → after")
        for name, cmd in COMMANDS.items():
            if name == "search --fts":
                continue
            walls: dict[str, list[float]] = {"before": [], "after": []}
            cpus: dict[str, list[float]] = {"before": [], "after": []}
            for _ in range(args.runs):
                for label, src in (("before", before), ("after", after)):
                    walls[label].append(mirror(src, homes[label], *cmd) * 1000)
                    cpus[label].append(LAST_CPU[0] * 1000)
            b, a = (f"{statistics.median(cpus[k]):4.0f}/{statistics.median(walls[k]):4.0f}"
                    for k in ("before", "after"))
            print(f"  {name:<18} {b} → {a}")


JAPANESE = ("今日は朝から雨が降っていて、駅まで歩くのが少し大変だった。会社では新しいプロジェクトの"
            "会議があり、みんなの意見を聞きながら計画を立てた。夜は家族と一緒に晩ご飯を食べて、"
            "久しぶりにゆっくり話した。")


def cjk_sizes(source: Path, size: int, workdir: Path) -> None:
    """The trigram index's share of journals where 0, 10, 30 and 100 % of the reflections
    are Japanese (60-440 characters), the rest the generated English ones."""
    code = f"""
import os, random, shutil, sqlite3, sys
from dataclasses import replace
from pathlib import Path
sys.path[:0] = [{str(source)!r}, {str(source / 'bench')!r}]
from journal_gen import entries
from mirror.storage.store import Store
for share in (0.0, 0.1, 0.3, 1.0):
    home = Path({str(workdir)!r}) / f"cjk-{{share}}"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(mode=0o700, parents=True)
    store, rng, rows = Store(home / "mirror.db"), random.Random(1), []
    for r in entries({size}, seed=5):
        if rng.random() < share:
            k = rng.randint(1, 4)
            r = replace(r, content=({JAPANESE!r} * k)[: rng.randint(60, 110) * k])
        rows.append(r)
    for i in range(0, {size}, 1000):
        store.reflections.create_many(rows[i:i + 1000])
    store.close()
    conn = sqlite3.connect(home / "mirror.db")
    conn.execute("VACUUM")
    total = os.path.getsize(home / "mirror.db")
    tri = conn.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat"
                       " WHERE name LIKE 'reflections_fts_trigram%'").fetchone()[0]
    print(f"{{share:4.0%}} Japanese: file {{total / 1e6:.1f}} MB, trigram index"
          f" {{tri / 1e6:.1f}} MB (+{{tri / (total - tri):.0%}})")
"""
    subprocess.run([sys.executable, "-c", code], env=env_for(source), cwd=source, check=True)


if __name__ == "__main__":
    main()
