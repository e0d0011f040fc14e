"""Bundles leave both full-text indexes out (format 2) and the importing side rebuilds them
(issue 14, item 4): after an export and import, Chinese, emoji and Tamil words are found in
the new journal, and a bundle whose snapshot still held the trigram index is refused by
the schema allow-list."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from mirror.errors import BundleRefused
from tests.bundles.journalkit import open_journal

TEXTS = ["今日は東京に行きました", "Party tonight 🎉 with everyone", "வணக்கம் நண்பரே",
         "The old house by the river"]


def test_both_indexes_are_rebuilt_after_export_and_import(tmp_path: Path):
    with open_journal(tmp_path / "a") as a:
        for text in TEXTS:
            a.write(text)
        a.export_bundle(tmp_path / "a.zip")
    with zipfile.ZipFile(tmp_path / "a.zip") as bundle:
        names = bundle.namelist()
        db_name = next(n for n in names if n.endswith(".db"))
        (tmp_path / "snap.db").write_bytes(bundle.read(db_name))
    snapshot = sqlite3.connect(tmp_path / "snap.db")
    tables = {r[0] for r in snapshot.execute("SELECT name FROM sqlite_master")}
    snapshot.close()
    assert not {n for n in tables if n.startswith("reflections_fts")}  # no index travels
    with open_journal(tmp_path / "b", seed=2) as b:
        b.import_bundle(tmp_path / "a.zip")
        for query, text in [("東京", TEXTS[0]), ("行きました", TEXTS[0]), ("🎉", TEXTS[1]),
                            ("நண்பரே", TEXTS[2]), ("house", TEXTS[3])]:
            assert [h.reflection.content for h in b.search(query)] == [text], query
        conn = b.store.conn
        for index in ("reflections_fts", "reflections_fts_trigram"):
            conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")


def test_a_bundle_carrying_the_trigram_index_is_refused(tmp_path: Path):
    from mirror.storage.foreign import check_foreign_database

    with open_journal(tmp_path / "a") as a:
        a.write(TEXTS[0])
        a.export_bundle(tmp_path / "a.zip")
    with zipfile.ZipFile(tmp_path / "a.zip") as bundle:
        db_name = next(n for n in bundle.namelist() if n.endswith(".db"))
        (tmp_path / "snap.db").write_bytes(bundle.read(db_name))
    conn = sqlite3.connect(tmp_path / "snap.db")
    conn.execute("CREATE VIRTUAL TABLE reflections_fts_trigram USING fts5(content,"
                 " content='reflections_unspaced', content_rowid='seq', tokenize='trigram')")
    conn.commit()
    conn.close()
    with pytest.raises(BundleRefused, match="reflections_fts_trigram"):
        check_foreign_database(tmp_path / "snap.db", "bundle", with_fts=False)
