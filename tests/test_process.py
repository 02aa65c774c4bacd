"""Processing raw pages: the worker pool, with rounds handed to the workers while the one before is
stored, gives exactly what processing in one process gives."""
from __future__ import annotations

from pathlib import Path

from config.settings import Settings, Topic
from pipeline.process import process_pending
from pipeline.records import RawPage
from store.sqlite import Store

DEMO_SITE = Path(__file__).resolve().parents[1] / "newsmon" / "demo_site"


def raw_pages() -> list[RawPage]:
    """Every HTML page of the demo site (articles, copies and furniture pages), and one exact copy of
    the first article under another URL at the end, so a duplicate spans two rounds."""
    paths = sorted(DEMO_SITE.rglob("*.html"))
    pages = [RawPage(url=f"https://demo.example/{path.relative_to(DEMO_SITE)}",
                     final_url=f"https://demo.example/{path.relative_to(DEMO_SITE)}", source="demo", status=200,
                     headers={"Content-Type": "text/html; charset=utf-8"}, body=path.read_bytes(),
                     fetched_at="2026-11-28T00:00:00Z") for path in paths]
    first_article = next(page for page in pages if "/2026/" in page.url)
    pages.append(RawPage(url="https://mirror.example/copy.html", final_url="https://mirror.example/copy.html",
                         source="mirror", status=200, headers=first_article.headers, body=first_article.body,
                         fetched_at="2026-11-28T00:00:00Z"))
    return pages


def processed(tmp_path: Path, processes: int) -> tuple[dict, Store]:
    settings = Settings(topics=[Topic(name="alibaba-ai", entities=["alibaba", "alibaba-cloud", "qwen", "t-head"])])
    settings.extraction.processes = processes
    settings.extraction.batch_size = 2          # rounds of 2 x 2 x 4 = 16 pages: several rounds in flight
    store = Store(tmp_path / f"p{processes}.db")
    for page in raw_pages():
        store.save_raw_page(page, [page.url])
    from extractors.enrich import Enricher

    report = process_pending(store, settings, Enricher(settings))
    rows = store.db.execute("SELECT id, story_id, duplicate_of, relevant, title FROM articles ORDER BY seq").fetchall()
    return {"report": dict(report.counters), "articles": [tuple(row) for row in rows]}, store


def test_the_worker_pool_stores_what_one_process_stores(tmp_path):
    alone, store_alone = processed(tmp_path, 1)
    pooled, store_pooled = processed(tmp_path, 2)
    assert pooled == alone and len(pooled["articles"]) >= 30
    assert store_pooled.count_pending_raw_pages() == 0
    first_id = pooled["articles"][0][0]
    [mirror] = store_pooled.db.execute("SELECT duplicate_of FROM articles WHERE url = 'https://mirror.example/copy.html'"
                                       ).fetchall()
    assert mirror[0] == first_id                 # the copy, stored rounds later, is known as one
    store_alone.close()
    store_pooled.close()
