"""What a digest quotes, cut where the meaning stays whole: a line with the verdict that
ends its entry ("Earned it."), an ironic line with the complaint it mocks, a memory with the
short line that turns it, and the line where an entry turns rather than a joke on the way."""

from __future__ import annotations

import pytest


def _write(cli, text: str, date: str) -> str:
    run = cli("reflect", "--json", "--date", date, input=text)
    assert run.code == 0, run.err
    return run.json["reflection"]["id"]


def _lines(cli, date: str) -> dict[str, dict]:
    digest = cli("digest", "--week", "--date", date, "--json").json
    return {line["reflection_id"]: line for line in digest["lines"]}, digest


def test_a_line_keeps_the_verdict_on_its_own_line_after_it(cli):
    rid = _write(cli, "Signed for the house. Eleven months of viewings, two collapsed chains and "
                      "one night crying on the stairs of a flat that wasn't ours.\n\nEarned it.",
                 "2026-09-07 20:00")

    lines, _ = _lines(cli, "2026-09-07")

    assert " ".join(lines[rid]["text"].split()).endswith("wasn't ours. Earned it.")


def test_an_ironic_line_is_quoted_with_what_it_mocks_and_is_no_love(cli):
    rid = _write(cli, "Oh great, another all-hands at 7am where they tell us the coffee budget "
                      "is cut. Love this job.", "2026-09-08 07:30")
    _write(cli, "Slept badly, the neighbours' dog again.", "2026-09-09 07:30")

    lines, digest = _lines(cli, "2026-09-08")

    assert lines[rid]["wry"]
    assert lines[rid]["text"] == ("Oh great, another all-hands at 7am where they tell us the "
                                  "coffee budget is cut. Love this job.")
    assert "love" not in digest["feeling"] and "joy" not in digest["feeling"]


def test_a_memory_comes_with_the_short_line_that_turns_it(cli):
    rid = _write(cli, "Sunday. Made pancakes, burned the first one as always. Dad would have "
                      "loved these. I still set out two plates sometimes.", "2026-09-13 10:00")

    lines, _ = _lines(cli, "2026-09-13")

    # ...and with what "these" were: the pancakes of the sentence before.
    assert lines[rid]["text"] == ("Made pancakes, burned the first one as always. Dad would have "
                                  "loved these. I still set out two plates sometimes.")


def test_the_turn_of_an_entry_is_quoted_over_a_joke_on_the_way(cli):
    rid = _write(cli, "The printer jammed, ha, of course it did, that printer hates me and I hate "
                      "it right back. On the walk home I realised I don't want to go back after "
                      "Christmas.", "2026-09-10 22:00")

    lines, _ = _lines(cli, "2026-09-10")

    assert lines[rid]["text"] == ("On the walk home I realised I don't want to go back after "
                                  "Christmas.")


def test_praise_of_the_situation_after_bad_news_is_said_wryly_and_is_no_love(cli):
    rid = _write(cli, "Third rejection this month. I love this job hunt, honestly, it's the "
                      "highlight of my week.", "2026-09-21 19:00")
    meant = _write(cli, "The funeral was awful. I love this photo of him, though, his daft hat.",
                   "2026-09-23 21:00")

    lines, digest = _lines(cli, "2026-09-22")

    assert lines[rid]["wry"] and lines[rid]["text"].startswith("Third rejection this month.")
    assert meant not in lines or not lines[meant]["wry"]
    assert "love" not in digest["feeling"] and "joy" not in digest["feeling"]


def test_a_line_about_him_comes_with_the_line_that_names_him(cli):
    rid = _write(cli, "Quiet day. I kept reaching for my phone to tell Jamie about my day, and then "
                      "remembering. I miss him so much it hurts.", "2026-09-28 22:00")

    lines, _ = _lines(cli, "2026-09-28")

    assert lines[rid]["text"] == ("I kept reaching for my phone to tell Jamie about my day, and "
                                  "then remembering. I miss him so much it hurts.")


