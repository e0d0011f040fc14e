"""How a reply reads bare lists, laughter that hurts, the line the writer points at and
feelings played down or left behind, found on entries written blind (fresh82):

- a list written a word or two a line, without marks ("milk" / "bread" / "wine"), is a
  list of items: two of them are never quoted as one line ("bread wine", graded 1);
- tears or an ache of laughter ("llorando de risa", "me duele la cara de tanto reír") are
  how hard the writer laughed, never sadness (graded 1);
- "what really stings is …" says where the heart is, as "the bit that got me" does; "what
  hurts is not the money" says where it is not;
- a thing named in two words ("The kettle.") is the end of a joke, not the set-up a turn
  answers; a short "which …" remark is never quoted alone;
- a feeling played down in an aside ("— I'm a little ashamed —") is a wink, not shame;
- nerves told at the start of an evening that ends in joy came first: not "side by side";
- "I love her so much" is tenderness, said of someone; "I love her but …" concedes;
- gladness said after the day's small trouble has turned ("But right now …") is the writer's."""

from __future__ import annotations

from mirror.engine.analysis import analyze
from mirror.engine.offline import compose
from mirror.engine.reading import read
from mirror.engine.tokenize import tokenize


def _feelings(text: str) -> tuple[str, ...]:
    a = analyze(text)
    return read(text, a.tokens, a.language).feelings


SHOPPING = ("list for saturday / complaints:\n"
            "eggs\n"
            "washing up liquid (the green one, not the lemon one)\n"
            "dog food\n"
            "ask Dana why she told everyone about the party except me, when she clearly knew I was free\n"
            "rice\n"
            "beer\n")


def test_a_bare_list_is_never_quoted_two_items_at_a_time() -> None:
    reply = compose(SHOPPING)
    assert "rice beer" not in reply and "rice\nbeer" not in reply
    toks = tokenize(SHOPPING)
    sent_of = {t.norm: t.sent for t in toks}
    assert sent_of["rice"] != sent_of["beer"]  # each line an item of its own
    assert sent_of["dog"] != sent_of["ask"]


def test_lines_of_prose_broken_short_still_run_on() -> None:
    toks = tokenize("I am\nso tired of it\n")
    assert len({t.sent for t in toks}) == 1


def test_tears_and_aches_of_laughter_are_not_sadness() -> None:
    text = ("Cena con los del instituto después de diez años. Pensé que iba a ser incómodo.\n\n"
            "Pero a los cinco minutos estábamos otra vez imitando a la profesora Ruiz y llorando de risa.\n\n"
            "Llegué a casa a las dos. Me duele la cara de tanto reír.\n")
    reply = compose(text)
    assert "sadness" not in _feelings(text)
    assert "tristeza" not in reply.lower()


def test_a_cleft_on_a_feeling_says_where_the_heart_is() -> None:
    text = ("Tom got the team lead job. Found out in the Monday meeting like everyone else, and I clapped "
            "and then sat in the car at lunch and ate a sandwich in silence.\n\n"
            "I'm glad for him. He's generous, and he's patient, and he covered my shifts in June when "
            "Mum was ill.\n\n"
            "I think what really stings is that I never put my name forward. I told myself I wasn't ready.\n")
    reply = compose(text)
    assert "what really stings is that I never put my name forward" in reply


def test_a_cleft_on_what_it_is_not_points_nowhere() -> None:
    text = ("Meeting with the solicitor about Dad's house. My brother came with a letter saying he is owed "
            "more because he lived nearby.\n\n"
            "What hurts is not the money. It's that he said it in front of a stranger, as if I had "
            "abandoned Dad.\n\n"
            "Drove home with the radio off.\n")
    reply = compose(text)
    assert "“What hurts is not the money”" not in reply


def test_a_thing_named_in_two_words_is_not_the_set_up_of_a_turn() -> None:
    text = ("Sam's had a fever since Friday. The doctor says it's a virus, nothing more.\n\n"
            "I'm so tired I put my keys in the freezer this morning. Not the peas. The keys. "
            "But his fever broke at lunch and he asked for toast cut into soldiers and ate all of it, "
            "and I nearly cried over a plate of crusts.\n")
    reply = compose(text)
    assert "The keys. But" not in reply
    assert "But his fever broke" in reply or "his fever broke" in reply


