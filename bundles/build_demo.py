"""Build bundles/demo.zip: a small, varied journal a newcomer can import to look around.

    python bundles/build_demo.py            # rewrites bundles/demo.zip
    mirror import bundles/demo.zip

Reproducible: a fixed clock and counter-based IDs, so the same Mirror (same migrations and
constitution) always writes the same bytes. ~40 reflections over a year in four time
zones, with tags, stars, a private one, threads, an edited one (a revision), a deleted one
(a tombstone) and a tension named by hand; patterns and tensions are derived by the
offline engine. No mirrorbacks (engine runs record wall-clock durations, which would make
the file differ on every build); import one and run `mirror mirrorback regenerate`.
"""

from __future__ import annotations

import random
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from mirror.clock import FixedClock, utc_iso  # noqa: E402
from mirror.storage.reflections import NewReflection  # noqa: E402

START = datetime(2025, 1, 6, 7, 45, tzinfo=UTC)
ZONES = ("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/Lisbon")
TEXTS = [
    "I must finish the quarterly report but part of me wants to stay in bed. #work",
    "Walked along the river before work. The cold made everything quiet. #walks",
    "Always the same argument with myself about the gym: should, should, should. #health",
    "Mum called. I keep promising to visit and never do. #family",
    "On one hand I love the new project, on the other hand I miss having evenings. #work",
    "Cooked dinner for everyone and nobody complained. Small victories. #home",
    "I wonder whether I say yes to things so people keep liking me.",
    "Read two chapters before sleeping instead of scrolling. It felt like a holiday. #reading",
    "The deadline moved again. I have to stop pretending it will not. #work",
    "Sam asked for help with the move and I said yes before thinking. #friends",
    "Tired but calm. The garden needs attention and so do I. #garden",
    "Everything has to be perfect before I show it to anyone. Why? #work",
    "First run in three weeks. Slow, happy, out of breath. #health #running",
    "Worried about money this month, though the numbers are fine on paper. #money",
    "I remembered last summer at the lake and felt homesick for a place I never lived.",
    "The kids were loud all day and I was patient, mostly. #family",
    "Planned the trip in detail, then wanted to throw the plan away. #travel",
    "Control or let go: the eternal question with the renovation. #home",
    "Wrote three pages of nothing much. Writing anyway. #writing",
    "A stranger on the train helped me with my bag. Kindness is contagious.",
    "I should call the doctor about my knee. I keep postponing it. #health",
    "Finished the report. It is not perfect and it is done. #work",
    "Long lunch with my sister. We laughed about things that used to hurt. #family",
    "Couldn't sleep. Thinking about the future in circles. #sleep",
    "Rain all weekend. Made soup, fixed the leaking tap, read on the sofa. #home",
    "I noticed I apologise before I even speak in meetings. #work",
    "Garden again: tomatoes are finally red. #garden",
    "Part of me wants stability, part of me wants to move abroad next year. #travel",
    "Said no to an extra project. The world did not end. #work",
    "Ran by the river at dawn; the city was still asleep. #running",
    "Gratitude list: coffee, the window seat, Sam's message. ",
    "Felt left out at the party and then realised I had not reached out either. #friends",
    "Budget meeting went better than I feared. #money",
    "My brother and I finally talked about dad. Heavy and good. #family",
    "Tried to meditate, mostly made a shopping list in my head.",
    "New notebook, new habit: one line every evening. #writing",
    "I keep thinking about what I would do if nobody was watching.",
    "Snow! Built a snowman with the kids and forgot about the inbox. #family",
    "Year in review: more walks, fewer late nights, still learning to rest.",
    "A draft I wrote and then decided to delete.",
]


def build(dest: Path) -> Path:
    from mirror.services.journal import Journal

    with tempfile.TemporaryDirectory(prefix="mirror-demo-") as folder:
        clock = FixedClock(START)
        # Varied but reproducible IDs, so short ID prefixes tell reflections apart.
        ids_rng = random.Random(44)
        clock.id_fn = lambda: str(uuid.UUID(int=ids_rng.getrandbits(128), version=4))
        journal = Journal.open(Path(folder) / "home", clock=clock)
        try:
            news = []
            for i, text in enumerate(TEXTS):
                moment = START + timedelta(days=9 * i, hours=(i * 5) % 14)
                news.append(NewReflection(
                    content=text, created_at=utc_iso(moment), created_tz=ZONES[i % len(ZONES)],
                    starred=i % 7 == 0, private=i == 14, source="demo"))
            ids = journal.store.reflections.create_many(news)
            journal.create_thread("Work and rest")
            journal.create_thread("Family")
            for i, text in enumerate(TEXTS):
                if "#work" in text and i % 2 == 0:
                    journal.add_to_thread("Work and rest", ids[i])
                if "#family" in text:
                    journal.add_to_thread("Family", ids[i])
            journal.edit(ids[21], text=TEXTS[21] + " Sent it at 17:02, then went for a walk.")
            journal.edit(ids[2], add_tags=["habits"])
            journal.delete(ids[-1])
            journal.add_tension("work", "rest")
            journal.analyze_all()
            journal.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            dest.unlink(missing_ok=True)
            result = journal.export_bundle(dest)
        finally:
            journal.close()
    return Path(result.path)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "demo.zip"
    path = build(target)
    print(f"wrote {path} ({path.stat().st_size} bytes)")
