"""The CPU work of processing (trafilatura extraction, spaCy and the rule extractors), in this
process or spread over worker processes, one Enricher per worker.

Running the whole per-page work in workers uses every core and sends back only small plain records;
spaCy's own `n_process` would only parallelise the NER part and ship whole Docs back."""
from __future__ import annotations

import logging
import multiprocessing
from dataclasses import dataclass

from pipeline.extract import extract_article
from pipeline.records import EnrichedArticle, RawPage

logger = logging.getLogger(__name__)


@dataclass
class PageResult:
    raw_page_id: int
    source: str
    outcome: str                           # enriched | no_article | error: ...
    article: EnrichedArticle | None = None


def analyse_pages(pages: list[RawPage], enricher) -> list[PageResult]:
    """Extract and enrich; a page that fails is reported with its error and the others go on."""
    results, articles = [], []
    for page in pages:
        try:
            article = extract_article(page)
        except Exception as error:   # a page no parser survives must not stop the others
            logger.warning("cannot extract %s: %s", page.url, error)
            results.append(PageResult(page.id, page.source, f"error: {type(error).__name__}: {error}"[:300]))
            continue
        if article is None:
            results.append(PageResult(page.id, page.source, "no_article"))
        else:
            articles.append(article)
    for article, enriched, error in _enrich_isolating_failures(enricher, articles):
        if enriched is None:
            results.append(PageResult(article.raw_page_id, article.source, f"error: enrichment: {error}"[:300]))
        else:
            results.append(PageResult(article.raw_page_id, article.source, "enriched", enriched))
    return results


def _enrich_isolating_failures(enricher, articles):
    """Enrich the batch; if it fails, one article at a time, so only the bad one is lost to errors."""
    try:
        return [(article, enriched, None) for article, enriched in zip(articles, enricher.enrich(articles))]
    except Exception:
        logger.exception("batch enrichment failed; retrying article by article")
    outcomes = []
    for article in articles:
        try:
            outcomes.append((article, enricher.enrich([article])[0], None))
        except Exception as error:
            outcomes.append((article, None, f"{type(error).__name__}: {error}"))
    return outcomes


_worker_enricher = None


def _start_worker(settings) -> None:
    global _worker_enricher
    from extractors.enrich import Enricher

    single = settings.model_copy(update={"extraction": settings.extraction.model_copy(update={"processes": 1})})
    _worker_enricher = Enricher(single)


def _work(pages: list[RawPage]) -> list[PageResult]:
    return analyse_pages(pages, _worker_enricher)


class WorkerPool:
    """`processes` workers, started once per drain; `forkserver` so a scheduler's threads are never
    forked, with the heavy modules preloaded so each worker starts in about a second."""

    def __init__(self, settings, processes: int):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["spacy", "trafilatura", "extractors.enrich", "pipeline.extract"])
        self.pool = context.Pool(processes, initializer=_start_worker, initargs=(settings,))

    def analyse(self, chunks: list[list[RawPage]]) -> list[PageResult]:
        return self.submit(chunks)()

    def submit(self, chunks: list[list[RawPage]]):
        """Hand the chunks to the workers now; the returned function waits for their results."""
        pending = self.pool.map_async(_work, chunks)
        return lambda: [result for results in pending.get() for result in results]

    def close(self) -> None:
        self.pool.close()
        self.pool.join()