def test_a_line_is_never_cut_at_an_abbreviation(cli):
    rid = _write(cli, "Geburtstagsfeier im Hof bei Nils. Wir haben ca. 12 mal dasselbe Lied "
                      "gesungen, immer lauter und immer falscher. Bester Abend seit Wochen.",
                 "2026-07-25 23:00")

    lines, _ = _lines(cli, "2026-07-25")

    assert lines[rid]["text"].startswith("Wir haben ca. 12 mal dasselbe Lied gesungen")


def test_news_said_aloud_is_quoted_over_the_nerves_before_it(cli):
    rid = _write(cli, "Went back and forth with them all morning. I was so anxious I drafted "
                      "the email four times. They met me halfway on the rent and the deposit. "
                      "Signed! Keys on Friday.", "2026-06-29 12:30")
    _write(cli, "Bought a plant for the new windowsill. Two weeks of boxes ahead.",
           "2026-07-01 18:00")

    lines, _ = _lines(cli, "2026-06-29")

    assert "Signed!" in lines[rid]["text"]
    assert "anxious" not in lines[rid]["text"]


def test_a_quoted_line_never_starts_inside_a_quotation():
    from mirror.engine.tokenize import as_tokens, tokenize
    from mirror.services.digest_reading import exact

    text = ('Read the advert twice. "Friendly team. Unpaid trial week. Must love overtime '
            'and keep a sunny attitude." Honestly that made me furious.')
    toks = as_tokens(tokenize(text))
    inside = next(i for i, t in enumerate(toks) if t.text == "Must")

    line = exact(text, toks, inside, len(toks))

    assert line.count('"') % 2 == 0
    assert line.startswith('"Friendly team.') and line.endswith("made me furious.")


def test_a_line_that_opens_on_or_keeps_what_it_corrects(cli):
    rid = _write(cli, "Painted the hallway and put the bike in the shed, and hung the mirror "
                      "from Gran by the door. Ambitious, for me. The flat feels like home now, "
                      "not a stopover. Or at least like somewhere I live.", "2026-08-22 16:00")

    lines, _ = _lines(cli, "2026-08-22")

    text = lines[rid]["text"]
    assert not text.startswith("Or at least")
    assert "The flat feels like home now, not a stopover." in text


def test_a_french_line_keeps_the_mark_it_sets_apart(cli):
    rid = _write(cli, "Le chat a sauté sur le canapé ! Tout seul ! Il n'avait pas fait ça "
                      "depuis l'opération, le vétérinaire sera content. Ensuite il a dormi "
                      "tout l'après-midi au soleil.", "2026-11-16 18:00")

    lines, _ = _lines(cli, "2026-11-16")

    assert lines[rid]["text"] == "Le chat a sauté sur le canapé ! Tout seul !"


def test_a_last_line_that_only_makes_a_plan_is_not_where_the_entry_lands(cli):
    rid = _write(cli, "Rain all day. She looked so cold and miserable at the door, poor thing. "
                      "Dried her off, no scolding. Going to take her out early tomorrow I think.",
                 "2026-05-12 09:00")
    kept = _write(cli, "Cleared his desk at last, found the old pocket watch and the ticket "
                       "stubs. I keep going to ring him.", "2026-05-13 21:00")

    lines, _ = _lines(cli, "2026-05-12")

    assert "Going to take her out" not in lines[rid]["text"]
    assert "poor thing" in lines[rid]["text"]
    assert "I keep going to ring him." in lines[kept]["text"]  # no plan


def test_a_line_keeps_the_entrys_last_short_verdict_after_two_short_sentences(cli):
    rid = _write(cli, "Dad has been staying for three days and the garden has never looked "
                      "better. He also rewired the doorbell and moved all my spices so I can't "
                      "find anything. Love him. Also want him to go home. Both true.",
                 "2026-05-07 21:00")

    lines, _ = _lines(cli, "2026-05-07")

    assert lines[rid]["text"].endswith("Love him. Also want him to go home. Both true.")


