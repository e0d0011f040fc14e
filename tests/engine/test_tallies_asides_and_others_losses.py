"""How a reply reads feelings tallied at nothing, losses and feelings that are someone
else's, asides, pauses, denials and gladness turned, found on entries written blind
(fresh91 to fresh94); each read blind was graded 1 or 2 before:

- "Regrets: none." closing a log is no regret; "Worries: zero" no worry;
- "He died in 2016", of a patient's husband asked after, is the patient's loss, not the
  writer's grief; the writer's own dad stays theirs; "Markus war enttäuscht, ich …
  erleichtert" is Markus's disappointment;
- a quote never opens on an aside ("thank god, and I thought …"), nor stops at a pause
  after a word no sentence ends on ("so i just. have them.");
- "I stood up" is standing, not being stood up; "called me a thief" is no guilt; "I cannot
  stress enough" is the verb; "my cheeks hurt" from smiling is the body;
- "Sou uma vergonha como dona" is a joke at the writer's expense; "J'y suis arrivée" is as
  often arriving as pride; "Tired in the good way" is welcomed;
- a short line denying a cause ("No de nervios. De alivio.") unsays the feeling before
  it; a "not" reaches past "even be properly"; "Kiedyś mnie to denerwowało. … Dzisiaj …"
  is a stage come through;
- a gladness stated, then turned by its paragraph's last line ("I'm so proud of her. …
  I can't bring myself to move it", "Ik ben opgelucht. … Maar …"), is named first;
- a child's question in a line of dialogue is theirs; "I am moving to another country"
  after a mistaken wave is a joke; "said thank you" is a courtesy; "Best day of the trip
  so far" is asked what made it so."""

from __future__ import annotations

from collections.abc import Callable

from mirror.engine.offline import compose

CAFE = ("Things overheard at the café today (working from there, allegedly):\n- \"He's not a bad man, "
        "he's just a Scorpio.\"\n- \"No, the other Steve. Boat Steve.\"\nWords written of my report: "
        "140. Regrets: none.\n")


