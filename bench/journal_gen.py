"""Generate realistic journals for benchmarks: N reflections spread over years, with tags,
varied lengths and everyday vocabulary. Deterministic for a given size and seed.

    python bench/journal_gen.py 10000 /tmp/journal-10k
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mirror.clock import utc_iso  # noqa: E402
from mirror.storage.reflections import NewReflection  # noqa: E402
from mirror.storage.store import Store  # noqa: E402

OPENINGS = [
    "Today I", "This morning I", "Tonight I keep thinking that I", "Lately I", "I noticed I",
    "At work I", "With my family I", "On the walk home I", "I woke up and", "Again I",
]
VERBS = [
    "felt", "wondered whether", "should have", "kept trying to", "never seem to", "always",
    "wanted to", "was afraid that I", "remembered how I", "could not stop", "decided to",
]
OBJECTS = [
    "call my mother", "finish the report", "rest", "say no to the extra project",
    "go running by the river", "cook dinner for everyone", "write in this journal",
    "be more patient with the kids", "fix the leaking tap", "read before sleeping",
    "apologise to Sam", "plan the trip", "let things be imperfect", "ask for help",
]
CLAUSES = [
    "but part of me wanted to stay in bed", "and it felt lighter than I expected",
    "however the deadline keeps moving", "because everything has to be perfect",
    "while the rain kept falling", "even though nobody asked me to",
    "and I am not sure why it matters so much", "but I must keep going",
    "which reminded me of last summer", "and tomorrow worries me a little",
]
WORDS = ("garden coffee train meeting letter silence music winter kitchen window evening "
         "friend brother sister budget doctor patience courage habit promise weekend").split()
TAGS = ["work", "family", "health", "running", "sleep", "money", "friends", "travel",
        "reading", "garden", "kids", "writing"]
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Europe/Lisbon"]


def reflection_text(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 14)):
        sentence = f"{rng.choice(OPENINGS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        if rng.random() < 0.6:
            sentence += f", {rng.choice(CLAUSES)}"
        if rng.random() < 0.5:
            sentence += " " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 8)))
        sentences.append(sentence + rng.choice([".", ".", ".", "?", "!"]))
    text = " ".join(sentences)
    if rng.random() < 0.5:
        text += " #" + rng.choice(TAGS)
    return text


def entries(n: int, seed: int = 7):
    rng = random.Random(seed)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    span = (datetime(2026, 1, 1, tzinfo=UTC) - start).total_seconds()
    for i in range(n):
        moment = start + timedelta(seconds=span * i / n + rng.randint(0, 3600))
        yield NewReflection(
            content=reflection_text(rng), created_at=utc_iso(moment),
            created_tz=rng.choice(ZONES), tags=rng.sample(TAGS, rng.randint(0, 2)),
            starred=rng.random() < 0.05, private=rng.random() < 0.1, source="bench",
        )


def generate(n: int, home: Path, batch: int = 5000) -> float:
    """Fill `home` with n reflections through the library API; returns reflections/s."""
    home.mkdir(parents=True, exist_ok=True)
    store = Store(home / "mirror.db")
    generator = entries(n)
    elapsed = 0.0
    done = 0
    while done < n:
        chunk = [next(generator) for _ in range(min(batch, n - done))]  # not timed
        began = time.perf_counter()
        store.reflections.create_many(chunk)
        elapsed += time.perf_counter() - began
        done += len(chunk)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return n / elapsed


if __name__ == "__main__":
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    rate = generate(count, target)
    print(f"{count} reflections into {target}: {rate:,.0f} reflections/s (FTS + audit included)")
