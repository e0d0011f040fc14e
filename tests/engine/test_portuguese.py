"""Portugal's Portuguese is answered in its own register: a writer from Lisbon reads
"escreves", "o que notas", quotes in «…», never "você"; a writer from São Paulo keeps
"você". The variant is told from how people write, not from a list of entries."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.portuguese import written_in_portugal

PORTUGAL = [
    "Estou a tentar arrumar o quarto dos miúdos há duas horas e desisti. Ficámos a ver "
    "desenhos animados no sofá, os três, com uma taça de pipocas.",
    "O meu irmão ligou-me do Porto a dizer que vem no Natal. Já não o vejo há quatro anos. "
    "Fiquei a olhar para o telemóvel muito tempo depois de desligar.",
    "Tenho de entregar o relatório amanhã e o autocarro avariou a meio da ponte. Cheguei ao "
    "escritório às dez e a minha chefe nem olhou para mim.",
]
BRAZIL = [
    "Estou tentando arrumar o quarto das crianças faz duas horas e desisti. Ficamos vendo "
    "desenho no sofá, os três, com uma tigela de pipoca.",
    "Meu irmão me ligou de Recife dizendo que vem pro Natal. Faz quatro anos que não vejo ele. "
    "Fiquei olhando pro celular um tempão depois de desligar.",
    "Tenho que entregar o relatório amanhã e o ônibus quebrou no meio da ponte. Cheguei no "
    "escritório às dez e minha chefe nem olhou pra mim.",
]


@pytest.mark.parametrize("text", PORTUGAL)
def test_portugals_portuguese_is_told_and_answered_in_tu(text: str) -> None:
    assert written_in_portugal(text)
    said = compose(text)
    assert "você" not in said.lower() and "\u00ab" in said and "\u201c" not in said


@pytest.mark.parametrize("text", BRAZIL)
def test_brazils_portuguese_keeps_voce(text: str) -> None:
    assert not written_in_portugal(text)
    said = compose(text)
    assert "\u201c" in said and "escreves" not in said and "\u00ab" not in said


def test_a_portuguese_entry_with_no_mark_of_either_stays_in_the_frames_first_register() -> None:
    assert not written_in_portugal("Hoje choveu o dia todo. Li um livro inteiro.")


def test_my_is_said_back_with_portugals_article() -> None:
    # "a minha mãe" is "a tua mãe" when asked back, never "sua mãe" nor "a a tua mãe".
    said = " ".join(compose("Hoje a minha mãe ligou-me a meio da tarde. Falámos uma hora "
                            "sobre nada, sobre o jardim dela e sobre o gato.", version=f"v{i}")
                    for i in range(6))
    assert "sua mãe" not in said and "a a tua" not in said


def test_se_opening_a_sentence_is_if_and_se_calhar_is_portugals_maybe() -> None:
    """"Se" opening a sentence is most often "if", in both registers; "se calhar" is how
    Portugal says "maybe"."""
    text = ("Domingo de chuva em Braga. Arrumei a gaveta das meias e comi meio pacote de "
            "bolachas. Pensei em sair mas isso implicava calçar-me. Se calhar amanhã até vou "
            "gostar de ir trabalhar. Se calhar.")
    assert written_in_portugal(text)
    assert "você" not in compose(text).lower()
    assert not written_in_portugal("Se der tempo, vou no cinema com você. Tô cansada demais.")


def test_tu_in_the_past_and_a_plural_voces_read_as_portugal() -> None:
    # "penduraste" is "tu" in the past, as Portugal writes to someone close; "vocês", plural,
    # is said in Portugal as in Brazil, and is no mark of either.
    text = ("A minha mãe ao telefone, hoje:\n— Então e a casa, já penduraste os quadros?\n"
            "— Ainda não, mãe.\n— Pois. E vocês... nada?\n— Nada o quê?\n— Nada, filha. Pergunto só.")
    assert written_in_portugal(text)


def test_brazils_everyday_words_outweigh_a_possessive_with_its_article() -> None:
    # "a minha era 212" is a pronoun said in both; "tava" and "cachorro" are Brazil's.
    text = ("Duas horas na fila do cartório pra reconhecer firma. A senha tava no 147 quando eu "
            "cheguei, a minha era 212. Um moço do meu lado me contou a vida toda, do divórcio ao "
            "cachorro que come meia.")
    assert not written_in_portugal(text)


def test_the_accent_before_m_or_n_tells_the_spelling() -> None:
    # "Santo António" is Portugal's spelling, "Antônio" Brazil's: a Lisbon night out of four
    # short lines was answered "você escreve" (read blind: the wrong voice)
    assert written_in_portugal("Sardinhas no Santo António com a Inês. Música pimba até às "
                               "três. Perdi a voz. Valeu a pena.")
    assert not written_in_portugal("Festa junina na casa do Antônio. Dancei quadrilha até às "
                                   "três. Perdi a voz. Valeu a pena.")
    assert written_in_portugal("O prémio foi económico, mas o ténis é bom.")
    assert not written_in_portugal("O prêmio foi econômico, mas o tênis é bom.")


def test_words_in_quotation_marks_are_mentioned_not_used() -> None:
    # A Brazilian in Porto quoting the words she has learned there ("pequeno-almoço",
    # "autocarro") still writes Brazil's Portuguese; read blind, an answer in "escreves" to
    # an entry about her accent "jars".
    text = ("Moro aqui no Porto há dois anos. Já falo \"pequeno-almoço\", já falo \"autocarro\", "
            "já fico irritada quando alguém diz que o pastel de nata daqui não é bom. À noite "
            "liguei para a minha irmã só pra ouvir alguém falando do meu jeito.")
    assert not written_in_portugal(text)
    assert "escreves" not in compose(text)


def test_portugals_ate_ao_is_its_own() -> None:
    assert written_in_portugal("Fui à praia sozinha depois do trabalho. A água estava gelada. "
                               "Entrei até aos joelhos e voltei.")


def test_portugals_progressive_after_its_subject_and_its_ringing_are_its_own() -> None:
    # "eu a tentar adivinhar", "liguei à tia": Portugal's, with no place named and a quoted
    # recipe line ("vinho do Porto q.b.") not counted
    assert written_in_portugal(
        "Hoje fiz as rabanadas da avó, com o caderno dela aberto. A letra dela é impossível, "
        "\"vinho do Porto q.b.\", e eu a tentar adivinhar quanto era. Liguei à tia duas vezes. "
        "Ficaram um bocadinho queimadas de um lado. Para o ano acerto.")