def test_a_short_remark_is_never_quoted_alone() -> None:
    text = ("The landlord has ignored five emails about the heating. We've had no heating since the 2nd.\n\n"
            "I drafted something furious, deleted it, then sent a calm and very cold email citing "
            "section 11 of the Act, which I now know by heart.\n\n"
            "He replied in twelve minutes. Engineer coming Tuesday.\n")
    reply = compose(text)
    quoted = reply[reply.index("\u201c") + 1 : reply.index("\u201d")]
    assert quoted != "which I now know by heart"  # (the question may ask after it, its line quoted)
    assert "section 11 of the Act, which I now know by heart" in quoted


def test_a_feeling_played_down_in_an_aside_is_a_wink() -> None:
    text = ("Cleared the loft and found a mixtape labelled SUMMER 99 in my writing.\n\n"
            "Read the tracklist and knew every song. Blur, Pulp, and — I'm a little embarrassed — "
            "Steps. Twice.\n\n"
            "Sent my sister a photo. She replied 'still tragic'.\n")
    reply = compose(text)
    assert "embarrass" not in _feelings(text) and "shame" not in _feelings(text)
    assert "sharp" not in reply
    assert "self_judgment" not in [m.name for m in analyze(text).patterns]  # (nor in `mirror patterns`)


def test_shame_said_outright_is_still_named() -> None:
    text = ("I'm ashamed of how I spoke to my sister on the phone tonight. She only asked about the money.\n\n"
            "She didn't deserve that. I'll ring her tomorrow.\n")
    assert "shame" in _feelings(text)


def test_nerves_at_the_start_of_a_happy_evening_came_first() -> None:
    text = ("So. The date.\n\n"
            "We met at the Greek place on Mill Road because Alex said they'd always wanted to try it.\n\n"
            "I was so nervous I knocked a glass of wine over within five minutes. Alex just laughed and "
            "said now the worst part was done.\n\n"
            "And then it was easy. We talked until they stacked the chairs.\n\n"
            "At the bus stop Alex asked if we could do it again. I'm home now and I can't stop smiling.\n")
    reply = compose(text)
    assert "side by side" not in reply and "sit together" not in reply
    assert "first" in reply.lower()
    assert "can't stop smiling" in reply


def test_love_said_of_someone_is_tenderness() -> None:
    text = ("Things Mila refused today: her shoes, the red cup, the blue cup, the concept of cups, "
            "leaving the swings, getting on the swings.\n\n"
            "She accepted one stick, which she named Bob and put to bed in her welly.\n\n"
            "I love her so much and I would like to sleep for a month.\n")
    assert "love" in _feelings(text)


def test_love_said_to_concede_is_not_the_entrys_feeling() -> None:
    text = ("DUBLIN\n- more money\n- a real team\n\nSTAYING\n- Mum\n\n"
            "My brother says go, he'll be around. He lives in Aberdeen. I love him but 'around' means a "
            "day's drive.\n\n"
            "Asked Mum tonight. She said I'd be daft not to, then went to make tea and didn't come back for ages.\n")
    assert "love" not in _feelings(text)


def test_gladness_after_the_days_trouble_has_turned_is_the_writers() -> None:
    text = ("Nothing happened today, really. Work, rain, beans on toast.\n\n"
            "But right now Nia is asleep on the sofa with the dog on her legs and the telly still on, "
            "and they're both snoring.\n\n"
            "I've been sitting here not waking them. It's just a Wednesday and I'm happy.\n")
    assert "joy" in _feelings(text)


def test_a_names_words_say_nothing_of_how_the_writer_feels() -> None:
    text = ("First ripe courgette of the summer! A Golden Delight on the left-hand plant, the one the slugs "
            "nearly finished in May.\n\n"
            "Ate it standing up in the garden. Three months of watering, one ruined pair of trainers, one "
            "feud with next door's cat. Worth it.\n\n"
            "Twenty more on the way. I am going to be unbearable about this.\n")
    reply = compose(text)
    assert "Golden Delight" not in reply


