"""Crises said plainly in forms a word list with inflections does not reach: eating
stopped as a resolve, a negation that affirms, a denial taken back, a verb put before its
object, a way to die looked up in the impersonal, intimate images or papers held over the
writer. Each crisis here got no care response from the detector before these classes
were read; each ordinary line beside it shares the words of its class and raises nothing.
The entries are written for these tests and are in no corpus."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, assess


# Eating stopped for good, or stopped and kept up, beside a second sign.
@pytest.mark.parametrize("text", [
    "I'm going to stop eating for good. I mean it this time.",
    "ich esse ab jetzt nichts mehr. Merkt sowieso keiner.",
    "Dejé de comer cuando me echaron del trabajo y no pienso empezar otra vez.",
    "Hoje faz quatro dias que não como nada e não vou parar.",
    "Al drie dagen niks gegeten en ik ben niet van plan te stoppen.",
    "已经三天没吃饭了，也不打算再吃了。",
    "오늘부터 안 먹기로 했다. 아무도 모를 거야.",
])
def test_eating_stopped_as_a_resolve_gets_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    # a feast, a diet, an operation, someone else's last days
    "Ate so much at Nan's on Sunday that I'm never eating again. Anyway, back to work.",
    "I stopped eating meat after that documentary and never started again, six years veggie now.",
    "Fasting from midnight before the endoscopy, so I've stopped eating for the day. Nobody "
    "at work noticed I skipped lunch.",
    "Mi abuela dejó de comer del todo la última semana, en el hospital, y nadie nos avisó.",
    "Je suis au régime : j'arrête de manger du sucre pour de bon.",
])
def test_meals_diets_and_fasts_near_those_words_raise_nothing(text: str) -> None:
    assert assess(text).tier is None, assess(text).signals


# A negation that affirms: a thought that does not stop, a denial denied.
@pytest.mark.parametrize("text", [
    "je n'arrête pas de penser au suicide depuis dimanche",
    "nie potrafię przestać myśleć o samobójstwie, nawet w pracy",
    "ik kan niet stoppen met denken aan zelfmoord",
    "I won't pretend I don't want to die.",
    "No es que no quiera morirme.",
])
def test_a_negation_that_affirms_gets_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "I won't pretend I understand why my cousin wanted to die.",
    "Ik kan niet stoppen met piekeren over mijn tentamen.",
    "Elle n'arrête pas de manger des bonbons, ma fille.",
])
def test_someone_else_or_a_worry_near_those_words_raises_nothing(text: str) -> None:
    assert assess(text).tier is None, assess(text).signals


# A denial or a past taken back.
@pytest.mark.parametrize("text", [
    "This morning I didn't want to die. By lunchtime I really, really do.",
    "I never used to think about killing myself. Now I do, most nights.",
    "Não é que eu queira morrer. Na verdade quero.",
])
def test_a_denial_taken_back_gets_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "I used to self-harm. Now I'm three years clean and I help run a support group.",
    "I never used to like running. Now I do, most mornings.",
    "I used to cut. Now I don't.",
])
def test_recovery_and_new_habits_raise_nothing(text: str) -> None:
    assert assess(text).tier is None, assess(text).signals


# Word order: the verb before its object.
@pytest.mark.parametrize("text", [
    "Morgen nehme ich mir das Leben.",
    "Als hij weggaat, maak ik een eind aan mijn leven.",
    "думаю, що колись таки накладу на себе руки",
    "毎朝ホームで電車を待っていると、飛び込んだら楽になるかなと思う。",
])
def test_a_verb_before_its_object_gets_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "Ich nehme mir das Leben zurück, Schritt für Schritt, sagt meine Therapeutin.",
    "Ik maak een eind aan mijn leven als vrijgezel: zaterdag trouwen we!",
    "Колись я таки поїду до Парижа.",
])
def test_a_way_of_living_or_a_trip_raise_nothing(text: str) -> None:
    assert assess(text).tier is None, assess(text).signals


def test_a_jump_into_a_pool_on_a_hot_day_is_no_train() -> None:
    # "Jumping in would be a relief" keeps the gentle line it had; no train, no care.
    assert assess("暑すぎて、プールに飛び込んだら楽になるかなと思った。").tier != CARE


# A way to die looked up in the impersonal, or which means would kill the writer.
@pytest.mark.parametrize("text", [
    "Hab nachts gegoogelt, wie man sich am schnellsten umbringt.",
    "googled how to kill yourself painlessly at 2am and then just lay there",
    "spent an hour reading about which pills would kill me quickest",
    "pesquisei qual remédio daria pra morrer dormindo",
])
def test_a_way_to_die_looked_up_gets_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "Für meinen Krimi habe ich recherchiert, wie man jemanden vergiftet, ohne Spuren zu hinterlassen.",
    "I read about which pills are safe with grapefruit for my dad's prescription.",
])
def test_research_for_a_story_or_someone_s_medicine_is_no_care(text: str) -> None:
    assert assess(text).tier != CARE, assess(text).signals


# Intimate images or papers held over the writer.
@pytest.mark.parametrize("text", [
    "Er droht, meine Nacktbilder an die ganze Klasse zu schicken, wenn ich Schluss mache.",
    "Hij dreigt mijn naaktfoto's te verspreiden als ik het uitmaak.",
    "別れたら裸の写真をばらまくって脅された。",
    "他威胁说如果我分手就把我的裸照发给所有人。",
    "La patrona tiene mi pasaporte desde marzo y no me lo devuelve.",
])
def test_images_or_papers_held_over_the_writer_get_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "In Sozialkunde ging es darum, was man tun kann, wenn jemand droht, Nacktbilder zu verschicken.",
    "Fotografo del matrimonio: dice che le foto le manda tutte entro giugno.",
    "Mi hermana tiene mi libro desde marzo y no me lo devuelve.",
])
def test_a_lesson_a_photographer_or_a_book_raise_nothing(text: str) -> None:
    assert assess(text).tier is None, assess(text).signals


def test_a_passport_kept_safe_by_a_mother_is_no_care() -> None:
    assert assess("Mi madre tiene mi pasaporte guardado en el cajón hasta el viaje.").tier != CARE


# A decision with its day, and the where and the how known or the plan kept from everyone.
@pytest.mark.parametrize("text", [
    "Decided. Saturday. I know where and how, and I'm not going to tell anyone.",
    "Besloten. Zaterdag, na het feest van mijn zus. Ik weet waar en hoe.",
    "Решила. В субботу, после дня рождения мамы. Никому не скажу.",
])
def test_a_decided_day_with_the_plan_known_gets_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "We decided it's happening the weekend after the exams: the big camping trip!",
    "Je sais où et je sais comment aller à Lyon samedi, c'est décidé.",
])
def test_a_trip_decided_and_planned_is_no_care(text: str) -> None:
    assert assess(text).tier != CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "Окончательно решила: в следующую пятницу, после смены. Место и способ я выбрала ещё весной.",
    "Ya karar verdim: cumartesi, düğünden sonra. Yerini ve yöntemini seçtim bile.",
])
def test_the_place_and_the_way_chosen_count_whatever_follows_them(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


# Sex or photos forced on the writer in the perfect or with the verb second, a threat to
# kill the writer for objecting.
@pytest.mark.parametrize("text", [
    "Am Samstag hat er mich gezwungen, mit ihm zu schlafen, obwohl ich nein gesagt hab.",
    "Hij dwong me om met hem naar bed te gaan terwijl ik nee zei.",
    "Álvaro me ha obligado a mandarle fotos desnuda y ahora amenaza con enseñarlas.",
])
def test_sex_or_photos_forced_on_the_writer_get_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "Mi madre me ha obligado a mandar la solicitud hoy.",
    "Mijn moeder dwong me om met haar naar de kapper te gaan.",
    "Meine Mutter hat mich gezwungen, mit ihr zum Zahnarzt zu gehen.",
])
def test_a_parent_insisting_on_an_errand_raises_nothing(text: str) -> None:
    assert assess(text).tier is None, assess(text).signals


def test_a_threat_to_kill_the_writer_for_objecting_is_not_missed() -> None:
    assert assess("Babam 'İtiraz edersen seni öldürürüm' dedi.").tier is not None


# The reflexive act in a compound tense: the auxiliary between the pronoun and the participle.
@pytest.mark.parametrize("text", [
    "Ho scritto le istruzioni per il funerale: quando mi sarò tolta la vita nessuno dovrà decidere.",
    "quand je me serai tuée, personne n'aura à choisir la musique",
    "quando eu tiver me matado ninguém vai precisar decidir nada",
])
def test_the_act_in_a_compound_tense_gets_the_care_response(text: str) -> None:
    assert assess(text).tier == CARE, assess(text).signals


@pytest.mark.parametrize("text", [
    "depois que eu tiver me matado de estudar, passo na prova",
    "je me suis tué à la tâche toute la semaine",
    "mi sono tolto la voglia di uscire con questo freddo",
])
def test_work_or_study_in_the_same_tense_raises_nothing(text: str) -> None:
    assert assess(text).tier is None, assess(text).signals


def test_a_therapeutic_fast_kept_up_is_the_reason() -> None:
    assert assess("Tag 3 Heilfasten. Seit Montag nix gegessen außer Brühe, und ich hör nicht auf.").tier is None
