"""Who a piece of writing is about: the people the writer does things with or feels about.

A capital letter is not a person. "English", "Christmas", "Glasgow", "Tesco" and a
sentence's first word are all capitalised, and "my sister" or "mum" are people without
one. So a person is found by how the writer speaks of them, not by spelling alone.

Rules (relations in English, Spanish, German, French, Dutch, Italian, Portuguese and Polish;
names in any language written with capitals):

1. **Relations** are people with or without a capital: a kinship or role word after a
   possessive ("my sister", "our neighbour", "mi hermana", "meine Mutter", "ma sœur",
   "my best friend", "my ex") and the kin names people use as names ("Mum", "dad",
   "Grandma", "mamá", "Oma", "maman"). Each is shown the way the digest speaks to the
   writer: "your sister", "Mum" (a kin name keeps its capital).
2. **Names** are capitalised words inside a sentence (never a sentence's first word, a
   word in capitals, or one after a quotation mark, colon or line break) that stand where
   a person stands at least once in the text: after "with", "and", "told", "asked",
   "met", "called", "texted", "hugged", "talked to"…; before a verb only people do
   ("said", "laughed", "cried", "texted", "slept"…) or "and I"; after a role word
   ("my manager, Priya", "the nurse, Joy", "his neighbour Pat", "a colleague, Claire");
   ("visited" and "love" are left out: people visit and love places too);
   or as the owner of something ("Ana's nose"). Once a word has stood as a person, its
   other mentions in the same period count too, a sentence's first word included. Two
   capitalised words side by side are one name ("Old Pete", "Mary Hughes"), and the name
   alone in the same period is the same person ("Pete", "Mary").
3. **Never people**: a role on its own ("Midwife says come in", "Nurse was kind"),
   nationalities and languages ("English", "Polish"), holidays and
   festivals ("Christmas", "Easter", "Eid"), months and weekdays, a word that also appears
   in lower case in the same text (an ordinary word capitalised by position), a function
   word of any language Mirror reads ("Me llamó", "Sie hat"), and a word
   right after "in", "at", "from", "to" without a person verb before it (a place: "in
   Lyon", "drove up to Glasgow"). In a language that capitalises its nouns (German) a
   name is taken only after "mit"/"und" or before a person verb, and never a word with a
   noun's ending ("Freunden", "Zeitung"). A name of two words ending in a place's word
   ("Victoria Park", "Church Street") is a place; a name written where a place stands
   ("an interview at Brightwave") that never stood where only a person stands ("with",
   "told", "laughed", "my boss, Ann") is a company or a shop ("Brightwave said no").
   A word found only by opening a sentence before a verb is a name only as names are
   written: never an ordinary word of the period's language (its feeling words: Polish
   "Śmiała się cały wieczór"), never in lower case in the period or the journal around it
   (in Polish in any case: "Kierownik" beside "z kierownikiem"), and in two texts at least
   ("Ambulance took 22 minutes" is written once) — unless its sentence goes on about
   someone ("Tom moved his stuff out"). German puts its verb second after whatever opens
   a sentence, so there a first word before a verb is such a word ("Lange telefoniert").
   Nor is a title on its own ("Herr"), a kin name that is a function word of the period's
   language (Polish "Mam", "I have"), or a name given to a thing ("The mouse is called
   Wren"), and two words after one German "mit" are a person only by another cue ("mit
   Jacke und Mütze"). A German name is also someone before a verb that only takes a
   person ("ich soll Brandt einfach fragen") and where the next sentence goes on with
   "er" or "sie" and what they say ("Antwort von Brandt. Er schreibt…").
4. **One person, one name**: the cases of a declined name ("Paweł", "o Pawle"; "Zosia",
   "z Zosią"), a German or Dutch genitive ("Bastis") and a short form of a longer name of
   the period ("Pri" of "Priya") are listed once, as the name is said alone (`_forms`).

Everything here is pure and regex-based (no tokenizer): a month of a large journal is a
thousand entries or more, and the month before is read too (a digest compares the people
who came up with it), so a text costs ~0.15 ms: its words are found once, the relation and
kin patterns run over its lower case, and the words around a capital are read once.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path

from mirror.lazy_re import LazyPattern
from mirror.services.people_evidence import from_place
from mirror.services.people_given import given_name

#: Relation word (any of the four languages) -> how the digest names it to the writer.
_RELATIONS: dict[str, str] = {
    # English
    "mother": "mother", "father": "father", "sister": "sister", "brother": "brother",
    "sis": "sister", "bro": "brother", "parents": "parents", "grandmother": "grandmother",
    "grandfather": "grandfather", "grandparents": "grandparents", "aunt": "aunt",
    "auntie": "aunt", "uncle": "uncle", "cousin": "cousin", "niece": "niece", "nephew": "nephew",
    "son": "son", "daughter": "daughter", "kids": "kids", "children": "children",
    "baby": "baby", "wife": "wife", "husband": "husband", "partner": "partner",
    "boyfriend": "boyfriend", "girlfriend": "girlfriend", "fiancé": "fiancé",
    "fiance": "fiancé", "fiancée": "fiancée", "ex": "ex", "friend": "friend",
    "friends": "friends", "boss": "boss", "manager": "manager", "colleague": "colleague",
    "colleagues": "colleagues", "coworker": "colleague", "co-worker": "colleague",
    "flatmate": "flatmate", "roommate": "roommate", "housemate": "housemate",
    "neighbour": "neighbour", "neighbor": "neighbor", "therapist": "therapist",
    "doctor": "doctor", "teacher": "teacher", "stepmother": "stepmother",
    "stepfather": "stepfather", "stepdad": "stepdad", "stepmum": "stepmum",
    "mother-in-law": "mother-in-law", "father-in-law": "father-in-law",
    "sister-in-law": "sister-in-law", "brother-in-law": "brother-in-law",
    "suegra": "mother-in-law", "suegro": "father-in-law", "cuñada": "sister-in-law",
    "cuñado": "brother-in-law", "schwiegermutter": "mother-in-law",
    "schwiegervater": "father-in-law", "schwägerin": "sister-in-law", "schwager": "brother-in-law",
    "teściowa": "mother-in-law", "teść": "father-in-law",
    # Spanish
    "madre": "mother", "padre": "father", "hermana": "sister", "hermano": "brother",
    "abuela": "grandmother", "abuelo": "grandfather", "tía": "aunt", "tío": "uncle",
    "prima": "cousin", "primo": "cousin", "hija": "daughter", "hijo": "son",
    "hijos": "children", "esposa": "wife", "esposo": "husband", "mujer": "wife",
    "marido": "husband", "pareja": "partner", "novio": "boyfriend", "novia": "girlfriend",
    "amiga": "friend", "amigo": "friend", "amigas": "friends", "amigos": "friends",
    "jefe": "boss", "jefa": "boss", "padres": "parents", "vecina": "neighbour",
    "vecino": "neighbour", "compañera": "colleague", "compañero": "colleague",
    # German
    "mutter": "mother", "vater": "father", "schwester": "sister", "bruder": "brother",
    "eltern": "parents", "großmutter": "grandmother", "großvater": "grandfather",
    "tante": "aunt", "onkel": "uncle", "tochter": "daughter", "sohn": "son",
    "kinder": "children", "frau": "wife", "mann": "husband", "freundin": "friend",
    "freund": "friend", "chef": "boss", "chefin": "boss", "kollegin": "colleague",
    "kollege": "colleague", "nachbarin": "neighbour", "nachbar": "neighbour",
    "partnerin": "partner",
    # French
    "mère": "mother", "père": "father", "sœur": "sister", "soeur": "sister",
    "frère": "brother", "grand-mère": "grandmother", "grand-père": "grandfather",
    "oncle": "uncle", "fille": "daughter", "fils": "son",
    "enfants": "children", "femme": "wife", "mari": "husband", "copain": "boyfriend",
    "copine": "girlfriend", "ami": "friend", "amie": "friend", "amis": "friends",
    "patron": "boss", "patronne": "boss", "cheffe": "boss", "collègue": "colleague",
    "voisin": "neighbour", "voisine": "neighbour", "compagnon": "partner",
    "compagne": "partner", "belle-mère": "mother-in-law", "beau-père": "father-in-law",
    "belle-sœur": "sister-in-law", "beau-frère": "brother-in-law",
    # Dutch
    "moeder": "mother", "vader": "father", "zus": "sister", "zusje": "sister",
    "zuster": "sister", "broer": "brother", "broertje": "brother", "ouders": "parents",
    "grootmoeder": "grandmother", "grootvader": "grandfather", "oom": "uncle",
    "dochter": "daughter", "zoon": "son", "kinderen": "children", "vrouw": "wife",
    "man": "husband", "vriend": "friend", "vriendin": "friend", "vrienden": "friends",
    "baas": "boss", "collega": "colleague", "collega's": "colleagues", "buurman": "neighbour",
    "buurvrouw": "neighbour", "schoonmoeder": "mother-in-law", "schoonvader": "father-in-law",
    # Italian
    "sorella": "sister", "fratello": "brother", "genitori": "parents", "zia": "aunt",
    "zio": "uncle", "cugina": "cousin", "cugino": "cousin", "figlia": "daughter",
    "figlio": "son", "figli": "children", "moglie": "wife", "marito": "husband",
    "ragazzo": "boyfriend", "ragazza": "girlfriend", "amica": "friend", "amico": "friend",
    "amici": "friends", "capo": "boss", "colleghi": "colleagues", "vicina": "neighbour",
    "vicino": "neighbour", "suocera": "mother-in-law", "suocero": "father-in-law",
    # Portuguese
    "mãe": "mother", "pai": "father", "irmã": "sister", "irmão": "brother", "pais": "parents",
    "avó": "grandmother", "avô": "grandfather", "filha": "daughter", "filho": "son",
    "filhos": "children", "namorado": "boyfriend", "namorada": "girlfriend",
    "chefe": "boss", "colega": "colleague", "colegas": "colleagues", "vizinha": "neighbour",
    "vizinho": "neighbour", "sogra": "mother-in-law", "sogro": "father-in-law",
    # Polish, with the cases a relation is most often written in ("z moją siostrą")
    "matka": "mother", "matki": "mother", "matką": "mother", "ojciec": "father",
    "ojca": "father", "siostra": "sister", "siostry": "sister", "siostrą": "sister",
    "siostrze": "sister", "brat": "brother", "brata": "brother", "bratem": "brother",
    "rodzice": "parents", "rodzicami": "parents", "rodziców": "parents",
    "babcia": "grandmother", "babci": "grandmother", "babcią": "grandmother",
    "dziadek": "grandfather", "dziadka": "grandfather", "ciocia": "aunt", "wujek": "uncle",
    "córka": "daughter", "córki": "daughter", "córką": "daughter", "syn": "son",
    "syna": "son", "synem": "son", "dzieci": "children", "żona": "wife", "żony": "wife",
    "żoną": "wife", "mąż": "husband", "męża": "husband", "mężem": "husband",
    "chłopak": "boyfriend", "dziewczyna": "girlfriend", "przyjaciółka": "friend",
    "przyjaciel": "friend", "szef": "boss", "szefowa": "boss", "sąsiad": "neighbour",
    "sąsiadka": "neighbour", "mama": "mother", "mamy": "mother", "mamą": "mother",
    "tata": "father", "taty": "father", "tatą": "father",
}
#: Possessives before a relation ("my", "mi", "meine", "ma", ...): the writer's own.
_POSSESSIVE = (r"my|our|mi|mis|nuestra|nuestro|mein|meine|meinem|meinen|meiner|unsere|unser"
               r"|unserer|unserem|ma|mon|mes|notre|nos"
               r"|mijn|m'n|onze|ons|mia|mio|miei|mie|nostra|nostro|nostri|minha|meu|meus|minhas"
               r"|nossa|nosso|moja|mój|moje|mojej|mojego|mojemu|moją|moim|nasza|nasz|naszej"
               r"|naszego")
_ADJECTIVE = r"(?:(?:late|little|big|older|younger|old|best|dear|new|ex-|step-?)\s*)?"
#: Kin names people use as names, capitalised or not ("Mum", "dad", "Oma", "maman").
_KIN: dict[str, str] = {
    "mum": "Mum", "mom": "Mom", "mam": "Mam", "mummy": "Mummy", "mommy": "Mommy",
    "mama": "Mama", "mamá": "Mamá", "maman": "Maman", "dad": "Dad", "daddy": "Daddy",
    "papa": "Papa", "papá": "Papá", "grandma": "Grandma", "granny": "Granny",
    "gran": "Gran", "nan": "Nan", "nana": "Nana", "nanna": "Nanna", "grandad": "Grandad",
    "granddad": "Granddad", "grandpa": "Grandpa", "oma": "Oma", "opa": "Opa",
    "abuelita": "Abuelita", "abuelito": "Abuelito", "mamie": "Mamie", "papi": "Papi",
    "papy": "Papy", "mamma": "Mamma", "papà": "Papà", "nonna": "Nonna", "nonno": "Nonno",
    "vovó": "Vovó", "vovô": "Vovô", "babcia": "Babcia", "dziadek": "Dziadek",
}
#: The kin names as written in a digest ("Mum", "Oma").
KIN_NAMES = frozenset(_KIN.values())


def _trie(words: Iterable[str]) -> str:
    """A pattern matching any of `words`, longest first, written as a tree of their letters
    ("m(?:y|i(?:s)?|…)"): a month's texts are read by it in half the time a flat list of
    alternatives takes, with the same matches."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    escape = re.escape

    def pattern(node: dict[str, dict]) -> str:  # built at import: kept lean (~1 ms)
        branches = [escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return pattern(tree)


def _kept_pattern(kind: str, words: Iterable[str], build: Callable[[], str]) -> str:
    """`build()`, a pattern written from `words`, or the text kept between processes under
    a name derived from `kind`, the words and this module's code (`reading.kept_table`)."""
    from mirror.engine.reading import code_hash, kept_table

    found: str = kept_table(kind, code_hash(__name__), ["\0".join(words).encode()], build,
                            lambda value: isinstance(value, str))
    return found


# Written on first use (~1.5 ms for the three trees), then kept: an entry without a
# relation or a kin name never needs them, and the trees are the same from one run to the
# next.
_RELATION_RE = LazyPattern(lambda: _kept_pattern(
    "relation-pattern", [_POSSESSIVE, _ADJECTIVE, *_RELATIONS],
    lambda: rf"\b(?:{_trie(_POSSESSIVE.split('|'))})\s+{_ADJECTIVE}({_trie(_RELATIONS)})\b"),
    re.IGNORECASE)
_KIN_RE = LazyPattern(lambda: _kept_pattern(
    "kin-pattern", _KIN, lambda: rf"\b({_trie(_KIN)})\b(?!-in-law)"), re.IGNORECASE)

def _upper_class() -> str:
    """A character class of the capital letters of the alphabets Mirror reads (Latin with
    its extensions, Greek, Cyrillic): `re` has no class for them, and `[^\\W\\d_a-z]` also
    takes a lower-case letter outside ASCII ("Zosia śpi" read as a name of two words)."""
    ranges: list[tuple[int, int]] = []
    for code in (*range(0x41, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x1F00)):
        if chr(code).isupper() or chr(code).istitle():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in ranges) + "]"


