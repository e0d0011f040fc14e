"""`--contains` finds exactly the reflections whose text holds the needle, ignoring case
(DESIGN §9: a property where an invariant exists): the word-index shortcut for needles
of several words never loses a match and the exact test never adds one. Real SQLite file,
through the service layer the CLI calls."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.services.journal import Filters, Journal

# Few letters, so needles and texts meet often; spaces and punctuation make word edges.
_TEXT = st.text(alphabet="abAB éÉäÄ-.\n", min_size=1, max_size=40).filter(lambda t: t.strip())
_NEEDLE = st.text(alphabet="abAB éÉäÄ-.", min_size=1, max_size=8).filter(lambda t: t.strip())


def _ascii_lower(text: str) -> str:
    """What SQLite's LIKE folds: A-Z only (an ASCII needle never matches "É" as "é")."""
    return re.sub("[A-Z]", lambda m: m.group().lower(), text)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_TEXT, min_size=1, max_size=12), needle=_NEEDLE)
def test_contains_selects_exactly_the_texts_holding_the_needle(tmp_path_factory, fixed_clock,
                                                                texts, needle):
    home = tmp_path_factory.mktemp("contains")
    with Journal.open(home, clock=fixed_clock) as journal:
        written = {journal.write(text).id: text for text in texts}
        found = set(journal.matching(Filters(contains=needle)))
    if needle.isascii():
        expected = {rid for rid, text in written.items()
                    if _ascii_lower(needle) in _ascii_lower(text)}
    else:  # a needle with other letters compares casefolded
        expected = {rid for rid, text in written.items()
                    if needle.casefold() in text.casefold()}
    assert found == expected

