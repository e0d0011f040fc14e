"""Which Portuguese an entry is written in: Portugal's or Brazil's.

The mirror answers a Portuguese entry in the writer's own register. Brazilian frames say
"você escreve"; a writer from Lisbon reads that as someone else's voice, and expects "tu"
("escreves", "contigo"). Language identification says only "pt", so the variant is told here
from what differs in everyday writing: the progressive ("estou a fazer" against "estou
fazendo"), where the pronoun goes ("disse-me" against "me disse"), "você", and the words of
daily life (telemóvel/celular, autocarro/ônibus, euros/reais), and the accent a stressed
vowel takes before m or n ("António", "Antônio").
"""

from __future__ import annotations

import re

from mirror.engine.tokenize import quoted_spans
from mirror.lazy_re import kept

#: Words of daily life that are Portugal's, not Brazil's.
_PORTUGAL_WORDS = frozenset({
    "telemóvel", "telemóveis", "autocarro", "autocarros", "comboio", "comboios", "frigorífico",
    "miúdo", "miúda", "miúdos", "miúdas", "rapariga", "raparigas", "fixe", "ecrã", "equipa",
    "facto", "connosco", "convosco", "euros", "euro", "pequeno-almoço", "casa-de-banho",
    "sumo", "talho", "montra", "passadeira", "portátil", "propinas", "explicações", "bué",
    "gajo", "gaja", "tasca", "bica", "câmara", "secundário", "liceu", "sítio", "cá",
    "bocado", "bocadinho",
    # places a Portuguese journal names
    "lisboa", "porto", "coimbra", "braga", "bragança", "faro", "algarve", "sintra", "cascais",
    "setúbal", "aveiro", "évora", "viseu", "madeira", "açores", "ericeira", "almada", "gaia",
})
#: …and Brazil's.
_BRAZIL_WORDS = frozenset({
    "você", "ônibus", "celular", "celulares", "trem", "geladeira", "banheiro",
    "pra", "pro", "tá", "tô", "reais", "moleque", "garota", "garoto", "time", "grana",
    "bacana", "ué", "tchau", "mamãe", "papai", "vó", "vô", "cê", "né", "tava", "tavam",
    "cachorro", "cachorra", "cachorros",
    # places a Brazilian journal names
    "paulo", "rio", "curitiba", "recife", "salvador", "fortaleza", "brasília", "manaus",
    "belém", "goiânia", "floripa", "florianópolis", "minas", "bahia", "niterói", "campinas",
})
_WORD = kept(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: "estou a fazer", "andava a pensar", "eu a tentar adivinhar": Portugal's progressive.
_PORTUGAL_PROGRESSIVE = kept(
    r"\b(?:estou|estás|está|estamos|estão|estava|estavas|estávamos|estavam|estive|esteve|eu|tu|"
    r"ando|andas|anda|andamos|andava|andei|fiquei|ficou|ficámos|continuo|continua|passei)"
    r"\s+a\s+[^\W\d_]+(?:ar|er|ir)\b", re.IGNORECASE)
#: "estou fazendo": Brazil's.
_BRAZIL_PROGRESSIVE = kept(
    r"\b(?:estou|está|estava|estamos|estão|estavam|fiquei|ficou|ando|anda|andava|continuo|"
    r"continua|passei)\s+[^\W\d_]+ndo\b", re.IGNORECASE)
#: "o meu chefe", "a minha mãe": Portugal puts the article before a possessive; Brazil
#: often opens on the bare one ("Minha mãe estava …", "pra minha mãe").
_ARTICLE_POSSESSIVE = kept(r"\b(?:o|a|os|as|do|da|dos|das|no|na|nos|nas|ao|à)\s+"
                           r"(?:meu|minha|meus|minhas)\b", re.IGNORECASE)
_BARE_POSSESSIVE = kept(r"(?:^|[.!?]\s+|\b(?:pra|pro|com|de|em|que)\s+)"
                        r"(?:meu|minha|meus|minhas)\b", re.IGNORECASE)
#: "chegámos", "ficámos": Portugal's accented past; "tenho de ir": its obligation;
#: "se calhar": its "maybe"; "até aos joelhos": its "as far as" (Brazil: "até os"); "liguei
#: à tia": its "rang" (Brazil: "liguei para a tia"); "à espera", and ", a fazer malha" (a
#: doing told after a comma, where Brazil says ", fazendo malha").
_PORTUGAL_FORMS = kept(r"\b[^\W\d_]+ámos\b|\btenho de\b|\btens de\b|\bse calhar\b|\baté aos?\b|\blig\w* (?:à|ao)\b"
                       r"|\bà espera\b|,\s+a\s+[^\W\d_]+(?:ar|er|ir)\b"
                       r"|\b(?!contraste\b|desgaste\b)[^\W\d_]{4,}aste\b",
                       re.IGNORECASE)  # (and "se calhar", Portugal's "maybe"; "penduraste",
#                                          "disseste": "tu" in the past, as Portugal writes to
#                                          a person it knows; "vocês", plural, is said in both)
#: "esperando", "fingindo": Brazil leans on the gerund where Portugal says "à espera".
_GERUND = kept(r"\b[^\W\d_]{2,}(?:ando|endo|indo)\b", re.IGNORECASE)
_NOT_GERUNDS = frozenset({"quando", "segundo", "lindo", "vindo", "tremendo", "estupendo",
                          "horrendo", "comando", "bando", "brando", "infindo", "mando", "ando"})
#: "disse-me", "chamaram-lhe": a pronoun after its verb, as Portugal writes it.
_ENCLITIC = kept(r"\b[^\W\d_]{2,}-(?:me|te|lhe|lhes|nos|vos)\b", re.IGNORECASE)
#: "Me disse", "Te amo": a sentence opening on its pronoun, as Brazil writes it.
#: ("Se" is left out: opening a sentence it is most often "if", in both: "Se chover, …")
_PROCLITIC_OPENING = kept(r"(?:^|[.!?]\s+)(?:me|te|nos)\s+[^\W\d_]+", re.IGNORECASE)


#: "António", "económico", "ténis", "prémio": a stressed e or o before m or n and a vowel
#: takes the acute in Portugal's spelling and the circumflex in Brazil's ("Antônio",
#: "econômico", "tênis", "prêmio").
_PORTUGAL_SPELLING = kept(r"[óé][mn][aeiou]", re.IGNORECASE)
_BRAZIL_SPELLING = kept(r"[ôê][mn][aeiou]", re.IGNORECASE)


def written_in_portugal(text: str) -> bool:
    """Whether a Portuguese entry reads as Portugal's Portuguese rather than Brazil's: more
    of Portugal's marks than Brazil's. A tie (none of either) stays Brazilian, the register
    the frames were first written in. Words in quotation marks are someone else's, or
    mentioned, not used ('Já falo "pequeno-almoço", já falo "autocarro"', a Brazilian in
    Porto), and are not counted; "a minha mãe", said in both, counts half."""
    for start, end in reversed(quoted_spans(text)):  # (the same passages the reading calls quoted)
        text = text[:start] + " " + text[end:]
    words = [w.lower() for w in _WORD.findall(text)]
    portugal: float = sum(w in _PORTUGAL_WORDS for w in words)
    brazil = sum(w in _BRAZIL_WORDS for w in words)
    portugal += (2 * len(_PORTUGAL_PROGRESSIVE.findall(text)) + len(_ENCLITIC.findall(text))
                 + len(_ARTICLE_POSSESSIVE.findall(text)) / 2 + len(_PORTUGAL_FORMS.findall(text))
                 + len(_PORTUGAL_SPELLING.findall(text)))
    brazil += (2 * len(_BRAZIL_PROGRESSIVE.findall(text)) + len(_PROCLITIC_OPENING.findall(text))
               + len(_BRAZIL_SPELLING.findall(text))
               + len(_BARE_POSSESSIVE.findall(text))
               + sum(g.lower() not in _NOT_GERUNDS for g in _GERUND.findall(text)))
    return portugal > brazil
