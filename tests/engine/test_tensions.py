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
        ("perfection", "acceptance"), ("past", "future"), ("duty", "desire"),
        ("approach", "avoidance")}


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


# --- contrasts of the writer's own stance, and the duty/desire, approach/avoidance axes ----

HEADLINE = "I should call my mother but I'm afraid she'll be disappointed"


def test_headline_is_a_tension_between_approach_and_avoidance() -> None:
    (t,) = find_tensions(HEADLINE)
    assert (t.axis_a, t.axis_b) == ("approach", "avoidance")
    assert t.position > 0  # lands on the side after "but": the fear
    assert [e.text for e in t.evidence] == ["call", "but", "afraid"]
    assert 0 < t.intensity <= 1
    assert t.key == tension_key("Avoidance", "approach") == "approach/avoidance"


def test_analysis_and_standalone_finder_agree() -> None:
    from mirror.engine.analysis import analyze

    for text in (HEADLINE, "I have to work late, but I want to see the match.",
                 "I want freedom, but I miss closeness."):
        assert tuple(find_tensions(text)) == analyze(text).tensions


def test_duty_and_desire_position_follows_the_landing() -> None:
    toward_desire = axes("I have to finish the report, but I really want to go out.")
    toward_duty = axes("I want to rest, but the report must be done.")
    assert toward_desire[("duty", "desire")].position > 0
    assert toward_duty[("duty", "desire")].position < 0


def test_approach_words_under_a_fear_are_what_is_avoided() -> None:
    t = axes("I keep meaning to tell him how I feel, yet I'm too scared to bring it up.")[
        ("approach", "avoidance")]
    assert t.position > 0


def test_stance_axes_need_the_writers_own_contrast() -> None:
    assert find_tensions("She had to go but she wanted to stay home.") == []
    assert find_tensions("She should call her sister, but she is too scared.") == []
    # The older axes still read any contrast.
    assert ("stability", "growth") in axes("My job is stable. However, I dream of something new.")


def test_stance_axes_without_contrast_need_tension_language() -> None:
    assert find_tensions("I should go and I want to go.") == []
    assert ("duty", "desire") in axes("I'm torn between wanting to stay and having to leave.")


def test_structural_tension_does_not_license_one_sentence_poles() -> None:
    from mirror.engine.analysis import analyze

    text = "I planned a spontaneous trip and I want to enjoy it. However, I have to work."
    found = {(t.axis_a, t.axis_b) for t in analyze(text).tensions}
    assert found == {("duty", "desire")}


def test_new_axes_normalise() -> None:
    assert normalize_axis("Desire", "duty") == ("duty", "desire", True)
    assert tension_key(" avoidance", "APPROACH") == "approach/avoidance"


def test_own_stance_raises_intensity() -> None:
    mine = axes("I want freedom, but I miss closeness.")[("autonomy", "connection")]
    theirs = axes("She wants freedom, but she misses closeness.")[("autonomy", "connection")]
    assert mine.intensity > theirs.intensity
