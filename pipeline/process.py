"""Drain unprocessed raw pages in batches: extract, enrich, deduplicate, store.

Everything here can be re-run from the raw pages; a page whose processing fails is marked with
its error and the batch goes on."""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from config.settings import Settings
from pipeline.dedup import Deduplicator, minhash_of
from pipeline.extract import extract_article
from pipeline.records import EnrichedArticle, iso_utc
from store.sqlite import Store

logger = logging.getLogger(__name__)


@dataclass
class ProcessReport:
    counters: Counter = field(default_factory=Counter)          # process/stored, dedup/near_duplicate, ...
    by_source: dict[str, Counter] = field(default_factory=dict)  # source -> new, duplicates, failed

    def count(self, source: str, outcome: str) -> None:
        self.counters[f"process/{outcome}"] += 1
        self.by_source.setdefault(source, Counter())[outcome] += 1


def process_pending(store: Store, settings: Settings, enricher, report: ProcessReport | None = None) -> ProcessReport:
    report = report or ProcessReport()
    extraction = settings.extraction
    window_start = iso_utc(datetime.now(timezone.utc) - timedelta(days=extraction.dedup_window_days))
    dedup = Deduplicator(store.recent_signatures(window_start), extraction.near_duplicate_threshold,
                         extraction.story_threshold)
    while pages := store.pending_raw_pages(extraction.batch_size):
        outcomes, articles = {}, []
        for page in pages:
            try:
                article = extract_article(page)
            except Exception as error:   # a page no parser survives must not stop the others
                logger.warning("cannot extract %s: %s", page.url, error)
                outcomes[page.id] = f"error: {type(error).__name__}: {error}"[:300]
                report.count(page.source, "failed")
                continue
            if article is None:
                outcomes[page.id] = "no_article"
                report.count(page.source, "no_article")
                continue
            articles.append(article)
        enriched = _enrich_isolating_failures(enricher, articles, outcomes, report)
        batch, batch_hashes = [], {}
        for article in enriched:
            signature = minhash_of(article.text)
            exact = batch_hashes.get(article.content_hash) or store.find_by_hash(article.content_hash)
            verdict = dedup.judge(article.id, signature, exact)
            article.story_id, article.duplicate_of = verdict.story_id, verdict.duplicate_of
            batch_hashes.setdefault(article.content_hash, {"id": article.id, "story_id": article.story_id})
            batch.append((article, signature.tobytes()))
            outcomes[article.raw_page_id] = "duplicate" if article.duplicate_of else "stored"
        new = store.save_batch(batch, outcomes, queue_for_index=settings.storage.elasticsearch is not None)
        for article in new:
            report.count(article.source, "duplicate" if article.duplicate_of else "new")
    return report


def _enrich_isolating_failures(enricher, articles, outcomes, report) -> list[EnrichedArticle]:
    """Enrich the batch; if it fails, one article at a time so only the bad one is lost to errors."""
    try:
        return enricher.enrich(articles)
    except Exception:
        logger.exception("batch enrichment failed; retrying article by article")
    enriched = []
    for article in articles:
        try:
            enriched.extend(enricher.enrich([article]))
        except Exception as error:
            outcomes[article.raw_page_id] = f"error: enrichment: {type(error).__name__}: {error}"[:300]
            report.count(article.source, "failed")
    return enriched
