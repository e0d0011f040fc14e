"""Time every everyday `mirror` command (whole processes) on a 100k-reflection journal,
plain and encrypted, and print the medians and the ratio (the budget: encrypted within 2x
of plain). Not part of the test suite (timings are noisy).

The encrypted journal is timed twice: `unlocked` (the derived key kept for the login
session by `mirror unlock`, which is how a person who journals daily would use it) and
`passphrase` (MIRROR_PASSPHRASE given to every command, so each pays SQLCipher's
PBKDF2-HMAC-SHA512 key derivation, 256,000 iterations).

    python bench/bench_encrypted.py                     # 100k, 7 runs
    python bench/bench_encrypted.py --size 10000 --runs 5
"""

from __future__ import annotations

import argparse
import json
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

PASS = "bench passphrase, not a real one"
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "MIRROR_PASSPHRASE")}


def commands(rid: str) -> dict[str, list[str]]:
    return {
        "reflect": ["reflect", "Walked by the river and thought about work, but it felt calm."],
        "list -n 20": ["list", "-n", "20"],
        "list --json": ["list", "--json", "-n", "20"],
        "show": ["show", rid[:8]],
        "history": ["history", rid[:8]],
        "search": ["search", "garden"],
        "tags": ["tags"],
        "stats": ["stats"],
        "threads": ["threads"],
        "onthisday": ["onthisday"],
        "audit verify": ["audit", "verify"],
        "edit --star": ["edit", rid[:8], "--star"],
        "doctor": ["doctor"],
        "export": ["export", "{tmp}/out.zip", "--force"],
    }


def mirror(home: Path, args: list[str], env: dict[str, str], tmp: Path) -> float:
    began = time.perf_counter()
    args = [a.replace("{tmp}", str(tmp)) for a in args]
    proc = subprocess.run([sys.executable, "-m", "mirror", "--home", str(home), *args],
                          capture_output=True, cwd=HERE.parent, env=env)
    wall = (time.perf_counter() - began) * 1000
    if proc.returncode not in (0,):
        raise SystemExit(f"{args} failed ({proc.returncode}): {proc.stderr.decode()}")
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=HERE / "journals")
    parser.add_argument("--only", nargs="*", help="command names to time (default: all)")
    args = parser.parse_args()
    source = args.workdir / f"startup-{args.size}"
    if not (source / "mirror.db").exists():
        generate(args.size, source)
    work = Path(tempfile.mkdtemp(prefix="mirror-bench-enc-"))
    runtime = work / "run"
    runtime.mkdir(mode=0o700)
    plain, encrypted = work / "plain", work / "encrypted"
    try:
        for home in (plain, encrypted):
            home.mkdir()
            shutil.copy2(source / "mirror.db", home / "mirror.db")
        plain_env = {**ENV, "XDG_RUNTIME_DIR": str(runtime)}
        mirror(plain, ["list", "-n", "1"], plain_env, work)  # a pending migration, not timed
        began = time.perf_counter()
        mirror(encrypted, ["encrypt"], {**plain_env, "MIRROR_PASSPHRASE": PASS}, work)
        print(f"mirror encrypt of {args.size:,} reflections: {time.perf_counter() - began:.1f} s")
        modes = {
            "plain": (plain, plain_env),
            "unlocked": (encrypted, plain_env),
            "passphrase": (encrypted, {**plain_env, "MIRROR_PASSPHRASE": PASS}),
        }
        mirror(encrypted, ["unlock"], modes["passphrase"][1], work)
        out = subprocess.run([sys.executable, "-m", "mirror", "--home", str(plain), "list", "--json", "-n", "1"],
                             capture_output=True, env=plain_env, check=True).stdout
        rid = json.loads(out)["reflections"][0]["id"]
        print(f"load average: {os.getloadavg()[0]:.2f}; median of {args.runs} runs, ms")
        print(f"{'command':<14} {'plain':>8} {'unlocked':>9} {'ratio':>6} {'passphrase':>11} {'ratio':>6}")
        for name, cmd in commands(rid).items():
            if args.only and name not in args.only:
                continue
            medians = {}
            for mode, (home, env) in modes.items():
                mirror(home, cmd, env, work)  # warm-up
                medians[mode] = statistics.median(mirror(home, cmd, env, work) for _ in range(args.runs))
            print(f"{name:<14} {medians['plain']:>8.0f} {medians['unlocked']:>9.0f} "
                  f"{medians['unlocked'] / medians['plain']:>5.2f}x {medians['passphrase']:>11.0f} "
                  f"{medians['passphrase'] / medians['plain']:>5.2f}x", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
