"""Classic warning signs written in many languages (constitution/care/compounds.yaml):
treasured things given away as no longer needed, starving oneself to vanish, pills kept
back instead of taken, a day chosen to spare others' occasion, a step out at a platform
or a bridge, and a few clear statements. Each positive is paired with ordinary
sentences that share its words."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, GENTLE, assess


@pytest.mark.parametrize("text", [
    "Gave my guitar to my cousin this morning. I won't need it anymore.",
    "Ich hab Lena meine Kamera geschenkt. Die brauche ich eh nicht mehr.",
    "Ho regalato la mia chitarra a Luca. Non mi serve più.",
    "Oddałem bratu mój rower. Już mi się nie przyda.",
    "Отдала подруге свою гитару. Мне она уже не нужна.",
    "Kitaplarımı arkadaşıma verdim. Artık lazım olmayacak.",
    "Aku kasih gitar ke Rani. Aku udah nggak butuh lagi.",
    "Gav bort min gitarr till Jonas. Jag behöver den inte längre.",
    "把我的相机送给了表妹。以后用不上了。",
    "Ik heb mijn gitaar aan Sanne gegeven. Ik heb hem niet meer nodig.",
])
def test_treasured_things_given_away_as_no_longer_needed_get_at_least_the_line(text: str):
    assert assess(text).tier in (GENTLE, CARE)


@pytest.mark.parametrize("text", [
    "Ich hab Lena meine alte Kamera geschenkt, ich hab eine neue. Die brauche ich nicht mehr.",
    "Gav bort mina gamla skivor till Jonas. Jag behöver dem inte längre.",
    "Dei meu violão velho pro Pedro, não preciso mais dele porque comprei um novo.",
])
def test_old_or_replaced_things_given_away_are_a_clear_out(text: str):
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "Ich esse seit Tagen absichtlich nichts. Soll mein Körper doch einfach aufgeben.",
    "Je ne mange plus rien exprès depuis lundi. Je voudrais que mon corps lâche.",
    "일부러 사흘째 안 먹었다. 그냥 사라졌으면.",
    "故意三天没吃饭了，只想慢慢消失。",
    "Celowo nic nie jem od trzech dni. Chcę zniknąć.",
    "Medvetet inte ätit på tre dagar. Vill bara försvinna.",
])
def test_not_eating_on_purpose_with_the_wish_to_vanish_is_care(text: str):
    finding = assess(text)
    assert finding.tier == CARE
    assert "self_starvation" in finding.categories


@pytest.mark.parametrize("text", [
    "Ich esse seit Tagen absichtlich nichts Süßes. Fastenzeit.",
    "Je ne mange plus rien exprès après 20h, c'est mon régime.",
    "故意没吃晚饭，晚上要去吃火锅。",
])
def test_a_fast_or_a_diet_is_not_starving_to_vanish(text: str):
    assert assess(text).tier != CARE


@pytest.mark.parametrize("text", [
    "Been keeping back my tablets instead of taking them. Counted them last night.",
    "Ik bewaar mijn pillen al weken in plaats van ze te slikken. Weer geteld.",
    "偷偷把安眠药存起来，昨晚又数了一遍。",
])
def test_pills_kept_back_instead_of_taken_and_counted_is_care(text: str):
    assert assess(text).tier == CARE


@pytest.mark.parametrize("text", [
    "Took my tablets after dinner as usual. Counted them for the pharmacist's form.",
    "Ik heb mijn pillen in de pillendoos gedaan voor de week.",
])
def test_pills_taken_or_counted_for_a_refill_are_ordinary(text: str):
    assert assess(text).tier is None


def test_a_dose_looked_up_and_the_history_erased_gets_the_line():
    text = "Pesquisei quantos comprimidos seriam necessários. Depois apaguei o histórico."
    assert assess(text).tier in (GENTLE, CARE)


@pytest.mark.parametrize("text", [
    "Hab mir einen Tag ausgesucht. Nach Omas Geburtstag, damit ich ihr die Feier nicht kaputt mache.",
    "Ya elegí la fecha. Después de la boda de mi prima, para no arruinársela.",
    "Já escolhi a data. Depois do Natal, pra não estragar a ceia da família.",
])
def test_a_day_chosen_to_spare_a_family_occasion_is_care(text: str):
    assert assess(text).tier == CARE


@pytest.mark.parametrize("text", [
    "Ya elegí la fecha de la fiesta: después de la boda de mi prima, para no arruinársela.",
    "Hab mir einen Termin beim Friseur ausgesucht, nach Omas Geburtstag.",
])
def test_a_date_for_something_named_is_an_ordinary_plan(text: str):
    assert assess(text).tier != CARE


@pytest.mark.parametrize("text", [
    "Normaler Tag. Auf dem Bahnsteig dachte ich, wie leicht es wäre, einfach zu springen. Morgen Zahnarzt.",
    "Sur le pont je me suis dit que ce serait facile de sauter. Bref, courses demain.",
    "Op de brug dacht ik hoe makkelijk het zou zijn om te springen. Morgen werken.",
    "Stod på bron och tänkte hur lätt det vore att bara hoppa. Sen hem och åt.",
    "On the platform I thought how easy it would be to just step out in front of it.",
    "駅のホームで、一歩踏み出したら終わるのかなと思った。",
])
def test_thinking_how_easy_a_step_out_would_be_at_a_platform_or_bridge_gets_the_line(text: str):
    assert assess(text).tier in (GENTLE, CARE)


@pytest.mark.parametrize("text", [
    "Auf dem Bahnsteig dachte ich, wie einfach es wäre, mit dem Zug nach Berlin zu fahren.",
    "Op het perron dacht ik hoe makkelijk het zou zijn om de trein naar Utrecht te nemen.",
    "Stod på perrongen och tänkte på hur lätt det vore att ta tåget till Göteborg istället.",
])
def test_an_easy_errand_at_a_station_is_ordinary(text: str):
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "Je pense de plus en plus souvent à en finir.",
    "J'ai envie de m'endormir et que tout s'arrête, pour de bon.",
    "Ik hoop stiekem dat ik na vannacht gewoon niet meer wakker word.",
    "我想好了，等毕业以后就结束这一切。",
    "Vorrei sparire e non provare più niente.",
])
def test_clear_statements_with_words_between_get_care(text: str):
    assert assess(text).tier == CARE


@pytest.mark.parametrize("text", [
    "Je veux m'endormir et que ce bruit s'arrête pour de bon.",
    "Je pense de plus en plus à en finir avec ce dossier.",
])
def test_the_same_words_about_a_noise_or_a_task_are_not_care(text: str):
    assert assess(text).tier != CARE


@pytest.mark.parametrize("text", [
    "Stuck in a four-hour workshop. Someone please put me out of my misery lol",
    "Reading The Virgin Suicides for book club.",
    "El examen de hoy ha sido un suicidio, no me dio tiempo a nada.",
    "Dernier jour au bureau, pot de départ, j'ai dit adieu à tout le monde. Nouveau poste lundi !",
])
def test_a_joke_a_title_a_figure_and_a_leaving_do_are_not_alarms(text: str):
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "I Want To Die.",
    "J'ai dit adieu à tout le monde. Je n'en peux plus.",
    "put me out of my misery. i mean it",
])
def test_the_writers_own_words_in_capitals_or_a_goodbye_with_distress_still_count(text: str):
    assert assess(text).tier in (GENTLE, CARE)