#: A capital letter (`_upper_class`).
_UP = _upper_class()


#: Nationalities, languages, peoples: capitalised, never a person of the writer's life.
_NATIONALITIES = frozenset("""
english british scottish welsh irish american canadian australian mexican brazilian
argentinian argentine chilean colombian peruvian cuban venezuelan spanish french german
italian portuguese dutch belgian swiss austrian polish czech slovak hungarian romanian
bulgarian greek turkish russian ukrainian swedish norwegian danish finnish icelandic
estonian latvian lithuanian serbian croatian bosnian albanian chinese japanese korean
vietnamese thai indonesian malaysian filipino indian pakistani bangladeshi nepalese
iranian persian iraqi syrian lebanese israeli jewish arab arabic egyptian moroccan
algerian tunisian nigerian ghanaian kenyan ethiopian somali african asian european latin
latino latina hispanic catalan basque galician cantonese mandarin hindi urdu bengali
punjabi tamil swahili hebrew yiddish celtic nordic scandinavian caribbean jamaican
christian muslim catholic protestant buddhist hindu sikh anglican orthodox
inglés inglesa francés francesa alemán alemana español española italiano italiana
englisch deutsch französisch spanisch italienisch anglais anglaise français française
allemand allemande espagnol espagnole italien italienne
""".split())
#: Holidays and festivals, and the calendar: capitalised, never people.
_CALENDAR = frozenset("""
christmas xmas easter halloween thanksgiving passover hanukkah chanukah diwali eid
ramadan lent advent pentecost whitsun hogmanay midsummer valentine valentine's
navidad pascua nochebuena nochevieja weihnachten ostern silvester noël noel pâques toussaint
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
thursdays fridays saturdays sundays today tomorrow yesterday tonight
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
lunes martes miércoles jueves viernes sábado domingo
januar februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag
freitag samstag sonntag janvier février mars avril mai juin juillet août septembre
octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche
god lord jesus allah internet wifi tv covid
""".split())
#: Short forms of the calendar people write ("Tues and Thurs", "Sat/Sun") beyond those
#: dateparser knows.
_CALENDAR_SHORT = frozenset("mon tue tues wed weds thu thur thurs fri sat sun jan feb mar apr "
                            "jun jul aug sep sept oct nov dec".split())


#: The languages whose calendar names and word lists Mirror reads (`_calendar_names`,
#: `_frame_words`).
_LANGUAGES = ("en", "es", "de", "fr", "it", "nl", "pt", "pl")


@cache
def _calendar_names() -> frozenset[str]:
    """Month and weekday names and their short forms in every language Mirror reads, from
    dateparser's maintained translation data (installed with Mirror), and `_CALENDAR_SHORT`.
    The data files are read as text, not imported: importing dateparser costs ~130 ms, a
    digest's whole budget for names. A name of three letters or fewer is taken only from
    the English data: "Pn" or "Mi" elsewhere are too likely initials or a word. Kept between
    processes, named by the files' hashes (`_kept_words`): scanning them cost ~2 ms."""
    spec = importlib.util.find_spec("dateparser")  # a top-level package: found, not imported
    if spec is None or spec.origin is None:
        return frozenset(_CALENDAR_SHORT)
    root = Path(spec.origin).parent / "data" / "date_translation_data"
    files = {language: root / f"{language}.py" for language in _LANGUAGES}
    keys = _file_keys(files)
    sources: dict[str, str] = {}
    if keys is None:
        for language, path in files.items():
            try:
                sources[language] = path.read_text("utf-8")
            except OSError:
                continue

    def build() -> frozenset[str]:
        if keys is not None:  # named by the files' hashes: read only to build
            for language in keys:
                try:
                    sources[language] = files[language].read_text("utf-8")
                except OSError:
                    continue
        names: set[str] = set(_CALENDAR_SHORT)
        for language, source in sources.items():
            for block in _CALENDAR_ENTRY.findall(source):
                for name in re.findall(r'"([^"]+)"', block):
                    name = name.lower().rstrip(".")
                    if len(name) > 3 or language == "en":
                        names.add(name)
        return frozenset(names)

    named = ([f"{k}\0{v}".encode() for k, v in sources.items()] if keys is None
             else [f"{k}\0sha256:{v}".encode() for k, v in keys.items()])
    return _kept_words("calendar-names", named, build)


def _file_keys(files: dict[str, Path]) -> dict[str, str] | None:
    """Each readable file's SHA-256 by its name in `files`, remembered by the file's stat
    in the cache folder (`mirror.file_digests`), so an unchanged file is not read to name a
    kept table; None without a cache folder (nothing is kept: the caller reads the files)."""
    from mirror.constitution import cache_dir
    from mirror.file_digests import file_sha256

    folder = cache_dir()
    if folder is None:
        return None
    keys: dict[str, str] = {}
    for name, path in files.items():
        try:
            keys[name] = file_sha256(folder, path)
        except OSError:
            continue
    return keys


def _kept_words(kind: str, sources: Sequence[bytes], build: Callable[[], frozenset[str]]) -> frozenset[str]:
    """`build()`, or the word set kept between processes under a name derived from `kind`,
    the `sources` it reads and this module's code (`reading.kept_table`: word lists only)."""
    from mirror.engine.reading import code_hash, kept_table

    found: frozenset[str] = kept_table(kind, code_hash(__name__), sources, build,
                                       lambda value: isinstance(value, frozenset))
    return found


#: `"january": ["jan", "january", ...]` in dateparser's data: a month's or a weekday's names.
_CALENDAR_ENTRY = LazyPattern(r'^\s*"(?:january|february|march|april|may|june|july|august|'
                             r'september|october|november|december|monday|tuesday|wednesday|'
                             r'thursday|friday|saturday|sunday)":\s*\[([^\]]*)\]', re.MULTILINE)


#: Words before a name that make it a person ("with Sam", "told Maya", "con Ana").
_BEFORE = frozenset("""
with and told tell tells asked ask asks met meet meets called call calls texted text
texts phoned rang messaged emailed hugged hug kissed thanked invited helped
miss missed trust trusted forgave blamed dinner lunch dropped visited fetched
coffee date drinks beside behind w/ con y mit und avec et dear
appelé rencontré embrassé remercié llamé abracé gebeld
""".split())
#: "talked to Sam", "wrote to Ana": a "to" that follows one of these is a person's.
_TO_VERBS = frozenset("talked spoke speak talk wrote write said say lied listened listen "
                      "sent gave give apologised apologized explained explain replied "
                      "waved smiled apologise apologize reply wave smile lie "
                      "listening talking speaking writing".split())
#: "je ne le dis à personne, même pas à Karim", "se lo conté a Lucía", "ho detto a Marco":
#: an "à" or "a" after one of these is a person's (not "je vais à Lyon", "fui a Sevilla").
_SAID_TO = frozenset("""
dis dit dire parlé parle parler écrit écris demandé demande raconté raconte expliqué
explique envoyé envoie donné donne téléphoné répondu avoué menti souri
dije dijo digo decir conté contó cuento pregunté preguntó hablé habló escribí escribió
mandé mandó expliqué explicó llamé llamó sonreí sonrió
escrito dicho contado hablado preguntado mandado escribirle decirle contarle hablarle
preguntarle explicarle
detto dico chiesto parlato raccontato spiegato telefonato mandato scritto
disse contei perguntei falei escrevi mandei expliquei liguei
dizer contar falar decir contar hablar explicar escribir dire raconter parler écrire dirlo
""".split())
#: "a text from Sam", "heard from Ana": a "from" after one of these is a person's.
#: (Not "a card from", "a parcel from": those come from places too.)
_FROM_NOUNS = frozenset("text texts message messages call calls email emails present gift gifts "
                        "note notes hug heard voicemail invite invitation".split())
#: A capital beside "&" is part of a firm's name ("a place called Ember & Oak messaged me").
_AMPERSAND = LazyPattern(r"\s*&\s*")
#: "Message de Julien", "una llamada de Ana", "Nachricht von Till", "wiadomość od Oli": what
#: someone sends, then whose it is.
_OF_SENDER = frozenset("de da di von van od".split())
_SENT = frozenset("message messages mensaje mensajes mensagem mensagens messaggio messaggi "
                  "nachricht nachrichten bericht berichtje appje wiadomość wiadomości sms texto "
                  "appel llamada anruf chiamata ligação telefoontje telefon mail email e-mail "
                  "carta lettre brief lettera list".split())
#: "Pienso en Javier", "je pense à Julien", "ich denke an Lea", "penso em Rui": someone
#: thought of, missed or trusted, where a place's "en" or "à" stands otherwise.
_THOUGHT_OF = frozenset("en a à an em aan o about of".split())
_THINKING = frozenset("""
pienso pensé pensaba pensando pensar confío confiaba sueño soñé
pense pensé pensais pensant penser songe songé
denke dachte denken gedacht
penso pensato pensavo pensare
penso pensei pensava pensar
denk dacht denken gedacht
myślę myślałam myślałem
thinking thought think dreamt dreamed worrying worried
""".split())
#: English verbs only people do (after a name: "Sam said", "Ana slept").
_AFTER_EN = frozenset("""
said says told tells asked asks called calls rang texted texts messaged replied laughed
laughs cried cries smiled smiles hugged hugs kissed kisses thinks thought knows knew
wants wanted loves loved hates hated feels felt promised admitted apologised apologized
yelled shouted sighed whispered agreed offered invited helped presented brought made
took walked drove came left slept sleeps woke sent gave read listened met moved
heard screamed pretended looked looks seemed seems sounded noticed remembered forgot forgets hasn't
doesn't didn't wasn't isn't won't can't couldn't wouldn't has had is was does did
and died
cooked baked named suggested caught picked bought fixed phoned stayed arrived joined paid
ordered grabbed nodded shrugged grinned winked insisted refused explained answered
kicked waved hugged squeezed teased
""".split())
#: ...and in every language Mirror reads ("Lena hat", "Femke zegt").
_AFTER = _AFTER_EN | frozenset("""
dijo llamó vino habló sonrió lloró rió está estaba tiene
sagte sagt hat hatte ist war lacht lachte weint weinte kam ruft rief
a dit est était rit riait pleure pleurait vient venait m'a
dice cuenta contó preguntó llegó escribió piensa quiere dit pense veut arrive
disse ride chiede chiese diz pergunta
perguntou zegt zei vraagt vroeg belde mówi powiedział powiedziała pyta zapytała
died nació murió falleció nasceu morreu faleceu nacque morì urodziła urodził zmarła zmarł
vindt vond kwam komt liep loopt stond lacht lachte huilde knikte denkt dacht wil wilde
kookte speelde sliep sprak vertelde vertelt appte stuurde bracht
ha detto dice rideva piangeva
mówi pyta śmieje płacze krzyczy dzwoni pisze uważa twierdzi chce myśli
""".split())
#: Polish words between a name and its verb ("Zosia się obraziła", "Ola mi powiedziała").
_PL_CLITICS = frozenset("się mi mu jej nam go ją mnie już też nie sam sama znowu".split())


def _polish_acts(after: list[str]) -> bool:
    """Whether the words after a name are a Polish verb in the past of someone ("Ola
    przyniosła", "Paweł słuchał", "Zosia się obraziła"): a word ending in "ł", "ła" or
    "ły", a letter only Polish writes and only a verb's past ends on after a name."""
    if after and after[0] in _PL_CLITICS:
        after = after[1:]
    return bool(after) and len(after[0]) > 2 and after[0].endswith(("ł", "ła", "ły"))
_AFTER_STRONG = _AFTER - {"is", "was", "has", "had", "does", "did", "and", "est", "a",
                          "ist", "war", "hat", "hatte", "está", "estaba", "tiene"}
#: "his", "her" or "him" later in the sentence a name opens, or in the one after it ("Tom
#: moved his stuff out today", "Luis sent a video of her yawning", "Marek called from Leeds.
#: Good to hear him."): the writer goes on about people, not a thing's doing ("Ambulance
#: took 22 minutes. I counted.").
_HIS_OR_HERS = LazyPattern(r"[^.!?;:\n]{0,60}?(?:[.!?]+[^\S\n]+[^.!?;:\n]{0,60}?)?"
                           r"(?<![\w'’-])(?:his|her|him|himself|herself)(?![\w'’-])")
#: A role before a name in apposition: "my manager, Priya", "the nurse, Joy".
_ROLES = frozenset(set(_RELATIONS) | set("nurse doctor midwife vicar priest coach tutor "
                                        "physio physiotherapist dentist optician pharmacist "
                                        "paramedic receptionist postman plumber electrician "
                                        "recruiter solicitor lawyer accountant "
                                        # a head of state or a monarch, said as a figure
                                        # ("como se viesse o Presidente"): a role
                                        "president presidente président präsident prezydent "
                                        "king queen rei rainha rey reina roi reine könig "
                                        "königin koning koningin król królowa "
                                        "arzt ärztin hausarzt hausärztin pfleger pflegerin "
                                        "krankenschwester hebamme anwalt anwältin "
                                        "médecin pédiatre infirmière infirmier avocat avocate "
                                        "médico médica doctora enfermera enfermero enfermeira "
                                        "pediatra abogado abogada advogado advogada "
                                        "matrona comadrona partera sage-femme parteira "
                                        "colleague friend neighbour neighbor boss manager "
                                        "therapist counsellor counselor teacher landlord "
                                        "landlady surgeon consultant carer caregiver editor agent "
                                        "publisher nanny childminder trainer mentor supervisor "
                                        "professor lecturer classmate teammate cleaner "
                                        "pflegerin betreuerin lektorin trainerin "
                                        "éditrice éditeur nounou editora cuidadora "
                                        "redacteur verzorgster opiekunka "
                                        "dottoressa dottore infermiera infermiere medica "
                                        "maestra maestro professoressa professore "
                                        "dokter huisarts verpleegster verpleegkundige juf "
                                        "lekarz lekarka pielęgniarka doktor "
                                        "enfermeira professora".split())
                  # someone not yet known by name ("a woman, Kendra", "una chica, Ainhoa")
                  | set("woman man girl guy lady chica chico mujer hombre señora señor "
                        "homme garçon mädchen ragazza ragazzo donna uomo mulher homem "
                        "rapaz moça vrouw meisje jongen kobieta mężczyzna dziewczyna "
                        "chłopak".split()))
_PLACE_BEFORE = frozenset("in at from to into near towards toward via en à au aux de del "
                          "nach bei im am aus zum zur von "
                          # Polish "w Krakowie", "do Wrocławia"; Dutch "naar Utrecht", "uit
                          # Gent"; Portuguese "em Lisboa"; French "dans"
                          "w we do naar uit em dans".split())
_NOUN_ENDINGS = ("en", "ung", "heit", "keit", "schaft", "tion", "tät", "ei", "nis", "chen")
#: A capitalised word and where it stands.
_CAP = LazyPattern(rf"(?<![\w'’-])({_UP}[^\W\d_]+(?:-[^\W\d_]+)*)(?:['’]s)?(?![\w'’-])")
#: A break that makes the next capital the start of something (not a name by position).
_CLAUSE_END = LazyPattern(r"[,;:]\s*$")
_STARTER = LazyPattern(r"(?:[.!?…:;\"“”‘(\[#@*•\-–—]\s*|\n\s*|^\s*)$")
_WORD = LazyPattern(r"[\w'’-]+")


