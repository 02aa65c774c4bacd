"""Drain unprocessed raw pages in batches: extract, enrich, deduplicate, store.

Everything here can be re-run from the raw pages; a page whose processing fails is marked with
its error and the batch goes on."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from config.settings import Settings
from pipeline.dedup import Deduplicator, minhash_of
from pipeline.records import iso_utc
from pipeline.workers import WorkerPool, analyse_pages
from store.sqlite import Store


@dataclass
class ProcessReport:
    counters: Counter = field(default_factory=Counter)          # process/stored, dedup/near_duplicate, ...
    by_source: dict[str, Counter] = field(default_factory=dict)  # source -> new, duplicates, failed

    def count(self, source: str, outcome: str) -> None:
        self.counters[f"process/{outcome}"] += 1
        self.by_source.setdefault(source, Counter())[outcome] += 1


def process_pending(store: Store, settings: Settings, enricher, report: ProcessReport | None = None) -> ProcessReport:
    """Process every pending raw page. Large backlogs go to worker processes (one per core by
    default), small ones are done here with `enricher`; dedup and storing stay in this process."""
    report = report or ProcessReport()
    extraction = settings.extraction
    processes = extraction.processes or os.cpu_count() or 1
    window_start = iso_utc(datetime.now(timezone.utc) - timedelta(days=extraction.dedup_window_days))
    dedup = Deduplicator(store.recent_signatures(window_start), extraction.near_duplicate_threshold,
                         extraction.story_threshold)
    pool, in_flight, last_id = None, None, 0
    try:
        # The workers are kept busy while this process stores: the next round is handed to them
        # before the results of the one in flight are deduplicated and written.
        while True:
            pages = store.pending_raw_pages(extraction.batch_size * processes * 4, after_id=last_id)
            handed = None
            if pages:
                last_id = pages[-1].id
                if processes > 1 and (len(pages) >= 2 * extraction.batch_size or in_flight is not None):
                    pool = pool or WorkerPool(settings, processes)
                    handed = pool.submit([pages[start:start + extraction.batch_size]
                                          for start in range(0, len(pages), extraction.batch_size)])
            if in_flight is not None:
                _store_results(store, settings, dedup, in_flight(), report)
            if pages and handed is None:
                _store_results(store, settings, dedup, analyse_pages(pages, enricher), report)
            if not pages:
                break
            in_flight = handed
    finally:
        if pool is not None:
            pool.close()
    return report


def _store_results(store: Store, settings: Settings, dedup: Deduplicator, results, report: ProcessReport) -> None:
    outcomes, batch, batch_hashes = {}, [], {}
    for result in results:
        if result.article is None:
            outcomes[result.raw_page_id] = result.outcome
            report.count(result.source, "no_article" if result.outcome == "no_article" else "failed")
            continue
        article = result.article
        signature = minhash_of(article.text)
        exact = batch_hashes.get(article.content_hash) or store.find_by_hash(article.content_hash)
        verdict = dedup.judge(article.id, signature, exact)
        article.story_id, article.duplicate_of = verdict.story_id, verdict.duplicate_of
        batch_hashes.setdefault(article.content_hash, {"id": article.id, "story_id": article.story_id})
        batch.append((article, signature.tobytes()))
        outcomes[article.raw_page_id] = "duplicate" if article.duplicate_of else "stored"
    for article in store.save_batch(batch, outcomes, queue_for_index=settings.storage.elasticsearch is not None):
        report.count(article.source, "duplicate" if article.duplicate_of else "new")
