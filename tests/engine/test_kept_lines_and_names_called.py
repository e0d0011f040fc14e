"""What a line keeps, what a name called means, and where a run of doings begins, found on
entries written blind (fresh100, fresh101); each read blind was graded 1 or 2:

- a short line that keeps what the line before holds ("Keeping that forever.", "Held onto
  that one all the way home.") points back: the heart is the line before, and the question
  asks after it, not after the keeping; a word said again alone ("Annie.") is asked after
  where it was first said;
- 'I said "same, idiot."' calls a friend a name fondly; it is no verdict on the writer.
  'Dad always said I was "bright but lazy"' still is one;
- "got in" and "did it" are pride only when they end their clause ("I got in!"), not "I
  got in first and did it for him" (into bed, for a husband);
- a bum gone numb on a cold rock is the body's, not numbness felt;
- "Nobody will remember that one though, and neither will I": a "though" set off by a
  comma turns from the line before, and the sentence is not split into two sides;
- "… and I could have hugged her. Hung the curtains. Stuck the pills list on the fridge.":
  the first of a run of doings is not quoted with the line before it;
- a plan for next time ("La prossima domenica ci riprovo") is not where an entry lands, and
  turning round "aspettandomi di trovarla lì" is;
- gladness for someone ("Ik ben blij voor hem, echt.") is not asked after over the line
  that says the rest."""

from __future__ import annotations

import re
from collections.abc import Callable

from mirror.engine.offline import compose

NOTE = ("Marnie and I had a row about her phone at dinner and she stormed off. I swept up the broken mug and sat "
        "on the stairs feeling like the wicked stepmother in a pantomime.\nAt bedtime there was a note on my pillow. It said \"sorry for shouting. "
        "still think you're wrong though. night.\" with a drawing of a very cross owl.\nKeeping that forever.\n")


def test_a_line_that_keeps_the_one_before_points_at_it(centre_of: Callable[[str], str]) -> None:
    centre = centre_of(NOTE)
    assert "drawing of a very cross owl" in centre
    reply = compose(NOTE)
    assert "Keeping that forever" not in reply.split("”.")[-1], reply  # not asked after the keeping


ANNIE = ("Visiting notes:\n- Parked first time\n- Tea was hot\n- Mum called me Ruth. Not Jean, not \"dear\". Ruth.\n"
         "Held onto that one the whole drive home.\n")


def test_a_word_said_again_alone_is_asked_after_where_it_was_first_said() -> None:
    reply = compose(ANNIE)
    assert "Mum called me Ruth" in reply
    assert reply.count("Mum called me Ruth") == 2, reply  # quoted, then asked after


def test_a_secret_kept_is_not_a_treasure_pointing_back(centre_of: Callable[[str], str]) -> None:
    entry = ("Saw a kingfisher on the canal this morning, the first in years. Didn't tell anyone.\n"
             "Keeping it to myself for one day.\n")
    assert centre_of(entry).endswith("Keeping it to myself for one day")
    assert not centre_of(entry).startswith("Saw a kingfisher")  # not pointed back at


def test_keeping_on_going_is_no_thing_kept(centre_of: Callable[[str], str]) -> None:
    entry = ("Long week. Rota changed twice and the car failed its MOT. Cried in the staff loo on Thursday.\n"
             "Keeping it together, mostly.\n")
    assert centre_of(entry) == "Cried in the staff loo on Thursday"  # not pointed at by "Keeping it"


def test_a_name_called_a_friend_is_not_a_verdict_on_oneself() -> None:
    entry = ("Tom rang out of the blue after two years of nothing. We talked till midnight about nothing much. "
             "At the end he said \"missed you, you muppet\" and I said \"same, idiot.\"\nI feel about ten years younger.\n")
    # (the name may be quoted inside the words the two said to each other, never said back
    # as the writer's own word for themselves)
    assert "idiot" not in re.sub("\u2018[^\u2019]*\u2019", "", compose(entry))
    assert "harsh" not in compose(entry) and "sharp" not in compose(entry)
    from mirror.engine.patterns import detect_patterns

    assert not [m for m in detect_patterns(entry) if m.name == "self_judgment"]


