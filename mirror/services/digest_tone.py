"""The plain tone words of a month in Spanish, German, Polish and the other languages Mirror
reads, for where a month turned (`digest.turn_of`).

An English month is toned by VADER's seven thousand words ("chaos", "fine", "better",
"glad"); a month in another language was toned only by its feeling words (the mirrorback's
lexicon: "asustada", "erleichtert", "dumny"), which name a feeling and leave out how a day
went ("Bien.", "Gut.", "Más tranquila.", "Jestem wściekły.", "akademik jest okropny") — so
a Spanish, German or Polish month of short entries had too few toned days to turn, and
its turn went unsaid where the English one was marked. These are the words a day is said
to have gone well or badly with, and laughter and tears told of the writer's days ("me
reí mucho", "Ania płakała"), by stem: an inflected language writes "tranquila",
"tranquilo", "tranquilos". A word after a negation close before it ("no", "nicht", "kein",
"nie") says nothing: "nicht gut" is no good day, and reading it as a bad one is a guess.

Descriptive only: a tone places the turn of the month among the person's own lines; it is
never said to them.
"""

from __future__ import annotations

import re
from functools import cache

#: language -> (positive stems, negative stems); a stem ending in "*" matches what starts
#: with it, any other word only itself.
_TONE: dict[str, tuple[str, str]] = {
    "es": ("""
        bien mejor genial estupend* tranquil* content* feliz felices alegr* alivi* orgullos*
        amable* precios* bonit* encant* disfrut* ilusi* ganas risa* reí reímos reír riendo
        divertid* calma guay maravill*
        """, """
        mal peor fatal horrible terrible cansad* agotad* asustad* miedo trist* llor* lágrim*
        preocup* nervios* angusti* enfad* furios* rabia perdid* agobi* harta harto
        """),
    "de": ("""
        gut besser schön toll super prima froh glücklich erleichter* ruhig leichter lach*
        gelacht stolz freue freut freute gefreut wunderbar herrlich entspann*
        """, """
        schlecht schlimm schlimmer furchtbar schrecklich müde traurig angst weinen weinte
        geweint tränen wütend wut streit einsam allein erschöpft sorge* nervös kaputt
        gestresst
        """),
    "pl": ("""
        dobrze lepiej lepsz* fajn* spokojn* śmia* śmiech* dumn* radoś* radosn* szczęśliw* ulg*
        super cieszę cieszy* miło lekk* wspaniał* świetn*
        """, """
        źle gorzej zmęczon* wściek* okropn* straszn* smutn* płak* płacz* boję boi* strach*
        samotn* zły zła nerwow* martwi* przykro ciężk* trudn*
        """),
    "fr": ("""
        bien mieux génial super content* heureu* soulag* fier fière calme ri rire
        """, """
        mal pire fatigué* triste* peur pleur* angoiss* énervé* seul seule épuisé* horrible
        """),
    "it": ("""
        bene meglio bellissim* content* felic* sollev* orgoglios* tranquill* risata* ridere
        """, """
        male peggio stanc* triste* paura piang* arrabbiat* preoccupat*
        """),
    "nl": ("""
        goed beter fijn leuk blij gelukkig opgelucht rustig trots gelachen lachen
        """, """
        slecht erger moe verdrietig bang gehuild huilen boos eenzaam bezorgd
        """),
    "pt": ("""
        bem melhor ótimo feliz content* aliviad* orgulhos* tranquil* ri rir
        """, """
        mal pior cansad* triste* medo chorei chorar chorando chorou preocupad* sozinh* zangad*
        """),
}

#: A negation this many words before a tone word or nearer turns it off.
_NEGATION_REACH = 2
_NEGATIONS = frozenset("no ni nunca nada nicht kein keine keinen nie ne pas jamais non niet "
                       "geen não nem".split())
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _stems(language: str) -> tuple[dict[str, float], tuple[tuple[str, float], ...]]:
    words: dict[str, float] = {}
    prefixes: list[tuple[str, float]] = []
    positive, negative = _TONE.get(language, ("", ""))
    for sign, listed in ((1.0, positive), (-1.0, negative)):
        for w in listed.split():
            if w.endswith("*"):
                prefixes.append((w[:-1], sign))
            else:
                words[w] = sign
    return words, tuple(sorted(prefixes, key=lambda p: -len(p[0])))


def known(language: str | None) -> bool:
    """Whether the digest has tone words for `language`."""
    return language in _TONE


def signs(text: str, language: str) -> list[float]:
    """+1.0 or -1.0 for each tone word of `language` in `text` (see the module docstring),
    in order; none for a word a negation stands just before."""
    words, prefixes = _stems(language)
    if not words and not prefixes:
        return []
    norms = _WORD.findall(text.lower())
    out: list[float] = []
    for i, w in enumerate(norms):
        sign = words.get(w)
        if sign is None:
            sign = next((s for p, s in prefixes if w.startswith(p)), None)
        if sign is None:
            continue
        if any(n in _NEGATIONS for n in norms[max(0, i - _NEGATION_REACH):i]):
            continue
        out.append(sign)
    return out
