"""Deterministic, realistic sample reflections, for benchmarks and tests.

The engine's speed and the offline composer's variety are measured on text that reads like
a journal: everyday openings, the patterns and tensions people actually write about,
closings. A small linear congruential generator keeps it reproducible without touching
global random state.
"""

from __future__ import annotations

_OPENINGS = [
    "Today was long.", "I woke up early and couldn't get back to sleep.", "Quiet evening.",
    "Work was chaos again.", "Finally some sun.", "Rough morning with the kids.",
    "I've been thinking about my brother.", "Another Monday.", "The house is empty tonight.",
    "Back from the trip.", "Therapy was hard today.", "I finished the painting.",
]
_MIDDLES = [
    "I have to finish the report by Friday and I always leave it to the last minute.",
    "Part of me wants to quit and travel, but I also like the security of a steady job.",
    "I remember when we used to walk by the river every Sunday.",
    "What if the scan shows something? I'm worried and I can't stop thinking about it.",
    "I'm so stupid for forgetting her birthday again.",
    "I'm grateful for the friends who called.",
    "On one hand I want my own space. On the other hand, I miss the closeness we had.",
    "I want everything to be perfect, but maybe good enough is enough this time.",
    "My head says stay, but my heart wants something new.",
    "I planned the whole weekend, yet the best part was a walk on a whim.",
    "Nobody at work noticed the extra hours, and I never say anything.",
    "My mother said \"you should call more often\" and I felt twelve again.",
    "The garden is full of tomatoes and I gave half of them to the neighbours.",
    "I need to make a decision about the flat soon.",
    "We laughed until we cried over the old photos.",
    "I don't have to prove anything to anyone this week.",
    "I keep telling myself I must be stronger than this.",
    "The deadline is killing me but the project is finally taking shape.",
    "I felt calm for the first time in weeks, sitting by the window with tea.",
    "I should exercise more, but honestly I just want to rest.",
]
_CLOSINGS = [
    "I don't know what to make of it.", "Tomorrow is another day.", "That's all for now.",
    "I'm tired but okay.", "Writing this helps me see it.", "Still thinking about it.",
    "", "We'll see.", "Maybe that's enough for today.",
]


def generated_reflections(count: int, words: int = 150) -> list[str]:
    """`count` distinct, realistic reflections of about `words` words, deterministically
    (a small linear congruential generator: no global random state)."""
    state = 20240607
    out: list[str] = []

    def nxt(n: int) -> int:
        nonlocal state
        state = (state * 1103515245 + 12345) % 2**31
        return (state >> 8) % n

    for i in range(count):
        parts = [_OPENINGS[nxt(len(_OPENINGS))]]
        while len(" ".join(parts).split()) < words:
            parts.append(_MIDDLES[nxt(len(_MIDDLES))])
        parts.append(_CLOSINGS[nxt(len(_CLOSINGS))])
        parts.append(f"(day {i + 1})")
        out.append(" ".join(p for p in parts if p))
    return out
