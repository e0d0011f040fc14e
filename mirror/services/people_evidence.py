"""Whether a name the words around it made a person is one, judged from all its uses.

`mirror.services.people` finds a person by one cue at a time ("with Sam", "Sam said").
One cue can mislead: "der Kardiologe in Kassel sagt" puts a city before a verb of speech,
"Biscuit sulked by the door" is a dog sulking, "Lila et Lenù m'ont tenu compagnie" are a
novel's heroines. Read over every text of a period (and the journal before it, when given),
how a name is used most of the time says what it is:

- **a place** when it stands after a preposition of place ("in Kassel", "nach Kassel",
  "aus Kassel", "en Lyon", "w Krakowie") in more texts than it stands as a person, and in
  two at least;
- **an animal** when an animal's word stands beside it ("our dog Biscuit", "Pistache, la
  chatte", "Hansi ist ein Wellensittich", "Biscuit sulked… He's a beagle") or a word only
  an animal's body or voice has is said of it ("la patte de Pistache", "Pepper barked");
- **a character** when every text that writes it tells of reading or watching a book, a
  series or a film ("Lu L'Amie prodigieuse… Lila et Lenù…") and none writes it beside a
  relation of the writer's, a role, or with the writer.

Word lists are per language but small and of one kind each (animals, prepositions of
place, words of reading and watching): they describe how a name is used, never which
names are which.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from mirror.lazy_re import LazyPattern

#: Animals people live with, in the languages Mirror reads (and a few common breeds, which
#: a writer names as often as the animal: "He's a beagle").
_ANIMALS = frozenset("""
dog dogs doggo puppy pup cat cats kitten kitty beagle labrador spaniel terrier collie poodle
dachshund greyhound retriever whippet pug husky hamster rabbit bunny parrot budgie canary
tortoise goldfish horse pony gerbil ferret
perro perra perrito perrita gato gata gatito gatita conejo loro periquito caballo tortuga
chien chienne chiot chat chatte chaton lapin perroquet perruche cheval tortue
hund hündin welpe katze kater kätzchen kaninchen wellensittich papagei pferd meerschweinchen
hamster schildkröte
cane cagna cagnolino cagnolina gatto gatta gattino gattina coniglio pappagallo cavallo
cão cadela cachorro cachorra gatinho gatinha coelho papagaio periquito cavalo
hond hondje teckel kat kater poes poesje konijn papegaai parkiet paard schildpad
pies psa psem piesek suczka kot kota kotem kotek kotka królik papuga koń żółw
""".split())
#: Words only an animal's body or voice has: said of a name, the name is an animal's
#: ("Pistache a une patte vert sauge", "Canela, que ladra a todo el mundo").
_ANIMAL_LIFE = frozenset("""
paw paws purred purrs purring barked barks barking wagged wags wagging whiskers meowed
patte pattes ronronne ronronnait ronronné aboie aboyé aboyait miaule miaulé
pata patas ronronea ronroneaba ladra ladró ladraba maúlla maulló
pfote pfoten schnurrt schnurrte bellt bellte miaut miaute
zampa zampe fusa abbaia abbaiava miagola
ronrona latiu latia mia miou
poot poten spint blaft blafte miauwt
łapa łapę łapy łapką mruczy mruczał szczeka szczekał miauczy
""".split())
#: Between a name and the animal it is: a comma, an article or possessive, one adjective.
_DETERMINERS = (r"the|our|my|his|her|their|a|an|el|la|los|las|mi|nuestro|nuestra|su|un|una"
                r"|le|les|mon|ma|notre|son|sa|une|der|die|das|den|dem|unser|unsere|unseren"
                r"|mein|meine|meinen|ein|eine|einen|il|lo|i|gli|mio|mia|nostro|nostra"
                r"|o|os|as|meu|minha|nosso|nossa|um|uma|de|het|een|mijn|onze|ons|nasz|nasza"
                r"|naszego|mój|moja")
#: A copula: "Hansi ist ein Wellensittich", "Biscuit is a beagle".
_COPULA = r"is|was|'s|’s|es|era|est|était|c'est|ist|war|è|e'|e’|é|jest|był|była|to"
#: "He's a beagle", "C'est un chat", "Es un perro", "Er ist ein Hund": a sentence that says
#: what the one just named is.
_PRONOUN_IS = (r"(?:he|she|it|they)(?:'s|’s|\s+is|\s+was|\s+are)|c['’]est|il\s+est|elle\s+est"
               r"|es|era|(?:er|sie|es)\s+(?:ist|war)|è|e['’]|(?:ele|ela)\s+(?:é|era)|é"
               r"|(?:hij|zij|ze|het)\s+is|(?:on|ona|to)\s+(?:jest|był|była)")
#: Words that make a text one about a book, a series or a film.
_MEDIA = frozenset("""
book books novel novels chapter chapters page pages episode episodes season series sequel
film movie trilogy audiobook netflix
libro libros novela capítulo página páginas episodio temporada serie película saga
livre livres roman romans chapitre page pages tome épisode saison série film lu relu
buch buches roman romans kapitel seite seiten folge staffel serie film hörbuch gelesen
libro romanzo capitolo pagina pagine episodio stagione serie film letto
livro romance capítulo página episódio temporada série filme lido
boek roman hoofdstuk bladzijde aflevering seizoen serie film gelezen
książka książkę książki powieść rozdział strona strony odcinek sezon serial film przeczytałam
przeczytałem
""".split())
#: Prepositions after which a name is where someone is or goes, not someone.
IN_A_PLACE = frozenset("in into nach aus en à au aux dans em naar uit w we".split())
#: Texts a name must stand in as a place to be one by that.
PLACED = 2
#: Polish "z"/"ze" is "with" before a name in its instrumental ("z Zosią", "z Pawłem") and
#: "from" before any other case ("z Poznania", "ze Lwowa"): where someone comes from.
_FROM = frozenset({"z", "ze"})
_INSTRUMENTAL = ("ą", "em", "ami", "mi")


def from_place(prev: str, word: str) -> bool:
    """Whether `word` after `prev` (lower case) is where someone comes from: Polish
    "z"/"ze" before a capital not in the instrumental ("Zosia z Poznania krzyczała" is
    Zosia calling from Poznań; "z Kubą" is with Kuba)."""
    return prev in _FROM and " " not in word and not word.endswith(_INSTRUMENTAL)

_WORD = LazyPattern(r"[\w'’-]+")
_SENTENCE = LazyPattern(r"[^.!?…\n]+[.!?…]*")


_ANIMAL_WORDS = _ANIMALS | _ANIMAL_LIFE


def _animal_pattern(name: str) -> re.Pattern[str]:
    n = re.escape(name)
    animal = "|".join(sorted(_ANIMALS, key=len, reverse=True))
    return re.compile(
        rf"(?i:\b(?:{animal})\b,?\s+)(?-i:{n})(?![\w'’-])"  # "our dog Biscuit", "le chat, Pistache"
        rf"|(?<![\w'’-])(?-i:{n})(?i:,?\s+(?:(?:{_DETERMINERS})\s+)?(?:[\w-]+\s+)?(?:{animal})\b)"
        rf"|(?<![\w'’-])(?-i:{n})(?i:\s+(?:{_COPULA})\s+(?:(?:{_DETERMINERS})\s+)?(?:[\w-]+\s+)?"
        rf"(?:{animal})\b)")


_PRONOUN_ANIMAL = LazyPattern(
    rf"^\s*(?i:(?:{_PRONOUN_IS})\s+(?:(?:{_DETERMINERS})\s+)?(?:[\w-]+\s+)?(?:"
    + "|".join(sorted(_ANIMALS, key=len, reverse=True)) + r")\b)")


#: The same said after a clause's break, where a pro-drop language leaves the subject out:
#: "Forse sto esagerando, e' un cane." ("I'm overdoing it, he's a dog").
_CLAUSE_ANIMAL = LazyPattern(
    rf"(?:^|[,;:]|\b(?:but|pero|mais|aber|ma|mas|maar|ale)\b)\s*(?i:(?:{_PRONOUN_IS})\s+"
    rf"(?:(?:{_DETERMINERS})\s+)?(?:[\w-]+\s+)?(?:" + "|".join(sorted(_ANIMALS, key=len, reverse=True))
    + r")\b)")
#: Sentences back from such a line where the one it speaks of is looked for: the nearest
#: that opens on a name ("Ugo non lo porto fuori… lo fa Chiara. Mi guarda come un estraneo.
#: Forse sto esagerando, e' un cane.": Ugo, who opens, not Chiara, named inside).
TOPIC_BACK = 3


#: A piece of every cue of `_walked`: most texts hold none and skip its pattern.
_WALKING = LazyPattern(r"(?i)walk|took|tak|fuori|pasear|promen|sorti|gassi|uit(?:ge)?la|wyprowadz"
                       r"|passeando")


@lru_cache(maxsize=1024)
def _walked(name: str) -> re.Pattern[str]:
    """Being walked, taken out or let out ("Walked Gerald round the park", "Ugo non lo porto
    fuori io", "saqué a pasear a Canela", "mit Bruno Gassi gegangen", "Bobbie uitgelaten"):
    what is done with a dog, in the languages Mirror reads. "Walked Mum home" and "walked
    with Sam" are a person's walk: the name must be walked round, through or along a place."""
    n = rf"(?-i:{re.escape(name)})(?![\w'’-])"
    return re.compile(
        rf"(?i)\b(?:walked|walking|walk|took|taking|take)\s+{n}\s+(?:round|around|through|along"
        rf"|up\s+the|down\s+the|in\s+the\s+park|for\s+a\s+walk|out\s+for)\b"
        rf"|(?<![\w'’-]){n}\s+(?:[\w'’]+\s+){{0,2}}(?:lo|la)\s+port\w*\s+fuori\b"
        rf"|\bportat[oa]\s+fuori\s+{n}"
        rf"|\bsac\w*\s+a\s+pasear\s+a\s+{n}|\bpasear\s+a\s+{n}"
        rf"|\bpromen\w*\s+{n}|\b(?:sorti|sortir)\s+{n}"
        rf"|\bmit\s+{n}\s+(?:[\w'’]+\s+)?gassi\b|(?<![\w'’-]){n}\s+(?:[\w'’]+\s+){{0,2}}uit(?:ge)?la(?:ten|at)\b"
        rf"|\bwyprowadzi\w*\s+{n}|\bpasseando\s+com\s+(?:o|a)\s+{n}")


def _sentences(text: str) -> list[str]:
    return [m.group(0) for m in _SENTENCE.finditer(text)]


#: A sentence up to its stop, across a line wrapped by hand ("Walked Gerald\nround the park").
_STOPPED = LazyPattern(r"[^.!?…]+[.!?…]*")


def _naming(text: str, name: str) -> list[str]:
    """The sentences of `text` that hold `name` (lines wrapped by hand read whole)."""
    return [m.group(0) for m in _STOPPED.finditer(text) if name in m.group(0)]


def _names_in(sentence: str, name: str) -> bool:
    return re.search(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", sentence) is not None


#: Words between a name and a word of its animal life ("Grisou a une patte", "Canela, que
#: ladra"), or between that word and the name after it ("la patte de Grisou").
LIFE_AFTER, LIFE_BEFORE = 4, 2


def _lives_as_an_animal(name: str, sentence: str) -> bool:
    """Whether a word of an animal's life (`_ANIMAL_LIFE`) is said of `name` in `sentence`:
    a few words after it, or just before it, within one clause."""
    for clause in re.split(r"[;:()]|,(?!\s*(?:que|qui|who|which|der|die|das|che|wie|który|która)\b)",
                           sentence):
        words = [w.lower() for w in _WORD.findall(clause)]
        at = [k for k, w in enumerate(_WORD.findall(clause)) if w.removesuffix("'s")
              .removesuffix("’s") == name]
        for k in at:
            near = words[k + 1:k + 1 + LIFE_AFTER] + words[max(0, k - LIFE_BEFORE - 1):k]
            if any(w in _ANIMAL_LIFE for w in near) or (
                    words[k].endswith(("'s", "’s")) and k + 1 < len(words)
                    and words[k + 1] in _ANIMAL_LIFE):
                return True
    return False


@lru_cache(maxsize=8192)
def _tells_of_animals(text: str) -> bool:
    """Whether `text` holds a word of `_ANIMALS` or `_ANIMAL_LIFE` at all: read once per
    text, so that a month of a thousand entries is searched for each name only where an
    animal might be."""
    return not _ANIMAL_WORDS.isdisjoint(_WORD.findall(text.lower()))


def animal(name: str, texts: Iterable[str]) -> bool:
    """Whether `texts` show `name` to be an animal (see the module's docstring); a name of
    two words opening on an animal's ("Kot Psotek spał mi na kolanach", "Hund Bruno") is
    the animal named with its kind."""
    if " " in name:
        return name.split(" ", 1)[0].lower() in _ANIMALS
    pattern = _animal_pattern(name)
    walked = _walked(name)
    for text in texts:
        if name not in text:
            continue
        # Each pattern is tried on the sentences naming them only: it tries every word of
        # its cues at each place it reads, and a month of a thousand entries names someone
        # in hundreds of them ("took", "walk" are in most).
        naming: list[str] | None = None
        if _WALKING.search(text):
            naming = _naming(text, name)
            if any(_WALKING.search(sentence) and walked.search(sentence) for sentence in naming):
                return True
        if not _tells_of_animals(text):
            continue
        naming = naming if naming is not None else _naming(text, name)
        if any(pattern.search(sentence) for sentence in naming):
            return True
        sentences = _sentences(text)
        for k, sentence in enumerate(sentences):
            if not _names_in(sentence, name):
                continue
            if _lives_as_an_animal(name, sentence):
                return True
            opens = _WORD.findall(sentence)[:1] in ([name], [f"{name}'s"], [f"{name}’s"])
            if opens and k + 1 < len(sentences) and (_PRONOUN_ANIMAL.match(sentences[k + 1]) or {
                    w.lower() for w in _WORD.findall(sentences[k + 1])[:LIFE_AFTER]} & _ANIMAL_LIFE):
                return True  # "Biscuit sulked by the door… He's a beagle.", "Briciola ha
                # dormito sul mio cuscino. Fa le fusa come un trattore."
        if _the_topic_is_an_animal(name, sentences):
            return True
    return False


def _opener(sentence: str) -> str:
    words = _WORD.findall(sentence)[:1]
    return words[0].removesuffix("'s").removesuffix("’s") if words else ""


def _the_topic_is_an_animal(name: str, sentences: list[str]) -> bool:
    """Whether a clause says "he's a dog" ("e' un cane", "c'est un chat") of the one the
    text was speaking of: the nearest of the `TOPIC_BACK` sentences before it (or its own)
    that opens on a name opens on `name`. A sentence that opens on another capitalised
    word the text also writes inside a sentence (another name) ends the search."""
    inside = {w for sentence in sentences for w in _WORD.findall(sentence)[1:] if w[:1].isupper()}
    for k, sentence in enumerate(sentences):
        if not _CLAUSE_ANIMAL.search(sentence):
            continue
        for back in range(k, max(-1, k - TOPIC_BACK - 1), -1):
            first = _opener(sentences[back])
            if first == name:
                return True
            if first in inside:
                break
    return False


#: Reading and watching: with a word of `_MEDIA`, a text tells a story someone else wrote
#: (none that is another word too: Spanish "las", "vi"; "finished").
_TAKING_IN = frozenset("""
read reading reread rereading watched watching binged binge
leí leído leyendo leer viendo
lu relu lire lisant regardé
gelesen lese lesen ausgelesen geschaut geguckt
letto leggendo leggere guardato
lido lendo ler assisti
gelezen lezen uitgelezen gekeken
przeczytałam przeczytałem czytam czytałam czytałem obejrzałam obejrzałem
""".split())


def _media(text: str) -> bool:
    words = {w.lower() for w in _WORD.findall(text)}
    return bool(words & _MEDIA) and bool(words & _TAKING_IN)


def character(name: str, texts: Sequence[str]) -> bool:
    """Whether `name` is written only in texts about a book, a series or a film: a
    story's character (the caller keeps anyone written beside a relation, a role, or
    with the writer)."""
    holding = [t for t in texts if name in t and _names_in(t, name)]
    return bool(holding) and all(_media(t) for t in holding)


_WORD_BEFORE = LazyPattern(r"([\w'’-]+)\s+$")


def placed_in_any(names: Iterable[str], texts: Sequence[str]) -> int:
    """In how many of `texts` one of `names` (the cases of one name) stands after a
    preposition of place."""
    forms = sorted(names)
    return sum(1 for text in texts if any(placed_in(n, [text]) for n in forms))


def placed_in(name: str, texts: Iterable[str]) -> int:
    """In how many of `texts` `name` stands after a preposition of place."""
    at = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])")
    n = 0
    for text in texts:
        if name not in text:
            continue
        for m in at.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
            if before is not None and (before.group(1).lower() in IN_A_PLACE
                                       or from_place(before.group(1).lower(), name)):
                n += 1
                break
    return n


