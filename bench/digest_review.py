"""Blind review of digests: the journals in bench/digest_journals.yaml (different lives,
written by hand) are each written into a fresh journal, analysed, and digested week by
week (and month by month when a journal spans one); the sheet shows each period's entries
and its digest, numbered and shuffled, with nothing else (no engine name, no label, no
hint of which life it is). A grader who did not write the code grades each digest 1–5 with
/work/shared/REFLECTION-RUBRIC.md adapted: does it show the person their week as they
lived it?

    python bench/digest_review.py --sheet out/digests.md --key out/digests-key.json
    python bench/digest_review.py            # the sheet to stdout

Deterministic: the same data gives the same sheet (the order is a hash of each period).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mirror.clock import Clock  # noqa: E402
from mirror.services.journal import Journal  # noqa: E402

DATA = Path(__file__).resolve().parent / "digest_journals.yaml"


def journals(data: Path = DATA) -> list[dict]:
    return yaml.safe_load(data.read_text("utf-8"))["journals"]


def _weeks(days: list[date]) -> list[date]:
    """The Monday of every week holding an entry, in order."""
    return sorted({d - timedelta(days=d.weekday()) for d in days})


def periods_of(journal: dict, home: Path) -> list[dict]:
    """Write one journal into `home` and digest every week it covers (and a month when it
    covers most of one): [{"period", "entries", "digest", "life"}]."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(f'timezone = "{journal["tz"]}"\n', "utf-8")
    out: list[dict] = []
    with Journal.open(home, clock=Clock()) as j:
        for e in journal["entries"]:
            j.write(e["text"].strip(), when=e["at"], tags=e.get("tags", ()),
                    private=e.get("private"))
        j.analyze_all()
        days = [date.fromisoformat(e["at"][:10]) for e in journal["entries"]]
        spans = [("week", monday) for monday in _weeks(days)]
        months = sorted({d.replace(day=1) for d in days})
        spans += [("month", m) for m in months if len([d for d in days if d.replace(day=1) == m]) >= 12]
        for kind, first in spans:
            digest = j.digest(kind, first.isoformat())
            start, end = date.fromisoformat(digest.period.start), date.fromisoformat(digest.period.end)
            entries = [e for e in journal["entries"]
                       if start <= date.fromisoformat(e["at"][:10]) <= end]
            out.append({"period": digest.period.label, "entries": entries,
                        "digest": digest.text, "life": journal["life"]})
    return out


def sheet(items: list[dict]) -> str:
    parts = ["# Digests to grade\n",
             "Each item: the entries a person wrote in one period, then the digest Mirror "
             "wrote of it. Grade the digest 1–5: does it show the person their period as "
             "they lived it?\n"]
    for n, item in enumerate(items, 1):
        entries = "\n\n".join(f"*{e['at']}*{' (private)' if e.get('private') else ''}\n\n"
                              f"{e['text'].strip()}" for e in item["entries"])
        parts.append(f"## {n}. {item['period']}\n\n### Entries\n\n{entries}\n\n"
                     f"### Digest\n\n```\n{item['digest']}\n```\n")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheet", type=Path, help="write the sheet here (default: stdout)")
    parser.add_argument("--key", type=Path, help="sheet number -> life and period (JSON)")
    parser.add_argument("--data", type=Path, default=DATA,
                        help="journals to digest (default: bench/digest_journals.yaml); a set "
                             "written by someone else keeps the review blind to the tuning data")
    args = parser.parse_args()
    items: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="mirror-digest-review-") as tmp:
        for k, journal in enumerate(journals(args.data)):
            items += periods_of(journal, Path(tmp) / f"j{k}")
    items.sort(key=lambda i: hashlib.sha256(f"{i['life']}{i['period']}".encode()).hexdigest())
    text = sheet(items)
    if args.sheet:
        args.sheet.parent.mkdir(parents=True, exist_ok=True)
        args.sheet.write_text(text, "utf-8")
    else:
        print(text)
    if args.key:
        args.key.parent.mkdir(parents=True, exist_ok=True)
        args.key.write_text(json.dumps({n: {"life": i["life"], "period": i["period"]}
                                        for n, i in enumerate(items, 1)}, indent=2), "utf-8")


if __name__ == "__main__":
    main()
