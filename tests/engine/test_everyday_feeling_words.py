"""The words people write their feelings in every day ("je suis contente", "estoy enojada",
"ich bin verliebt", "ci sono rimasta male", "bałam się", "ik erger me", "I'm so upset") name
the feeling; and words that only look like one ("j'ai eu", "acabé llorando", "gut
angekommen", "sceso giù", "zdałam sobie sprawę", "zorgen voor", "boiling the kettle") name
none. These sentences were written for the tests, one or more in each language."""

from __future__ import annotations

import pytest

from mirror.engine.offline import compose
from mirror.engine.reading import read


@pytest.mark.parametrize(("text", "language", "feeling"), [
    # fr
    ("Je suis vraiment contente de ma journée.", "fr", "joy"),
    ("Je suis fâchée contre mon frère depuis dimanche.", "fr", "anger"),
    ("Je suis déçue, il n'est pas venu.", "fr", "hurt"),
    ("Je crois que je suis amoureux de Léa.", "fr", "love"),
    ("Je m'en veux d'avoir oublié son anniversaire.", "fr", "guilt"),
    ("J'ai pas le moral depuis la rentrée.", "fr", "sadness"),
    ("Je me sens seule dans ce nouvel appartement.", "fr", "loneliness"),
    # es
    ("Estoy muy contento con cómo salió la cena.", "es", "joy"),
    ("Estoy enojada con mi jefa por lo de ayer.", "es", "anger"),
    ("Me asusté mucho cuando se fue la luz.", "es", "fear"),
    ("Estoy enamorado de mi vecina, creo.", "es", "love"),
    ("Tengo sueño y todavía me quedan tres capítulos.", "es", "tiredness"),
    # de
    ("Ich bin total verliebt in sie.", "de", "love"),
    ("Ich habe mich heute total geärgert, weil der Zug ausfiel.", "de", "frustration"),
    ("Mir ist mulmig wegen des Gesprächs morgen.", "de", "anxiety"),
    ("Ich bin todmüde von der Woche.", "de", "tiredness"),
    ("Mir fällt ein Stein vom Herzen, der Test ist negativ.", "de", "relief"),
    # it
    ("Ci sono rimasta male per quello che ha detto.", "it", "hurt"),
    ("Sono innamorata persa di lui.", "it", "love"),
    ("Mi annoio da morire in ufficio.", "it", "boredom"),
    ("Ho l'ansia per il colloquio di domani.", "it", "anxiety"),
    ("Sono in pensiero per mia figlia.", "it", "anxiety"),
    # pt
    ("Estou apaixonada pelo meu melhor amigo.", "pt", "love"),
    ("Estou tão animada para as férias!", "pt", "hope"),
    ("Estou arrasada com a notícia.", "pt", "sadness"),
    ("Estou com sono o dia todo.", "pt", "tiredness"),
    # pl
    ("Bałam się wracać sama po ciemku.", "pl", "fear"),
    ("Jestem zadowolona z tego tygodnia.", "pl", "joy"),
    ("Byłam zła, że nikt nie przyszedł.", "pl", "anger"),
    ("Jestem zestresowana przed sesją.", "pl", "anxiety"),
    ("Mam wyrzuty sumienia, że nie zadzwoniłam.", "pl", "guilt"),
    # nl
    ("Ik ben verliefd op mijn buurjongen.", "nl", "love"),
    ("Ik erger me aan de herrie boven.", "nl", "frustration"),
    ("Ik ben gestrest door de deadline.", "nl", "anxiety"),
    ("Ik voel me rot vandaag.", "nl", "sadness"),
    ("Ik ben helemaal in de war.", "nl", "confusion"),
    # en
    ("I'm so upset about how the call went.", "en", "hurt"),
    ("I'm really disappointed in how I handled it.", "en", "hurt"),
    ("I feel hopeless about finding a flat.", "en", "sadness"),
    ("I lost my temper with my brother tonight.", "en", "anger"),
    ("I feel worthless after that review.", "en", "shame"),
])
def test_an_everyday_feeling_word_names_the_feeling(text: str, language: str, feeling: str) -> None:
    assert feeling in read(text, None, language).feelings