def test_a_line_about_now_keeps_the_sentence_about_how_it_was(cli):
    rid = _write(cli, "Pasamos la tarde en el parque, se paraba en cada banco a mirar las "
                      "palomas. Antes dábamos la vuelta entera dos veces. Da igual. Ahora vamos "
                      "despacio.", "2026-11-07 17:00")

    lines, _ = _lines(cli, "2026-11-07")

    # (an entry this short and plain may be quoted whole: the pair is there, in order)
    assert lines[rid]["text"].endswith("Antes dábamos la vuelta entera dos veces. Da igual. "
                                       "Ahora vamos despacio.")


@pytest.mark.parametrize("text, pair", [
    ("Paseo largo con Toby por el río esta tarde, hacía frío pero había sol y el agua estaba "
     "muy alta después de la lluvia de la semana. Nos cruzamos con la vecina del tercero y su "
     "perro nuevo. Al principio dábamos la vuelta entera dos veces. Hoy en día vamos despacio, "
     "y me gusta así.",
     "Al principio dábamos la vuelta entera dos veces. Hoy en día vamos despacio, y me gusta así."),
    ("Długi spacer z Tobym nad rzeką po południu, zimno, ale słonecznie, a woda po deszczu z "
     "całego tygodnia stała bardzo wysoko. Spotkaliśmy sąsiadkę z trzeciego piętra z jej nowym "
     "psem. Na początku robiliśmy całą pętlę dwa razy. Obecnie chodzimy powoli i tak mi się "
     "podoba.",
     "Na początku robiliśmy całą pętlę dwa razy. Obecnie chodzimy powoli i tak mi się podoba."),
], ids=["es", "pl"])
def test_a_line_about_now_keeps_how_it_was_in_the_words_each_language_says_it(cli, text, pair):
    # "at first" … "these days" as Spanish and Polish say them, not only "antes", "kiedyś" …
    # "ahora", "teraz"
    rid = _write(cli, text, "2026-11-07 17:00")

    lines, _ = _lines(cli, "2026-11-07")

    assert lines[rid]["text"] == pair


@pytest.mark.parametrize("text, heart, after", [
    ("Llevo semanas dándole vueltas a todo lo del trabajo, a las cuentas y a lo de mamá, sin "
     "contárselo a nadie. Hoy he comido con mi hermana en el sitio de siempre, cerca de la "
     "estación. Por fin le he dicho en voz alta lo que me pasa. Luego hemos pedido postre y "
     "hemos hablado de sus hijos y del verano.",
     "Por fin le he dicho en voz alta lo que me pasa.", "postre"),
    ("Od tygodni kręcę się w kółko z pracą, rachunkami i sprawą mamy, nikomu o tym nie mówiąc. "
     "Dzisiaj zjadłem obiad z siostrą w tym samym miejscu co zawsze, przy dworcu. Wreszcie "
     "powiedziałem na głos, co się ze mną dzieje. Potem zamówiliśmy deser i rozmawialiśmy o "
     "jej dzieciach i o lecie.",
     "Wreszcie powiedziałem na głos, co się ze mną dzieje.", "deser"),
], ids=["es", "pl"])
def test_an_entry_is_quoted_where_it_finally_turns_in_spanish_and_polish(cli, text, heart, after):
    # "por fin", "wreszcie" open the line an entry comes to, as "finally" and "in the end" do:
    # the quote ends there, not on the dessert after it
    rid = _write(cli, text, "2026-11-09 21:00")

    lines, _ = _lines(cli, "2026-11-09")

    assert lines[rid]["text"].endswith(heart)
    assert after not in lines[rid]["text"]


def test_a_line_goes_on_past_a_title_before_a_name(cli):
    rid = _write(cli, "Dia comprido no escritório. A resposta do banco ainda não veio. O Sr. Duarte "
                      "da gráfica disse que espera pelo pagamento até ao fim do mês e sorriu. "
                      "Fiquei tão aliviada que quase chorei.", "2026-05-13 19:00")

    lines, _ = _lines(cli, "2026-05-13")

    assert not lines[rid]["text"].endswith("O Sr.")
    assert "Sr." not in lines[rid]["text"] or "Sr. Duarte" in lines[rid]["text"]


