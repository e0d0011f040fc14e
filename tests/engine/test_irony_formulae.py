"""Irony in every language: the common ironic formulae of each language ("Ci mancava solo
questo", "Lo que faltaba", "Na toll", "Só que não", "Daar zat ik net op te wachten") over an
everyday mishap are read as irony, and the reply never names the feeling the irony borrows
("Orgullo" over "Qué orgullo, me han multado …" is irony taken literally). The same words
said in earnest, with nothing gone wrong or thanks said for help, stay sincere. These
entries were written for the tests."""

from __future__ import annotations

import re

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read

#: The glad feelings irony borrows, as each language's replies name them.
_GLAD = ("joy", "gratitude", "pride", "hope", "love")
_GLAD_NAMES = {
    "es": ("alegría", "gratitud", "orgullo", "esperanza", "ternura"),
    "it": ("gioia", "gratitudine", "orgoglio", "speranza", "tenerezza"),
    "fr": ("joie", "gratitude", "fierté", "hâte", "tendresse"),
    "de": ("freude", "dankbarkeit", "stolz", "hoffnung", "zärtlichkeit"),
    "pt": ("alegria", "gratidão", "orgulho", "esperança", "ternura"),
    "pl": ("radość", "wdzięczność", "duma", "nadzieja", "czułość"),
    "nl": ("vreugde", "dankbaarheid", "trots", "hoop", "tederheid"),
}
#: The entry's own words, quoted in the reply, are not the reply naming a feeling.
_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|„[^“”]*[“”]|\"[^\"]*\"")


@pytest.mark.parametrize(("text", "language"), [
    ("Qué orgullo, me han multado por aparcar delante de mi propia casa.", "es"),
    ("Lo que faltaba. Se rompió la lavadora y el técnico no viene hasta el jueves.", "es"),
    ("Qué ilusión, otra reunión de dos horas para decidir la fecha de la siguiente.", "es"),
    ("Gracias por nada, compañía de seguros. Tres semanas esperando al perito.", "es"),
    ("Che gioia. Il treno è stato soppresso e sono arrivata in ufficio alle dieci.", "it"),
    ("Ci mancava solo questo: la caldaia guasta a gennaio.", "it"),
    ("Proprio come volevo iniziare la settimana, con una riunione alle otto e la macchina guasta.", "it"),
    ("Il ne manquait plus que ça : la voiture en panne sur l'autoroute.", "fr"),
    ("Merci pour rien, la banque. Trois semaines pour un simple virement.", "fr"),
    ("Ça commence bien, la semaine : le train supprimé et une réunion à huit heures.", "fr"),
    ("Na toll. Der Zug fällt aus und der nächste kommt in einer Stunde.", "de"),
    ("Das hat mir gerade noch gefehlt: Reifenpanne auf der Autobahn.", "de"),
    ("Danke für nichts, liebe Telekom. Seit drei Tagen kein Internet.", "de"),
    ("Só me faltava essa: o carro avariado no meio da ponte.", "pt"),
    ("Que orgulho, fui multado por estacionar em frente da minha própria garagem.", "pt"),
    ("Adorei a reunião de três horas que podia ter sido um e-mail. Só que não.", "pt"),
    ("Tylko tego mi brakowało. Pralka się popsuła, a serwis przyjedzie za tydzień.", "pl"),
    ("Co za radość, znowu bez prądu w całym bloku.", "pl"),
    ("Dzięki za nic, drogi urzędzie. Trzeci raz po ten sam papier.", "pl"),
    ("Daar zat ik nou net op te wachten: een lekke band in de stromende regen.", "nl"),
    ("Ook dat nog. De wasmachine doet het niet en de monteur komt pas volgende week.", "nl"),
    ("Bedankt voor niks, provider. Drie dagen geen internet.", "nl"),
    ("Para variar, el autobús con retraso y yo empapada en la parada.", "es"),
    ("Tanto per cambiare, sciopero dei treni.", "it"),
    ("Voor de verandering weer vertraging op het spoor.", "nl"),
])
def test_an_ironic_formula_over_a_mishap_is_read_as_irony(text: str, language: str) -> None:
    reading = read(text, language=language)
    assert reading.sarcasm
    assert not set(reading.feelings) & set(_GLAD)
    said = _QUOTED.sub("", compose(text)).lower()
    for name in _GLAD_NAMES[language]:
        assert name not in said


