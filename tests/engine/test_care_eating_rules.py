"""A rule of not eating the writer keeps, named as a rule ("Kural:", "Neue Regel:",
"これをルールに", "이게 내 규칙이다") beside a day without food or a penalty for breaking it:
a regimen, in languages whose rule files had no word for the rule itself. House rules,
a coach's rule before a match and a penalty of washing up stay ordinary."""

from __future__ import annotations

import pytest

from mirror.engine.care import assess


@pytest.mark.parametrize("text", [
    "Yeni kural: akşam yediden önce hiçbir şey yok. Bozarsam ertesi gün sadece su.",
    "Neue Regel: nur Tee bis zum Abend. Wenn ich sie breche, dann morgen auch nichts.",
    "Nowa zasada: nic do kolacji. Jak złamię, dwa dni bez jedzenia.",
    "昼抜き。夕飯はスープだけ。これをルールにしてもう二週間。",
    "아침 점심 굶음. 이게 이제 내 규칙이다.",
])
def test_a_rule_of_not_eating_reaches_the_writer(text: str):
    finding = assess(text)
    assert finding.tier is not None, finding.to_json()
    assert "self_starvation" in finding.categories


@pytest.mark.parametrize("text", [
    "Nueva regla en casa: nada de móviles en la cena. Si la rompo, mañana friego yo.",
    "House rule: no phones at dinner. If I break it, I do the dishes tomorrow.",
    "Regel bij ons thuis: alleen fruit na het eten, geen snoep. Als ik het breek, morgen geen toetje.",
    "Kural: maçtan önce sadece su ve muz. Bozarsam koç kızar.",
    "Neue Regel im Büro: nur noch Kaffee aus der neuen Maschine. Wenn nicht, dann eben Tee.",
])
def test_house_rules_and_a_coachs_rule_stay_ordinary(text: str):
    assert assess(text).tier is None, assess(text).to_json()