def test_a_short_line_about_her_comes_with_who_she_is_two_sentences_back(cli):
    rid = _write(cli, "Carmen took the whole rota off me while I was on the phone with the school. "
                      "Never said a word about it. I owe her lunch for a month.",
                 "2026-05-14 21:00")

    lines, _ = _lines(cli, "2026-05-14")

    if "owe her" in lines[rid]["text"]:
        assert lines[rid]["text"].startswith("Carmen took the whole rota")


def test_a_tag_on_one_entry_of_many_is_not_the_weeks(cli):
    texts = ["The garden is finally dug over and my back knows it.",
             "Sat with Grandad at the home, he told me about the war again and I listened.",
             "Grandad didn't know my name today. I held his hand anyway.",
             "Drove back from the home in silence, radio off, thinking about Grandad."]
    cli("reflect", "--date", "2026-05-11 20:00", "--tag", "garden", input=texts[0])
    for k, text in enumerate(texts[1:], 12):
        _write(cli, text, f"2026-05-{k} 20:00")

    shown = cli("digest", "--week", "--date", "2026-05-12")

    assert "#garden" not in shown.out


def test_a_line_keeps_where_its_entry_lands_when_the_end_is_short(cli):
    rid = _write(cli, "Long shift. Argued with Tomek about the stock count and stormed out to the "
                      "loading bay feeling like an idiot. Came back, he had made me a tea with "
                      "three sugars the way I never take it and did not say a word about it "
                      "all afternoon, just kept passing me boxes. Drank the whole thing anyway. "
                      "Felt forgiven.", "2026-05-20 22:00")

    lines, _ = _lines(cli, "2026-05-20")

    assert lines[rid]["text"].endswith("Drank the whole thing anyway. Felt forgiven.")


def test_a_mixed_feeling_keeps_its_second_side_at_the_end(cli):
    rid = _write(cli, "Half four and the baby monitor again. I have walked the landing so many "
                      "times I know which boards creak and I could sleep standing up against "
                      "the wall. I adore her. I also want to hand her to anyone at all.",
                 "2026-05-21 04:30")

    lines, _ = _lines(cli, "2026-05-21")

    if "I adore her." in lines[rid]["text"]:
        assert lines[rid]["text"].endswith("I also want to hand her to anyone at all.")


def test_a_few_words_that_judge_what_came_before_come_with_it(cli):
    rid = _write(cli, "Sold the car to a man from Leeds. He haggled me down by two hundred, then "
                      "threw in his old bike rack for nothing. I think I came out ahead.",
                 "2026-05-22 19:00")

    lines, _ = _lines(cli, "2026-05-22")

    assert lines[rid]["text"] != "I think I came out ahead."


def test_one_word_said_aloud_comes_with_the_sentence_that_says_what(cli):
    _write(cli, "Inspection tomorrow. Haven't slept properly in a week, the list keeps growing "
                "and I keep finding things nobody fixed.", "2026-06-01 22:00")
    rid = _write(cli, "Passed! The inspector walked round for two hours and signed it off "
                      "without a single note. Mum brought sandwiches for everyone. We sat on "
                      "the floor of the empty hall and ate them.", "2026-06-03 19:00")

    lines, _ = _lines(cli, "2026-06-03")

    assert lines[rid]["text"].startswith("Passed! The inspector walked round")


def test_a_short_line_that_concedes_comes_with_what_it_concedes_to(cli):
    rid = _write(cli, "Long day at the depot, then the bus broke down on the ring road and we "
                      "walked the last mile in the rain. My sister rang and asked me to host "
                      "Christmas this year. The flat is tiny and I am exhausted. Said yes anyway.",
                 "2026-06-02 22:00")

    lines, _ = _lines(cli, "2026-06-02")

    if "Said yes anyway." in lines[rid]["text"]:
        assert lines[rid]["text"] != "Said yes anyway."
        assert "exhausted" in lines[rid]["text"]