#: How many words before a capital are read: "said something in Italian to Murphy" is a
#: "to" of speaking four words after its verb.
_REACH = 6


#: A title's full stop ("O Sr. Duarte", "Mrs. Hale", "la Dra. Quintana"): no sentence ends there.
_TITLE_DOT = LazyPattern(r"(?<![\w'’-])(dr|dra|mr|mrs|ms|prof|sr|sra|srta|dña|mme|mlle|hr)\.(?=\s)",
                        re.IGNORECASE)


def _after_title(text: str, start: int) -> bool:
    """Whether the word at `start` follows a title and its full stop ("Sr. Moreira")."""
    return _TITLE_DOT.search(text, max(0, start - 7), start) is not None


_WRAPPED = LazyPattern(r"(?<=[^\W\d_,])[ \t]*\n[ \t]*(?=[^\W\d_A-ZÀ-ÖØ-Þ])")


def _context(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Up to `_REACH` words before `start` (same clause) and two after `end`, lower case."""
    before = _TITLE_DOT.sub(r"\1 ", text[max(0, start - 60):start])
    # A line break inside a sentence (prose wrapped by hand: "même\npas à Karim") is a
    # space; one before a capital, a mark or a blank line ends what came before.
    before = _WRAPPED.sub(" ", before)
    cut = max(before.rfind(c) for c in ".!?;:\n")
    before_words = [w.lower() for w in _WORD.findall(before[cut + 1:])][-_REACH:]
    after = text[end:end + 40]
    # A comma ends what follows a name too: "Finished Normal People, cried at the end" is
    # the writer crying, not "People".
    stop = min([i for i in (after.find(c) for c in ".!?;:,\n") if i >= 0] or [len(after)])
    after_words = [w.lower() for w in _WORD.findall(after[:stop])][:2]
    return before_words, after_words


def _as_person(text: str, m: re.Match[str] | _Joined, capitalised_nouns: bool,
               before: list[str], after: list[str]) -> bool:
    """Whether the capitalised word at `m`, with the words `_context` found around it,
    stands where a person stands (rule 2)."""
    owner = m.group(0).endswith(("'s", "’s"))
    prev = before[-1] if before else ""
    spoken_to = (prev == "to" and any(w in _TO_VERBS for w in before[:-1])) or \
        (prev in ("à", "a", "al") and any(w in _SAID_TO for w in before[:-1])) or \
        (prev == "from" and len(before) > 1 and before[-2] in _FROM_NOUNS) or \
        (prev in _OF_SENDER and len(before) > 1 and before[-2] in _SENT) or \
        (prev in _THOUGHT_OF and len(before) > 1 and before[-2] in _THINKING) or \
        (prev in ("for", "of") and len(before) > 1 and before[-2] in _FELT_FOR) or \
        (prev == "at" and len(before) > 1 and before[-2] in _AT_SOMEONE)
    # ("a text from Sam", "grateful for Ellie", "so proud of Ife")
    if (prev in _PLACE_BEFORE or from_place(prev, m.group(1))) and not spoken_to:
        return False
    if capitalised_nouns:
        return prev in ("mit", "und") or bool(after and after[0] in _AFTER_STRONG)
    if prev == "and" and _joined_to_a_name(text, m.start()):
        # "Ollie and Dev", "Mum and Ana": an "and" joins a person to a person; "his pension
        # and Oasis", "Tues and Thurs" join things, and only a person's verb after it makes
        # one a person ("…jammed twice, and Ruth brought in lemon cake").
        return True
    if prev == "and":
        return bool(after) and after[0] in _AND_ACTS
    if _names_a_thing(before):
        return False  # "The mouse is called Wren", "will not be called Keith": a naming
    if prev in _BEFORE or spoken_to or prev in _TITLES:
        return True  # "with Sam", "told Maya", "Dr Okafor"
    if (prev in _ROLES and _apposed(text, m.start(), prev)) or _apposed_far(text, m.start(), before, m.end()):
        return True
    if owner and _owns(text, m.end(), after):
        return True
    if _polish_acts(after) or _with_their_own(text, m.end()):
        return True  # "Ola przyniosła", "Basti und sein Cousin"
    if prev in ("z", "ze") and m.group(1).endswith(("ą", "em")):
        return True  # "z Zosią", "z Pawłem": Polish "with", a name in its instrumental
    if after and after[0] in _AFTER and not (after[0] == "and" and after[1:2] != ["i"]):
        return after[0] not in ("is", "was", "has", "had", "does", "did", "and") or \
            (len(after) > 1 and after[1] in ("i", "me", "my", "so", "always", "never", "still"))
    return False


#: Titles before a surname ("Dr Okafor", "Mrs Patel"): a person, however the sentence goes.
_TITLES = frozenset("dr dra mr mrs ms miss prof mx sr sra srta dña doña don dona dom herr herrn "
                    "frau mme mlle".split())
#: After "and", verbs that make the name a person ("…jammed twice, and Ruth brought in
#: lemon cake"); not those a company does as well ("…and Evri says it was delivered").
_AND_ACTS = frozenset("brought told asked texted hugged came cooked drove walked sat cried "
                      "laughed smiled sighed kissed hugs laughs cries smiles swapped helped "
                      "covered invited lent picked stayed".split())
#: What is done "at" someone, never at a place: "she smiled at Tom", "shouted at Kevin".
_AT_SOMEONE = frozenset("smiled smiles laughed laughs shouted shouts yelled yells snapped "
                        "grinned winked waved stared glared".split())
#: Feelings for someone before "for" or "of": "grateful for Ellie", "so proud of Ife".
_FELT_FOR = frozenset("grateful thankful proud fond scared jealous".split())
#: Verbs after a name that only a person does (a company "says", "sends" and "calls" too).
_ONLY_PEOPLE_DO = frozenset("laughed laughs cried cries smiled smiles hugged hugs kissed kisses "
                            "sighed whispered yelled shouted screamed slept sleeps woke apologised "
                            "apologized pretended forgot forgets admitted lloró rió sonrió "
                            "lacht lachte weint weinte rit riait pleure pleurait "
                            # born and dying: "Emilia nació a las 18:02"
                            "nació murió falleció nasceu morreu faleceu nacque morì".split())
_NOT_ONLY_PEOPLE = frozenset({"and", "coffee", "lunch", "dinner", "drinks", "date"})


_NEXT_WORD = LazyPattern(r"\s+([^\W\d_])")


def _owns(text: str, end: int, after: list[str]) -> bool:
    """Whether the word before `end`, written with "'s", owns the word after it ("Ana's
    nose", "Tom's mum"): a word in lower case that is no function word. Not a title's
    next capital ("World's Okayest Teacher") nor a conjunction or preposition after a
    disease or a firm ("Alzheimer's plus some vascular", "Schwebel's for 31 years")."""
    if not after or not after[0].isalpha() or after[0] in _function_words() or \
            after[0] in ("plus", "disease", "syndrome"):
        return False
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).islower()


#: Whose a relation is, before it: the writer's (`_POSSESSIVE`) or someone's.
_WHOSE = LazyPattern(rf"(?:^|[^\w'’])(?:{_POSSESSIVE}|his|her|their|your|zijn|haar|hun|je|jouw|sein|seine"
                    rf"|seinem|seiner|ihr|ihre|ihrem|ihrer|son|sa|ses|su|sus|suo|sua|seu|sua|dela|dele"
                    rf"|jego|jej|ich)\s+{_ADJECTIVE}[^\W\d_'’-]+\s*,?\s*$")


def _apposed_far(text: str, start: int, before: list[str], end: int | None = None) -> bool:
    """Whether the name at `start` follows a comma after a role and one word describing
    it ("una chica italiana, Giulia", "a tall woman, Kendra", "my new physio, Helen"), or
    stands between two commas a few words after a role ("Die Kollegin am Nebentisch,
    Merve, hat…", "the editor of the series, Joanna, said")."""
    if text[max(0, start - 2):start].strip(" ") != ",":
        return False
    if len(before) > 1 and before[-2] in _ROLES and before[-2] not in _RELATIONS:
        return True
    return end is not None and text[end:end + 1] == "," and any(w in _ROLES for w in before[-4:-1])


#: A name then "and his…", "und sein…", "y su…" and a relation: someone with a relation
#: of their own ("Basti und sein Cousin haben…", "Lou and her partner Ben").
_THEIR_OWN = LazyPattern(r"\s+(?:and|und|y|et|en|e|i)\s+(?:his|her|their|sein|seine|seinem|ihr|ihre|"
                        r"ihrem|su|sus|son|sa|ses|zijn|haar|jego|jej|suo|sua|seu)\s+([^\W\d_]+)",
                        re.IGNORECASE)


def _with_their_own(text: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by "and his/her <relation>"."""
    m = _THEIR_OWN.match(text, end)
    return m is not None and m.group(1).lower() in _RELATIONS


def _apposed(text: str, start: int, role: str) -> bool:
    """Whether the name at `start` stands beside the `role` before it: after a comma ("my
    boss, Ann", "a woman, Kendra"), or right after a job's name ("la enfermera Lupita",
    "Coach Dale"), never a relation's, which is also a word of another language ("son
    Lego": his Lego)."""
    gap = text[max(0, start - 2):start].strip(" ")
    if gap in (",", ""):
        return True
    # Right after a job's name ("la enfermera Lupita", "Coach Dale"), or after a relation
    # someone has ("zijn vrouw Riet", "his wife Ann"): not "avec son Lego", where "son" is his.
    return gap == role[-1:] and (role not in _RELATIONS or _WHOSE.search(
        text[max(0, start - 40):start].lower()) is not None)


#: "is called", "be called": how a thing is named ("The mouse is called Wren"), not a call.
_BE = frozenset("is was be been being are were 's".split())


#: "something called Strategic Initiatives", "une appli qui s'appelle…", "un sitio llamado…":
#: a thing's name, however it is written after.
_NAMED_THING = frozenset("called named llamado llamada llamadas appelé appelée genannt chiamato "
                         "chiamata chamado chamada genaamd zwany zwana".split())
_THINGS = frozenset("something thing app place company team department project show series "
                    "band shop restaurant bar café cafe game algo cosa sitio lugar empresa "
                    "truc chose endroit appli société etwas ding firma laden qualcosa posto "
                    "azienda coisa lugar iets ding bedrijf coś miejsce firma".split())


def _names_a_thing(before: list[str]) -> bool:
    """Whether the words before a name say what something is called ("The mouse is
    called Wren", "will not be called Keith"): a name given, to a pet, a book, a boat as
    often as to a person, and no sign of one ("a woman called Kendra" is, by her role)."""
    return len(before) > 1 and ((before[-1] == "called" and before[-2] in _BE) or (
        before[-1] in _NAMED_THING and before[-2] in _THINGS))


def _only_a_person(text: str, m: re.Match[str] | _Joined, before: list[str], after: list[str]) -> bool:
    """Whether the name at `m` stood where only a person stands: "with Sam", "told Maya",
    "my boss, Ann", "Sam laughed" — not where a company stands as well ("an email from
    Brightwave", "Brightwave said no", "Brightwave's offer")."""
    prev = before[-1] if before else ""
    if _names_a_thing(before):
        return False
    if (prev in _BEFORE and prev not in _NOT_ONLY_PEOPLE and prev not in _PLACE_BEFORE) or \
            prev in _TITLES:
        return True
    if (prev in _ROLES and _apposed(text, m.start(), prev)) or _apposed_far(text, m.start(), before, m.end()):
        return True
    if prev == "and" and _joined_to_a_name(text, m.start()):
        return True
    if prev == "to" and any(w in ("talked", "spoke", "talk", "speak", "listened", "waved",
                                  "smiled", "apologised", "apologized", "lied")
                            for w in before[:-1]):
        return True
    return bool(after) and after[0] in _ONLY_PEOPLE_DO


#: Words after a sentence's first word that make it someone acting or being ("Helen would
#: have been 60", "Tom always…"), beside `_AFTER`.
_OPENING_NEXT = frozenset("would will can could should might must always never still just "
                          "really finally used keeps kept".split())
#: The writer as someone's object or owner ("me", "mi", "moi", "mnie", "my", "mon"): a
#: name that opens a sentence and does something to them within two words is someone.
_ME = frozenset("me my mi mis moi mon ma mes mij mijn mnie mój moje moją mich mir mein meine "
                "meinen meinem".split())
#: Verbs whose subject is what is liked or lacked, not a doer ("Madrid me encanta").
_LIKED = frozenset("gusta gustan gustó encanta encantan encantó falta faltan duele duelen "
                   "apetece preocupa molesta parece pareció piace piacciono piaceva manca "
                   "mancano plaît plaisait manque manquent agrada faz".split())


#: Object pronouns written before their verb ("Chuy me regaló", "Marco mi ha detto"):
#: a sentence opening on a word and one of these is someone's doing.
_CLITIC_ME = frozenset("me mi".split())
#: How the verb after such a pronoun ends in the languages that write it there.
_VERB_ENDS = ("ó", "ió", "aba", "ía", "é", "ait", "it", "ou", "eu", "iu", "va", "ha", "ho",
              "dice", "dijo", "disse", "dit", "ado", "ido", "ato", "ito")


def _toward_me(after: list[str]) -> bool:
    """Whether the two words after a sentence's first word are a verb done to the writer
    ("Slacked me", "pulled my", "vio mi", "me regaló", "m'a dit"): who did it is someone.
    Not a verb opening a diary line itself ("Texted me back", "Updated my CV"), nor one
    whose subject is what is liked ("Madrid me encanta")."""
    if len(after) < 2:
        return False
    first, second = after[0], after[1]
    if first.startswith(("m'", "m’")):
        return True  # "Julien m'a écrit"
    if first in _CLITIC_ME:
        return second in ("ha", "hanno", "ont", "han") or (
            second not in _LIKED and second not in _function_words() and second.endswith(_VERB_ENDS))
    return second in _ME and first not in _function_words() and first not in _LIKED \
        and first not in _ME and first.isalpha()


#: Texts a name must open a sentence in, before a verb, to be a person by that alone.
OPENINGS = 2

_AND_BEFORE = LazyPattern(r"([\w'’-]+)\s+and\s+$")
_PEOPLE_WORDS = frozenset("me him her us them i you".split())


def _joined_to_a_name(text: str, start: int) -> bool:
    """Whether the "and" just before `start` follows a name or a person's word ("Ollie
    and", "me and", "Mum and"), not a thing ("pension and", "Tues and")."""
    m = _AND_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1).removesuffix("'s").removesuffix("’s")
    norm = word.lower()
    ahead = _WORD.findall(text[max(0, m.start() - 30):m.start()])
    if ahead and ahead[-1].lower() in _PLACE_BEFORE | _THING_BEFORE:
        return False  # "at Boots and Primark": a place joined to a place
    if norm in _PEOPLE_WORDS or norm in _KIN or norm in _RELATIONS:
        return True
    return word[:1].isupper() and not _excluded(word, norm, _function_words())


_GERMAN = frozenset("und ich nicht ist aber auch mit der die das habe bin wir sie".split())
#: Words a German noun follows and a name does not: articles, possessives, determiners and a
#: preposition joined to its article ("meine Stimme", "nach der Probe", "auf die Füße",
#: "im Chor"). German writes every noun with a capital, so the capital says nothing there;
#: a word written after one of these anywhere in the period is a thing.
_GERMAN_DETERMINERS = frozenset("""
der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
keines mein meine meinen meinem meiner meines dein deine deinen deinem deiner deines sein
seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren
unserem unserer unseres euer eure euren eurem eurer eures jede jeden jedem jeder jedes
diese diesen diesem dieser dieses jene jenen jenem jener welche welchen welchem welcher
alle allen aller viele vielen beide beiden einige einigen manche manchen mehrere
im am zum zur beim vom ins ans aufs übers fürs durchs ums unterm hinterm vorm
""".split())
#: German verbs after a name that say someone spoke, felt or acted ("Ute sagt", "Jonas
#: lachte", "Mira meinte"); not "ist", "war", "hat" alone, which nouns take as often.
_GERMAN_ACTS = frozenset("""
sagt sagte fragt fragte meint meinte erzählt erzählte ruft rief lacht lachte weint weinte
lächelt lächelte umarmt umarmte schreibt schrieb antwortet antwortete kommt kam bringt brachte
schickt schickte hilft half weiß wusste will wollte findet fand denkt dachte glaubt glaubte
hofft hoffte versteht verstand liebt liebte vermisst vermisste freut freute schimpft schimpfte
meckert meckerte schläft schlief spricht sprach redet redete telefoniert telefonierte besucht
besuchte kocht kochte nickt nickte flüstert flüsterte schreit schrie singt sang
""".split())
#: "Ute hat mich umarmt und gesagt…", "Mama hat angerufen", "Opa ist gestorben": the
#: auxiliary right after the name, then within the clause a participle only a person's
#: doing takes (not "Die Stimme hat gehalten", "Es hat geklappt").
_GERMAN_DONE = LazyPattern(
    r"(?:['’]s?)?\s+(?:hat|hatte|ist|war|haben|hatten)\b"
    r"(?:[^.!?;:\n„“”\"»«]|„[^“”\n]{0,30}[“”]|\"[^\"\n]{0,30}\"|»[^«\n]{0,30}«){0,70}?(?<![\w-])(?:"
    r"gesagt|gefragt|angerufen|zurückgerufen|geschrieben|erzählt|gelacht|geweint|umarmt|"
    r"geholfen|mitgebracht|gebracht|gegeben|geschenkt|entschuldigt|gemeint|geantwortet|"
    r"gezischt|geflüstert|geschrien|gerufen|angeschaut|angesehen|angenickt|angelächelt|"
    r"gelächelt|gekocht|geschickt|besucht|geküsst|versprochen|erklärt|gefreut|geschimpft|"
    r"gemeckert|gewunken|gewartet|abgeholt|angeboten|vorgeschlagen|zugehört|getröstet|"
    r"gestritten|telefoniert|geschlafen|aufgewacht|gekommen|angekommen|vorbeigekommen|"
    r"gestorben|eingeschlafen|geheiratet|verlassen|gekündigt|angeschrien|gelogen)(?![\w-])")


#: "mit Till im Büro geredet", "mit Lea telefoniert": what is done with someone, later in
#: the same clause.
_TALKED_WITH = LazyPattern(
    r"(?:[^.!?;:\n„“”\"»«,]){0,60}?(?<![\w-])(?:geredet|gesprochen|telefoniert|gestritten|"
    r"getroffen|verabredet|geschrieben|gechattet|gelacht|geweint|gefeiert|geknutscht|"
    r"reden|sprechen|telefonieren|streiten|treffen)(?![\w-])")


#: A name without its article, a word or two before a verb that takes a person at the end of
#: its clause ("ich soll Brandt einfach fragen", "Papa gleich anrufen"): only someone is
#: asked, rung or hugged ("eine Frage stellen" has its article; "Kurse besuchen" is why
#: "besuchen" is not here).
_GERMAN_ASKED = LazyPattern(
    r"(?:\s+[a-zäöüß]+){0,2}\s+(?:fragen|gefragt|anrufen|angerufen|anschreiben|angeschrieben|"
    r"umarmen|umarmt|trösten|getröstet|anlügen|angelogen|anschreien|angeschrien)(?![\w-])"
    r"\s*(?:[.,;!?…]|ob\b|und\b|$)")
#: The next sentence opening on "er" or "sie" and what someone says or does ("Antwort von
#: Brandt. Er schreibt, sechs Wochen…"): the name that ends the sentence before is who.
_GERMAN_HE_NEXT = LazyPattern(r"[^\S\n]*[.!?…]?\s+(?:Er|Sie)\s+([a-zäöüß]+)")


#: The verb after a German sentence's first word ending the sentence ("Lange telefoniert.",
#: the writer's "I" left out) — or a subject after it ("Heute sagt er") — leaves that first
#: word's part open; "Jonas sagt, er putzt morgen" goes on as his saying.
_GERMAN_VERB_ENDS = LazyPattern(r"(?:['’]s?)?\s+[\w'’-]+\s*(?:[.!?…\n]|$)")
_GERMAN_SUBJECTS = frozenset("ich du er sie es wir ihr man".split())


def _german_cue(text: str, m: re.Match[str] | _Joined, prev: str, after: list[str],
                starts: bool, before: Sequence[str] = ()) -> str:
    """How a capitalised word of a German text stands: "strong" where only a person
    stands (after a title or a relation: "Herr Albrecht", "Oma Hilde"; before a verb of
    speech or doing inside a sentence: "heute sagt Ute", "Ute hat mich umarmt", "Mama hat
    angerufen"), "opening" for a sentence's first word before such a verb ("Ute sagt",
    but also "Lange telefoniert": a name only when the journal writes it as one), "beside"
    after "mit" or "und" (where a noun without its article stands too: "mit Kopfhörern"),
    else ""."""
    if prev in _TITLES or prev in _RELATIONS or prev in _KIN:
        return "strong"
    from mirror.services import people_evidence  # a German name's context only

    if prev in people_evidence.IN_A_PLACE:
        return ""  # "der Kardiologe in Kassel sagt": the verb is the cardiologist's
    if prev == "mit" and _TALKED_WITH.match(text, m.end()):
        return "strong"  # "Mit Till im Büro geredet": talked with someone
    if after and (after[0] in _GERMAN_ACTS or after[0] in _AFTER_STRONG):
        # A German sentence puts its verb second whatever opens it: "Lange telefoniert"
        # ("talked for a long time") opens on a word, "Jonas sagt" on a name; the verb
        # says someone only inside a sentence.
        if not starts:
            return "strong"
        ends = _GERMAN_VERB_ENDS.match(text, m.end())
        return "opening" if ends or after[1:2] and after[1] in _GERMAN_SUBJECTS else "strong"
    if after and after[0] in ("hat", "hatte", "ist", "war", "haben", "hatten") and \
            _GERMAN_DONE.match(text, m.end()):
        return "strong"
    if starts and after[:1] in (["hat"], ["hatte"]) and after[1:2] in (["mir"], ["mich"], ["uns"]):
        return "strong"  # "Mira hat mir ein Foto … geschickt": someone did it to the writer
    if prev == "an" and any(w in _THINKING for w in before[-_REACH:]):
        return "strong"  # "denk ich die ganze Zeit an Mira": someone thought of
    if _apposed_far(text, m.start(), list(before), m.end()) or \
            _with_their_own(text, m.end()):
        return "strong"  # "Die Kollegin am Nebentisch, Merve, hat…", "Basti und sein Cousin"
    if not starts and prev not in _GERMAN_DETERMINERS and _GERMAN_ASKED.match(text, m.end()):
        return "strong"  # "ich soll Brandt einfach fragen, ob…"
    if not starts and prev in ("von", "bei", "vor", "an", "für", "über") and \
            (nxt := _GERMAN_HE_NEXT.match(text, m.end())) is not None and nxt.group(1) in _GERMAN_ACTS:
        return "strong"  # "Antwort von Brandt. Er schreibt…"
    if not starts and prev in ("mit", "und"):
        return "beside"
    return ""
#: A word of `_GERMAN` standing as a whole word of `_WORD` (the same test as splitting the
#: text into words, without building the list: a month is thousands of texts).
_GERMAN_RE = LazyPattern(r"(?<![\w'’-])(?:" + "|".join(sorted(_GERMAN)) + r")(?![\w'’-])")
_GERMAN_KIN = ("oma", "opa", "mama", "papa")
#: Words only Portuguese writes, two of which make a text Portuguese: there a name takes
#: the article ("a Marta comprou", "com o Henrique"), and a capital after "a" or "o" inside a
#: sentence is someone, not a thing (English "a Greggs sausage roll").
_PORTUGUESE = frozenset("não uma eu ele ela isto isso também você nós com muito já está "
                        "estou tenho foi ao pelo pela do na nas das às é são meu minha".split())
_PORTUGUESE_RE = LazyPattern(r"(?<![\w'’-])(?:" + "|".join(sorted(_PORTUGUESE)) + r")(?![\w'’-])")
_ARTICLES_PT = frozenset({"a", "o"})
#: Words only Polish writes, two of which make a text Polish.
_POLISH = frozenset("się że już jest był była było nie tylko mnie jej jak przez dla przy "
                    "więc też bardzo potem jeszcze teraz nas dziś żeby jego ją mu".split())
_POLISH_RE = LazyPattern(r"(?<![\w'’-])(?:" + "|".join(sorted(_POLISH)) + r")(?![\w'’-])")
#: "Camille et moi", "Nuria y yo": a name joined to the writer is someone.
#: Being born, in the languages Mirror reads: "Léa est née hier", "Ana was born at six",
#: "Tomás nació", "Mia ist geboren": only a person (or an animal, judged elsewhere) is.
_BORN = frozenset("born née né nées nés nata nato nacida nacido nasceu nascida nascido "
                  "geboren urodziła urodził urodzona urodzony".split())
_WITH_ME = (["and", "i"], ["and", "me"], ["et", "moi"], ["y", "yo"], ["e", "eu"], ["und", "ich"],
            ["e", "io"], ["en", "ik"], ["i", "ja"])
#: French and Portuguese past participles after "a" ("Théo a couru", "Zoé a fini"): a
#: sentence opened by someone who did something.
_PARTICIPLE_ENDS = ("é", "ée", "i", "u", "is", "it", "ert", "ado", "ido")
#: Letters `re.IGNORECASE` folds onto a Latin letter but `str.lower` does not ("ſ", the
#: Kelvin sign, dotless and dotted i).
_ODD_CASE = frozenset("\u017f\u212a\u0131\u0130")
#: The relation and kin patterns for lower-cased text (three times faster than IGNORECASE).
_RELATION_LOWER = LazyPattern(lambda: _RELATION_RE.pattern)
_KIN_LOWER = LazyPattern(lambda: _KIN_RE.pattern)


def plain_lower(text: str, lowered: str) -> bool:
    """Whether `lowered` (`text.lower()`) keeps every character where it was and reads as
    `re.IGNORECASE` reads `text`: then a lower-case pattern over `lowered` finds what the
    case-blind one finds over `text`, at the same places. Not for the rare text with a
    letter that lower-cases to two ("İ") or folds oddly ("ſ")."""
    return len(lowered) == len(text) and (text.isascii() or _ODD_CASE.isdisjoint(text))


#: Kin names and the relation they stand for: "your mother" and "Mum" are one person.
_KIN_RELATION: dict[str, str] = {
    **dict.fromkeys(("Mum", "Mom", "Mam", "Mummy", "Mommy", "Mama", "Mamá", "Maman", "Mamma"),
                    "mother"),
    **dict.fromkeys(("Dad", "Daddy", "Papa", "Papá", "Papi", "Papà"), "father"),
    **dict.fromkeys(("Grandma", "Granny", "Gran", "Nan", "Nana", "Nanna", "Oma", "Abuelita",
                     "Mamie", "Nonna", "Vovó", "Babcia"), "grandmother"),
    **dict.fromkeys(("Grandad", "Granddad", "Grandpa", "Opa", "Abuelito", "Papy", "Nonno",
                     "Vovô", "Dziadek"), "grandfather"),
}
#: A kin word after one of these is someone else's ("a dad at the park", "her mum").
_SOMEONE_ELSES = LazyPattern(r"(?:^|\W)(?:an|the|his|her|their|your|some|another|every|any|one|"
                            r"that|this|other|whose|el|la|un|una|der|die|ein|eine|le|une|"
                            # someone else's in the other languages: "ihre Oma in Chemnitz",
                            # "sa mamie", "su abuela", "zijn moeder", "jej babcia"
                            r"ihre|ihrer|ihrem|ihren|seine|seiner|seinem|seinen|su|sus|sa|son|"
                            r"ses|leur|leurs|sua|suo|sue|suoi|haar|zijn|hun|jej|jego)\s+$")
#: ...or after an article and one word: "the best dad", "le meilleur papa", "una buena mamá".
_SOMEONE_ELSES_FAR = LazyPattern(r"(?:^|\W)(?:the|an|le|la|un|une|el|una|der|die|ein|eine|"
                                r"um|uma)\s+(?:[^\W\d_]+\s+){1,2}$")
#: What only a person has: "Nadia's birthday", "Tom's wedding", "Ana's mum".
_ONLY_A_PERSON_HAS = frozenset("birthday birthdays wedding funeral hen stag christening "
                               "baby mum mom dad husband wife boyfriend girlfriend partner "
                               "kids children son daughter sister brother parents leaving "
                               "retirement graduation".split())
_MINE = frozenset("my mi mis mon ma mes mein meine meinem meiner meu minha".split())  # "el de mi papá"
_JOINS = frozenset("and or y o et ou und oder e".split())  # "the move and Mum": a new phrase
_OPENING_MARKS = {'"': '"', "“": "”", "«": "»", "„": "“"}


def _in_quotation(text: str, at: int) -> bool:
    """Whether `at` lies inside a quotation opened on its line: someone else's words."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    for opening, closing in _OPENING_MARKS.items():
        if opening == closing:
            if line.count(opening) % 2:
                return True
        elif line.rfind(opening) > line.rfind(closing):
            return True
    return False


_OWNER_BEFORE = LazyPattern(r"\w['’]s\s+$")  # "Tom's mum": his, not the writer's
_SOMEONE_ELSES_EN = LazyPattern(r"(?:^|\W)a\s+$")  # "a dad"; in Spanish "a mamá" is "to Mum"
_ENGLISH_KIN = frozenset("mum mom mam mummy mommy dad daddy grandma granny gran nan nanna "
                         "grandad granddad grandpa".split())
#: A relation followed by its name ("my sister Ana", "my partner is Haruka"): the name is
#: the person, counted once.
_NAMED = LazyPattern(r"(?:,\s*|\s+(?:is|was|es|era|ist|war|est|était)\s+|\s+)"
                    rf"({_UP}[^\W\d_]+(?:-[^\W\d_]+)*)")
#: Abbreviations written with a capital that are never a person on their own.
_ABBREVIATIONS = frozenset("st rd ave mt dr mr mrs ms prof jr sr ln sq co ltd inc dept uni "
                           "av avda pl bd herr herrn mme mlle sra srta dña doña".split())
#: Companies and services everyone writes about as if they acted ("Netflix is my only
#: friend this week", "Amazon sent the wrong one"): never people.
_BRANDS = frozenset("""netflix spotify amazon google apple microsoft tesco sainsbury's sainsburys
asda lidl aldi waitrose morrisons ikea zoom teams slack uber deliveroo facebook instagram
whatsapp tiktok youtube twitter linkedin starbucks costa mcdonald's ryanair easyjet
hmrc nhs""".split())
#: Endings of abstract nouns: "Expectations", "Management", "Happiness" are never people.
_ABSTRACT_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments", "ness", "nesses",
                     "ity", "ities", "ism", "isms", "ship", "ships")
#: Words after a capitalised word that make it a place or a thing ("Praed St", "the
#: Northern General", "Covered Market").
_PLACE_AFTER = frozenset("st street rd road lane avenue ave park station hospital general "
                         "market square bridge hotel cafe café centre center school "
                         "university college church hall house inn pub bar club line "
                         "account team".split()) | frozenset(
    # A company's last word ("Halvorsen Health", "Tristate Logistics", "Midwest Freight"):
    # a company is written where a person is ("an interview with Halvorsen Health").
    "health logistics solutions systems group labs ltd inc llc gmbh bank insurance "
    "partners consulting technologies tech media capital freight analytics software "
    "services foods energy motors airlines airways holdings industries corp corporation "
    "company agency studio studios pharma financial finance digital global recruitment "
    "associates networks telecom ventures".split())
#: How a name is given ("Her name is Iris", "a woman named Kendra", "They've called her
#: Inés", "se llama Marta", "sie heißt Lena", "elle s'appelle Julie"): the name is a person
#: wherever it stands in the sentence, its first word included.
_NAMING = LazyPattern(
    r"(?i:\b(?:(?:her|his|their|its|the baby's|baby's|whose) name(?:'s|\s+is|\s+was)"
    r"|named|called (?:her|him|them)|christened|se llama|se llamaba|la llamamos|lo llamamos"
    r"|le pusimos|le pusieron|heißt|hieß|genannt|nennen (?:sie|ihn)|s'appelle|s'appelait"
    r"|l'ont appelée?|l'avons appelée?|si chiama|si chiamava|l'hanno chiamat[ao]|heet|heette"
    r"|ma na imię|nazywa się|nazwali (?:ją|go)|chama-se|se chama|se chamava))"
    # A title after the naming word is not the name: "Mein Teamleiter heißt Herr Brandt".
    r"\s+(?:(?i:herr|frau|mr|mrs|ms|miss|dr|prof|monsieur|madame|señor|señora|signor|signora"
    r"|pan|pani|meneer|mevrouw)\.?\s+)?"
    rf"({_UP}[^\W\d_]+(?:-[^\W\d_]+)*)")
#: A piece of every cue of `_NAMING`: most texts hold none and skip the pattern.
_NAMING_KEYS = ("name", "called", "christened", "llam", "pusi", "heißt", "hieß", "genannt",
                "nennen", "appel", "chiam", "heet", "imię", "nazyw", "nazwali", "chama")
_THING_BEFORE = frozenset("the a an this that".split())
#: "de", "del", "di", "du": whose a thing is after a noun ("le vélo de Noé", "la casa de Ana"),
#: where a place's name is written too ("vengo de Sevilla").
_OF = frozenset("de del di du da van von".split())
#: Articles before that noun ("le vélo", "la casa", "il libro").
_ARTICLES = frozenset("le la les l un une el los las il lo gli i una uno o os as "
                      "de het een der die das den dem ein eine".split())
#: Words before a name that are part of how it is said ("Old Pete", "Aunt May"): the name
#: alone is the person too.
_EPITHETS = frozenset("old little big young uncle aunt auntie cousin granny grandma grandpa "
                      "nan sister brother father mother saint".split())
#: Where a person is from in the writer's life: "Marta from work", "Rob from uni".
_FROM_SOMEWHERE = LazyPattern(r"(?:['’]s)?\s+from\s+(?:work|uni|university|college|school|"
                             r"next door|upstairs|downstairs|across the road|the office|"
                             r"the team|church|choir|book club|the gym|my course|my class|"
                             r"plot \d+|number \d+|flat \d+|down the road|the allotments?|"
                             r"the ward|the library|the pub|the club|the shop)\b",
                             re.IGNORECASE)
#: A word then its verb then the sentence's end ("Lunches made.", "Bed made."): a thing
#: something was done to, not a person doing it.
_ENDS_ON_VERB = LazyPattern(r"(?:['’]s)?\s+[\w'’]+\s*[.!…;]")
_NEEDS_OBJECT = frozenset("made sent brought read took gave offered presented".split())
#: Uses of a capitalised word that make it a person without a person verb near it.
RECURRING = 3


@dataclass
class _Scan:
    """What one text says about people: who stood as a person (in order); who was found
    only as a sentence's first word before a verb (weaker: "School rang"); every word that
    could be a name, with how often it is written and how often inside a sentence; and
    the words written where a place or a thing stands ("in Lyon", "the Henderson account"),
    and those found by a cue only a person gets ("with Sam", "Sam laughed", "my boss, Ann"),
    not one a company gets too ("Brightwave said no", "an email from Brightwave")."""

    people: list[str]
    weak: set[str]
    possible: set[str]
    uses: Counter[str]
    inside: Counter[str]
    placed: set[str]
    personal: set[str] = field(default_factory=set)
    opened: set[str] = field(default_factory=set)
    #: Names found only by a cue a company gets as well ("another email from Norvale").
    shared: set[str] = field(default_factory=set)
    #: German names found only after "mit" or "und", where a capitalised noun stands too
    #: ("mit Lineal und allem", "Rechnungswesen und Java kommen noch").
    beside: set[str] = field(default_factory=set)
    #: Read as German: a capital there says nothing, so a word written often is no name by
    #: that alone (`RECURRING` does not apply).
    german: bool = False
    #: German words written after an article or a possessive ("die Stimme"): nouns.
    nouned: set[str] = field(default_factory=set)
    #: German names after a title or a relation ("Herr Albrecht", "Oma Hilde"), or speaking
    #: or doing without an article ("Jonas sagt"): people, though the period also writes
    #: an article before them ("der Jonas", as the south says).
    titled: set[str] = field(default_factory=set)
    #: Names that open a sentence before a verb and are then spoken of as "he" or "she"
    #: ("Graham had approved every direction in private, then in the room he reversed it").
    told_of: set[str] = field(default_factory=set)


#: Subject pronouns that are only "he" or "she" in the language that writes them (not
#: French "il", also "it", nor German "sie", also "they").
_SPOKEN_OF_AFTER = LazyPattern(r"(?<![\w'’-])(?i:he|she|él|ella|elle|lei|ele|ela|hij|ona)(?![\w'’-])")
#: Characters after such a name where its "he" or "she" is looked for (two sentences or so).
_SPOKEN_REACH = 160


_DIGIT_NEAR = LazyPattern(r"\d")


@cache
def _written_in(language: str | None) -> frozenset[str] | None:
    """The function words of a period written in `language` (with English's, which a
    journal in any language borrows), or None when it is not known: then each text's own
    are found from it (`_own_function_words`)."""
    if language is None or not _stopwords_of(language):
        return None
    return _stopwords_of(language) | _stopwords_of("en")


@cache
def _stopwords_of(language: str) -> frozenset[str]:
    from mirror.engine.reading import frames

    return frozenset(str(w).lower() for w in (frames(language) or {}).get("stopwords") or ())


#: Distinct function words of a language a text must write to be read as written in it.
_WRITTEN_IN = 3


def _own_function_words(words: set[str]) -> frozenset[str]:
    """The function words of the languages a text of `words` (lower case) is written in
    (see below), or of every language when none is clear."""
    counts = {language: len(words & _stopwords_of(language))
              for language in ("en", "es", "de", "fr", "it", "nl", "pt", "pl")}
    # A language is the text's when it writes as many of its words as half the most
    # written one's: a Dutch text writes "de" and "me" of Portuguese too.
    least = max(_WRITTEN_IN, max(counts.values()) / 2)
    own: set[str] = set()
    for language, n in counts.items():
        if n >= least:
            own |= _stopwords_of(language)
    return frozenset(own) if own else _function_words()  # the same object: "unclear"


def _contraction(norm: str) -> bool:
    """Whether `norm` is an English "n't" written without its apostrophe ("Havent told Dr
    Feld", "Didnt sleep"): "have", "did", "was" before it are function words."""
    return len(norm) >= 4 and norm.endswith("nt") and norm[:-2] in _stopwords_of("en")


def _excluded(word: str, norm: str, function_words: frozenset[str], dated: bool = True) -> bool:
    """Whether a capitalised word is never a name: a nationality, a day or month (a short
    form only when `dated`: beside a number), a part of the body, a kin or role word, a
    function word of `function_words` (or an English one written without its apostrophe),
    an abbreviation, a brand, an abstract noun."""
    calendar = norm in _calendar_names() and (dated or len(norm) > 3 and norm not in _CALENDAR_SHORT)
    return (len(word) < 2 or word.isupper() or norm in _NATIONALITIES or norm in _CALENDAR
            or _contraction(norm)
            or calendar or norm in _frame_words("body")
            or norm in _KIN or norm in _ROLES or norm in _STOP or norm in function_words
            or norm in _ABBREVIATIONS or norm in _BRANDS
            or (len(norm) > 6 and norm.endswith(_ABSTRACT_ENDINGS)))


def _scan(text: str, nouns: bool = False, own: frozenset[str] | None = None) -> _Scan:
    """What one text says about people (see `_Scan`). One pass of each pattern: the
    text's words are found once, the relation and kin patterns run over its lower case,
    and the words around a capital are read once. With `nouns` the text is read as German
    (its period is), however few German words this one text has ("heiser. Salbeitee und
    Emser Pastillen"). `own`: the function words of the language the text is written in
    (its period's, `_written_in`), else found from the text itself when needed."""
    found: dict[str, None] = {}
    weak: set[str] = set()
    lowered = text.lower()
    german = nouns or next(islice(_GERMAN_RE.finditer(lowered), 1, None), None) is not None
    # Portuguese and Polish share short words ("do", "na", "a", "o"): a text is read as the
    # one whose own words it holds more of ("wszystko o Lizbonie" is no "o Henrique").
    # Asked only of a capital after "a" or "o", where it matters: reading every text of a
    # month for both languages' words cost a tenth of its digest.
    written_in: list[bool] = []

    def portuguese_polish() -> tuple[bool, bool]:
        if not written_in:
            pt_words = len({m.group(0) for m in islice(_PORTUGUESE_RE.finditer(lowered), 12)}) \
                if not german else 0
            pl_words = len({m.group(0) for m in islice(_POLISH_RE.finditer(lowered), 12)}) \
                if not german else 0
            portuguese = pt_words >= 2 and pt_words > pl_words
            # In Polish "a" is "and" ("a Zosia śpi"), no article before a thing.
            written_in.extend((portuguese, not portuguese and pl_words >= 2))
        return written_in[0], written_in[1]
    if plain_lower(text, lowered):
        relations, kin = _RELATION_LOWER.finditer(lowered), _KIN_LOWER.finditer(lowered)
    else:
        relations, kin = _RELATION_RE.finditer(text), _KIN_RE.finditer(text)
    function_words = _function_words()
    for m in relations:
        named = _NAMED.match(text, m.end())
        if named and not german:
            name = named.group(1)
            if not _excluded(name, name.lower(), function_words):
                found.setdefault(name, None)  # "my sister Ana": Ana, once
                continue
        found.setdefault("your " + _RELATIONS[m.group(1).lower()], None)
    for m in kin:
        word = m.group(1).lower()
        if german and word not in _GERMAN_KIN:
            continue
        if _SOMEONE_ELSES.search(lowered, max(0, m.start() - 10), m.start()) or \
                _OWNER_BEFORE.search(lowered, max(0, m.start() - 4), m.start()) or (
                word in _ENGLISH_KIN and _SOMEONE_ELSES_EN.search(lowered, max(0, m.start() - 3),
                                                                 m.start())):
            continue  # "a dad at the park", "her mum": not the writer's
        far = _SOMEONE_ELSES_FAR.search(lowered, max(0, m.start() - 24), m.start())
        if (far is not None and not (_JOINS | _MINE) & set(far.group(0).split())) or \
                _in_quotation(text, m.start()):
            continue  # "le plus gentil papa du monde", "le vélo de papa" said by a child:
            # a kin word said of someone, or in someone's mouth (the writer, often)
        found.setdefault(_KIN[word], None)
    # A word also written in lower case: a token equal to its lower case (so starting
    # with a lower-case letter). The text's words, found only for a capital that gets
    # this far (most are sentence openers like "Today", already left out).
    words: set[str] | None = set() if german else None
    possible: set[str] = set()
    uses: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    placed: set[str] = set()
    personal: set[str] = set()
    opened: set[str] = set()
    beside: set[str] = set()
    shared: set[str] = set()
    nouned: set[str] = set()
    titled: set[str] = set()
    told_of: set[str] = set()
    sure: set[str] = set()
    for c in _capitals(text, german, function_words):
        word = c.group(1)
        norm = word.lower()
        if _excluded(word, norm, function_words):
            # A word of another language's grammar or a short form of a date is a name
            # ("with Dan", Dutch "then"; "Mia", Italian "my"; "Sem kwam", Portuguese
            # "without"; "Jan"): only the grammar of the language the text is written in,
            # or a date beside a number, keeps a capital from being someone there.
            if " " in word:
                continue
            if own is None:
                if words is None:
                    words = set(_WORD.findall(text))
                own = _own_function_words({w.lower() for w in words})
            if norm in own:
                continue
            opening = c.start() == 0 or _STARTER.search(text, max(0, c.start() - 3),
                                                        c.start()) is not None
            if (opening and own is function_words) or _excluded(
                    word, norm, own, opening or _DIGIT_NEAR.search(
                        text, max(0, c.start() - 4), c.end() + 4) is not None):
                continue
        if words is None:
            words = set(_WORD.findall(text))
        if (norm in words and norm[:1].islower()) or (german and norm.endswith(_NOUN_ENDINGS)):
            continue  # an ordinary word, capitalised here by position; a German noun
        starts = (c.start() == 0 or bool(_STARTER.search(text, max(0, c.start() - 3), c.start()))) \
            and not _after_title(text, c.start())
        before, after = _context(text, c.start(), c.end())
        prev = before[-1] if before else ""
        owner = c.group(0).endswith(("'s", "’s"))
        cue = ""
        if german:
            apposed = text[max(0, c.start() - 2):c.start()].strip(" ") == ","  # "am Tisch, Merve"
            if not apposed and (prev in _GERMAN_DETERMINERS or (
                    len(before) > 1 and before[-2] in _GERMAN_DETERMINERS and prev[:1].islower()
                    and prev not in _JOINS)):
                nouned.add(word)  # "meine Stimme", "nach der Probe", "eine ganze Tafel"
                continue
            if prev in _KIN:
                continue  # "Oma Hilde": Oma, already counted
            cue = "" if _in_quotation(text, c.start()) else _german_cue(text, c, prev, after, starts, before)
            # (someone's words, "„Atmen, Frau Köhler“", may name the writer)
            if cue == "strong" and (prev in _TITLES or prev in _RELATIONS or prev in _KIN):
                titled.add(word)
            acting = bool(cue)
        else:
            acting = not starts and _as_person(text, c, german, before, after)
        # "a Marta comprou", "o Henrique", "a Dona Lurdes": Portuguese names take the article
        article = not starts and prev in _ARTICLES_PT and portuguese_polish()[0] and not (
            after and after[0] in _PLACE_AFTER) and before[-2:-1] not in (["para"], ["em"],
                                                                        ["por"], ["sobre"])
        # ("a olhar para o Excel": a thing looked at)
        if article:
            acting = True
        # "le vélo de Noé", "la casa de Ana": after an article and a noun, "de" says whose
        of_someone = prev in _OF and len(before) > 2 and before[-3] in _ARTICLES and not acting
        if _AMPERSAND.search(text, max(0, c.start() - 3), c.start()) or \
                _AMPERSAND.match(text, c.end()):
            placed.add(word)  # "Harrow & Finch", "Ember & Oak": a firm's name, not someone's
            uses[word] += 1
            continue
        # A comma between is a new phrase: "Not telling Sam any of this, Sam will just say…"
        # is no "this Sam".
        joined = _CLAUSE_END.search(text, max(0, c.start() - 3), c.start()) is None
        if ((joined and (prev in _PLACE_BEFORE or from_place(prev, word)) and not owner
             and not of_someone) or
                (joined and prev in _THING_BEFORE and not (prev == "a" and portuguese_polish()[1])) or
                (after and after[0] in _PLACE_AFTER) or norm.rsplit(" ", 1)[-1] in _PLACE_AFTER) \
                and not (acting and (prev in _PLACE_BEFORE or prev in ("a", "al"))) and not article:
            # ("said … to Murphy", "a text from Sam", "le he escrito a Carmen")
            placed.add(word)  # ("at Jamie's" is Jamie's home, and Jamie a person)
        else:
            possible.add(word)
        uses[word] += 1
        if not starts:
            inside[word] += 1
        if norm.rsplit(" ", 1)[-1] in _PLACE_AFTER:
            placed.add(word.split(" ", 1)[0])  # "Halvorsen" of "Halvorsen Health", alone
            continue  # "Victoria Park", "Church Street"
        from_somewhere = not german and after[:1] == ["from"] and prev not in _PLACE_BEFORE \
            and bool(_FROM_SOMEWHERE.match(text, c.end()))
        done_to = bool(after) and after[0] in _NEEDS_OBJECT and bool(_ENDS_ON_VERB.match(text, c.end()))
        if starts and after and after[0] in _AFTER_EN and after[0] not in _stopwords_of("en"):
            if own is None:
                own = _own_function_words({w.lower() for w in (words or set(_WORD.findall(text)))})
            if after[0] in own:
                # An English verb that is the grammar of the text's own language: Dutch
                # "Terug met de trein" ("back with the train"), not "Sam met me".
                done_to = True
        if starts and not german and after and not done_to and (
                after[0] in _AFTER or after[0] in _OPENING_NEXT or after[0] == "from" or _polish_acts(after)
                or (owner and _owns(text, c.end(), after))):
            opened.add(word)  # "Tom is moving out", "Helen would have been 60", "Tom's mum",
            # "Hal from plot 9 gave me his spare seed potatoes"
            if _SPOKEN_OF_AFTER.search(text, c.end(), c.end() + _SPOKEN_REACH):
                told_of.add(word)  # "Graham had approved every direction…, then he reversed it"
        if owner and after[:1] and after[0] in _ONLY_A_PERSON_HAS:
            acting = True  # "went to Nadia's birthday", "at Tom's wedding": someone's
            personal.add(word)
            placed.discard(word)
        if not acting and not starts and after[:1] in (["who"], ["whom"]):
            acting = True  # "a Marguerite who called me 'pet'"
            personal.add(word)
            placed.discard(word)
        if acting or from_somewhere:
            if acting and not from_somewhere and prev == "from" and before[-2:-1] in (
                    ["email"], ["emails"], ["call"], ["calls"], ["message"], ["messages"]):
                shared.add(word)  # "another email from Norvale": a company's too
            found.setdefault(word, None)  # "Marta from work brought a tortilla"
            if from_somewhere or article or cue == "strong" or \
                    _only_a_person(text, c, before, after):
                personal.add(word)
            if cue == "opening":
                weak.add(word)  # "Lange telefoniert.": German opens any sentence so
            elif cue == "beside":
                beside.add(word)  # "mit Jonas", "mit Lineal": a noun stands there too
            elif cue == "strong":
                sure.add(word)  # "Greta hat gelacht": the "mit Greta" beside it is her too
        elif starts and (after[:2] in _WITH_ME or any(w in _BORN for w in after[:2]) or (not german and (
                after[:1] in (["a"], ["est"]) and len(after) > 1 and len(after[1]) > 3
                and after[1].endswith(_PARTICIPLE_ENDS)))):
            found.setdefault(word, None)  # "Kofi and I painted the fence", "Théo a couru",
            weak.add(word)  # "Malik est venu", "Greta und ich" (German too: nouns are no "ich")
            if german:
                personal.add(word)
        elif starts and not german and _toward_me(after) and not done_to:
            found.setdefault(word, None)  # "Graham Slacked me", "Chuy me regaló", "Lorena vio
            weak.add(word)  # mi render": someone doing something to the writer
        elif starts and not german and after and (after[0] in _AFTER_STRONG or _polish_acts(after)) and not (
                after[0] in _FROM_NOUNS and after[1:2] not in (["me"], ["him"], ["her"],
                                                              ["us"], ["them"])) \
                and not done_to:
            # ("Phone calls all day.": a noun before a word that is a verb only with
            # someone after it, "Sam calls me"; "Lunches made.": a thing done, not a doer)
            found.setdefault(word, None)  # "Kevin presented…", "Tom moved…": a person acting
            weak.add(word)
            if after[0] in _ONLY_PEOPLE_DO or _HIS_OR_HERS.match(text, c.end()):
                personal.add(word)  # "Tom moved his stuff out": someone's own
        elif starts and not done_to and given_name(word):
            # A given name opening a sentence however it goes on: "Jana zum Geburtstag
            # gratuliert." (German: the name is the object), "Sergio, el de mi equipo, me
            # invitó…". Weak, as every opener is: the period's lower case still rules it out.
            found.setdefault(word, None)
            weak.add(word)
    for m in (_NAMING.finditer(text) if any(k in lowered for k in _NAMING_KEYS) else ()):
        name = m.group(1)
        if not _excluded(name, name.lower(), function_words):
            found.setdefault(name, None)  # "Her name is Iris.": Iris, from that line on
            possible.add(name)
            personal.add(name)
            weak.discard(name)
    strong = {w for w in found if w not in weak}
    return _Scan(list(found), weak - strong, possible, uses, inside, placed, personal, opened,
                 shared=shared - personal, beside=beside - sure, german=german, nouned=nouned,
                 titled=titled | sure, told_of=told_of)


class _Joined:
    """Two capitalised words read as one name ("Old Pete", "Mary Jane"): the part of
    `re.Match` the scan reads."""

    def __init__(self, text: str, first: re.Match[str], last: re.Match[str]) -> None:
        self._text, self._start, self._end = text, first.start(), last.end()
        self._name = f"{first.group(1)} {last.group(1)}"

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, n: int = 0) -> str:
        return self._name if n == 1 else self._text[self._start:self._end]


def _capitals(text: str, german: bool, function_words: frozenset[str]) -> list[re.Match[str] | _Joined]:
    """The capitalised words of `text`, two side by side joined into one name ("with Old
    Pete", "Victoria Park") — never after an owner's "'s", never a word that is no name
    on its own ("Dr", "Sunday", "Thanks"), and not in German, where nouns have capitals."""
    found = list(_CAP.finditer(text))
    if german or len(found) < 2:
        return list(found)
    out: list[re.Match[str] | _Joined] = []
    k = 0
    while k < len(found):
        m = found[k]
        n = found[k + 1] if k + 1 < len(found) else None
        if n is not None and text[m.end():n.start()] == " " and m.group(0) == m.group(1) \
                and _may_join(text, m, function_words) and _may_join(text, n, function_words):
            out.append(_Joined(text, m, n))
            k += 2
            continue
        out.append(m)
        k += 1
    return out


def _may_join(text: str, m: re.Match[str] | _Joined, function_words: frozenset[str]) -> bool:
    """Whether the capitalised word at `m` may be part of a name of two words: not a word
    that is never a name, nor an ordinary word opening a sentence ("Thanks Sam")."""
    word = m.group(1)
    norm = word.lower()
    if _excluded(word, norm, function_words):
        return False
    starts = m.start() == 0 or bool(_STARTER.search(text, max(0, m.start() - 3), m.start()))
    return not (starts and (norm in _common() or norm in _BEFORE))  # "Dropped Dev at…"


def mentions_someone(text: str) -> bool:
    """Whether `text` names someone by relation or kin name ("My mum's birthday.",
    "Rang Dad."): what a line's "she" or "he" may point back to."""
    return _RELATION_RE.search(text) is not None or _KIN_RE.search(text) is not None


def tag_person(tag: str, language: str | None = None) -> str | None:
    """The person a tag names, or None: a kin name ("#Mum", "#oma") or a name written with
    its capital ("#Henk", "#Sam") that is no month, nationality, role, brand or ordinary
    word. The writer put it on their entries: who the entries are about, even where the
    text only says "him". Not in a language that capitalises its nouns ("#Chor",
    "#Generalprobe"): there a tag with a capital is as likely a thing."""
    word = tag.strip().lstrip("#")
    if word.lower() in _KIN:
        return _KIN[word.lower()]
    if language in NOUN_CAPITALS or not _CAP.fullmatch(word) or not word[1:].islower():
        return None
    norm = word.lower()
    if _excluded(word, norm, _function_words()) or norm in _common() or norm in _RELATIONS:
        return None
    return word


#: Words for a third person in each language Mirror reads (not those that are also an
#: article or another pronoun there: Italian "il", German "er", Dutch "zijn").
_THIRD_PERSON: dict[str, str] = {
    "en": "he him his she her hers", "nl": "hij hem haar", "de": "ihn ihm", "es": "él ella",
    "fr": "il elle lui", "it": "lui lei", "pt": "ele ela dele dela", "pl": "on ona jego jej"}
_THIRD_PERSON_RE = {lang: LazyPattern(r"(?<![\w'’-])(?:" + "|".join(words.split()) + r")(?![\w'’-])",
                                     re.IGNORECASE) for lang, words in _THIRD_PERSON.items()}


def speaks_of_someone(text: str, language: str | None) -> bool:
    """Whether `text` speaks of a third person in `language` ("he", "hem", "ihm", "ella")."""
    pattern = _THIRD_PERSON_RE.get(language or "en")
    return pattern is not None and pattern.search(text) is not None


#: Pronouns that say a third person is a man or a woman, per language: only those that
#: are nothing else there (not French "il", which is also "it", nor German "sie", also "they").
_HE_SHE: dict[str, tuple[str, str]] = {
    "en": ("he him his himself", "she her hers herself"), "nl": ("hij hem", "haar"),
    "de": ("ihn ihm", ""), "es": ("él", "ella"), "fr": ("", "elle"), "it": ("lui", "lei"),
    "pt": ("ele dele", "ela dela"), "pl": ("on jego", "ona jej")}
_HE_SHE_SETS = {lang: (frozenset(he.split()), frozenset(she.split())) for lang, (he, she) in _HE_SHE.items()}
#: Both sets of a language in one pattern over lower case (a month is a thousand texts).
_HE_SHE_RE = {lang: LazyPattern(r"\b(?:" + "|".join(sorted(he | she, key=len, reverse=True)) + r")\b")
              for lang, (he, she) in _HE_SHE_SETS.items()}


def he_or_she(text: str, language: str | None) -> tuple[int, int]:
    """(how many times `text` says "he"/"him", how many "she"/"her") in `language`."""
    lang = language if language in _HE_SHE_RE else "en"
    he, _ = _HE_SHE_SETS[lang]
    found = _HE_SHE_RE[lang].findall(text.lower())
    men = sum(1 for w in found if w in he)
    return men, len(found) - men


#: Words before a place and never before a person ("en Lyon", "in Leeds", "nach Kassel"),
#: unlike "de" or "at" ("en casa de Chloé", "at Tom's").
_IN_A_PLACE = frozenset("in into near towards toward via en à au aux nach im zum zur".split())


def written_as_place(word: str, texts: Iterable[str]) -> bool:
    """Whether `word` stands where a place stands in any of `texts` ("en Lyon", "in Leeds",
    "nach Kassel")."""
    pattern = re.compile(rf"(?<![\w'’-])(?i:{'|'.join(sorted(_IN_A_PLACE))})\s+{re.escape(word)}"
                         r"(?![\w-])")
    return any(pattern.search(t) for t in texts)


def relation_of(kin: str) -> str | None:
    """How the digest names the relation a kin name stands for ("Mum" -> "your mother")."""
    relation = _KIN_RELATION.get(kin)
    return f"your {relation}" if relation else None


def in_text(text: str) -> list[str]:
    """The people of one text (display forms, in order of first appearance)."""
    return _scan(text).people


#: Words capitalised at a sentence's start that are never names (pronouns, fillers).
_STOP = frozenset("""
i i'm i've i'd i'll we you he she they it everyone everybody someone somebody nobody
noone anyone anybody no yes ok okay oh ah um hmm well so and but then also just still
maybe perhaps honestly apparently actually really anyway finally sometimes lately
this that these those there here what when where why how who which
ich du er sie es wir ihr yo tú él ella nosotros je tu il elle nous vous ils elles on
danach dann später hinterher trotzdem deshalb darum dabei dazu damals heute morgen gestern
jetzt plötzlich zuerst endlich leider gerade immer nie schon noch eigentlich vielleicht
wahrscheinlich natürlich wenigstens sonst außerdem anschließend daraufhin inzwischen
mittlerweile vorher nachher abends morgens mittags nachts zuhause irgendwann manchmal
""".split())  # German writes its adverbs with a capital opening a sentence, and its nouns
# anywhere: "Danach hat sie geweint" is no one (a German text has no lower case to tell)


@cache
def _function_words() -> frozenset[str]:
    """The stopwords of every language Mirror reads ("Me", "Sie", "Elle" start sentences)."""
    return _frame_words("stopwords")


@cache
def _frame_words(key: str) -> frozenset[str]:
    """One word list (`stopwords`, `body`) of every language Mirror reads, through the
    offline engine's `frames`, which keeps each language's file once parsed (the digest
    reads the same files: parsing them twice cost 60 ms a digest). "Legs felt springy"
    opens on a body, not on someone. Kept between processes, named by the frames files'
    hashes (`_kept_words`): parsing eight languages' files cost a `reflect` whose entry
    opens on a capital ~4 ms."""
    from mirror.engine.reading import frames
    from mirror.resources import constitution_dir

    def build() -> frozenset[str]:
        words: set[str] = set()
        for language in _LANGUAGES:
            data = frames(language)
            if data is None:
                continue
            words.update(str(w).lower() for w in data.get(key) or ())
        return frozenset(words)

    folder = constitution_dir() / "mirrorback"
    try:  # every frames file: a language's may extend another's
        entries = [entry for entry in sorted(folder.iterdir(), key=lambda e: e.name)
                   if entry.name.endswith(".yaml") and entry.is_file()]
        on_disk = {entry.name: entry for entry in entries if isinstance(entry, Path)}
        keys = _file_keys(on_disk) if len(on_disk) == len(entries) else None
        sources = ([entry.name.encode() + b"\0" + entry.read_bytes() for entry in entries]
                   if keys is None or len(keys) < len(entries)
                   else [f"{name}\0sha256:{digest}".encode() for name, digest in keys.items()])
    except OSError:
        return build()
    return _kept_words(f"frame-words-{key}", sources, build)


#: Nouns a week's news opens a sentence with ("Biopsy came back benign", "Scan showed…").
_NEWS = frozenset("biopsy scan scans results result test tests bloods surgery operation "
                  "appointment interview offer contract letter email call meeting shift "
                  "train bus flight parcel landlord rent payment invoice".split())


@cache
def _common() -> frozenset[str]:
    """Ordinary words: a word found as a person only by opening a sentence before a verb
    ("Biopsy came back benign", "Rain came in") is not one when it is one of these — the
    words of the sentiment lexicon Mirror has (VADER's) and `_NEWS`."""
    from mirror.engine.reading import valences

    return frozenset(valences()) | _NEWS


@cache
def _feeling_stems(language: str | None) -> tuple[frozenset[str], tuple[str, ...]]:
    """The single words of `language`'s feeling lexicon (`constitution/mirrorback`: the
    words and the hints, "śmiał*", "müde"), as (whole words, prefixes of the starred)."""
    from mirror.engine.reading import frames

    whole: set[str] = set()
    prefixes: set[str] = set()
    for spec in ((frames(language) if language else None) or {}).get("feelings", {}).values():
        for word in (*(spec.get("words") or ()), *(spec.get("hints") or ())):
            word = str(word).lower()
            if " " in word:
                continue
            if word.endswith("*"):
                if len(word) > 4:  # a stem this short ("dum*") would take names ("Dumas")
                    prefixes.add(word[:-1])
            else:
                whole.add(word)
    return frozenset(whole), tuple(sorted(prefixes))


def _ordinary(norm: str, language: str | None) -> bool:
    """Whether `norm` is an ordinary word of the period's `language`: one of `_common`, or
    a word of its feeling lexicon ("Śmiała się cały wieczór" opens on "she laughed")."""
    if norm in _common():
        return True
    whole, prefixes = _feeling_stems(language)
    return norm in whole or norm.startswith(prefixes)


#: Texts a name found only by opening a sentence is written in (with a capital), over the
#: period and the journal around it, to be someone: a name recurs.
RECURS = 2


def _no_names_around(words: set[str], texts: Sequence[str], around: Sequence[str],
                     language: str | None) -> set[str]:
    """Those of `words` — found as a person only by opening a sentence before a verb, by
    no cue only a person gets — that the journal shows are no one: written in lower case
    in the period or the journal around it (in Polish, any lower-case form of the same
    stem: "z kierownikiem" of "Kierownik zmienił mi grafik"), or written with a capital in
    fewer than `RECURS` texts of them all ("Ambulance took 22 minutes", once in a year of
    entries). A name opens sentence after sentence ("Kuba zadzwonił", "Kuba przysłał"); a
    noun opening one sentence of a terse entry is written once. A given name the lexicon
    knows (`people_given`: "Lucía llamó.") needs no second text."""
    declined = language == "pl"
    stems = {w: _stem(w, language) for w in words}
    looked_for: dict[str, tuple[tuple[str, ...], re.Pattern[str]]] = {}
    for w in words:
        head = w.lower()[:3] if declined else w.lower()
        looked_for[w] = ((head, head[:1].upper() + head[1:], head.upper()), re.compile(
            r"(?<![\w'’-])" + re.escape(head) + (r"[\w'’-]*" if declined else "") + r"(?![\w'’-])",
            re.IGNORECASE))
    capital: Counter[str] = Counter()
    lower: set[str] = set()
    for text in dict.fromkeys((*texts, *around)):  # a text read twice is no recurrence
        for w, (pieces, pattern) in looked_for.items():
            if not any(piece in text for piece in pieces):
                continue  # (most texts: a plain search, thousands of them a month)
            written = False
            for m in pattern.finditer(text):
                said = m.group(0)
                if declined and _stem(said, language) != stems[w]:
                    continue
                if said[:1].islower():
                    lower.add(w)
                else:
                    written = True
            capital[w] += written
    # A word written with a capital in one text only is a name when it is one: a given
    # name the lexicon knows ("Lucía llamó.", "Marek przyszedł.", `people_given`) — never
    # one the journal also writes in lower case.
    return {w for w in words if w in lower or (capital[w] < RECURS and not given_name(w))}


def opens_only(name: str, text: str, language: str | None = None) -> bool:
    """Whether `text` shows `name` as someone only by opening a sentence before a verb
    ("Ambulance took 22 minutes"), by no cue only a person gets."""
    scan = _scan(text, language in NOUN_CAPITALS, _written_in(language))
    return name in scan.weak and name not in scan.personal


def no_name(name: str, texts: Sequence[str], around: Sequence[str] = (),
            language: str | None = None) -> bool:
    """Whether a word found only by opening a sentence (`opens_only`) is no one: an
    ordinary word of `language`, or one the period's `texts` and the journal `around` them
    write in lower case or in too few texts (`_no_names_around`)."""
    return _ordinary(name.lower(), language) or bool(
        _no_names_around({name}, texts, around, language))


def count(texts: Iterable[str], language: str | None = None) -> Counter[str]:
    """Person -> in how many of `texts` they come up. A name that stood as a person in
    one text counts in every text where it is written as a possible name (rule 2). A
    `language` that capitalises its nouns (German) has every text read as one of it."""
    texts = list(texts)
    nouns = language in NOUN_CAPITALS
    own = _written_in(language)
    scans = [_scan(text, nouns, own) for text in texts]
    names, rename = _names(scans, texts, language=language)
    names -= _not_kin(language)
    forms, same = _forms(scans, names, language)
    return _tally(scans, names | forms, {**rename, **same})


#: Languages that write every noun with a capital.
NOUN_CAPITALS = frozenset({"de"})


def compare(texts: Iterable[str], before: Iterable[str], language: str | None = None,
            history: Callable[[], Sequence[str]] | None = None,
            around: Callable[[], Sequence[str]] | None = None) -> tuple[Counter[str], Counter[str]]:
    """(`count(texts)`, the same over the texts of the period `before`): a name that stood
    as a person in either period counts in both wherever it is written as a possible name,
    so "Sam" who was met this week is counted in last week's "Sam is away", and "Iris",
    named last week, in this week's "Iris slept the whole way". `history` gives the
    journal's texts before both, read only for a German name this period writes only
    after "mit" ("mit Lea"), which is a person when the journal wrote them as one.
    `around` gives the journal's texts on both sides of the periods, read for whether a
    name is no one (`_not_people`): the dog of a week that says only "Dormo sul divano
    con Ugo" is the one a later entry calls "un cane" (the journal knows it when the digest
    is written), and a name carried from the period before is read there too."""
    texts, before = list(texts), list(before)
    nouns = language in NOUN_CAPITALS
    own = _written_in(language)
    scans = [_scan(text, nouns, own) for text in texts]
    earlier = [_scan(text, nouns, own) for text in before]
    names, rename = _names(scans, texts, history, around, language)
    names_before, rename_before = _names(earlier, before, evidence=around, language=language)
    # Who stood as a person in the period before is still one ("Her name is Iris." last
    # week; "She smiled at Iris" this week), unless this period writes them as a place.
    placed = set().union(*(s.placed for s in scans)) - set().union(*(s.personal for s in scans))
    carried = {n for n in names_before if " " not in n and n not in placed}
    if history is not None:
        # Someone the journal wrote as a person before both periods is one wherever this
        # period writes their name ("Priya's working late" in a week that says nothing
        # more of her; "Dad met Priya properly" a week earlier).
        # The journal on both sides of the period when given: a digest of the first week
        # of a new job that says only "Chiara ieri sera era strana" is about the Chiara
        # the weeks after it write as someone ("Litigato con Chiara", "Detto a Chiara").
        carried |= _known_people(scans, texts, names | carried | placed, around or history, nouns)
    if around is not None:
        carried -= _not_people(carried - names, [*scans, *earlier], [*texts, *before], around,
                               language=language)
    names -= _not_kin(language)
    names_before -= _not_kin(language)
    # One person written in several forms over the two periods ("Paweł", "o Pawle"; "Pri"
    # beside "Priya") is listed once, in the form the journal writes most.
    forms, same = _forms([*scans, *earlier], names | names_before, language)
    return (_tally(scans, names | carried | forms, {**rename_before, **rename, **same}),
            _tally(earlier, names | names_before | forms, {**rename_before, **rename, **same}))


@cache
def _not_kin(language: str | None) -> frozenset[str]:
    """Kin names that are a function word of `language` and so no one there: Polish
    "Mam" is "I have", not an Irish "Mam"."""
    from mirror.engine.reading import frames

    data = frames(language) if language else None
    words = {str(w).lower() for w in (data or {}).get("stopwords") or ()}
    return frozenset(_KIN[w] for w in _KIN if w in words)


#: Endings of a Polish name's cases, longest first ("Pawłowi", "Zosią", "Oli", "Pawle"):
#: a name is declined there, and "o Pawle" is Paweł.
_PL_ENDINGS = ("owi", "iem", "ią", "ię", "iu", "ia", "em", "ie", "om", "ą", "ę", "a", "i",
               "y", "u", "e", "o")
_VOWELS = frozenset("aeiouyąęóáéíú")


def _stem(word: str, language: str | None) -> str:
    """What the forms of one name share in `language`: in Polish the name without its
    case ending, "ł" read as "l" and a fleeting "e" dropped ("Paweł", "Pawła", "Pawle" ->
    "pawl"; "Marek", "Marka" -> "mark"; "Zosia", "Zosi", "Zosią" -> "zos"); in German and
    Dutch without a genitive "s" ("Bastis", "Mamas"); elsewhere the name itself."""
    w = word.lower()
    if language == "pl":
        if w.endswith("rze"):
            w = w[:-2]  # "Piotrze": Piotr
        else:
            for ending in _PL_ENDINGS:
                if w.endswith(ending) and len(w) - len(ending) >= 2:
                    w = w[:-len(ending)]
                    break
        w = w.replace("ł", "l")
        if len(w) >= 4 and w[-2] == "e" and w[-1] not in _VOWELS:
            w = w[:-2] + w[-1]
    return w


def _nominative(word: str, language: str | None) -> bool:
    """Whether `word` may be a name as it is said alone (in Polish, a consonant's end or
    "-a": "Paweł", "Zosia", not "Pawle", "Zosi", "Kapralem"): the form a list of people shows."""
    if language != "pl":
        return True
    w = word.lower()
    if w.endswith(("em", "owi", "ą", "ę")) and len(w) > 4:
        return False  # "z Kapralem", "Pawłowi": an instrumental or a dative
    return w[-1:] not in _VOWELS or w.endswith("a")


def form_of(name: str, listed: Iterable[str], language: str | None) -> str | None:
    """The one of `listed` that `name` is another form of (a case of the same declined
    name, "Zosi" of "Zosia"; a genitive; a short form, "Pri" of "Priya"), or None."""
    if " " in name or name in KIN_NAMES:
        return None
    stem = _stem(name, language)
    for other in listed:
        if other == name or " " in other or other.startswith("your "):
            continue
        if _stem(other, language) == stem or (len(name) >= 3 and len(other) >= len(name) + 2
                                              and other.startswith(name)):
            return other
        if language in ("de", "nl") and name.endswith("s") and name[:-1] == other:
            return other
    return None


#: Cases of a Polish surname declined as an adjective ("Kwiatkowskiej", "Nowackiego") -> the
#: ending of the name said alone.
_PL_ADJECTIVE_CASES = (("skiej", "ska"), ("ckiej", "cka"), ("dzkiej", "dzka"), ("skiego", "ski"),
                       ("ckiego", "cki"), ("skiemu", "ski"), ("ckiemu", "cki"), ("skim", "ski"),
                       ("ckim", "cki"))


def _polish_nominative(name: str) -> str:
    """A Polish name written in one case only, as it is said alone when its ending tells:
    "Zosią" -> "Zosia", "Kwiatkowskiej" -> "Kwiatkowska", "Nowackiego" -> "Nowacki"."""
    for case, alone in _PL_ADJECTIVE_CASES:
        if name.endswith(case) and len(name) > len(case) + 1:
            return name[:-len(case)] + alone
    if name.endswith(("ą", "ę")):
        return name[:-1] + "a"
    return name


def _forms(scans: list[_Scan], names: set[str], language: str | None) -> tuple[set[str], dict[str, str]]:
    """(the forms to list, form -> the one listed) for names that are one person written
    several ways: the cases of a declined name (`_stem`: "Pawle" beside "Paweł"), a
    German or Dutch genitive ("Bastis"), and a short form of a longer name of the same
    period ("Pri" of "Priya"). The form listed is the one written most (the one a case
    ending or an "s" does not lengthen, when as often)."""
    uses: Counter[str] = Counter()
    for s in scans:
        uses.update(s.uses)
    single = {n for n in names if " " not in n and n[:1].isupper() and n not in KIN_NAMES}
    if not single:
        return set(), {}
    words = {w for w in uses if " " not in w and w not in KIN_NAMES}
    by_stem: dict[str, set[str]] = {}
    for w in words | single:
        by_stem.setdefault(_stem(w, language), set()).add(w)
    if language in ("de", "nl"):
        for w in words | single:
            if w.endswith("s") and w[:-1] in by_stem.get(_stem(w[:-1], language), ()):
                by_stem[_stem(w[:-1], language)].add(w)
    same: dict[str, str] = {}
    shown: set[str] = set()
    for name in sorted(single):
        group = {w for w in by_stem.get(_stem(name, language), {name})
                 if w in single or w.lower() != w} | {name}
        group |= {w for w in single if len(w) >= len(name) + 2 and w.startswith(name)
                  and len(name) >= 3}  # "Pri" of "Priya"
        if len(group) < 2:
            alone = _polish_nominative(name) if language == "pl" else name
            if alone != name:
                same[name] = alone  # "z Zosią" alone: Zosia; "u doktor Kwiatkowskiej": Kwiatkowska
                shown.add(alone)
            continue
        best = max(sorted(group), key=lambda w: (_nominative(w, language), uses[w],
                                                 len(_stem(w, language)) - len(w),
                                                 w.startswith(name) and len(w) > len(name)))
        if language == "pl" and best.endswith(("ą", "ę")):
            best = best[:-1] + "a"
        for w in group:
            if w != best:
                same[w] = best
        shown.add(best)
    return shown, same


#: Texts of the journal before a period read for a German name found there only after "mit".
HISTORY_TEXTS = 12


def _known(names: set[str], past: Sequence[str], nouns: bool = False) -> set[str]:
    """Those of `names` that the latest of `past` texts holding them (`HISTORY_TEXTS`
    each, read only then) show as a person by a cue of their own, not only after "mit" nor
    only opening a sentence."""
    known: set[str] = set()
    for w in sorted(names):
        holding = [t for t in past if w in t][-HISTORY_TEXTS:]
        if any(w in sc.people and w not in sc.beside and w not in sc.weak
               for sc in (_scan(t, nouns) for t in holding)):
            known.add(w)
    return known


#: Words of a period looked up in the journal before it, the most written first.
KNOWN_CANDIDATES = 24


def _known_people(scans: list[_Scan], texts: list[str], taken: set[str],
                  history: Callable[[], Sequence[str]], nouns: bool) -> set[str]:
    """Names this period writes, by no cue of its own, that the journal before it wrote
    as a person: by a cue only a person gets in one text, or found acting in two (the
    latest `HISTORY_TEXTS` texts holding each are read). Never a word this period also
    writes in lower case, nor an ordinary word."""
    uses: Counter[str] = Counter()
    for s in scans:
        uses.update(w for w in s.possible if " " not in w)
    common = _common()
    maybe = [w for w, _ in uses.most_common() if w not in taken and w.lower() not in common]
    lower: set[str] = set()
    if maybe:  # (only these words are looked for: a month's every word is 150,000 of them)
        pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(
            re.escape(w.lower()) for w in sorted(set(maybe), key=len, reverse=True))
            + r")(?![\w'’-])")
        lower = {m.group(0) for t in texts for m in pattern.finditer(t)}
    candidates = [w for w in maybe if w.lower() not in lower][:KNOWN_CANDIDATES]
    if not candidates:
        return set()
    past = history()
    read: dict[int, _Scan] = {}
    known: set[str] = set()
    for w in candidates:
        holding = [k for k, t in enumerate(past) if w in t][-HISTORY_TEXTS:]
        found = 0
        for k in holding:
            if k not in read:
                read[k] = _scan(past[k], nouns)
            sc = read[k]
            if w in sc.people and w not in sc.beside:
                found += 1 if w in sc.weak else 2
        if found >= 2:
            known.add(w)
    return known


def _names(scans: list[_Scan], texts: list[str], history: Callable[[], Sequence[str]] | None = None,
           evidence: Callable[[], Sequence[str]] | None = None,
           language: str | None = None) -> tuple[set[str], dict[str, str]]:
    """(who is a person over a whole period, relation -> the kin name it is written as).
    `evidence`: the journal's texts read for whether a name is no one (default `history`).

    Over the period, not one text: a word found only as a sentence's first word before a
    verb ("School rang") is a person only if it is never written in lower case anywhere
    in the period; a capitalised word written `RECURRING` times or more, at least once
    inside a sentence and never where a place or thing stands, is a person without a
    person verb ("Ollie" of a week about Ollie); and "your mother" is "Mum" when the
    period calls her that."""
    names: set[str] = set()
    strong: set[str] = set()
    uses: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    placed: set[str] = set()
    personal: set[str] = set()
    opened: Counter[str] = Counter()
    nouned: set[str] = set()
    titled: set[str] = set()
    for s in scans:
        opened.update(s.opened)
        names.update(s.people)
        strong.update(p for p in s.people if p not in s.weak)
        if not s.german:  # a German noun is written with a capital wherever it stands
            uses.update(s.uses)
            inside.update(s.inside)
        placed |= s.placed
        personal |= s.personal
        nouned |= s.nouned
        titled |= s.titled
    # A German word written after an article or a possessive anywhere in the period is a
    # noun ("Die Stimme hat gehalten", "auf die Füße"), unless a title or a relation
    # stood before it ("Herr Albrecht").
    names -= nouned - titled
    # A name written where a place stands ("an interview at Brightwave") that never stood
    # where only a person stands is a company or a shop ("Brightwave said no").
    # ...and one written where a place stands in as many texts as it stood as anyone ("Pienso
    # en Javier" once, "Javier y yo" twice: Javier).
    as_place = Counter(w for s in scans for w in s.placed)
    as_someone = Counter(w for s in scans for w in s.people)
    names -= {w for w in placed & names if w not in personal and as_place[w] >= as_someone[w]}
    # A name found only where a company is found too, in no text by another cue.
    shared = set().union(*(s.shared for s in scans))
    if shared:
        other = set().union(*(set(s.people) - s.shared for s in scans))
        names -= {w for w in shared - other if w not in personal}
    # In German every noun has a capital: a word found only after "mit" or "und" is a
    # person when the period writes it in two entries ("mit Lena telefoniert", "mit Lena
    # am See"), or it stood beside "und" with one ("mit Jonas und Fatma").
    beside = set().union(*(s.beside for s in scans)) - set().union(
        *(set(s.people) - s.beside for s in scans))
    if beside:
        written = Counter(w for s in scans for w in (set(s.people) | s.possible) & beside)
        paired = {w for s, t in zip(scans, texts, strict=True) for w in s.beside
                  if _paired(t, w, names - beside)}
        dropped = {w for w in beside if written[w] < 2 and w not in paired}
        if dropped and history is not None:
            # ...or when the journal before the period wrote them as a person ("mit Lea"
            # this week; "Lea hat mich angerufen" a month ago).
            dropped -= _known(dropped, history(), nouns=True)
        names -= dropped
    strong &= names
    recurring = {w for w, n in uses.items()
                 if n >= RECURRING and inside[w] and w not in placed and w not in names}
    # Someone a period is about may only ever open its sentences ("Tom is moving out…",
    # "Tom was at the pub…"): a name doing so in `OPENINGS` texts, never an ordinary word.
    recurring |= {w for w, n in opened.items() if n >= OPENINGS and w not in placed
                  and w not in names and w.lower() not in _common()}
    # ...or in one, when the writer then speaks of them as "he" or "she".
    told_of = set().union(*(s.told_of for s in scans))
    recurring |= {w for w in told_of if w not in placed and w not in names
                  and w.lower() not in _common()}
    doubtful = (names - strong) | recurring
    if doubtful:
        pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(
            re.escape(w.lower()) for w in sorted(doubtful)) + r")(?![\w'’-])")
        lower = {m.group(0) for t in texts for m in pattern.finditer(t)}
        ordinary = {w for w in names - strong if w.lower() in lower or w.lower() in _common()}
        # A name that is also a word ("Rob called.", "Rose said…") and is never written in
        # lower case here is a person when the journal before wrote them as one ("The
        # hiring manager, Rob, was normal").
        rescue = {w for w in ordinary if w.lower() not in lower}
        if rescue and history is not None:
            ordinary -= _known(rescue, history())
        names -= ordinary
        names |= {w for w in recurring if w.lower() not in lower}
    # A word found only by opening a sentence before a verb ("Ambulance took 22 minutes",
    # "Śmiała się cały wieczór") is a name only when it is no ordinary word of the period's
    # language and the journal writes it as a name does: never in lower case, and again.
    # ...unless the journal before wrote them as a person ("The hiring manager, Rob, was
    # kind" weeks before "Rob called.").
    lone = {w for w in names - strong - personal if " " not in w and w not in _KIN_RELATION}
    if lone:
        dropped = {w for w in lone if _ordinary(w.lower(), language)}
        around = evidence or history
        if around is not None and lone - dropped:
            dropped |= _no_names_around(lone - dropped, texts, around(), language)
        if dropped and history is not None:
            dropped -= _known(dropped, history())
        names -= dropped
    names -= _not_people(names - set(_KIN_RELATION), scans, texts, evidence or history, strong,
                         language)
    rename = {f"your {_KIN_RELATION[k]}": k for k in sorted(names) if k in _KIN_RELATION}
    # "Pete" of a period that says "Old Pete" (or "Mary" of one that says "Mary Hughes")
    # is the same person: one name, kept whole.
    whole: dict[str, list[str]] = {}
    for name in sorted(names):
        if " " in name:
            first, last = name.split(" ", 1)
            whole.setdefault(last if first.lower() in _EPITHETS else first, []).append(name)
    for part, fulls in whole.items():
        if len(fulls) == 1 and part in uses:
            rename[part] = fulls[0]
            names.add(part)
    return names, rename


#: Texts of a period few enough for every name to be looked up in the journal before it.
FEW_TEXTS = 40


def _not_people(names: set[str], scans: list[_Scan], texts: list[str],
                history: Callable[[], Sequence[str]] | None,
                strong: set[str] | frozenset[str] = frozenset(),
                language: str | None = None) -> set[str]:
    """Those of `names` that their uses over the whole period, and the journal before it
    when given, show to be no one (`people_evidence`): a place written after "in" or
    "nach" more often than as anyone ("der Kardiologe in Kassel sagt"), an animal ("our
    dog Biscuit", "la patte de Pistache"), a story's character (named only in texts about
    a book or a film). A name is kept whenever it stands beside a relation or a role.
    The journal before is read for every name of a period of `FEW_TEXTS` or fewer ("Jen
    and Biscuit were at mile 11" a month after "He's a beagle"), and in a longer one only
    for a name found by no cue of a person's own (`strong`): reading eight weeks of a
    large journal for every name doubled a week's cost."""
    from mirror.services import people_evidence  # only once there are names to weigh

    out: set[str] = set()
    past: Sequence[str] | None = None
    for name in sorted(names):
        if name.startswith("your "):
            continue
        forms = _declined(name, texts, language)
        as_person = sum(1 for s in scans if not forms.isdisjoint(s.personal))
        if any(people_evidence.place(f, texts, as_person) for f in forms) or (
                len(forms) > 1 and
                people_evidence.placed_in_any(forms, texts) >= people_evidence.PLACED > as_person):
            out.add(name)  # "z Poznania", "w Poznaniu": one city written in two cases
            continue
        earlier: list[str] = []
        if history is not None and (name not in strong or len(texts) <= FEW_TEXTS):
            past = history() if past is None else past
            earlier = [t for t in past if name in t][-HISTORY_TEXTS:]
        beside = _beside_someone(name, [*earlier, *texts])
        if people_evidence.the_writer(name, [*earlier, *texts]):
            out.add(name)  # "Mi chiamano tutti Torino qui": the writer's nickname
            continue
        if beside == "role":
            continue
        if people_evidence.compound_head(name, [*earlier, *texts]) or any(
                people_evidence.whole_of(name, t) for t in [*earlier, *texts]):
            out.add(name)  # "Das Halle-Kapitel", "di tutta Torino": a place, a topic
            continue
        if people_evidence.animal(name, texts) or people_evidence.animal(name, earlier):
            out.add(name)  # "walked with Biscuit" is a dog's walk too
        elif not beside and people_evidence.character(name, [*earlier, *texts]):
            out.add(name)
    return out


def same_name(name: str, language: str | None) -> Callable[[str], bool]:
    """Whether a text names `name`: as written, or in a language that declines names in any
    of its cases ("Ewa", "z Ewą", "o Ewie"; "Paweł", "Pawła"), found by their shared stem."""
    exact = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])")
    if language != "pl" or " " in name:
        return lambda text: exact.search(text) is not None
    stem, head = _stem(name, language), name[:2]

    def named(text: str) -> bool:
        return exact.search(text) is not None or (head in text and any(
            m.group(1).startswith(head) and _stem(m.group(1), language) == stem
            for m in _CAP.finditer(text)))
    return named