#: Words that take a place's whole ("di tutta Torino", "in ganz Leipzig", "en toda Valencia",
#: "dans tout Lyon", "in heel Utrecht"): no one is "all of" a person.
_WHOLE = frozenset("tutta tutto toda todo tout toute ganz ganzen heel hele całe cały całą całym".split())
#: "all of London", "the whole of Leeds".
_ALL_OF = LazyPattern(r"(?i:\b(?:all|whole)\s+of)\s+$")


def whole_of(name: str, text: str) -> bool:
    """Whether `text` writes `name` as a place's whole ("il caffè più buono di tutta Torino")."""
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if (before is not None and before.group(1).lower() in _WHOLE) or \
                _ALL_OF.search(text, max(0, m.start() - 16), m.start()):
            return True
    return False


#: How the writer says what they are called ("Mi chiamano tutti Torino qui", "they call me
#: Bear at work", "me llaman la Jefa"): the writer's own name, not someone in their life.
_CALLED_ME = LazyPattern(
    # (only "they call me" and "I am called": "Me llamó Lucía", "mi chiama Chiara" are
    # someone phoning)
    r"(?i:\b(?:they|people|everyone|everybody|all)\s+(?:\w+\s+){0,2}calls?\s+me|\bmi\s+chiam(?:ano|o)\b"
    r"|\bme\s+llam(?:an|o)\b|\bme\s+dicen|\bm['’]appellent|\bje\s+m['’]appelle|\bnenn\w*\s+mich"
    r"|\bich\s+heiße|\bnoemen\s+me|\bik\s+heet|\bme\s+chamam(?:\s+de)?|\bchamam-me(?:\s+de)?"
    r"|\bchamo-me|\bnazywają\s+mnie|\bmówią\s+na\s+mnie|\bmam\s+na\s+imię)"
    r"(?:\s+(?i:all|everyone|tutti|todos|tous|alle|allemaal|wszyscy|todos|la|el|le|il|o|a|de))*\s+"
    r"([^\W\d_][\w'’-]*)")


