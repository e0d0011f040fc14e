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