def _declined(name: str, texts: Sequence[str], language: str | None) -> frozenset[str]:
    """`name` and the other cases of it that `texts` write, in a language that declines
    names (Polish: "Poznania", "Poznaniu"; "Lizbony", "Lizbonie"): a place is known by all
    of its forms together, one "z" and one "w" apart."""
    if language != "pl" or " " in name:
        return frozenset({name})
    stem = _stem(name, language)
    head = name[:3]
    return frozenset({name} | {m.group(1) for t in texts if head in t
                               for m in _CAP.finditer(t) if m.group(1).startswith(head)
                               and _stem(m.group(1), language) == stem})


def no_one(name: str, texts: Sequence[str], around: Callable[[], Sequence[str]] | None = None) -> bool:
    """Whether `texts` (a whole period) show `name` to be no one: a place, an animal or a
    story's character (`_not_people`), however one line of them reads alone; `around`:
    the journal's texts beside the period, read too."""
    return bool(_not_people({name}, [_scan(t) for t in texts if name in t],
                            [t for t in texts if name in t], around))


#: The word just before a name ("my manager, Priya", "Oma Hilde") and the one a comma and
#: a word after it ("Priya, my manager").
_WORD_BEFORE = LazyPattern(r"([\w'’-]+)\s*,?\s+$")
_WORD_AFTER = LazyPattern(r",\s+(?:[\w'’-]+\s+)?([\w'’-]+)")
#: Words that put a name beside the writer ("with Sam", "con Ana", "mit Lea").
_WITH = frozenset("with con avec mit met com z ze insieme".split())


