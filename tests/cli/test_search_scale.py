"""Search ranks a common word within the most recent reflections first (bounded cost), but
an old reflection is still found when the recent window has too few hits."""

from mirror.storage import reflections as store_module
from mirror.storage.reflections import NewReflection


def test_old_rare_entry_is_found_beyond_the_ranking_window(journal, monkeypatch):
    monkeypatch.setattr(store_module, "RANK_WINDOW", 10)
    journal.store.reflections.create_many(
        [NewReflection(content="the lighthouse keeper's letter")] +
        [NewReflection(content=f"ordinary day number {i} with the usual garden") for i in range(40)])
    hits = journal.search("lighthouse")
    assert [h.reflection.content for h in hits] == ["the lighthouse keeper's letter"]
    common = journal.search("garden", limit=5)
    assert len(common) == 5
    assert all("garden" in h.reflection.content for h in common)
