"""`--tag a --tag b` selects exactly the reflections carrying every tag named (names
compared without case), newest first and page by page, whether the query starts from the
rarest tag's reflections or walks the dates (issue 14, performance)."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.services.journal import Filters, Journal
from mirror.storage import reflections as stored

TAGS = ["work", "Family", "sleep", "run"]


def _pages(journal: Journal, filters: Filters) -> list[str]:
    found, cursor = [], None
    while True:
        page = journal.list(filters, limit=2, cursor=cursor)
        found += [r.id for r in page.items]
        if page.next_cursor is None:
            return found
        cursor = page.next_cursor


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written=st.lists(st.tuples(st.sets(st.sampled_from(TAGS)), st.integers(0, 60)),
                        min_size=1, max_size=5),
       asked=st.lists(st.sampled_from([*TAGS, "WORK", "family", "absent"]), min_size=1, max_size=3),
       candidates=st.sampled_from([stored.CANDIDATES, 1]))
def test_every_tag_named_selects_exactly_those_carrying_them_all(shared: Journal, written, asked,
                                                                 candidates) -> None:
    for tags, day in written:
        when = (datetime(2025, 1, 1) + timedelta(days=day)).strftime("%Y-%m-%d %H:%M")
        shared.write("An entry", tags=sorted(tags), when=when)
    wanted = {name.casefold() for name in asked}
    expected = [r.id for r in shared.store.reflections.iter_all()
                if wanted <= {tag.casefold() for tag in r.tags}]
    original = stored.CANDIDATES
    stored.CANDIDATES = candidates  # both ways: from the rarest tag, or along the dates
    try:
        assert _pages(shared, Filters(tags=tuple(asked))) == expected
        assert shared.matching(Filters(tags=tuple(asked))) == expected
    finally:
        stored.CANDIDATES = original
