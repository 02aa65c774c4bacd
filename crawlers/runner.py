"""Run the spiders of some sources in a child process and report per-source counters.

The child owns the Twisted reactor (which cannot be restarted in one process) and writes raw pages
straight into the store; the parent gets plain counters back, or a clear failure if the child died."""
from __future__ import annotations

import logging
import multiprocessing
import queue as queue_module
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from config.settings import CrawlSettings


@dataclass
class CrawlReport:
    """What one source's crawl did, read off its Scrapy stats."""

    source: str
    fetched: int = 0          # article pages downloaded
    stored_raw: int = 0       # raw pages written to the store
    failed: int = 0           # article pages that could not be fetched
    not_modified: int = 0     # entry points answered 304
    already_seen: int = 0     # article links skipped before download
    newest_item_at: str | None = None   # the newest date the entry points listed (staleness)
    errors: list[str] = field(default_factory=list)   # entry points that failed, one line each

    @property
    def ok(self) -> bool:
        return not self.errors


def _crawl_in_child(sources, crawl: CrawlSettings, store_path: str, results, since: str | None) -> None:
    from scrapy.crawler import CrawlerProcess

    from crawlers.settings import scrapy_settings
    from crawlers.spiders import SPIDERS

    settings = scrapy_settings(crawl, store_path)
    # A source's min_delay is its site's rate limit (EDGAR: 10 requests per second): per-domain slots.
    settings["DOWNLOAD_SLOTS"] = {urlsplit(url).hostname: {"delay": source.min_delay}
                                  for source in sources if source.min_delay
                                  for url in (source.url, getattr(source, "archive_url", source.url))}
    process = CrawlerProcess(settings)
    # Scrapy's own loggers print tracebacks for failures our run summary already reports in one line.
    logging.getLogger("scrapy").setLevel(logging.CRITICAL)
    crawlers, claimed, failures = [], set(), {}
    for source in sources:
        crawler = process.create_crawler(SPIDERS[source.type])
        crawlers.append((source, crawler))
        started = process.crawl(crawler, source=source, store_path=store_path, claimed=claimed, since=since)
        # a spider that cannot start (its store cannot be opened) is reported as that source's error
        started.addErrback(lambda failure, name=source.name: failures.setdefault(name, failure.getErrorMessage()))
    process.start()
    reports = []
    for source, crawler in crawlers:
        try:
            stats = crawler.stats.get_stats()
        except RuntimeError:   # Scrapy sets the stats only once the spider has started
            stats = {}
        spider_errors = getattr(crawler.spider, "entry_errors", None) or []
        if source.name in failures or crawler.spider is None:
            spider_errors = [f"spider did not start: {failures.get(source.name, 'unknown error')}"]
        reports.append(CrawlReport(
            source=source.name, fetched=stats.get("article/fetched", 0), stored_raw=stats.get("article/stored_raw", 0),
            failed=stats.get("article/failed", 0), not_modified=stats.get("fetch/not_modified", 0),
            already_seen=stats.get("article/already_seen", 0) + stats.get("article/claimed_elsewhere", 0),
            errors=list(spider_errors), newest_item_at=getattr(crawler.spider, "newest_item_at", None)))
    results.put(reports)


def _wait_for_reports(child, results, timeout: float | None):
    """The child's reports, or None if it died or overran `timeout` (then it is killed)."""
    deadline = time.monotonic() + timeout if timeout else None
    while True:
        try:
            return results.get(timeout=0.5)
        except queue_module.Empty:
            pass
        if not child.is_alive():
            try:
                return results.get(timeout=1)
            except queue_module.Empty:
                return None
        if deadline and time.monotonic() > deadline:
            child.kill()
            return None


def crawl_sources(sources, crawl: CrawlSettings, store_path: str, timeout: float | None = None,
                  since: str | None = None) -> list[CrawlReport]:
    """Crawl `sources` in one child process; a child that dies is reported against each source.
    `since` (ISO date) makes pageable kinds page back to that date (a backfill)."""
    if not sources:
        return []
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    child = context.Process(target=_crawl_in_child, args=(list(sources), crawl, store_path, results, since),
                            name="newsmon-crawl", daemon=True)
    child.start()
    try:
        reports = _wait_for_reports(child, results, timeout)
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
            child.join()
    if reports is None:
        reason = f"crawl process died (exit code {child.exitcode})"
        return [CrawlReport(source=source.name, errors=[reason]) for source in sources]
    return reports