@pytest.mark.parametrize(("text", "language", "wrong"), [
    # fr: "j'ai eu" is "I had"; "manque de" is a lack; "toute seule" is by oneself
    ("J'ai eu froid toute la soirée au concert.", "fr", "pride"),
    ("J'ai un manque de temps en ce moment.", "fr", "longing"),
    ("J'ai mangé toute seule à la cantine.", "fr", "pride"),
    ("Autrefois il y avait une boulangerie au coin.", "fr", "nostalgia"),
    ("Je lui ai tendu le sel.", "fr", "love"),
    # es: "acabé" + a gerund is how it ended; "querido diario" opens a page
    ("Acabé durmiendo en el sofá.", "es", "pride"),
    ("Querido diario, hoy llovió.", "es", "love"),
    ("Me duele la garganta desde el lunes.", "es", "sadness"),
    ("Gracias a que salí temprano, pillé el tren.", "es", "gratitude"),
    # de: arriving safely; a preposition; a letter's close; a tendon
    ("Wir sind gut angekommen, das Hotel ist okay.", "de", "belonging"),
    ("Dank der Umleitung kam ich zu spät.", "de", "gratitude"),
    ("Liebe Grüße an Oma, schrieb ich unter die Karte.", "de", "love"),
    ("Meine Sehne ist entzündet.", "de", "longing"),
    # it: "giù" is downstairs
    ("Sono andata giù in cantina a prendere il vino.", "it", "sadness"),
    # pt: "tens" is "you have" in Portugal; ending a relationship; a headache
    ("Tens de ver este filme, amiga.", "pt", "anxiety"),
    ("Terminei com ela no sábado.", "pt", "pride"),
    ("Querido diário, hoje choveu o dia todo.", "pt", "love"),
    # pl: "zdałam sobie sprawę" is "I realised"; "chciałabym" is "I'd like"
    ("Zdałam sobie sprawę, że zapomniałam kluczy.", "pl", "pride"),
    ("Chciałabym kupić nowe buty.", "pl", "longing"),
    ("Brakuje mi miejsca w szafie.", "pl", "longing"),
    # nl: "zorgen voor" is "take care of"; "schulden" are debts
    ("Morgen moet ik zorgen voor de boodschappen.", "nl", "anxiety"),
    ("We hebben nog schulden van de verbouwing.", "nl", "guilt"),
    ("Welkom terug, zei de buschauffeur.", "nl", "belonging"),
    # en: a kettle, a phone, a post
    ("I was boiling pasta for the kids.", "en", "anger"),
    ("I shattered a glass in the sink.", "en", "tiredness"),
    ("I edited content for the website all day.", "en", "calm"),
])
def test_a_word_that_only_looks_like_a_feeling_names_none(text: str, language: str, wrong: str) -> None:
    assert wrong not in read(text, None, language).feelings


def test_the_reply_names_the_everyday_word() -> None:
    """The mirrorback itself names what the word says, in the entry's language."""
    assert "colère" in compose("Je suis fâchée contre lui. Il a encore oublié de venir me chercher.").lower()
    assert "anger" not in compose("I was boiling the kettle when she rang. We talked about the weekend.").lower()


def test_upset_is_hurt_but_an_upset_stomach_is_not() -> None:
    assert "hurt" in read("I'm upset that nobody asked how the interview went.", None, "en").feelings
    assert "hurt" not in read("I've had an upset stomach since lunch.", None, "en").feelings


def test_fed_up_said_plainly_after_dry_praise_is_anger() -> None:
    """"Estoy hasta el moño" is said as plainly as "Estoy harta": the feeling is named, and
    the dry "Maravilloso" before it is still never read as gladness."""
    r = read("Otra vez sin cita en Tráfico. Maravilloso. Estoy hasta el moño.", None, "es")
    assert "anger" in r.feelings and "joy" not in r.feelings


def test_a_foul_mood_said_in_french_is_anger() -> None:
    assert "anger" in read("Bus raté, café renversé. Je suis d'humeur massacrante depuis ce matin.",
                           None, "fr").feelings


def test_a_quiet_house_and_eating_alone_are_loneliness_but_quiet_after_a_full_day_is_not() -> None:
    assert "loneliness" in read("Eating alone again. The house is so quiet after nine.", None, "en").feelings
    assert "loneliness" not in read("Built a den with the kids and ate pancakes. The house is so quiet "
                                    "now they're asleep.", None, "en").feelings
