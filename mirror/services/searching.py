"""Searching the journal: ordinary words, any script, or the person's own FTS5 query.

The storage layer (`mirror.storage.search`) picks the index a query needs; this module is
the use case `Journal.search` delegates to.
"""

from __future__ import annotations

from mirror.errors import InvalidInput
from mirror.models import ListFilter, SearchHit
from mirror.services.context import JournalContext
from mirror.storage import search as index


def search(ctx: JournalContext, query: str, limit: int, filters: ListFilter,
           *, fts: bool = False) -> list[SearchHit]:
    """The best `limit` matches among the reflections `filters` selects. `fts`: `query`
    is FTS5 syntax (phrases, OR, NOT, NEAR) for the word index, checked by SQLite."""
    if limit < 1:
        raise InvalidInput("the number of results must be at least 1")
    return index.search(ctx.store.reflections, query, limit, filters, raw=fts)