@pytest.mark.parametrize(("text", "language"), [
    ("Qué orgullo, mi hija se graduó hoy con honores.", "es"),
    ("Qué ilusión me hizo ver a mi abuela después de tanto tiempo.", "es"),
    ("Compré lo que faltaba para la tarta y la hicimos juntas con mi sobrina.", "es"),
    ("Che gioia vedere mio nipote camminare per la prima volta.", "it"),
    ("Papà ci mancava tanto. Oggi siamo andati al cimitero tutti insieme.", "it"),
    ("Proprio come volevo: la torta è venuta alta e morbida, e Giulia ne ha prese due fette.", "it"),
    ("Quelle joie de revoir ma grand-mère après l'hôpital.", "fr"),
    ("Que du bonheur, cette journée avec mes petits-enfants.", "fr"),
    ("Mais bien sûr que je vais y aller, c'est ma meilleure amie.", "fr"),
    ("Wunderbar war der Abend mit meinen Eltern. Wir haben lange geredet.", "de"),
    ("Ich freue mich schon riesig auf den Urlaub mit meiner Familie.", "de"),
    ("Que orgulho, o meu filho terminou o curso hoje.", "pt"),
    ("Era o que faltava na receita: uma pitada de canela. Ficou ótimo.", "pt"),
    ("Co za radość, wnuczka pierwszy raz powiedziała babcia.", "pl"),
    ("Ale się cieszę, że przyjechała mama.", "pl"),
    ("Het begint goed, de baby slaapt al drie nachten door.", "nl"),
    ("Dat belooft wat voor de zomer: de eerste aardbeien zijn al rood.", "nl"),
    ("Tanto per cambiare, stasera pizza con gli amici.", "it"),
    ("Zur Abwechslung haben wir heute im Garten gegessen.", "de"),
])
def test_the_same_words_said_in_earnest_stay_sincere(text: str, language: str) -> None:
    assert not read(text, language=language).sarcasm


@pytest.mark.parametrize(("text", "language"), [
    ("Grazie mille alla vicina che mi ha portato la spesa quando avevo la febbre.", "it"),
    ("Vielen lieben Dank an meine Kollegin, die meine Schicht übernommen hat, als ich Fieber hatte.", "de"),
    ("Hartelijk dank aan de buurvrouw die soep bracht toen ik koorts had.", "nl"),
    ("Estuve enferma toda la semana, pero hoy por fin me siento mejor. Qué alegría poder salir a caminar.", "es"),
    ("Que delícia, a chuva a cair e eu no sofá com um livro.", "pt"),
    ("Prachtig weer vandaag, we hebben de hele dag buiten gezeten.", "nl"),
    ("Complimenti a Luca che ha finito la maratona sotto la pioggia.", "it"),
    ("Glückwunsch an Jonas, der trotz Regen den ganzen Lauf geschafft hat.", "de"),
])
def test_thanks_congratulations_and_gladness_beside_rain_or_illness_stay_sincere(text: str, language: str) -> None:
    assert not read(text, language=language).sarcasm


@pytest.mark.parametrize(("text", "language"), [
    ("Quelle joie, malgré le retard du train, de retrouver ma sœur à la gare.", "fr"),
    ("Que du bonheur ce week-end à la mer, malgré un peu de pluie.", "fr"),
    ("Che gioia rivedere la nonna, nonostante il ritardo del treno.", "it"),
])
def test_a_mishap_conceded_does_not_make_gladness_irony(text: str, language: str) -> None:
    assert not read(text, language=language).sarcasm


@pytest.mark.parametrize(("text", "language"), [
    ("Qué orgullo, mi hija se graduó hoy con honores.", "es"),
    ("Que orgulho, o meu filho passou no exame de condução.", "pt"),
])
def test_a_feeling_exclaimed_over_good_news_is_named(text: str, language: str) -> None:
    assert "pride" in read(text, language=language).feelings


@pytest.mark.parametrize(("text", "language"), [
    ("Métro bloqué. Encore. Cinquante minutes sous terre. Génial, vraiment, quelle belle journée.", "fr"),
    ("Tren cancelado otra vez. Genial, de verdad, qué país.", "es"),
])
def test_praise_opening_a_line_after_a_mishap_is_irony(text: str, language: str) -> None:
    assert read(text, language=language).sarcasm


def test_a_meeting_you_were_not_invited_to_makes_the_praise_irony() -> None:
    text = ("Very productive day. Two calls to agree the plan needs a plan. Design team not invited "
            "to either. Great stuff. Can't wait for the next one.")
    assert read(text).sarcasm
    assert "hope" not in compose(text).lower()