def test_a_feeling_tallied_at_none_is_not_named(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "guilt" not in feelings_of(CAFE)
    assert "guilt" not in compose(CAFE)
    assert feelings_of("Worries: zero. Sat in the sun all afternoon and read my book.\n") == ()


def test_a_feeling_tallied_at_something_is_still_named(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "guilt" in feelings_of("I shouted at my brother over nothing. I regret it already, honestly.\n")


NIGHT_SHIFT = ("Night shift notes\n- Mrs D. asked for her husband again. Told her he'd be in later. He died "
               "in 2016. Don't know if that was right.\n- Ate a yoghurt standing up at 4 am. Only meal.\n")
SHED = "Cleared out the shed today. My dad built it in 1979. He died in March and I still can't throw his jars away.\n"


def test_a_death_told_of_someone_elses_husband_is_not_the_writers_grief(
        feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "grief" not in feelings_of(NIGHT_SHIFT)
    assert "Grief" not in compose(NIGHT_SHIFT)


def test_a_death_told_of_the_writers_own_dad_stays_grief(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert feelings_of(SHED) == ("grief",)


MUTED = ("Today in \"why am I like this\": I was on the all-hands call, camera off, thank god, and I "
         "thought I was muted and said to the cat, very clearly, \"you are the only one in this house "
         "who actually listens to me, aren't you, you fat little prince.\"\n\nI was not muted.\n\nThe "
         "CFO paused for about two seconds and then said \"...glad to hear it\" and carried on with the "
         "Q3 numbers. Priya messaged me a single skull emoji. Someone from marketing has already made "
         "\"fat little prince\" their Slack status. I am going to change my name and move to a "
         "lighthouse.\n")


def test_a_quote_never_opens_on_an_aside_between_commas(centre_of: Callable[[str], str]) -> None:
    centre = centre_of(MUTED)
    assert not centre.lower().startswith("thank god"), centre
    assert "thank god, and" not in compose(MUTED)


STOOD = ("Renee walked across the stage tonight. Three kids, two jobs at one point. When they called "
         "her name the kids screamed so loud the man in front of us turned around. I didn't care. I "
         "stood up. I was the only one standing in our whole section.\nI don't say this enough out loud "
         "so I'm saying it here: I'm so proud of her it sits in my chest like a weight. The good kind.\n")


def test_standing_up_is_no_trouble_that_unsays_pride(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "pride" in feelings_of(STOOD)
    assert "Pride" in compose(STOOD) or "pride" in compose(STOOD)


def test_being_stood_up_is_still_trouble_under_praise(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "joy" not in feelings_of("Got stood up at the restaurant for an hour. Best evening ever, truly wonderful.\n")


SANDAL = ("O Tobias roeu a minha sandália nova. Só uma, a esquerda. Quando cheguei a casa estava sentado "
          "ao lado dos restos com a cara mais inocente do mundo e o rabo a abanar. Não consegui ralhar. "
          "Sou uma vergonha como dona.\n")


def test_calling_oneself_a_disgrace_in_fun_is_not_shame(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "shame" not in feelings_of(SANDAL)
    assert "vergonha" not in compose(SANDAL).split("«")[0]
    assert "shame" in feelings_of("Disse uma coisa horrível ao meu irmão à frente de todos. Que vergonha.\n")


MOVING = ("Dernier soir dans l'appart. Tout est dans les cartons. Huit ans ici. J'y suis arrivée seule "
          "avec deux valises, je repars avec un camion, un mari et un chat qui déteste le camion.\n\nJe "
          "suis contente. Vraiment. Mais j'ai fait le tour des pièces trois fois ce soir sans trop "
          "savoir ce que je cherchais.\n")


def test_arriving_somewhere_is_not_pride(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "pride" not in feelings_of(MOVING)
    assert "Fierté" not in compose(MOVING)


ESSAYS = ("Marked 28 essays on \"Of Mice and Men\". Twenty-two of them used the phrase \"in today's "
          "society.\"\n\nBut then there was Kacper's. He wrote a page and a half about George's "
          "loneliness, and it was the most honest thing in the pile.\n\nGoing to bed. Tired in the good "
          "way for once.\n")


def test_a_feeling_said_to_be_the_good_kind_in_its_clause_is_not_named(
        feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "tiredness" not in feelings_of(ESSAYS)
    assert "tiredness" not in compose(ESSAYS)
    assert "tiredness" in feelings_of("Going to bed. Tired in every bone, and the good news can wait.\n")


NEW_CITY = ("week six in the new city\n\nthe job is fine. the flat is fine. the tram is clean and always "
            "on time, which is weird. i ate dinner at the counter of a ramen place tonight and the chef "
            "asked if i wanted the usual and i realised that i have a usual now, after six weeks, and he "
            "is the only person who has asked me a question today that wasn't about a spreadsheet. i "
            "nodded like it was a normal thing. walked home the long way along the river. it's pretty "
            "here. i keep taking photos of it and then having no one in particular to send them to, so i "
            "just. have them.\n")


def test_a_full_stop_after_a_word_no_sentence_ends_on_is_a_pause(centre_of: Callable[[str], str]) -> None:
    centre = centre_of(NEW_CITY)
    assert not centre.endswith("so i just"), centre
    assert "i just. have them" in compose(NEW_CITY)


PISO = ("Firmamos el contrato del piso. Por fin. Después de once visitas, dos caseros que no "
        "contestaban y uno que quería \"conocernos mejor\" en un bar.\n\nEs pequeño, tiene un balcón "
        "donde cabe exactamente una silla y media, y la ducha tiene un chorro que parece una disculpa. "
        "Pero es nuestro, bueno, del banco, pero nuestro.\n\nJavi se ha quedado dormido en el colchón "
        "en el suelo, sin sábanas, con la luz del salón encendida. Yo no puedo dormir. No de nervios. "
        "De alivio. Llevaba meses sin darme cuenta de lo tensa que estaba.\n")


def test_a_short_line_denying_a_cause_unsays_the_feeling_before_it(
        feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "anxiety" not in feelings_of(PISO)
    assert "preocupación" not in compose(PISO)
    # (a line denying a kind of the feeling keeps it: "Tired. Not the sleepy kind.")
    assert feelings_of("Tired. Not the sleepy kind. The kind where even my teeth ache.\n") == ("tiredness",)


ZUGSPITZE = ("Zugspitze, oder fast. Wir sind bis zur Knorrhütte und dann umgedreht, weil das Wetter kippte. "
             "Markus war enttäuscht, ich ehrlich gesagt erleichtert.\n\nAber auf dem Rückweg, kurz vor dem "
             "Reintal, riss der Nebel für ein paar Minuten auf, und das ganze Tal lag unter uns, grün und "
             "silbern, der Bach wie ein Faden. Niemand hat fotografiert. Wir sind einfach stehen geblieben, "
             "beide außer Atem, und dann war es wieder weg.\n\nManchmal ist der Gipfel nicht das "
             "Wichtigste. Sagen Leute, die nicht oben waren, ich weiß.\n")


def test_a_feeling_of_someone_named_beside_the_writers_own_is_theirs(
        feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "hurt" not in feelings_of(ZUGSPITZE)
    assert "Kränkung" not in compose(ZUGSPITZE)
    assert "anger" not in feelings_of("Sam was furious, I was just relieved it was over.\n")


UNI = ("Drove Ellie to Bristol for uni. Seven hours there and back with a car full of duvets.\n\nHer "
       "room is tiny and smells like paint. Ellie was embarrassed by me the whole time, in the normal "
       "way, then hugged me in the car park for a really long time.\n\nI'm proud of her. I'm so proud "
       "of her. The drive home was the quietest I've ever heard that car. Her seat's still pushed all "
       "the way back and I can't bring myself to move it.\n")


def test_pride_said_then_turned_is_named_first_and_the_turn_quoted(reading_of: Callable[[str], object]) -> None:
    analysis, reading = reading_of(UNI)
    toks = analysis.tokens
    centre = analysis.text[toks[reading.centre.first].start : toks[reading.centre.last - 1].end]
    assert reading.feelings == ("pride",)
    assert "can't bring myself to move it" in centre
    reply = compose(UNI)
    assert "pride" in reply.lower() and "can't bring myself to move it" in reply


def test_news_shouted_is_not_turned_by_a_later_line(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "pride" in compose("GOT THE JOB!!! Starting March 3rd. Told Mum first, then screamed into a pillow.\n").lower()


def test_a_best_day_measured_against_a_trip_is_asked_what_made_it_so() -> None:
    reply = compose("Travel log, day 4. Train cancelled. Replacement bus broke down at a petrol station. An old lady "
                    "shared her clementines with the whole back row. Arrived at 1 a.m. Honestly? Best day of the "
                    "trip so far.\n")
    assert reply.endswith("What made it the best day of the trip so far?"), reply


def test_being_called_a_thief_is_no_guilt(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "guilt" not in feelings_of("So it's me again. The tablets, the bath, the night she thought I was her "
                                      "sister and called me a thief. I never say anything.\n")
    assert feelings_of("Took the last of the biscuits she'd saved. I feel a bit like a thief.\n") == ("guilt",)


BEDTIME = ("Bedtime, tonight:\n\nM: Daddy, when I'm big will you be small?\nme: No, I'll just be old.\nM: "
           "How old?\nme: Very old. Like, grey hair old.\nM: (long think) That's okay. I'll carry you.\n"
           "me: Deal.\nM: But not up stairs.\n\nFair enough.\n")


def test_a_question_in_a_line_of_dialogue_is_the_speakers(reading_of: Callable[[str], object]) -> None:
    _, reading = reading_of(BEDTIME)
    assert not reading.asking
    assert "hard to put down" not in compose(BEDTIME)


WAVE = ("A woman across the street waved at me and I waved back enthusiastically and then the man "
        "behind me also waved and walked past me into her arms. I then had to pretend I was waving at "
        "a taxi. There were no taxis. It is a pedestrian street. I am moving to another country.\n")


def test_a_mortified_writers_way_out_is_a_joke_not_a_plan() -> None:
    reply = compose(WAVE)
    assert "that you are moving to another country" not in reply, reply


def test_a_body_part_that_hurts_from_smiling_is_no_hurt(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "hurt" not in feelings_of("date with Sam and it was GOOD. i have not stopped smiling and my cheeks hurt. "
                                     "i am 34 years old. this is ridiculous.\n")
    assert "hurt" in feelings_of("I was so hurt by what she said at dinner.\n")


OVEN = ("Dr. Okafor called at 4:50, ten minutes before the office closed. I'd been carrying my phone "
        "from room to room all day like it was a hot coal.\n\nBenign.\n\nI said thank you about six "
        "times. Then I hung up and put the phone in the fruit bowl and went and cleaned the oven, "
        "which I have not done in two years. Scrubbed until my arms hurt. Didn't cry until Marcus got "
        "home and asked why the kitchen smelled like bleach.\n")


def test_thanks_said_is_a_courtesy_not_the_moment(centre_of: Callable[[str], str]) -> None:
    assert "thank you about six times" not in centre_of(OVEN)


NOTARIS = ("De papieren zijn getekend. Twaalf jaar, en het duurde bij de notaris precies vijfentwintig "
           "minuten. Hij had koffie neergezet die niemand dronk.\n\nDaarna stonden we samen buiten op de "
           "stoep, Ruud en ik, en wisten geen van beiden welke kant we op moesten. Hij vroeg of ik nog de "
           "blender wilde hebben. Ik zei ja, ook al gebruik ik hem nooit. Ik weet niet waarom ik ja zei.\n"
           "\nIk ben opgelucht. Dat is waar. Maar ik heb ook in de auto gezeten op de parkeerplaats, "
           "motor uit, een halfuur lang, naar de regen op de voorruit kijkend.\n\nMorgen begint de rest. "
           "Vanavond nog even niet.\n")


def test_relief_said_then_turned_by_maar_is_named_first(reading_of: Callable[[str], object]) -> None:
    analysis, reading = reading_of(NOTARIS)
    toks = analysis.tokens
    centre = analysis.text[toks[reading.centre.first].start : toks[reading.centre.last - 1].end]
    assert reading.feelings == ("relief",)
    assert "in de auto gezeten" in centre
    assert compose(NOTARIS).startswith("Eerst opluchting")


def test_stress_the_verb_is_no_worry(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "anxiety" not in feelings_of("The Find My app shows my AirPod in the garden, behind the hydrangea, and I "
                                        "cannot stress enough that I did not put it there.\n")
    assert "anxiety" in feelings_of("So stressed about work this week. I cannot switch off.\n")


BIRDS = ("Upstairs has started learning the drums. Same four bars of what I think is \"Seven Nation "
         "Army\" since 6pm. It's now 9:40. He's getting better, which is the worst part — I can't "
         "even be properly angry, I'm sort of invested. If he nails the fill by ten I'm going up there "
         "to shake his hand. If he doesn't I'm going up there anyway, just with a different face.\n")


def test_a_not_reaches_past_even_be_and_a_degree_word(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "anger" not in feelings_of(BIRDS)
    assert "anger" in feelings_of("I am properly angry with him tonight.\n")


CHRISTMAS = ("14 listopada\n\nMama zadzwoniła, żeby zapytać, czy na pewno przyjadę na święta. Jest "
             "listopad. Powiedziałam, że tak. Zapytała jeszcze raz pod koniec rozmowy.\n\nKiedyś mnie to "
             "denerwowało. Wszystko było \"na pewno?\", \"a zjesz coś?\", \"a ciepło ci?\". Dzisiaj, jak już "
             "odłożyłam telefon, siedziałam w kuchni i zrozumiałam, że ona po prostu nie ma już komu "
             "zadawać tych pytań. Tata nie żyje od trzech lat, brat w Irlandii.\n\nKupiłam bilet od razu. "
             "Na dwudziestego, nie na dwudziestego trzeciego jak zwykle. Nic jej nie powiem. Niech będzie "
             "niespodzianka.\n")


def test_a_feeling_of_how_it_used_to_be_is_not_named_as_todays(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "anxiety" not in feelings_of(CHRISTMAS)
    assert "niepokój" not in compose(CHRISTMAS)


NEIGHBOUR = ("Erste Woche in der neuen Wohnung. Im Treppenhaus hängt ein Zettel: \"Liebe Nachbarn, bitte die "
             "Haustür LEISE schließen. Danke! Fr. Kowalski, 2. OG.\" Das LEISE ist dreimal unterstrichen.\n\n"
             "Heute hat Frau Kowalski bei mir geklingelt. Ich dachte, jetzt kommt's. Stattdessen stand sie "
             "da mit einem Teller Streuselkuchen und sagte: \"Sie sehen aus, als hätten Sie den Backofen "
             "noch nicht angeschlossen.\"\n\nHatte ich nicht.\n\nWir haben eine Stunde geredet. Ihr Mann ist "
             "vor drei Jahren gestorben, sie wohnt seit 41 Jahren in dieser Wohnung und weiß alles über "
             "alle. Ich schließe die Haustür jetzt sehr, sehr leise.\n")


def test_a_death_of_her_husband_told_verb_last_is_hers(feelings_of: Callable[[str], tuple[str, ...]]) -> None:
    assert "grief" not in feelings_of(NEIGHBOUR)
    assert "Trauer" not in compose(NEIGHBOUR)


BIRTHDAY = ("Omas 90. Geburtstag. Die ganze Familie war da, sogar Onkel Bernd, der sonst nie kommt. Es gab "
            "drei Torten, weil sich keiner abgesprochen hatte.\n\nOma saß am Kopfende in ihrer guten Bluse "
            "und hat alles sehr still beobachtet. Irgendwann hat sie mich zu sich gewinkt und gefragt, wer "
            "der junge Mann mit dem Bart ist. Das war mein Bruder.\n\nSpäter, beim Abwasch, hat sie "
            "plötzlich ein Lied aus ihrer Schulzeit angestimmt, alle Strophen, ohne einen einzigen Fehler. "
            "Wir standen alle in der Küche, und keiner hat sich getraut, das Wasser abzudrehen.\n\nIch "
            "weiß nicht, wie viele Geburtstage noch kommen. Heute war ein guter.\n")


def test_a_short_last_line_of_today_answers_the_line_before(centre_of: Callable[[str], str]) -> None:
    assert centre_of(BIRTHDAY).endswith("Heute war ein guter"), centre_of(BIRTHDAY)


HANDSHAKE = ("Date with the guy from the climbing app. Went well, I thought. At the end he went in for a "
             "hug and I went in for a handshake and we ended up in some kind of... arm-wrestling position? "
             "And then I said, and I need this on record for future generations, \"good game\".\n\nGOOD "
             "GAME.\n\nHe texted an hour later, \"ha, good game to you too\", so either he's very kind or "
             "he's into it. Either way I am not well.\n")


def test_a_statement_said_with_a_rising_voice_is_no_question_to_weigh(reading_of: Callable[[str], object]) -> None:
    _, reading = reading_of(HANDSHAKE)
    assert not reading.asking
    assert "carry that question" not in compose(HANDSHAKE)
    _, weighing = reading_of("Lena didn't invite me to the wedding. Was I not invited? Or invited and I missed it?\n")
    assert weighing.asking
