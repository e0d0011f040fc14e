"""`analyze --all` reads the whole journal through `bulk.analysis_rows` (only the ID, text
and date of each reflection) instead of whole reflections: it must still see every
reflection exactly once, in the order the journal lists them, with the text as stored —
also when many share one timestamp across a page boundary."""

from __future__ import annotations

from mirror.storage.bulk import analysis_rows
from mirror.storage.reflections import NewReflection


def test_every_reflection_once_newest_first_across_pages(journal) -> None:
    same = "2025-03-01T10:00:00Z"
    journal.store.reflections.create_many(
        [NewReflection(content=f"entry {i}: I should rest", created_at=same) for i in range(7)]
        + [NewReflection(content=f"older {i}", created_at=f"2024-01-0{i + 1}T08:00:00Z")
           for i in range(5)]
        + [NewReflection(content="private, still derived", created_at="2025-06-01T00:00:00Z",
                         private=True)])
    listed = [(r.id, r.content, r.created_at) for r in journal.store.reflections.iter_all(batch=3)]

    pages = list(analysis_rows(journal.store.conn, batch=3))

    assert [row[:3] for page in pages for row in page] == listed
    assert len(listed) == 13
    assert all(len(page) <= 3 for page in pages)
    assert all(row[3] is None for page in pages for row in page)  # nothing read for care yet


def test_a_kept_care_reading_comes_with_its_row_only_for_the_detector_that_made_it(journal) -> None:
    """(A reading is reused only by the detector that made it: `care.readings`.)"""
    journal.write("older one")
    walked = journal.write("A long walk by the canal.")
    journal.analyze_all()
    from mirror.engine.care.readings import detector_key, text_digest

    rows = {row[0]: row for page in analysis_rows(journal.store.conn, 500, detector_key()) for row in page}
    assert rows[walked.id][3] == (text_digest("A long walk by the canal."), None)
    others = [row for page in analysis_rows(journal.store.conn, 500, "another detector") for row in page]
    assert [row[3] for row in others] == [None, None]


def test_an_empty_journal_has_nothing_to_derive(journal) -> None:
    assert list(analysis_rows(journal.store.conn, batch=3)) == []
