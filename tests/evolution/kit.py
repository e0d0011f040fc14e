"""Helpers for the evolution tests: a journal answered by a scripted model whose first
answers are directive, so the checks flag them and the critics notice."""

from __future__ import annotations

from mirror.adapters.scripted import ScriptedAdapter
from mirror.services import reflecting

DIRECTIVE = "You should go for a walk and you must call your sister tonight."
GOOD = "You wrote that the walk home felt long. What was the longest part of it?"


class Model:
    """The scripted model every reflect in a test talks to; answers are queued per test."""

    def __init__(self) -> None:
        self.adapter = ScriptedAdapter([], name="scripted")

    def queue(self, *answers: str) -> None:
        self.adapter._responses.extend(answers)

    @property
    def last_system(self) -> str:
        return self.adapter.calls[-1].system


def use_model(monkeypatch, model: Model) -> None:
    """Every reflect answers with `model` (configured_adapter is the one place the service
    layer picks the person's configured engine)."""
    monkeypatch.setattr(reflecting, "configured_adapter", lambda ctx, notices: model.adapter)


def reflect(journal, text: str):
    return journal.answer(journal.write(text))
