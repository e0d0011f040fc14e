"""Veiled signs kept from the people around the writer, one test per kind of writing that
used to be missed on entries nobody tuned the rules to: a meal lied about (said to be
eaten elsewhere, let believed, a pretext at mealtimes, eaten in front of them so no one
suspects) in the languages that had no words for it; the running of one's life handed to
someone (passwords, the bank book, where the papers are) and one's own things given by the
possessive; a cover story in a language that quotes before it says, and supplies bought
over several pharmacies so no one sees how much; a height looked up with the way up asked
after, in the languages that had only English for it. Each positive is paired with the same
words in ordinary life, which must stay unraised. The examples are written for these tests,
not taken from any corpus."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, GENTLE, assess
from mirror.engine.care.detect import _assess_rules


def _rules(text: str):
    """The rules' own finding: the second reader is left out, so each test is about the
    rule data it names."""
    return _assess_rules(text)


@pytest.mark.parametrize("text", [
    "Четвёртый день только вода и чай. Маме сказала, что обедаю у Кати, а сама гуляю до вечера. На лестнице в глазах потемнело.",
    "사흘째 물만 마셨다. 엄마한테는 학원에서 먹었다고 했다. 아침에 일어나는데 눈앞이 하얘졌다.",
    "तीन दिन से बस पानी पी रही हूँ। मम्मी के सामने थोड़ा खा लेती हूँ ताकि शक न हो। सीढ़ियों पर आँखों के सामने अँधेरा छा गया।",
    "Udah tiga hari cuma minum air. Bilang ke mama udah makan di sekolah. Tadi pagi hampir pingsan di kelas.",
    "Üç gündür sadece su içiyorum. Annem okulda yediğimi sanıyor. Merdivende gözüm karardı.",
    "Mum thinks I have lunch at school. Haven't eaten since Sunday and the stairs made everything go black.",
    "Maman croit que je mange à la cantine. Troisième jour à l'eau, j'ai failli m'évanouir en sport.",
    "Mama denkt dat ik op school eet. Derde dag alleen water, op de trap werd alles zwart voor mijn ogen.",
])
def test_a_meal_lied_about_beside_the_body_failing_is_self_starvation(text: str):
    found = _rules(text)
    assert found.tier == CARE, found.to_json()
    assert "self_starvation" in found.categories
    assert any(s.rule == "compound.starving_rule" for s in found.signals)


@pytest.mark.parametrize("text", [
    "Mum thinks I have lunch at school, but honestly the canteen pizza is the best part of Tuesdays.",
    "Маме сказала, что обедаю в столовой, а сама пошла с Олей в кафе есть блины. Было очень вкусно.",
    "奶奶以为我在学校食堂吃，其实我每天和同学去校门口吃拉面，太好吃了。",
    "점심시간엔 도서관 간다고 하고 친구랑 떡볶이 먹으러 감. 완전 맛있었다.",
    "Told Dad I'd already eaten at Jess's because her mum made a massive lasagne. Slept like a log.",
    # the writer's own belief is no one being misled
    "I think I had dinner at nine, then nearly fainted at the gig, it was so hot in there.",
    "Je pense que je mange trop le soir. J'ai failli m'évanouir au concert, il faisait si chaud.",
    "Думаю, что я ем слишком много сладкого. Вчера на концерте голова кружится от духоты.",
])
def test_a_meal_fibbed_about_on_an_ordinary_day_is_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "Texted my brother the bank details and the passwords to my accounts so he has it all after.",
    "Showed Dad where the deeds are kept and gave Mia my guitar.",
    "Mandé a mi hermano las llaves del piso y la cartilla. Por si acaso.",
    "Подарила Свете свою швейную машинку, а брату объяснила, где лежат ключи и пароли.",
    "Gli ho regalato il mio giradischi, tanto a me non serve più.",
])
def test_the_running_of_a_life_handed_over_reaches_the_gentle_line(text: str):
    found = _rules(text)
    assert found.tier in (GENTLE, CARE), found.to_json()
    assert "preparatory_acts" in found.categories


@pytest.mark.parametrize("text", [
    "Emailed Ros the passwords for the holiday cottage wifi so she has them when she arrives.",
    "Showed the house-sitter where the keys are and gave her the wifi password. Flight at six.",
    "Отдала соседке свой старый аккордеон, он мне давно не нужен, а себе купила новый.",
    "Dejé a mi sobrina las llaves del piso para que riegue las plantas mientras estoy de vacaciones en Cádiz.",
    "Mum gave me her old sewing machine and told me where the manuals are. Can't wait to start.",
])
def test_keys_and_passwords_for_a_trip_or_a_guest_are_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text, tier", [
    ("真夏でも長袖。「冷房が寒い」って言っとけば誰も気にしない。", CARE),
    ("한여름인데도 긴팔만 입는다. 햇빛 알레르기라고 하면 다들 믿는다.", CARE),
    ("Split it over four different pharmacies this week so nobody would ask why I needed so many.", GENTLE),
    ("Compro le bende ogni volta in una farmacia diversa.", GENTLE),
    ("Told my coach I've got eczema so I can keep my leggings on. Used the last of the plasters.", GENTLE),
])
def test_a_cover_story_quoted_first_or_supplies_bought_unseen_are_read(text: str, tier: str):
    found = _rules(text)
    assert found.tier == tier, found.to_json()


@pytest.mark.parametrize("text", [
    "日焼け止めを塗っても焼けるから、夏でもアームカバーをしてる。",
    "夏でも長袖。冷房が寒いから。会社は本当に寒い。",
    "父の湿布を探して薬局を三軒回った。どこも売り切れだった。",
    "Went to three different chemists in Sutton today before one finally had Calpol for the baby.",
    "Bought the pregnancy test at a different chemist so nobody at our local would see. Negative, phew.",
])
def test_the_writers_own_reason_and_an_errand_to_pharmacies_are_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "Passei a noite pesquisando a altura da ponte nova e se passa gente de noite por lá.",
    "Ночью погуглила, сколько этажей в новой высотке у вокзала и открыт ли выход на крышу.",
    "He buscado la altura del puente nuevo y si hay gente de noche por allí.",
    "Looked up how many floors the car park on Mill Road has and whether the door to the roof is locked at night.",
])
def test_a_height_looked_up_with_the_way_up_asked_after_is_a_method_checked(text: str):
    found = _rules(text)
    assert found.tier == CARE, found.to_json()
    assert "method_means" in found.categories


@pytest.mark.parametrize("text", [
    "Pesquisei a altura do Cristo Redentor pro trabalho de geografia e se a porta do mirante fica aberta no domingo.",
    "Погуглила, какой высоты Останкинская башня, для викторины в пятницу. Ответ: 540 метров.",
    "Looked up how tall the Shard is for the pub quiz. Also checked whether the door to the roof terrace bar is open on Sundays.",
    "Checked whether the back door is locked before bed, as always. Tired.",
])
def test_a_height_looked_up_for_a_quiz_or_homework_is_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "Didn't pick up my heart pills from the chemist again. If my heart stops on its own, so be it.",
    "Non sono andato a ritirare l'insulina. Se il corpo decide di mollare, pazienza.",
    "Dejé de tomar las pastillas del corazón. Si mi corazón se para, que se pare.",
])
def test_treatment_let_go_with_the_body_left_to_stop_is_a_wish_to_be_dead(text: str):
    found = _rules(text)
    assert found.tier in (GENTLE, CARE), found.to_json()
    assert "wish_to_be_dead" in found.categories


@pytest.mark.parametrize("text", [
    "Stopped taking my tablets, the side effects were awful. Such a relief to feel normal again.",
    "Didn't pick up my prescription today, the chemist was shut. Will go tomorrow.",
])
def test_pills_stopped_or_not_collected_for_a_reason_are_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()
