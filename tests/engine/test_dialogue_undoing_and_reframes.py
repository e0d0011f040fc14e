"""Whose words a line is, where a short last line turns, and what a sarcastic entry is
quoted from, found on entries written blind (fresh97 and earlier); each read blind was
graded 2 or would have been:

- in a dialogue the writer wrote down ("Maya (5): … / me: … / Maya: that's sad"), what
  another speaker says is theirs, like words in quotation marks; a heading ("Mood: low")
  stays the writer's;
- "it took me a second to figure out why my throat got tight" says the moment undid them;
- "Didn't realize how much I'd been bracing", with its "I" dropped, still points at the
  heart;
- a short last line that says the line before no longer held ("En toen was het geen lachen
  meer.") is where the entry turns; "I don't know what a winter coat is" is not knowing;
- "I have never loved anything more" is the most ever, of someone, not a love of things;
- "like i have personally betrayed the family" is a deed, not hurt felt; butterflies alone
  are not worry;
- a sarcastic entry with no line that marks its irony is quoted from its strongest line,
  not its first;
- "I'm not even sad exactly, it's more like visiting a house …": the line lands on what it
  is more like;
- a numb arm under a sleeping child does not make the moment a hard one;
- "Poi ha detto: \"È una cisti. Benigna.\"": news in the doctor's own words is relief, and
  "Si chiama Gennaro, …" is no dry "yes, Gennaro";
- "I laughed so hard I had to sit on the toilet lid" is a laugh, not a body stopped by grief;
- "i'm happy for her i am", insisted on in one breath, gives way to the line after it;
  "Saudade não é" unsays the feeling;
- a closing line of five words or more lands with more weight ("I'm at the part of the year
  where it feels like it'll take ten"), a short errand after the moment still does not;
- "It smells like a gym bag" describes a thing, and is asked no question about a feeling;
- "I am so calm I could bite through a door" is fury said the other way round (graded 1 as
  calm); "before I could drive" is said back as the past; "I did turn out alright" is no
  moment to place in time; "I'd thought we were mostly logistics by now. … Turns out not."
  is a belief held till now, overturned."""

from __future__ import annotations

from collections.abc import Callable

from mirror.engine.offline import compose

FISH = ("Breakfast conversation:\nMaya (5): do fish know they're wet\nme: I don't think so\nMaya: that's sad\n"
        "me: why\nMaya: because they never get to be dry and feel how nice it is\nThen she gave the rest of "
        "her toast to the dog \"because he's also never been a fish.\" I have no idea what that means. I wrote "
        "it down so I'd keep it.\n")


def test_another_speakers_line_in_a_dialogue_is_theirs(centre_of: Callable[[str], str]) -> None:
    assert "that's sad" not in centre_of(FISH)
    assert "I wrote it down so I'd keep it" in centre_of(FISH)
    assert "Maya: that's sad" not in compose(FISH)


def test_the_writers_own_line_in_a_dialogue_stays_theirs(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Him: you ok?\nMe: honestly I'm so tired. Work has eaten the whole week.\nHim: go to bed then\n"
             "Went to bed at nine.\n")
    assert feelings_of(entry) == ("tiredness",)


DENVER = ("Two months in Denver. I know where the good grocery store is now and which barista spells my name "
          "right (none of them). The mountains are exactly as big as everyone said. I still haven't had anyone "
          "over. I set two plates out tonight by habit and put one back, and it took me a second to figure out "
          "why my throat got tight.\n")


def test_a_throat_gone_tight_is_where_the_entry_holds_its_weight(centre_of: Callable[[str], str]) -> None:
    assert "my throat got tight" in centre_of(DENVER)
    assert "grocery store" not in compose(DENVER)


BRACING = ("Standup ran long. Jira down for an hour. Ate lunch at desk, again. Dentist moved to Thursday. Marcus "
           "finally merged the migration and nothing caught fire. Didn't realize how much I'd been bracing "
           "until I got to the car and just sat there for ten minutes with the engine off.\n")


def test_a_pointer_with_its_i_dropped_still_points(centre_of: Callable[[str], str]) -> None:
    assert centre_of(BRACING).startswith("Didn't realize how much I'd been bracing")


PINEAPPLES = ("Bij Marloes geweest. Ze heeft geen haar meer en had een sjaaltje om met ananassen erop, \"omdat ik "
              "toch iets tropisch verdien,\" zei ze. We hebben zitten kletsen over niks, over de buurvrouw met de "
              "drie katten. Na een uur was ze moe, ik zag het aan haar ogen. Op de fiets naar huis kreeg ik "
              "ineens zo'n lachbui om die ananassen dat ik bij de brug moest stoppen. En toen was het geen "
              "lachen meer.\n")


