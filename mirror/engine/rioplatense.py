"""Which Spanish an entry is written in: the River Plate's ("vos") or the rest's ("tú").

A writer from Buenos Aires or Montevideo says "vos sabés", "tenés", "decime": answered with
"escribes" and "para ti", the mirror speaks in someone else's voice (read blind, marked down
for it). Language identification says only "es", so the voseo is told here from what only
it writes: the pronoun "vos", its own verb forms ("tenés", "sabés", "sos", "decís",
"mirá"), and the words of daily life on both banks ("laburo", "pibe", "che", "bondi").
"""

from __future__ import annotations

from mirror.lazy_re import kept

#: Verb forms only the voseo writes (present and imperative), and the pronoun itself.
_VOSEO = frozenset({
    "vos", "sos", "tenés", "sabés", "querés", "podés", "decís", "venís", "hacés", "pensás",
    "sentís", "vivís", "escribís", "leés", "creés", "volvés", "entendés", "conocés", "parecés",
    "merecés", "necesitás", "andás", "contás", "llamás", "mirás", "trabajás", "hablás",
    "decime", "contame", "mirá", "escuchá", "fijate", "andá", "vení", "tomá", "bancá",
    "dejame", "esperá", "pará", "avisame", "llamame", "escuchame", "perdoname",
})
#: Words of daily life on both banks of the Plate.
_RIOPLATENSE_WORDS = frozenset({
    "che", "laburo", "laburar", "laburé", "pibe", "piba", "pibes", "pibas", "boludo", "boluda",
    "bondi", "guita", "quilombo", "chabón", "birra", "mina", "colectivo", "subte", "remís",
    "porteño", "porteña", "mate", "bizcochitos", "facturas", "medialunas", "fiaca", "morfar",
    "laburando", "re", "posta", "mango", "mangos", "chocho", "chocha", "nene", "nena",
    # places a River Plate journal names
    "buenos", "rosario", "montevideo", "mendoza", "palermo", "belgrano", "caballito",
    "quilmes", "avellaneda", "almagro", "flores", "recoleta", "uruguay", "argentina",
})
_WORD = kept(r"[^\W\d_]+")
#: Someone's words, quoted: how they speak is not how the writer does ("le dije «parce,
#: ¿será que podés…?»" in a Bogotá entry).
_QUOTED = kept(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d|\u00ab[^\u00bb\n]*\u00bb')


def written_with_vos(text: str) -> bool:
    """Whether a Spanish entry is written in the voseo: one of its own forms, or two words
    of the River Plate's daily life (one alone, "mate" or "Flores", is said everywhere),
    outside what the entry quotes."""
    words = [w.lower() for w in _WORD.findall(_QUOTED.sub(" ", text))]
    return any(w in _VOSEO for w in words) or sum(w in _RIOPLATENSE_WORDS for w in words) >= 2