def test_a_judgement_someone_pinned_on_the_writer_stays_one() -> None:
    from mirror.engine.patterns import detect_patterns

    said = "Mum always said I was \"clever but lazy\" and now I sit here proving her right."
    assert [m.text for m in detect_patterns(said) if m.name == "self_judgment"] == ["lazy"]
    called = "He looked up and said \"you idiot\" and we both laughed."
    assert not [m for m in detect_patterns(called) if m.name == "self_judgment"]


def test_getting_in_first_is_not_pride(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("She always warms the car for me on frost mornings and thinks I haven't noticed. Today I got up "
             "first and did it for her. She didn't say anything. Just squeezed my hand at the lights.\n")
    assert "pride" not in feelings_of(entry)
    bed = "Tonight I got in first and did it for him. He didn't say anything."
    assert "pride" not in feelings_of(bed)


def test_getting_in_said_alone_is_still_news(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "pride" in feelings_of("The email came at 6am. I got in! Medicine at Leeds! I did it!")


def test_a_bum_gone_numb_is_the_body(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Sat on the harbour wall watching the seals until my bum went numb. Didn't take a photo. "
             "Walked home the long way.\n")
    assert "numbness" not in feelings_of(entry)


def test_a_though_set_off_by_a_comma_splits_nothing() -> None:
    entry = ("Quiz night. Our team name was a pun nobody understood, including us. We came last by a mile. "
             "Then the tiebreaker was about Eurovision and Dee knew it. Won a bottle of wine. "
             "Nobody will remember the tiebreaker though, and honestly neither will I.\n")
    reply = compose(entry)
    assert "sit together" not in reply and "at once" not in reply and "both" not in reply, reply


def test_a_run_of_doings_is_not_joined_to_the_line_before(centre_of: Callable[[str], str]) -> None:
    entry = ("Moved Dad into Birchwood today. He was chatty the whole time, which was worse than quiet. "
             "He told the nurse he was only staying till the roof gets fixed. There's nothing wrong with "
             "the roof. She caught my eye and didn't correct him, and I could have kissed her. Hung the "
             "curtains. Put his photos on the sill. Found the remote. Drove home the long way.\n")
    centre = centre_of(entry)
    assert "Hung the curtains" not in centre


def test_a_plan_for_next_time_is_not_where_it_lands(centre_of: Callable[[str], str]) -> None:
    entry = ("Oggi ho fatto il ragù della zia. Ho seguito il suo quaderno, quello con le macchie d'olio. "
             "È venuto troppo salato. Però l'odore in casa era proprio il suo. Per un attimo ho alzato gli occhi "
             "aspettandomi di trovarla lì, con il mestolo in mano.\nIl prossimo sabato ci riprovo.\n")
    centre = centre_of(entry)
    assert "ci riprovo" not in centre
    assert "aspettandomi di trovarla" in centre


def test_gladness_for_someone_is_not_asked_over_the_line_after() -> None:
    entry = ("Vandaag is Sanne verhuisd naar haar kamer in Utrecht. Ik heb haar bed opgemaakt en te veel "
             "boodschappen gedaan.\nThuis was het stil. Ik ben blij voor haar, echt. En ik heb even in haar "
             "kamer op de grond gezeten.\n")
    reply = compose(entry)
    question = reply.rsplit("”", 1)[0].rsplit("“", 1)[-1]
    assert "blij" not in question, reply


def test_results_awaited_on_a_named_day_tell_worry(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Biopsy results Friday.\nDefrosted the freezer. Sorted the sock drawer by colour.\n"
             "Dan says it'll be fine and I say I know and we both lie awake.\nFour more days.\n")
    assert feelings_of(entry) == ("anxiety",)  # (named "worry")
    assert feelings_of("Wyniki w czwartek. Umyłam okna. Dwa razy.\n") == ("anxiety",)
    assert feelings_of("Résultats jeudi. J'ai lavé les vitres. Deux fois.\n") == ("anxiety",)


def test_a_way_not_to_feel_it_and_its_failing_are_one_moment(centre_of: Callable[[str], str]) -> None:
    entry = ("Dropped Kasia at her halls today. Made her bed even though she said she could do it. We argued "
             "about which shelf the mugs go on.\nWent for a long run after to clear my head. Didn't work.\n"
             "Her room at home still has her trainers by the door. Haven't moved them.\n")
    assert centre_of(entry) == "Went for a long run after to clear my head. Didn't work"
    es = ("Hoy dejé a Lucía en el aeropuerto. Le revisé el pasaporte tres veces.\nEn el autobús me puse los "
          "cascos con la música a tope para no pensar. No funcionó.\nSu taza sigue en el escurridor.\n")
    assert "para no pensar. No funcionó" in centre_of(es)


def test_a_glad_judgement_of_the_day_is_asked_what_made_it_so() -> None:
    assert compose("Nothing happened today. It was perfect.\n").endswith("made it perfect?")
    entry = ("Picnic on the beach in the wind. Sand in the sandwiches, Joe lost a flip-flop to a wave, and it "
             "was the best afternoon we've had all year.\n")
    assert compose(entry).endswith("made it the best afternoon you've had all year?"), compose(entry)


def test_a_hard_judgement_is_not_asked_what_made_it_so() -> None:
    assert "made it" not in compose("Took Dad to the hospice today. It was awful.\n")
    assert "made it" not in compose("I think I like him. This is a disaster.\n")


def test_a_line_where_the_writer_stops_writing_is_never_asked_after() -> None:
    entry = ("Took Pepper round the short loop. She sat down halfway and leaned on my shin the way she did as a "
             "puppy. Her muzzle has gone white this year.\nThe vet used the word \"comfortable\" on Monday. I'm "
             "not writing any more about that tonight.\n")
    reply = compose(entry)
    assert "not writing any more" not in reply and "comfortable" not in reply, reply  # nor where they stopped
    assert "leaned on my shin" in reply


def test_and_if_opening_a_statement_is_no_worry(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("El perro ha aprendido que si ladra a las seis, yo me levanto. Y si yo me levanto, él desayuna. "
             "Es un genio. Mañana duermo con tapones.\n")
    assert "anxiety" not in feelings_of(entry)
    assert feelings_of("¿Y si no me llaman? Llevo toda la tarde mirando el móvil.\n") == ("anxiety",)


def test_a_feeling_of_someone_of_the_writers_is_theirs(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Handed in my notice. My manager rang straight away and sounded really hurt, which I hadn't "
             "expected. I said no to the counter-offer. Mostly I feel like I've put a heavy bag down.\n")
    assert "hurt" not in feelings_of(entry)


def test_the_heat_death_of_the_universe_is_no_ones_death(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Priya got the promotion. I sent a party emoji with one exclamation mark too many.\nShe is good at it. "
             "That's the annoying part.\nI applied for it too. She doesn't know, and I'd like to keep it that way "
             "until it stops stinging, which should be around the heat death of the universe.\n")
    assert "grief" not in feelings_of(entry)


def test_an_aside_between_dashes_is_never_cut_into(centre_of: Callable[[str], str]) -> None:
    entry = ("Second migraine this week. Lay in the dark all afternoon listening to next door's kids bounce a "
             "ball off the fence — thud, thud, shriek, thud — which any other day I'd find sweet and today felt "
             "like being hit with a tea tray. Rang the GP. Six-week wait.\n")
    centre = centre_of(entry)
    assert centre.startswith("Lay in the dark"), centre  # not "thud —" nor "which any other day"
    assert "hit with a tea tray" in centre


def test_a_moment_is_not_retold_in_the_question() -> None:
    entry = ("Waved at a man across the car park who I was sure was my dentist. He waved back, then walked "
             "straight past me and hugged the woman behind me.\nI paid for two hours' parking. I was there for "
             "twenty minutes.\n")
    reply = compose(entry)
    assert "when you were there" not in reply and "What was it like when" not in reply, reply


def test_will_said_of_someone_else_is_no_plan(centre_of: Callable[[str], str]) -> None:
    entry = ("Spent an hour on the flat-pack wardrobe. It now leans a little to the left, with four screws left "
             "over and one door that will not stay shut. I've hung the clothes in it anyway. Nobody will ever "
             "know except me and, apparently, this journal.\n")
    assert centre_of(entry) == "Nobody will ever know except me and, apparently, this journal"


def test_a_thanks_that_says_what_for_is_a_prayer_not_a_retort() -> None:
    from mirror.engine.analysis import analyze
    from mirror.engine.reading import read

    entry = ("Wigilia u dziadka, pewnie ostatnia w tym domu. Lepiliśmy pierogi, dziadek poprawiał każdy brzeg. "
             "Na pasterce śpiewał najgłośniej w całym kościele. Dziękuję Ci, Panie Boże, że jeszcze jest.\n")
    a = analyze(entry)
    assert not read(entry, a.tokens, a.language).sarcasm


def test_figures_of_guilt_and_hope_for_others_are_not_felt(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    church = ("Went to Mass for the first time in a year. I was braced for the sermon to feel like a guilt trip, "
              "but it didn't. When everyone said the prayer together I still knew every word.\n")
    assert "guilt" not in feelings_of(church)
    letter = ("Dear Sam,\nThe papers came through today. Eleven years in a thin envelope. I hope Maria is kind to "
              "you. I'm sorry I stopped trying first.\n")
    assert "hope" not in feelings_of(letter)


def test_what_someone_else_feels_stays_theirs(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    parents = ("Mum and Dad told us they're separating after forty years. The thing is, they seem fine. Calm. "
               "I'm forty and I felt about nine on the drive home.\n")
    assert "calm" not in feelings_of(parents)
    child = ("I shouted at Noor tonight over a spilled drink. His face went from surprised to scared and I "
             "watched it happen. I said sorry at bedtime and he patted my hand.\n")
    assert "fear" not in feelings_of(child)


def test_someone_out_of_surgery_tells_relief(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    entry = ("Mum's out of surgery. The surgeon said it went textbook. I thanked her, went down to the car and ate "
             "a whole bag of crisps without tasting any of it. Going back up at six.\n")
    assert feelings_of(entry) == ("relief",)
    it = ("La nonna è uscita dalla sala operatoria alle tre. Il chirurgo ha detto che è andata bene. "
          "Ho mangiato un tramezzino seduta per terra in corridoio.\n")
    assert feelings_of(it) == ("relief",)


def test_a_letter_to_one_who_is_gone_is_never_read_as_irony() -> None:
    from mirror.engine.analysis import analyze
    from mirror.engine.reading import read

    entry = ("Dear Pickle,\n\nThe flat is very clean now. No fur on the duvet. I hate it.\n\nI still wake at six "
             "because that's when you'd start. Yesterday I bought your biscuits out of habit and gave them to "
             "Mr Okoro's spaniel, who was thrilled, so at least somebody's happy.\n\nI left your lead on the "
             "hook. I can't move it yet.\n\nLove,\nMe\n")
    a = analyze(entry)
    assert not read(entry, a.tokens, a.language).sarcasm
    assert "wry" not in compose(entry) and "dry" not in compose(entry)
    complaint = ("Train cancelled, replacement bus, forty minutes in the rain, missed the meeting. At least "
                 "somebody's happy: the pigeons got my sandwich.\n")
    b = analyze(complaint)
    assert read(complaint, b.tokens, b.language).sarcasm  # still irony about a trouble


def test_tomorrows_plan_is_not_joined_to_the_moment(centre_of: Callable[[str], str]) -> None:
    entry = ("Long call with the landlord about the boiler. He said it's our fault, somehow. I said nothing. Now "
             "it's eleven at night and I keep replaying everything I should have said. Tomorrow I'll email.\n")
    assert centre_of(entry) == "Now it's eleven at night and I keep replaying everything I should have said"
    kind = "Nobody said anything about the cake. Either it's fine or people are kind. I'll take both.\n"
    assert "I'll take both" in centre_of(kind)  # an acceptance, no plan


def test_a_breath_that_would_not_come_is_where_the_moment_undid_the_writer(centre_of: Callable[[str], str]) -> None:
    entry = ("Mama w szpitalu od wtorku. Siedziałam przy niej cztery godziny. Rozmawiałyśmy o pogodzie i o "
             "sąsiadce. Kiedy wychodziłam, poprawiła mi szalik, jak wtedy, gdy byłam mała. W windzie nie mogłam "
             "złapać oddechu. Jutro znowu pojadę. Wezmę jej herbatę w termosie.\n")
    assert "nie mogłam złapać oddechu" in centre_of(entry)
    assert "Jutro" not in centre_of(entry)
