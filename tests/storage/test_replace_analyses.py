"""Re-deriving reflections (`DerivedStore.replace_analyses`) leaves each one with exactly
its new patterns — new IDs, evidence and time — and the per-day pattern counts equal to a
count of the rows, whether a reflection's patterns came back unchanged (rewritten in place)
or changed (replaced)."""

from __future__ import annotations

from mirror.storage.analysis_records import AnalysisRecord, PatternRecord
from mirror.storage.reflections import NewReflection


def _record(reflection_id: str, *patterns: tuple[str, str]) -> AnalysisRecord:
    return AnalysisRecord(reflection_id, tuple(PatternRecord(name, evidence) for name, evidence in patterns),
                          (), None, None)


def _rows(journal, reflection_id: str) -> list[tuple]:
    return [tuple(r) for r in journal.store.conn.execute(
        "SELECT id, pattern, evidence, detected_at FROM reflection_patterns WHERE reflection_id = ?"
        " ORDER BY rowid", (reflection_id,))]


def _counts_match_rows(journal) -> bool:
    conn = journal.store.conn
    kept = conn.execute("SELECT day, pattern, reflections FROM pattern_counts_by_day"
                        " WHERE reflections > 0 ORDER BY 1, 2").fetchall()
    counted = conn.execute(
        "SELECT substr(r.created_at, 1, 10), p.pattern, count(*) FROM reflection_patterns p"
        " JOIN reflections r ON r.id = p.reflection_id GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
    return [tuple(r) for r in kept] == [tuple(r) for r in counted]


def test_unchanged_and_changed_patterns_are_both_replaced(journal) -> None:
    a, b, c = journal.store.reflections.create_many([
        NewReflection(content=f"entry {i}", created_at=f"2025-03-0{i + 1}T10:00:00Z") for i in range(3)])
    derived = journal.store.derived
    derived.replace_analyses([_record(a, ("should", '[{"start":0}]'), ("always", "[]")),
                              _record(b, ("should", "[]")), _record(c)])
    before_a = _rows(journal, a)

    derived.replace_analyses([_record(a, ("should", '[{"start":5}]'), ("always", "[]")),
                              _record(b, ("always", "[]"), ("should", "[]")),
                              _record(c, ("never", "[]"))])

    after_a = _rows(journal, a)
    assert [(p, e) for _, p, e, _ in after_a] == [("should", '[{"start":5}]'), ("always", "[]")]
    assert not {i for i, *_ in after_a} & {i for i, *_ in before_a}  # new IDs, as new rows have
    assert all(t > before_a[0][3] for *_, t in after_a)  # and the time of this derivation
    assert [(p, e) for _, p, e, _ in _rows(journal, b)] == [("always", "[]"), ("should", "[]")]
    assert [p for _, p, _, _ in _rows(journal, c)] == ["never"]
    assert _counts_match_rows(journal)

    derived.replace_analyses([_record(a), _record(b, ("always", "[]"), ("should", "[]"))])
    assert _rows(journal, a) == []
    assert _counts_match_rows(journal)
