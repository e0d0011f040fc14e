"""The offline engine as an adapter: no model, no network, always available.

Its real work is the pure composer `mirror.engine.offline.compose(text, analysis)`. The
contract calls `respond` directly (it already holds the analysis); `generate` exists so
the offline engine can stand wherever any other adapter can, and recovers the reflection
from the delimited data block of the messages (`mirror.engine.prompt.extract_reflection`).
"""

from __future__ import annotations

from collections.abc import Iterator

from mirror.adapters.base import Chunk, GenerateOptions, Message, Usage
from mirror.engine.analysis import Analysis
from mirror.engine.offline import ENGINE_VERSION, compose
from mirror.engine.prompt import estimate_tokens, extract_reflection


class OfflineAdapter:
    """The default engine: composes a mirrorback from the reflection's own words."""

    name = "offline"
    engine_version = ENGINE_VERSION
    model: str | None = None

    def is_remote(self) -> bool:
        return False

    def endpoint(self) -> str:
        return "local"

    def respond(self, text: str, analysis: Analysis | None = None, *,
                memory: str | None = None, avoid: str | None = None,
                hour: int | None = None) -> str:
        """The mirrorback for `text` (deterministic for a text, engine version and memory
        sentence). `memory`: one descriptive sentence about earlier reflections, placed
        before the closing question (mirror.services.remembering writes it); `avoid`: the
        question the journal's last mirrorback closed with, never asked twice in a row;
        `hour`: the local hour it was written at (by day the frames ask about the day)."""
        return compose(text, analysis, version=self.engine_version, memory=memory, avoid=avoid,
                       hour=hour)

    def generate(
        self, system: str, messages: list[Message], options: GenerateOptions
    ) -> Iterator[Chunk]:
        text = extract_reflection(messages) or ""
        reply = self.respond(text)
        yield reply
        yield Usage(
            input_tokens=sum(estimate_tokens(m.content) for m in messages),
            output_tokens=estimate_tokens(reply),
        )


__all__ = ["OfflineAdapter", "compose"]
