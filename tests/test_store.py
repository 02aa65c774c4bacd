"""The SQLite store: schema versions, raw pages before processing, idempotent article writes."""
from __future__ import annotations

import sqlite3

import pytest

from newsmon.errors import NewsmonError
from pipeline.records import EnrichedArticle, RawPage
from store.migrations import SCHEMA_VERSION
from store.search import SearchFilters, fts_query, search_sqlite
from store.sqlite import Store


def make_article(article_id="a1", title="Alibaba T-Head chip", text="T-Head unveiled a chip.") -> EnrichedArticle:
    return EnrichedArticle(id=article_id, url=f"https://x.example/{article_id}", source="s", title=title,
                           published_at="2026-11-27T08:00:00Z", fetched_at="2026-11-27T09:00:00Z", language="en",
                           authors=[], text=text, story_id=article_id, content_hash=article_id, relevant=True,
                           categories=["chip"], entities=[{"text": "T-Head", "label": "ORG", "id": "t-head"}])


def test_a_new_file_gets_the_current_schema(tmp_path):
    store = Store(tmp_path / "n.db")
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_a_newer_schema_is_refused(tmp_path):
    connection = sqlite3.connect(tmp_path / "n.db")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(NewsmonError, match="newer newsmon"):
        Store(tmp_path / "n.db")


def test_raw_pages_wait_until_processed(tmp_path):
    store = Store(tmp_path / "n.db")
    page = RawPage(url="https://x.example/a?utm_source=y", final_url="https://x.example/a", source="s", status=200,
                   headers={"Content-Type": "text/html"}, body=b"<html>" * 1000, fetched_at="2026-11-27T09:00:00Z")
    page_id = store.save_raw_page(page, ["https://x.example/a"])
    [pending] = store.pending_raw_pages(10)
    assert pending.id == page_id and pending.body == page.body
    assert store.is_seen("https://x.example/a")
    store.save_batch([(make_article(), None)], {page_id: "stored"}, queue_for_index=True)
    assert store.pending_raw_pages(10) == []
    assert store.db.execute("SELECT count(*) FROM index_outbox").fetchone()[0] == 1
    store.close()


def test_rewriting_an_article_updates_it_and_its_index(tmp_path):
    store = Store(tmp_path / "n.db")
    assert len(store.save_batch([(make_article(), None)], {}, False)) == 1
    assert store.save_batch([(make_article(title="Alibaba Yitian server"), None)], {}, False) == []
    assert store.count_articles() == 1
    assert search_sqlite(store, "Yitian", SearchFilters()) and not search_sqlite(store, "T-Head chip", SearchFilters(
        categories=("spend",)))
    store.close()


def test_query_syntax_is_never_passed_through():
    assert fts_query('T-Head "chips" OR NEAR(') == '"T-Head" """chips""" OR "NEAR("'
    assert fts_query("OR") == ""