def test_a_last_line_that_undoes_the_line_before_is_the_turn(centre_of: Callable[[str], str]) -> None:
    assert centre_of(PINEAPPLES) == "En toen was het geen lachen meer"
    reply = compose(PINEAPPLES)
    assert "lachbui" in reply and "geen lachen meer" in reply


VISA = ("Visa approved. VISA APPROVED. Checked the email four times on the bus to make sure it said approved "
        "and not \"under administrative processing\" again. Called Amma and she started crying and then Appa "
        "took the phone and just said \"good, very good\" three times and gave it back. For him that's a "
        "speech. Flight to Edinburgh is in 26 days. I haven't even bought a winter coat. I don't know what a "
        "winter coat is.\n")


def test_not_knowing_in_a_last_line_undoes_nothing(centre_of: Callable[[str], str]) -> None:
    assert "winter coat" not in centre_of(VISA)


PUPPY = ("Puppy update, day 6:\n- has eaten: one sock, part of a TV remote, a wasp (regrets it)\n- has not "
         "eaten: the expensive puppy food\n- sleeps 20 hrs a day, all 4 waking hours are between 2 and 6 am\n"
         "- I have not slept properly since Sunday\n- I have never loved anything more, don't tell my husband\n")


def test_never_loved_anything_more_is_love(feelings_of: Callable[[str], tuple[str, ...]],
                                           centre_of: Callable[[str], str]) -> None:
    assert feelings_of(PUPPY) == ("love",)
    assert "never loved anything more" in centre_of(PUPPY)


