"""English verbs in the past ("paid", "texted", "went"): how a diary's line says what the
writer did. Shared by the echo, which says such a clause back, and the reading, which takes
a diary's dropped "I" ("Woke up strangely happy") as the writer's own."""

from __future__ import annotations

#: Past-tense markers beyond the regular "-ed" ending.
PAST = frozenset({
    "was", "were", "wasn't", "weren't", "had", "did", "didn't", "went", "came", "got", "made",
    "said", "told", "took", "gave", "saw", "felt", "knew", "thought", "left", "sat", "stood",
    "ran", "ate", "drank", "slept", "woke", "fell", "held", "found", "brought", "bought",
    "caught", "taught", "wrote", "spoke", "heard", "met", "lost", "won", "kept", "sent",
    "spent", "cried", "lay", "let", "put", "read", "cut", "hit", "began", "sang", "swam",
    "drove", "rode", "flew", "forgot", "couldn't", "finally", "broke", "chose",
    "stopped", "tried", "laughed", "hugged", "walked", "called", "finished", "passed",
    # the other common irregular pasts: "Set the table for three", "Paid the gas bill"
    "set", "shut", "quit", "laid", "paid", "built", "threw", "wore", "hid", "dug", "fed", "led",
    "lit", "sold", "grew", "drew", "blew", "meant", "dreamt", "learnt", "burnt", "shook",
    "stuck", "struck", "swore", "tore", "hung", "rang", "sank", "stole", "bent", "lent",
    "dealt", "fought", "understood", "forgave", "became", "rose", "froze", "bit", "spun",
})
#: Words ending in -ed that are not past verbs.
NOT_PAST = frozenset({"tired", "scared", "bored", "worried", "excited", "red", "bed", "need",
                       "naked", "wicked", "sacred", "hundred", "indeed", "speed", "seed"})


def did(word: str) -> bool:
    """Whether an English word is a verb in the past ("paid", "texted", "went")."""
    return word in PAST or (word.endswith("ed") and len(word) > 4 and word not in NOT_PAST)