def _beside_someone(name: str, texts: Iterable[str]) -> str:
    """"role" when a relation, a role or a title stands beside `name` in any of `texts`
    ("my manager, Priya", "Priya, my manager", "la jefa, Lorena", "Oma Hilde"); "with"
    when the writer is with them ("with Sam", "mit Lea"); else "". Someone in the
    writer's life, whatever else is said of them."""
    at = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])")
    found = ""
    for text in texts:
        if name not in text:
            continue
        for m in at.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            after = _WORD_AFTER.match(text, m.end())
            for w in (before, after):
                word = w.group(1).lower() if w else ""
                if word in _ROLES or word in _KIN or word in _TITLES:
                    return "role"
                if word in _WITH and w is before:
                    found = "with"
    return found


def _paired(text: str, word: str, people: set[str]) -> bool:
    """Whether `word` is joined by "und" to a name that stood as a person by another cue
    ("mit Jonas und Fatma" where "Jonas hat angerufen"). Two words after one "mit" and
    nothing else are as often things ("mit Jacke und Mütze", "mit Kaffee und Kuchen")."""
    name = re.escape(word)
    for m in re.finditer(rf"(?<![\w'’-])(?:([^\W\d_]+)\s+und\s+{name}|{name}\s+und\s+"
                         rf"({_UP}[^\W\d_]+))(?![\w'’-])", text):
        other = m.group(1) or m.group(2)
        if other in people:
            return True
    return False


def _tally(scans: list[_Scan], names: set[str], rename: dict[str, str]) -> Counter[str]:
    """Person -> in how many scanned texts they come up; counted in order of appearance
    (a set's order would change with every process, and with it the order of a tie)."""
    found: Counter[str] = Counter()
    for s in scans:
        people = [rename.get(p, p) for p in s.people if p in names]
        found.update(list(dict.fromkeys([*people, *(rename.get(p, p)
                                                    for p in sorted(s.possible & names))])))
    return found