def test_loving_a_thing_is_still_no_tenderness(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "love" not in feelings_of("I love my commute. Forty minutes of podcasts and nobody asking me anything.\n")


CUPBOARD = ("the cat has learned to open the cupboard where the treats are. i have put a hair tie around the "
            "handles. she is sitting in front of it staring at me like i have personally betrayed the family. "
            "i have. no regrets. ok some regrets\n")


def test_a_betrayal_the_writer_did_is_not_hurt_felt(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "hurt" not in feelings_of(CUPBOARD)
    assert "hurt" in feelings_of("My best friend told everyone my secret at the party. I felt so betrayed.\n")


DATE = ("ok so. the date. it was supposed to be coffee, one hour max, escape plan ready. we closed the cafe. "
        "they literally stacked chairs around us. she laughed at my pigeon story, the real laugh, not the polite "
        "one. i'm 41 and i have butterflies like an absolute fool and i'm going to let myself have them.\n")


def test_butterflies_alone_are_not_named_worry(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "anxiety" not in feelings_of(DATE)
    assert "worry" not in compose(DATE)


TEAPOT = ("Work today, a summary: the client in Leeds wants the logo \"bigger but also more subtle\". Gareth "
          "approved it without asking me. Then Gareth asked why the file wasn't \"final final\". I have a "
          "master's degree. I spent 40 minutes moving a teapot icon 3 pixels to the left. Living the dream, "
          "truly.\n")


def test_a_sarcastic_entry_is_not_quoted_from_its_first_line(centre_of: Callable[[str], str]) -> None:
    assert "client in Leeds" not in centre_of(TEAPOT)
    assert "teapot" in compose(TEAPOT)


IPOD = ("Found my old iPod in a shoebox while looking for the passports. It still had charge, somehow, like "
        "it'd been waiting. 2,341 songs. So much bad pop punk. Then a playlist called \"for the drive :)\" that "
        "Sam made me the summer before college, and I sat on the bedroom floor and listened to the whole "
        "thing, and I'm not even sad exactly, it's more like visiting a house you used to live in and finding "
        "the door still unlocked.\n")


def test_a_line_lands_on_what_it_is_more_like(centre_of: Callable[[str], str]) -> None:
    assert "visiting a house you used to live in" in centre_of(IPOD)
    assert "I'm not even sad exactly”." not in compose(IPOD)


LILY = "Lily fell asleep on my chest during the movie. Arm's been dead for forty minutes. Not moving.\n"


def test_a_numb_arm_under_a_sleeping_child_keeps_the_tenderness(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert feelings_of(LILY) == ("love",)
    assert "Tenderness" in compose(LILY) or "tenderness" in compose(LILY)


GENNARO = ("Ecografia alle 8:40. Arrivata alle 7:50 perché tanto non dormivo. In sala d'attesa c'era un acquario "
           "con un pesce solo, arancione, che girava in tondo. L'ho guardato per cinquanta minuti. Si chiama "
           "Gennaro, me l'ha detto l'infermiera.\nIl medico ha fissato lo schermo per un tempo lunghissimo senza "
           "dire niente e io ho pensato a tutto. Poi ha detto: \"È una cisti. Benigna. Niente di niente.\"\n"
           "Niente di niente.\nSono uscita, mi sono seduta in macchina e ho mangiato un cornetto alla crema senza "
           "sentirne il sapore. Uscendo ho salutato Gennaro. Lui no.\n")


def test_news_in_the_doctors_own_words_is_relief_and_si_is_no_retort(
        reading_of: Callable[[str], tuple[object, object]]) -> None:
    # ("Si chiama Gennaro, …" is the fish's name, not "Yes, Gennaro," said dryly)
    _, reading = reading_of(GENNARO)
    assert not reading.sarcasm  # type: ignore[attr-defined]
    assert reading.feelings == ("relief",)  # type: ignore[attr-defined]
    assert "asciutto" not in compose(GENNARO) and "Gennaro ad alta voce" not in compose(GENNARO)


def test_news_the_writer_tells_someone_in_quotes_is_not_their_relief(
        feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = "I told Mum on the phone \"it's fine, it's benign\" and she went quiet. I haven't had the results yet.\n"
    assert "relief" not in feelings_of(entry)


ALAN = ("Helped Alan shower today. Third week of it. He's getting better at letting me, and I'm getting better at "
        "not making a face when the water goes cold halfway because the boiler is a bastard.\nHe made a joke about "
        "how this wasn't what he pictured when he said \"in sickness and in health,\" he'd imagined more of a flu, "
        "maybe a sprained ankle, and I laughed so hard I had to sit on the toilet lid.\nThen he said \"thank you,\" "
        "very quietly, while I was towelling his back, and I couldn't look at him for a second. Forty years. I "
        "have never heard him say thank you like that, like it cost him something. I said \"don't go soft on me\" "
        "and dried his hair.\n")


def test_sitting_down_from_laughing_is_no_stillness(centre_of: Callable[[str], str]) -> None:
    assert "toilet lid" not in centre_of(ALAN)


SUMMER = ("ok so maya got into the summer program and i didnt even apply bc i said it was for tryhards. i said "
          "congrats like four times in the gc. she's gonna be gone all of july. which is fine. i'm happy for her i "
          "am\ni just thought we were both going to be not doing anything together\nate a whole sleeve of oreos "
          "and watched her story six times. going to bed\n")


def test_a_gladness_insisted_on_in_one_breath_gives_way_to_the_line_after(centre_of: Callable[[str], str]) -> None:
    assert centre_of(SUMMER).startswith("i just thought we were both going to be not doing anything together")


def test_how_lucky_i_am_is_not_insisting(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Ten years today. Thank you for the tea you bring up every morning. I wanted it written somewhere. "
             "I know how lucky I am.\n")
    assert feelings_of(entry) == ("gratitude",)


def test_saudade_nao_e_unsays_the_feeling(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Voltei para casa a pé, devagar, pela marginal. Vento norte, o mar todo branco. Não sei bem o que "
             "senti. Saudade não é, porque estou aqui, vejo isto todos os dias. Disse que fui comprar o jornal. "
             "Não comprei o jornal.\n")
    assert "longing" not in feelings_of(entry)


def test_two_lines_both_denied_do_not_undo_each_other(centre_of: Callable[[str], str]) -> None:
    entry = ("Missed Priya's class play. She was a tree. She had one line. I got there for the juice and cookies. "
             "She said it's okay mummy like a little adult, which was worse than if she'd cried. Dev didn't say "
             "anything all evening. He didn't need to.\n")
    assert "He didn't need to" not in centre_of(entry)


SMOKE = ("100 days without a cigarette. Bought myself a good pen with the money I'd have spent and there's loads "
         "left over, which is a little horrifying. Still want one after dinner most nights. But this morning I "
         "walked up the hill to the bus stop and didn't have to stop halfway. Maybe by the time Rosie's old enough "
         "to ask, I'll just be someone who used to smoke.\n")
CALGARY = ("Three months in Calgary. The clinic is good, the vets are nice, I like the work. I'm really good with "
           "the scared cats, turns out. But I've now eaten dinner alone 87 nights in a row. Everyone at work has "
           "kids or partners or hockey, and they're friendly in that way where you know nobody's going to invite "
           "you to anything. Tried a climbing gym on Saturday. Fell off the wall. I keep telling myself it takes a "
           "year. I'm at the part of the year where it feels like it'll take ten.\n")


def test_a_closing_line_of_some_length_is_where_the_entry_lands(centre_of: Callable[[str], str]) -> None:
    # (read blind in pairs, a closing line weighed more was preferred 30 to 14)
    assert "someone who used to smoke" in centre_of(SMOKE)
    assert "it'll take ten" in centre_of(CALGARY)


def test_a_short_closing_errand_still_does_not_outweigh_the_line_before(centre_of: Callable[[str], str]) -> None:
    entry = ("Dr Patel rang at four. The lump is a cyst, nothing else. I said thank you about six times and then "
             "went and sat in a toilet cubicle for five minutes because I didn't know what to do with my face. "
             "Back at my desk by half past. Told nobody.\n")
    assert "Told nobody" not in centre_of(entry)


def test_how_a_thing_smells_is_no_picture_of_how_it_felt() -> None:
    reply = compose("Day 3 of the sourdough starter. It smells like a gym bag, I've named it Kevin, and I love it "
                    "more than several people I work with.\n")
    assert "like a gym bag\u201d say about how it felt" not in reply



MOULD = ("Landlord texted \"will pop round Thursday to look at the damp.\" That's the fourth Thursday. FOURTH. The "
         "black stuff is now on the ceiling above Ellie's bed and I've been wiping it with vinegar while he posts "
         "pictures of himself on a boat. A BOAT. I've written to the council. I am keeping a folder. I am calm. I "
         "am so calm I could bite through a door.\n")


def test_so_calm_i_could_bite_through_a_door_is_no_calm(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "calm" not in feelings_of(MOULD)
    assert "calm" not in compose(MOULD).split("\u201c")[0].lower()
    assert feelings_of("Long walk by the sea, then tea. I feel so calm tonight.\n") == ("calm",)


def test_sitting_before_you_could_drive_is_said_back_as_a_moment() -> None:
    from mirror.engine.analysis import analyze
    from mirror.engine.echo import echo, happened

    line = "I sat in the car park for twenty minutes before I could drive."
    said = echo(line, analyze(line).tokens, 0, len(analyze(line).tokens))
    assert said is not None and "before you could drive" in said.text and happened(said)
    # (a moment said back in the past is no longer asked "What was it like when …?": read
    # blind in pairs, the clause asked after in the writer's own words was preferred 17 to 7)
    reply = compose("Results back. Benign. I sat in the car park for twenty minutes before I could drive, and then I "
                    "went and bought the most expensive sandwich in Pret like an idiot.\n")
    assert "What was it like when" not in reply and "When you sat" not in reply, reply
    assert "car park" in reply


def test_turning_out_alright_is_no_moment_to_be_placed_in_time() -> None:
    reply = compose("Gran,\nI got the job. The one at the library. I still have the bookmark you gave me, the leather "
                    "one with the tassel that's half gone. I'll use it on my first day. You're not here, but you were "
                    "right about one thing: I did turn out alright.\n")
    assert "What was it like when you did turn out alright" not in reply


DISHES = ("Small thing. We were doing the dishes and the radio played that song from the cheap hotel in Brighton, "
          "the one with the broken shower, and without saying anything he put down the tea towel and held out his "
          "hand. Wet hands, both of us. Danced badly between the sink and the fridge for about two minutes. The dog "
          "barked at us the whole time.\nTwenty-two years. I'd thought we were mostly logistics by now, school runs "
          "and who's picking up the prescription. Turns out not.\n")


def test_a_belief_held_till_now_and_overturned_is_where_the_entry_lands(centre_of: Callable[[str], str]) -> None:
    assert centre_of(DISHES).endswith("Turns out not")


BISCOTTE = ("On a enterré Biscotte sous le cerisier ce midi. Les enfants ont voulu mettre sa balle avec elle, la "
            "verte toute mâchouillée, et Léo a lu un petit discours qu'il avait écrit au dos d'un ticket de caisse : "
            "« Tu étais une bonne chienne même quand tu mangeais les chaussettes. » On a tous ri, puis on a tous "
            "pleuré, dans cet ordre, même Marc. Ce soir j'ai rempli sa gamelle d'eau par réflexe. Je l'ai laissée "
            "là. Je la viderai demain.\n")


def test_a_thing_done_by_reflex_is_where_the_entry_holds(centre_of: Callable[[str], str]) -> None:
    # ("out of habit" in English, "par habitude" in French, and now "par réflexe")
    assert "gamelle d'eau par réflexe" in centre_of(BISCOTTE)
