"""Everyday idioms that share a crisis's words, read as the idioms they are, each beside
the crisis that must still get care.

Found on entries written blind with no crisis in them (bench/holdout_entries/fresh71.yaml
and fresh72.yaml), where the care response would have replaced the mirrorback:
- Italian "mi tocca lavorare" is "I have to work", not "he touches me";
- German "hat mit mir Schluss gemacht" is a break-up, not an end;
- "instead of screaming he just looked at me" (a new baby) is what did not happen;
- "he's a Liverpool fan, which is going to be a problem for my family" is a thing that is a
  problem, not the writer;
- Portuguese "contei que só hoje eu pedi desculpa pro porteiro" (fresh74, a therapy session
  about apologising too much) is an apology asked, not "eu pedi" (I asked for it);
- from fresh77-79: "I went and stood in the sluice for a minute" is a hospital room, not a
  misspelt "suicide"; "a bit near the end where everything goes very quiet" is a place in a
  symphony; "he kept saying sorry to her every time he pulled" is said to a third person;
  "a plan to check my phone at the interval" is the writer's own phone; Spanish "me pegué con
  la cama en la rodilla" is a knock against a bed;
- from fresh80: a smell, a song or a longing that "hit" the writer ("el olor me pegó de
  golpe", "o cheiro me bateu", "uderzył mnie zapach") is no one's blow, and "I expected to
  feel something heavy" on a fortieth birthday is a feeling expected, not sought by pain."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, assess


@pytest.mark.parametrize("text", [
    "Sabato mi tocca lavorare di nuovo, e domenica mi tocca pure stirare. Che palle.",
    "Markus hat gestern mit mir Schluss gemacht. Nach vier Jahren. Ich esse jetzt Eis.",
    "Day 12 of being a dad. Around 4 he finished his bottle and instead of screaming he just "
    "looked at me. He seems to be a Liverpool fan, which is going to be a problem for my family.",
    "Contei que só hoje eu pedi desculpa pro porteiro, pro motoboy e pra mulher que esbarrou EM "
    "MIM no metrô. Ela riu. Eu ri também, meio sem graça.",
    "He kept saying sorry to her every time he pulled. I went and stood in the sluice for a "
    "minute after. Not crying. Just standing.",
    "Thought I'd be bored and had a plan to check my phone at the interval and see if anyone was "
    "at the pub. There's a bit near the end where everything goes very quiet.",
    "Anoche intenté aprender el vals con un video y me pegué con la cama en la rodilla.",
    "Salí temprano con el mate y el olor me pegó de golpe, antes de ver los jazmines.",
    "Lo que más me golpeó fue su silencio en la cena.",
    "Abri a porta e o cheiro me bateu antes de ver as flores.",
    "Uderzył mnie zapach jaśminu, zanim je zobaczyłam.",
    "Turned 40. Honestly? Good day. I expected to feel something heavy, and instead I mostly "
    "felt like I'd like a nap.",
])
def test_an_everyday_idiom_is_not_a_crisis(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", [
    "Lui mi tocca quando non voglio e ho paura di tornare a casa.",
    "Ich will Schluss machen mit meinem Leben.",
    "Er hat mit mir Schluss gemacht und ich will nicht mehr leben.",
    "He screams at me and smashes plates. I'm not safe at home.",
    "I am a problem for my family. They would be better off without me.",
    "Quando digo que não, ele continua mesmo assim. Depois diz que eu pedi.",
    "He checks my phone every night and gets angry if I don't hand it over.",
    "He always says sorry after he hits me, every time.",
    "I've come close to ending it all.",
    "i keep thinking about suicidle",
    "Me pegó con el cinturón.",
    "Olía a alcohol y me pegó.",
    "Cheirava a cachaça e me bateu outra vez.",
    "Mąż znowu mnie uderzył w twarz.",
    "I cut myself just to feel something.",
])
def test_the_crisis_that_shares_its_words_still_gets_care(text: str) -> None:
    assert assess(text).tier == CARE
