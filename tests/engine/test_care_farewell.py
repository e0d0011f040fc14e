"""Affairs put in order for those who stay, and a goodbye not named (compounds.yaml:
affairs_for_after, farewell_unnamed and the weak signs each is made of).

Each sign is an ordinary kindness or errand alone; with whom it is for ("so no one has to
deal with it afterwards") or with words that close ("everything is said", "none of it is
your fault"), it is a goodbye, and gets at least the gentle line.
"""

from __future__ import annotations

import pytest

from mirror.engine.care import assess


@pytest.mark.parametrize("text", [
    "Thank you for everything, Mum. None of this is your fault.",
    "Told Dad none of it was his fault. Thanked him for everything.",
    "Merci pour tout. Ce n'est pas ta faute, rien de tout ça.",
    "Tack för allt. Det är inte ditt fel.",
    "Gracias por todo. Ya está todo dicho.",
    "谢谢你们这些年。以后就不用再为我操心了。",
    "Hab Papa alle Passwörter aufgeschrieben, damit er sich später nicht darum kümmern muss.",
    "Записала маме все пароли от счетов, чтобы потом никому не пришлось разбираться.",
])
def test_a_goodbye_or_affairs_settled_for_after_reach_at_least_the_gentle_line(text: str) -> None:
    assert assess(text).tier is not None


@pytest.mark.parametrize("text", [
    "Wrote down the wifi password for the babysitter so she doesn't have to text us later.",
    "Made a will because the baby is due in March, everything sorted so nobody has to worry.",
    "Last day at the office: thanked everyone for everything. New job on Monday!",
    "Told Sam it's not her fault the party got cancelled, and thanked her for everything she organised.",
    "Grandma's funeral today. I thanked everyone for everything they did.",
    "Sorted out the insurance papers and wrote down the PINs so Mark won't have to search for them while I'm travelling.",
    "Danke für alles! Die Abschiedsfeier im Büro war wunderschön, ab Montag bin ich in München.",
    "Last weekend of the summer, thanks to everyone who came to the barbecue.",
])
def test_errands_work_farewells_and_grief_are_not(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "Po co mi ten dyplom. W czerwcu i tak mnie nie będzie.",
    "Jag tror inte att jag finns kvar till våren.",
    "Don't bother saving me a seat. By then I won't be here anymore.",
    "Asked Jo if she would take my cat. Nobody will have to worry about me anymore.",
])
def test_an_absence_to_come_or_two_signs_of_leaving_reach_at_least_the_gentle_line(text: str) -> None:
    assert assess(text).tier is not None


@pytest.mark.parametrize("text", [
    "Jag finns inte kvar på jobbet efter mars, jag flyttar till Malmö.",
    "Thanks for everything, Jo! See you after the holidays.",
    "Opened the window, then the other window: the flat was so hot tonight.",
])
def test_a_stay_away_with_its_reason_and_one_sign_twice_are_not(text: str) -> None:
    assert assess(text).tier is None


def test_a_cue_of_two_words_is_read_in_either_order() -> None:
    from mirror.engine.care.rules import reversed_pair

    assert reversed_pair("wrote|written ~3 letters") == "letters ~3 wrote|written"
    assert reversed_pair("end_it ~2 tonight?") is None
    assert reversed_pair("so ~3 nobody ~2 has_to") is None


@pytest.mark.parametrize("text", [
    "Letters for mum and dad: written and sealed. In the drawer where they'll find them.",
    "Jag har skrivit brev till mamma och pappa. De ligger där de hittar dem.",
])
def test_letters_left_to_be_found_reach_the_gentle_line_in_any_order(text: str) -> None:
    assert assess(text).tier is not None


@pytest.mark.parametrize("text", [
    "Me operan el lunes y no puedo comer nada desde el domingo por la noche.",
    "Morgen Darmspiegelung, ich darf seit gestern nichts essen.",
])
def test_not_eating_before_an_operation_or_a_test_is_not_self_starvation(text: str) -> None:
    assert assess(text).tier is None


def test_not_eating_as_punishment_still_is() -> None:
    assert assess("No puedo comer nada, no me lo merezco. Quiero desaparecer.").tier is not None


@pytest.mark.parametrize("text", [
    "Llevo tres días sin comer y no pienso parar. Si mi corazón para, que así sea.",
    "Seit vier Tagen nichts gegessen. Soll mein Körper doch aufgeben.",
    "Haven't eaten since Monday. If my heart gives out, fine.",
])
def test_days_without_food_and_the_body_let_fail_are_self_starvation(text: str) -> None:
    assert assess(text).tier is not None


@pytest.mark.parametrize("text", [
    "Haven't eaten since Monday, stomach bug. If my body stops being so dramatic I'll try toast tomorrow.",
    "Seit gestern nichts gegessen, morgen ist die Operation. Hoffentlich macht mein Herz die Narkose gut mit.",
])
def test_days_without_food_for_an_operation_or_a_bug_are_not(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "Sometimes I think if a bus hit me on the way to work I wouldn't mind. It would be a relief.",
    "Wenn mir der Arzt sagen würde, es ist unheilbar, wäre ich erleichtert.",
    "Si un coche me atropellara mañana, sería un alivio.",
])
def test_death_by_chance_imagined_with_relief_is_a_wish_to_be_dead(text: str) -> None:
    assert assess(text).tier is not None


@pytest.mark.parametrize("text", [
    "If my laptop crashed before the deadline it would honestly be a relief.",
    "The car that hit my bike yesterday only scratched the paint, what a relief.",
    "Relieved the scan showed no tumour. Celebrating with cake.",
])
def test_relief_about_a_gadget_a_scrape_or_good_news_is_not(text: str) -> None:
    assert assess(text).tier is None
