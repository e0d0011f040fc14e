"""Tensions: contrast structures, template axes, position/intensity and normalisation."""

from __future__ import annotations

from mirror.engine.tensions import (
    find_contrasts,
    find_tensions,
    normalize_axis,
    template_axes,
    tension_key,
)


def axes(text: str) -> dict[tuple[str, str], object]:
    return {(t.axis_a, t.axis_b): t for t in find_tensions(text)}


def test_all_template_axes_are_seeded() -> None:
    assert set(template_axes()) == {
        ("control", "surrender"), ("autonomy", "connection"), ("stability", "growth"),
        ("self", "others"), ("thinking", "feeling"), ("planning", "spontaneity"),
        ("perfection", "acceptance"), ("past", "future")}


def test_x_but_y_contrast_has_both_sides() -> None:
    text = "I love my job but I'm exhausted."
    (c,) = find_contrasts(text)
    assert c.marker == "but"
    assert c.landing == "right"
    assert c.left == (0, 4) and c.right == (5, 7)


def test_however_at_sentence_start_looks_back_one_sentence() -> None:
    text = "My job is stable and safe. However, I dream about something new."
    t = axes(text)[("stability", "growth")]
    assert t.position > 0  # lands on growth, the side after "however"
    assert {e.text for e in t.evidence} >= {"stable", "safe", "new"}


def test_on_one_hand_on_the_other() -> None:
    text = ("On one hand I love the freedom of living alone. "
            "On the other hand, I miss the closeness of a shared home.")
    t = axes(text)[("autonomy", "connection")]
    assert 0 < t.intensity <= 1
    assert -1 <= t.position <= 1


def test_position_follows_where_the_writer_lands() -> None:
    toward_growth = axes("I want stability, but I crave change and a new adventure.")
    toward_stability = axes("I crave change, but I want stability and security.")
    assert toward_growth[("stability", "growth")].position > 0
    assert toward_stability[("stability", "growth")].position < 0


def test_yet_only_as_a_clause_opener() -> None:
    assert find_contrasts("I haven't decided yet what to do.") == []
    assert find_contrasts("I planned it all, yet I loved the detour.")


def test_contrast_without_axis_is_not_a_tension() -> None:
    text = "The soup was cold but the bread was warm."
    assert find_contrasts(text)
    assert find_tensions(text) == []


def test_both_poles_without_tension_language_are_not_a_tension() -> None:
    assert find_tensions("I planned a spontaneous trip to the coast.") == []


def test_tension_language_with_both_poles_is_a_quieter_tension() -> None:
    (t,) = find_tensions("I'm torn between my freedom and my relationship.")
    assert (t.axis_a, t.axis_b) == ("autonomy", "connection")
    assert t.intensity < 0.4


def test_intensifiers_raise_intensity() -> None:
    calm = axes("I want freedom, but I want closeness.")[("autonomy", "connection")]
    strong = axes("I desperately want freedom, but I really, truly want closeness.")[
        ("autonomy", "connection")]
    assert strong.intensity > calm.intensity


def test_same_axis_twice_in_one_reflection_is_one_tension() -> None:
    text = ("I want freedom, but I miss closeness. "
            "Being alone is easy, but I feel lonely.")
    assert [(t.axis_a, t.axis_b) for t in find_tensions(text)].count(("autonomy", "connection")) == 1


def test_axis_pairs_normalise_to_one_key() -> None:
    assert normalize_axis("Surrender", "CONTROL") == ("control", "surrender", True)
    assert normalize_axis("control", "surrender") == ("control", "surrender", False)
    assert tension_key("surrender", " Control ") == tension_key("control", "surrender")
    assert tension_key("work", "rest") == tension_key("Rest", "work") == "rest/work"


def test_later_observation_matches_existing_tension() -> None:
    first = find_tensions("I want control, but I long to let go.")[0]
    second = find_tensions("Letting go scares me, but I can't keep control of everything.")[0]
    assert first.key == second.key == "control/surrender"