def the_writer(name: str, texts: Iterable[str]) -> bool:
    """Whether `texts` say the writer is called `name` ("Mi chiamano tutti Torino qui"):
    a nickname they are given, never someone else listed among their people."""
    return any(name in _called_me(text) for text in texts if name in text)


#: A piece of every way of `_CALLED_ME`: most texts hold none and skip its pattern.
_CALLED_HINT = LazyPattern(r"(?i)call|chiam|llam|dicen|appel|nenn|heiße|noemen|heet|cham|nazywaj"
                           r"|mówią|imię")


@lru_cache(maxsize=8192)
def _called_me(text: str) -> frozenset[str]:
    """The names `text` says the writer is called: read once per text, not once per name
    of a month of a thousand entries."""
    if not _CALLED_HINT.search(text):
        return frozenset()
    return frozenset(m.group(1) for m in _CALLED_ME.finditer(text))


#: Two compounds or more headed by one name, one of them after an article ("Das
#: Halle-Kapitel", "Halle-Daten", "der Halle-Vergleich"): a city, a topic, a project, not
#: a person ("Anne-Marie" is one name, written one way).
COMPOUNDS = 2


def compound_head(name: str, texts: Iterable[str]) -> bool:
    """Whether `name` heads `COMPOUNDS` different hyphenated compounds in `texts`, at least
    one after an article or a determiner: what the writer's work or place is about."""
    heads = re.compile(rf"(?<![\w'’-]){re.escape(name)}-([^\W\d_][\w]*)")
    seconds: set[str] = set()
    determined = False
    for text in texts:
        if f"{name}-" not in text:
            continue
        for m in heads.finditer(text):
            seconds.add(m.group(1).lower())
            before = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
            if before is not None and re.fullmatch(_DETERMINERS, before.group(1).lower()):
                determined = True
    return len(seconds) >= COMPOUNDS and determined


def place(name: str, texts: Sequence[str], as_person: int) -> bool:
    """Whether `name` is a place: written after a preposition of place in `PLACED` texts
    or more, and in more texts than it stood as a person in (`as_person`)."""
    n = placed_in(name, texts)
    return n >= PLACED and n > as_person
