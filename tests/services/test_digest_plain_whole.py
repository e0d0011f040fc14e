"""A short entry told plainly is quoted whole: its last line ("Walked home the long way,
slowly.") means what it means only after what happened before it."""

from __future__ import annotations

from mirror.services.digest import salient_lines
from mirror.storage.periods import PeriodEntry


def test_a_plain_short_entry_is_quoted_whole_not_its_last_line():
    text = ("Sold the van to the Hendersons' boy. Twenty-six years in that van. He promised "
            "not to paint over the name. Walked home along the seafront, slowly.")
    entry = PeriodEntry("r1", text, "2027-01-12T16:15:00Z", "UTC", False, None)

    (line,) = salient_lines([entry])

    assert line.text.startswith("Sold the van")
    assert line.text.endswith("slowly.")