def test_a_clause_turning_on_and_now_is_quoted_with_the_one_it_turns_from() -> None:
    text = ("Premier soir dans le nouvel appartement. Des cartons partout, je mange assise par terre.\n\n"
            "C'est bizarre. Je voulais partir depuis deux ans, j'ai signé le bail avec les mains qui "
            "tremblaient de joie, et maintenant je n'entends que le frigo et je pense à Nantes, à Léa qui "
            "frappait au mur quand elle voulait un café.\n\n"
            "Bon. Demain j'achète des ampoules.\n")
    reply = compose(text)
    assert "tremblaient de joie, et maintenant je n'entends que le frigo" in reply


def test_what_a_cleft_points_at_is_what_is_asked_after() -> None:
    reply = compose("Otra discusión con mi hermano por la cena de Nochebuena. Dice que este año me toca a mí "
                    "otra vez, porque él trabaja mucho.\n\n"
                    "Lo que de verdad me cabrea es que él no ha hecho una cena de Nochebuena en su vida.\n\n"
                    "Mañana le llamo. O no.\n")
    question = reply[reply.rindex("\u201c"):]
    assert question.startswith("\u201c\u00e9l no ha hecho una cena de Nochebuena en su vida\u201d")


# Found on a second set written blind (fresh84): a birthday written to the dead, news said
# then shouted, worry put off, nerves "in a good way", a letter's "Love," (its tenderness
# named, never quoted as the moment) and a word of self-mockery.


def test_a_birthday_written_to_the_dead_is_grief() -> None:
    text = ("Mum — you'd have been 80 today.\n\n"
            "I made your awful trifle, the one with the tinned peaches, and Jo came round and we ate it on "
            "the step like you used to.\n\n"
            "We still say your phrases. I caught myself saying 'that'll do' to the kids.\n")
    assert "grief" in _feelings(text)


def test_news_said_then_shouted_at_the_end_of_the_next_line_is_joy() -> None:
    text = ("Saiu o resultado do vestibular. Passei. Direito na federal, lista de espera, mas PASSEI.\n\n"
            "Minha mãe gritou tão alto que o vizinho veio ver o que tinha acontecido.\n\n"
            "Três anos de cursinho. Hoje eu durmo até quando quiser.\n")
    assert "joy" in _feelings(text)


def test_a_worry_put_off_is_not_the_entrys() -> None:
    text = ("BESTANDEN!!!\n\n"
            "Mathe II, im zweiten Versuch, mit einer 2,3. Ich habe die Seite dreimal neu geladen.\n\n"
            "Heute Abend Pizza mit Tim. Übermorgen fange ich an, mir Sorgen um die Masterarbeit zu machen. "
            "Aber heute nicht. Heute bin ich ein Genie.\n")
    assert "anxiety" not in _feelings(text) and "fear" not in _feelings(text)
    assert "Sorge" not in compose(text)


def test_nerves_in_a_good_way_are_welcomed() -> None:
    text = ("Stasera esco con Davide, quello del corso di ceramica.\n\n"
            "Ho cambiato maglia cinque volte e adesso sono sul letto circondata di vestiti.\n\n"
            "Sono agitatissima. In senso buono. Credo.\n")
    assert "preoccupazione" not in compose(text)


def test_a_letters_closing_love_is_no_moment_to_quote() -> None:
    text = ("Dear Tom,\n\n"
            "The house is quiet without your music. I found your left trainer under the stairs.\n\n"
            "I know you're having a wonderful time. That's the point.\n\n"
            "Love,\nMum\n")
    reply = compose(text)
    assert "Love, Mum" not in reply and "Love,\nMum" not in reply


def test_a_word_of_self_mockery_is_not_shame() -> None:
    text = ("Ça fait huit mois que je suis à Dublin. Au supermarché j'ai vu un brie « French style » "
            "sous plastique et j'ai failli pleurer. Ridicule.\n\n"
            "Ici les gens sont gentils, le travail est bien. Mais il pleut tout le temps.\n\n"
            "J'ai acheté le brie quand même. Il était mauvais. Je l'ai mangé en entier.\n")
    assert "honte" not in compose(text)


