"""How much a month digest repeats: over the months of the review journals (each month of
twelve entries or more, as bench/digest_review.py digests them), the lines a month quotes
that one of its weekly digests already quoted, the sentences it quotes twice, and — line or
not — the sentences of the month's quotes (its lines and the line setting its first week
beside its last) that a week quoted too.

    python bench/digest_repeats.py --data bench/digest_short_journals.yaml bench/digest_journals.yaml

Not part of the test suite: a figure to compare before and after a change to the month.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from digest_review import journals, periods_of  # noqa: E402

_LINE = re.compile(r"^  [^“\n]*: “(.*)”$", re.M)
#: The month's first week beside its last: “…” (day) … “…” (day)
_MOVED = re.compile(r"“([^”\n]*)” \([^)\n]*\) (?:…|→) “([^”\n]*)” \([^)\n]*\)$", re.M)


def _key(text: str) -> str:
    return re.sub(r"[^\w ]", "", text.casefold()).strip()


def _sentences(line: str) -> list[str]:
    return [_key(s) for s in re.split(r"(?<=[.!?…])\s+", line.replace(" … ", " ")) if _key(s)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, nargs="+", default=[HERE / "digest_journals.yaml"])
    args = parser.parse_args()
    months = lines = again = twice = sentences = week_sentences = 0
    with tempfile.TemporaryDirectory(prefix="mirror-digest-repeats-") as tmp:
        for d, data in enumerate(args.data):
            for k, journal in enumerate(journals(data)):
                items = periods_of(journal, Path(tmp) / f"j{d}-{k}")
                weekly = {_key(t) for i in items if i["period"].startswith("week")
                          for t in _LINE.findall(i["digest"])}
                weekly_said = {s for i in items if i["period"].startswith("week")
                               for t in _LINE.findall(i["digest"]) for s in _sentences(t)}
                for item in items:
                    if item["period"].startswith("week"):
                        continue
                    quoted = _LINE.findall(item["digest"])
                    said = [s for t in quoted for s in set(_sentences(t))]
                    n_again = sum(1 for t in quoted if _key(t) in weekly)
                    n_twice = len(said) - len(set(said))
                    ends = [t for pair in _MOVED.findall(item["digest"]) for t in pair]
                    every = {s for t in (*quoted, *ends) for s in _sentences(t)}
                    n_week = len(every & weekly_said)
                    months, lines = months + 1, lines + len(quoted)
                    again, twice = again + n_again, twice + n_twice
                    sentences, week_sentences = sentences + len(every), week_sentences + n_week
                    print(f"{journal['life'][:40]:40} {item['period']:16} lines {len(quoted)}, "
                          f"quoted by a week too {n_again}, sentences quoted twice {n_twice}, "
                          f"sentences quoted {len(every)} (by a week too {n_week})")
    print(f"{months} months: {lines} lines, {again} quoted by a week too, "
          f"{twice} sentences quoted twice; {sentences} sentences quoted in all, "
          f"{week_sentences} of them by a week too")


if __name__ == "__main__":
    main()
