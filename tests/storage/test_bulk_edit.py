"""Bulk edit over a filter is all or none (one transaction), like bulk delete: a reflection
gone between counting and editing leaves every other one exactly as it was."""

from __future__ import annotations

import pytest

from mirror.errors import NotFound
from mirror.services.journal import Filters


def test_bulk_edit_changes_all_or_none(journal):
    first = journal.write("one #work")
    second = journal.write("two #work")
    ids = journal.matching(Filters(tags=("work",)))
    assert set(ids) == {first.id, second.id}
    journal.delete(second.id)  # gone after it was counted

    with pytest.raises(NotFound):
        journal.edit_many(ids, starred=True, add_tags=["reviewed"])

    kept = journal.get(first.id)
    assert not kept.starred and kept.tags == ("work",)


def test_bulk_delete_changes_all_or_none(journal):
    first = journal.write("one #junk")
    second = journal.write("two #junk")
    ids = journal.matching(Filters(tags=("junk",)))
    journal.delete(first.id)

    with pytest.raises(NotFound):
        journal.delete_many(ids)

    assert journal.get(second.id).content == "two #junk"


def test_bulk_edit_applies_to_every_one(journal):
    ids = [journal.write(f"entry {n} #work").id for n in range(3)]
    edited = journal.edit_many(ids, starred=True, remove_tags=["work"])
    assert [r.id for r in edited] == ids
    assert all(r.starred and r.tags == () for r in edited)