def test_feeling_stupid_said_outright_is_still_shame() -> None:
    text = ("Papà ha chiamato per dire che ha perso metà del raccolto. Io gli ho raccontato della promozione "
            "e mi sono sentita stupida a parlare di slide.\n\nHo guardato i voli. Poi ho chiuso il sito.\n")
    assert "shame" in _feelings(text)


def test_what_it_was_not_then_what_it_was() -> None:
    text = ("Huit mois à Lyon. Aujourd'hui au marché j'ai vu des pastéis de nata et j'ai failli pleurer.\n\n"
            "Ce n'est pas le gâteau, évidemment. C'est le dimanche chez ma grand-mère à Porto, la radio "
            "allumée, mon oncle qui arrive toujours en retard.\n\n"
            "J'en ai acheté deux, pour le petit-déjeuner de demain.\n")
    assert "C'est le dimanche chez ma grand-mère à Porto" in compose(text)


def test_a_title_in_capitals_is_no_news() -> None:
    text = ("THE PARKING SAGA, PART III.\n\n"
            "Mr Dobbs at number 9 has once again parked across my drive. I have photographs. I drafted a note "
            "that began 'Dear Sir, It has come to my attention' and realised I'd become my father.\n\n"
            "Instead I washed my car at 7am, very slowly, while he watched from his window. This isn't over.\n")
    assert "joy" not in _feelings(text)


def test_news_in_capitals_with_its_verb_is_still_news() -> None:
    text = ("THE SWIFTS ARE BACK. Three of them screaming round the church tower. Stood in the lane grinning "
            "for ten minutes, late for work, do not regret it.\n")
    assert "joy" in _feelings(text)


def test_a_trailing_place_is_not_asked_after() -> None:
    text = ("Ayer cenamos todos en casa de la abuela. Mi tío volvió a hablar de política y mi prima lloró en el baño.\n\n"
            "La familia es eso, supongo: aguantar y querer a la vez, en la misma mesa.\n")
    reply = compose(text)
    assert "ese \u201cen la misma mesa\u201d" not in reply


# Found on a third set written blind (fresh83).


def test_a_doing_told_after_a_comma_is_portugals_portuguese() -> None:
    from mirror.engine.portuguese import written_in_portugal
    assert written_in_portugal("Nasceu o Tomás! Passei o dia todo no hospital à espera, a fazer malha no corredor.")
    assert not written_in_portugal("Nasceu o Tomás! Passei o dia todo no hospital esperando, fazendo crochê no corredor.")


def test_a_heart_too_full_is_joy() -> None:
    text = ("Nasceu a Inês! Às seis da manhã, três quilos e duzentos.\n\n"
            "Passei o dia no hospital à espera, a fazer malha no corredor.\n\n"
            "Sou avó. Não me cabe no peito. O Rui chorou no carro e disse que era da alergia.\n")
    assert "joy" in _feelings(text)
    assert "Não me cabe no peito" in compose(text)


def test_the_part_the_writer_wanted_to_say_is_where_the_heart_is() -> None:
    text = ("Did the best man speech. Survived it.\n\n"
            "Dropped my cards during the toast and had to wing it. Apparently the winging was the best bit.\n\n"
            "The part I actually wanted to say, I did manage. About when I'd lost my job and Sam drove up every "
            "weekend that winter just to sit in my kitchen and play chess with me. Never made a thing of it.\n\n"
            "Anyway. Danced with his aunt. Lost a shoe. Good day.\n")
    reply = compose(text)
    assert "Sam drove up every weekend that winter" in reply
    assert "Apparently the winging" not in reply


def test_lashing_out_in_a_stage_come_through_is_not_tonights_guilt() -> None:
    text = ("Day 19. Broke the fast at my aunt's with thirty cousins.\n\n"
            "The first week I was grumpy and headachy and I snapped at my brother over nothing. Somewhere "
            "around day 10 it went quiet in my head. I notice things more.\n\n"
            "Full, tired, grateful. Eleven days to go.\n")
    feelings = _feelings(text)
    assert "guilt" not in feelings
    assert "gratitude" in feelings


