"""The SQLite store: schema versions, raw pages before processing, idempotent article writes."""
from __future__ import annotations

import multiprocessing
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


def _open_after(barrier, path, errors) -> None:
    barrier.wait()
    try:
        Store(path).close()
    except NewsmonError as error:
        errors.put(str(error))


def test_processes_opening_a_new_file_at_once_each_get_the_schema_once(tmp_path):
    """Parallel crawl children open a new store together: each step must run once, not fail with
    'table raw_pages already exists' in the slower process."""
    context = multiprocessing.get_context("spawn")
    barrier, errors = context.Barrier(6), context.Queue()
    workers = [context.Process(target=_open_after, args=(barrier, tmp_path / "n.db", errors)) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0] * 6
    assert errors.empty(), errors.get()
    with Store(tmp_path / "n.db") as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


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


def archive(store: Store, count: int) -> None:
    """`count` articles that all say "chip", one a minute; only the five oldest are regulatory news
    from source "old", and only article 7 names SAMR."""
    articles = []
    for index in range(count):
        article = make_article(f"a{index}", title=f"Chip story {index}", text=f"The chip market moved. Item {index}.")
        article.published_at = f"2026-01-01T{index // 60:02d}:{index % 60:02d}:00Z"
        article.categories = ["regulatory"] if index < 5 else ["chip"]
        article.source = "old" if index < 5 else "new"
        if index == 7:
            article.entities = article.entities + [{"text": "SAMR", "label": "ORG", "id": "samr"}]
        articles.append((article, None))
    store.save_batch(articles, {}, queue_for_index=False)


def test_filters_find_matches_beyond_the_newest_ranked_windows(tmp_path):
    store = Store(tmp_path / "n.db")
    archive(store, 400)
    budget = 40    # a word in all 400 articles is ranked 40 at a time, newest first
    regulatory = search_sqlite(store, "chip", SearchFilters(categories=("regulatory", "spend")), rank_budget=budget)
    assert sorted(record["id"] for record in regulatory) == [f"a{index}" for index in range(5)]
    assert [record["id"] for record in search_sqlite(store, "chip", SearchFilters(entities=("SAMR", "t-head")),
                                                     rank_budget=budget)] == ["a7"]
    assert search_sqlite(store, "chip", SearchFilters(entities=("SAMR",), source="new"), rank_budget=budget)
    assert not search_sqlite(store, "chip", SearchFilters(entities=("SAMR",), source="old"), rank_budget=budget)
    newest = search_sqlite(store, "chip", SearchFilters(limit=10), rank_budget=budget)
    assert len(newest) == 10 and all(int(record["id"][1:]) >= 400 - budget for record in newest)
    assert len(search_sqlite(store, "chip", SearchFilters(since="2026-01-01T01:00:00Z", until="2026-01-01T01:30:00Z",
                                                          limit=100), rank_budget=budget)) == 30
    store.close()


def test_a_selective_query_is_ranked_over_the_whole_archive(tmp_path):
    store = Store(tmp_path / "n.db")
    archive(store, 400)
    store.save_batch([(make_article("t1", title="Yitian server", text="Yitian Yitian Yitian."), None),
                      (make_article("t2", title="Other", text="A passing Yitian mention in a long text " * 20), None)],
                     {}, queue_for_index=False)
    assert [record["id"] for record in search_sqlite(store, "Yitian", SearchFilters(), rank_budget=40)] == ["t1", "t2"]
    store.close()


def test_a_store_of_schema_7_gets_its_facets_into_the_search_index(tmp_path):
    from store.migrations import MIGRATIONS

    path = tmp_path / "n.db"
    with sqlite3.connect(path) as connection:
        connection.executescript("\n".join(MIGRATIONS[:7]) + "\nPRAGMA user_version = 7;")
        connection.execute("INSERT INTO articles (seq, id, url, source, title, text, entity_names, fetched_at, day_time,"
                           " relevant, story_id, content_hash, record, stored_at) VALUES (1, 'a1', 'u', 'wire',"
                           " 'T-Head chip', 'A chip.', 'T-Head t-head', 't', '2026-01-01', 1, 'a1', 'h', ?, 't')",
                           ('{"id": "a1", "text": "A chip.", "title": "T-Head chip"}',))
        connection.executemany("INSERT INTO article_facets VALUES (1, ?, ?)", [("category", "chip"), ("entity", "t-head")])
    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert search_sqlite(store, "chip", SearchFilters(categories=("chip",), entities=("T-Head",), source="wire"))
    assert not search_sqlite(store, "chip", SearchFilters(categories=("spend",)))
    store.close()


def test_a_url_claim_of_a_killed_crawl_is_taken_over_even_while_it_is_an_unreaped_zombie(tmp_path):
    import os
    import subprocess
    import time

    from crawlers.spiders.base import _claim_is_stale

    store = Store(tmp_path / "n.db")
    zombie = subprocess.Popen(["sleep", "0"])     # exits at once and is not waited for: a zombie
    time.sleep(0.3)
    assert store.claim_url("https://x.example/a", f"{zombie.pid}/feed", _claim_is_stale)
    assert store.claim_url("https://x.example/a", f"{os.getpid()}/sitemap", _claim_is_stale)   # taken over
    assert not store.claim_url("https://x.example/a", "999999999/other", _claim_is_stale)     # a live holder
    zombie.wait()
    store.release_claims(f"{os.getpid()}/sitemap")
    assert store.db.execute("SELECT count(*) FROM url_claims").fetchone()[0] == 0
    store.close()
