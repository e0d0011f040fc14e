"""The core storage tests run twice: on a plain journal and on an encrypted one (issue 16).

For the encrypted run every journal a test creates in this process is created encrypted
(one fixed key, derived once: the KDF is not what these tests are about) and opened with
the passphrase, and `raw_connect` opens the file as a person holding the passphrase
would. Tests that start `mirror` as a separate process still see plain journals there."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

#: The modules run on both kinds of journal: round trips, search, the audit chain, failures
#: (test_delete_no_trace needs the text readable on disk before the delete, and
#: test_failures damages and locks the file with the stdlib: those are plain-file tests).
ENCRYPTED_TOO = {
    "tests.storage.test_roundtrip",
    "tests.storage.test_contains_property",
    "tests.storage.test_audit",
}
PASSPHRASE = "storage tests, encrypted"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.module.__name__ in ENCRYPTED_TOO:
        metafunc.parametrize("journal_kind", ["plain", "encrypted"], indirect=True)


@cache
def _key():
    from mirror.storage import encryption

    return encryption.derive(PASSPHRASE, b"mirror-tests-slt")


@pytest.fixture(autouse=True)
def journal_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    kind = getattr(request, "param", "plain")
    if kind != "encrypted":
        return kind
    from mirror.storage import encryption
    from mirror.storage.store import Store

    key = _key()
    original = Store.__init__

    def init(self, path, clock=None, *, keys=None, ask_passphrase=None, create_key=None):
        original(self, path, clock, keys=keys or encryption.Keys(passphrase=PASSPHRASE),
                 ask_passphrase=ask_passphrase, create_key=create_key or key)

    real_derive = encryption.derive
    monkeypatch.setattr(Store, "__init__", init)
    monkeypatch.setattr(encryption, "derive", lambda passphrase, salt: key if (passphrase, salt) == (
        PASSPHRASE, key.salt) else real_derive(passphrase, salt))

    def raw_connect(db: Path):
        return encryption.connect(db, key, timeout=30.0)

    from tests.storage import helpers

    monkeypatch.setattr(request.module, "raw_connect", raw_connect, raising=False)
    monkeypatch.setattr(helpers, "raw_connect", raw_connect)
    return kind