def test_snapping_at_someone_today_is_still_guilt() -> None:
    text = ("I snapped at my brother over nothing tonight. He only asked if I wanted tea.\n\n"
            "He went quiet and went upstairs. I'll say sorry in the morning.\n")
    assert "guilt" in _feelings(text)


def test_a_word_shouted_in_capitals_is_no_name() -> None:
    text = ("I PASSED. First time. The examiner didn't smile once the whole forty minutes and at the end said "
            "'well, that's a pass' like he was reading the weather.\n\n"
            "The thing is, I'd practically convinced myself I'd fail. I stalled at every roundabout in my mock.\n\n"
            "But today the parallel park was PERFECT. Textbook. Going to drive to the coast on Saturday.\n")
    assert "pride" in _feelings(text)


# Found on a fourth set written blind (fresh85), graded on the engine before these.


def test_lines_typed_a_thought_at_a_time_are_not_an_editors_wrapping() -> None:
    text = ("party done. feet gone. shoes in a plant pot somewhere in the hotel lobby\n"
            "jo cried during the speeches AND the cake AND when the band played queen\n"
            "caught the bouquet by accident it hit me in the face\n"
            "uncle ray: \"you're next!!\" me: \"next to what\"\n"
            "taxi in 10 mins. so happy for them honestly. so tired\n")
    reply = compose(text)
    assert "lobby jo cried" not in reply and "face uncle ray" not in reply


def test_a_quote_never_ends_on_the_word_that_ties_it_on() -> None:
    text = ("Interview at Marlow & Finch today. I think it went okay? Hard to tell.\n\n"
            "Then the woman - Jo? Joanne? I panicked and didn't catch it - asked \"tell me about a time you "
            "failed\" and I told the story about the Leeds launch which, in hindsight, maybe was TOO honest. "
            "But she laughed at the part about the projector so maybe thats fine.\n\n"
            "They said they'll be in touch next week.\n")
    reply = compose(text)
    assert "launch which\u201d" not in reply and "launch which?" not in reply


def test_a_death_only_supposed_is_no_grief() -> None:
    text = ("Marco ha cucinato per me. Carbonara. Con la panna. Mia nonna si rivolterebbe nella tomba, se "
            "fosse morta, ma è viva e sta benissimo, quindi non glielo dirò mai.\n\n"
            "Era così fiero che ho mangiato tutto. Lo amo. Ma la prossima volta cucino io.\n")
    assert "grief" not in _feelings(text)


def test_a_things_smell_is_the_surroundings_not_the_entrys_landing() -> None:
    text = ("Took Kit out driving in the Lidl car park after closing. He stalled nine times. On the tenth go he "
            "got it moving, did a little whoop and said \"don't tell anyone I did that.\"\n\n"
            "Five years ago he was scared of the revolving door at that same Lidl. I'm not going to cry in a "
            "journal about a car park. Pretty close though.\n\n"
            "Clutch smells terrible.\n")
    assert "Clutch smells terrible" not in compose(text)


def test_a_feeling_in_a_letters_closing_is_play() -> None:
    text = ("Dear Priya,\n\n"
            "I won't send this. The Thursday quiz was tonight and I went alone and sat at our table and got 2 "
            "out of 10 on the music round.\n\n"
            "I'm glad Lisbon is good. I mean that. It's just that nobody here texts me \"pub?\" at 6pm on a "
            "Tuesday anymore, and I didn't realise how much of my week was built around that one word.\n\n"
            "Love, and jealous of your balcony,\nR.\n")
    assert "envy" not in _feelings(text)


# Found on a fifth set written blind (fresh86), graded on the final engine.


def test_news_waited_for_is_lived_in_the_line_after_it() -> None:
    text = ("Picked up the car from the garage (new tyres, £240, the man said \"she'll run forever now\" about "
            "the car, which felt optimistic for a 2008 Fiesta). Called the clinic at 11 like they said. Results "
            "are benign. Went to Lidl after and bought bread, eggs, those ginger biscuits, and a bunch of "
            "daffodils I didn't need. Need to book the dentist for Ava before half-term.\n")
    reply = compose(text)
    assert "relief" in _feelings(text)
    assert "daffodils I didn't need" in reply and "optimistic for a 2008 Fiesta" not in reply
