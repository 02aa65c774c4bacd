"""One monitoring cycle: crawl -> process (extract, dedup, enrich, store) -> alerts; its summary."""
from __future__ import annotations

from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field

from crawlers.runner import CrawlReport, crawl_sources
from newsmon.deliveries import DeliveryWorker
from newsmon.health import check_source_health
from newsmon.errors import ConfigError
from newsmon.indexing import sync_after_cycle
from pipeline.alerts import Alert, fire_alerts
from pipeline.process import ProcessReport, process_pending
from store.sqlite import Store


@dataclass
class CycleReport:
    crawls: list[CrawlReport]
    processing: ProcessReport
    alerts: list[Alert]
    delivery_errors: list[str] = field(default_factory=list)
    index_line: str | None = None

    def summary(self) -> str:
        rows = [("source", "fetched", "new", "duplicates", "failed", "")]
        for crawl in self.crawls:
            outcomes = self.processing.by_source.get(crawl.source, Counter())
            failed = crawl.failed + len(crawl.errors) + outcomes["failed"]
            note = "; ".join(crawl.errors) if crawl.errors else (
                f"{crawl.not_modified} not modified" if crawl.not_modified else "")
            rows.append((crawl.source, str(crawl.fetched), str(outcomes["new"]), str(outcomes["duplicate"]),
                         str(failed), f"error: {note}" if crawl.errors else note))
        widths = [max(len(row[index]) for row in rows) for index in range(5)]
        lines = ["  ".join([row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:5], widths[1:])]
                           + ([row[5]] if row[5] else [])) for row in rows]
        by_rule = Counter(alert.rule for alert in self.alerts)
        lines.append(f"alerts fired: {len(self.alerts)}" + (
            " (" + ", ".join(f"{rule}: {count}" for rule, count in sorted(by_rule.items())) + ")" if by_rule else ""))
        lines.extend(f"delivery delayed: {error} (queued for retry)" for error in dict.fromkeys(self.delivery_errors))
        if self.index_line:
            lines.append(self.index_line)
        return "\n".join(lines)


def selected_sources(settings, names: list[str] | None):
    if names:
        unknown = sorted(set(names) - {source.name for source in settings.sources})
        if unknown:
            raise ConfigError([f"--source {name}: no source of that name in the configuration" for name in unknown])
        return [source for source in settings.sources if source.name in names]
    return [source for source in settings.sources if source.enabled]


class EnricherCache:
    """Builds the Enricher (spaCy load, about a second) only when there is something to enrich."""

    def __init__(self, settings):
        self.settings = settings
        self._enricher = None

    def enrich(self, articles):
        if self._enricher is None:
            from extractors.enrich import Enricher

            self._enricher = Enricher(self.settings)
        return self._enricher.enrich(articles)


def run_cycle(loaded, source_names: list[str] | None = None, enricher: EnricherCache | None = None,
              flush_deliveries: bool = True, processing_lock=None, stopping=None) -> CycleReport:
    """Crawl the sources, then (under `processing_lock`, when several cycles run at once) process,
    alert, deliver and index. If `stopping` is set after the crawl, processing waits for next time."""
    settings = loaded.settings
    sources = selected_sources(settings, source_names)
    store = Store(settings.storage.sqlite_path)
    try:
        crawls = crawl_sources(sources, settings.crawl, str(store.path))
        if stopping is not None and stopping.is_set():
            return CycleReport(crawls, ProcessReport(), [])
        with processing_lock or nullcontext():
            return _process_and_deliver(loaded, store, crawls, enricher, flush_deliveries)
    finally:
        store.close()


def _process_and_deliver(loaded, store, crawls, enricher, flush_deliveries) -> CycleReport:
    settings = loaded.settings
    processing = process_pending(store, settings, enricher or EnricherCache(settings))
    alerts = fire_alerts(store, settings, processing.new_articles)
    for crawl in crawls:
        outcomes = processing.by_source.get(crawl.source, Counter())
        store.record_source_run(crawl.source, crawl.fetched, outcomes["new"], "; ".join(crawl.errors) or None)
    check_source_health(store, settings, crawls)
    worker = DeliveryWorker(loaded)
    worker.drain(store, flush=flush_deliveries)
    index_line = sync_after_cycle(loaded, store)
    return CycleReport(crawls, processing, alerts, worker.errors, index_line)
