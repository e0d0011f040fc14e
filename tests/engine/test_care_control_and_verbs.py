"""Signs told in forms the rules' words did not reach: a Russian, Ukrainian or Polish
verb whose ending says "I" after a clause about someone else ("когда муж уснёт,
наглотаюсь таблеток"), a Ukrainian perfective future the dictionary lacks ("поріжу"),
control told as routine (the writer's location sent whenever he asks), goodbyes set to
arrive later. Each is paired with ordinary words of the same shape: another person's
verb, chopping onions, a location shared with a friend or for work, birthday messages."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, assess


@pytest.mark.parametrize("text", [
    "Kiedy rodzice wyjadą na weekend, połknę wszystkie tabletki.",
    "Когда муж уснёт, наглотаюсь таблеток.",
    "Я поріжу руки сьогодні ввечері.",
    "Коли мама піде на роботу, поріжу себе.",
    "Я отруюся таблетками, якщо нічого не зміниться.",
])
def test_a_verb_whose_ending_says_i_gets_care(text: str):
    assert assess(text).tier == CARE, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "Когда сестра уснёт, она наглотается таблеток.",
    "Коли батьки поїдуть, брат стрибне з даху.",
    "Поріжу цибулю і моркву для борщу.",
])
def test_another_persons_verb_and_the_kitchen_stay_ordinary(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "He reads my messages and makes me share my location all day.",
    "Er kontrolliert jeden Abend mein Handy und ich muss ihm meinen Standort schicken, wann immer er will.",
    "Он каждый вечер проверяет мой телефон, и я должна скидывать ему геолокацию по первому требованию.",
])
def test_a_location_sent_on_demand_beside_a_phone_checked_gets_care(text: str):
    finding = assess(text)
    assert finding.tier == CARE, finding.to_json()
    assert finding.categories == ["abuse_coercion"]


@pytest.mark.parametrize("text", [
    "I scheduled messages to go out to my friends next Friday, to say goodbye.",
    "Oddałam Kasi wszystkie farby olejne, a mamie napisałam list, który ma otworzyć dopiero w Wigilię.",
    "给妈妈写了一封信，信封上写着\"以后再看\"，放在抽屉里。",
    "엄마한테 편지를 써서 봉투에 '나중에 읽어'라고 적었다.",
    "母に手紙を書いた。封筒に「あとで読んで」と書いて引き出しに入れた。",
])
def test_goodbyes_set_to_arrive_later_get_the_gentle_line_at_least(text: str):
    finding = assess(text)
    assert finding.tier is not None, finding.to_json()
    assert "preparatory_acts" in finding.categories


@pytest.mark.parametrize("text", [
    "I shared my location with Priya so she could find the pub.",
    "My daughter has to share her location when she goes out at night, that's our rule.",
    "I have to share my location with my manager when I'm on site visits.",
    "Ich muss meinen Standort mit dem Team teilen, wenn ich Außendienst habe.",
    "Muszę udostępniać lokalizację w aplikacji kurierskiej.",
    "Scheduled the birthday messages for the whole family on WhatsApp.",
    "我在作业本上写着\"以后再看\"，因为太难了。",
])
def test_locations_and_scheduled_messages_of_ordinary_days_stay_ordinary(text: str):
    assert assess(text).tier is None, assess(text).to_json()
