"""Helpers for driving the real Mirror app with Pilot, deterministically."""

from __future__ import annotations

from typing import Any

import pytest

SIZE = (120, 36)


async def settle(pilot: Any, rounds: int = 6) -> None:
    """Let timers, workers and the messages they post all run to completion."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause()
        await app.workers.wait_for_complete()
        for screen in app.screen_stack:
            await screen.workers.wait_for_complete() if hasattr(screen, "workers") else None
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return


@pytest.fixture
def make_app(journal):
    """A MirrorApp on the test's journal (FixedClock): search runs on every key; drafts are
    written only when a test asks (debounce 0) or on quit."""
    from mirror.tui.app import MirrorApp

    def make(**kwargs: Any) -> MirrorApp:
        options = dict(search_debounce=0, draft_debounce=60)
        options.update(kwargs)
        return MirrorApp(journal, **options)

    return make


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (no asyncio plugin needed)."""
    import asyncio
    import inspect

    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True
