"""Shared fixtures for the engine tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "reflections.yaml"


@pytest.fixture(scope="session")
def corpus() -> list[dict[str, Any]]:
    """The annotated reflections of tests/corpus/reflections.yaml."""
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
