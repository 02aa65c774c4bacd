"""One monitoring cycle: crawl -> process (extract, dedup, enrich, store) -> alerts; its summary."""
from __future__ import annotations

import re
from collections import Counter
from contextlib import nullcontext
from datetime import datetime, timedelta, timezone
from dataclasses import dataclass, field

from crawlers.runner import CrawlReport, crawl_sources
from newsmon.deliveries import DeliveryWorker
from newsmon.health import check_source_health
from newsmon.errors import ConfigError
from newsmon.indexing import sync_after_cycle
from reports.health import stale_reason
from pipeline.alerts import Alert, fire_alerts
from pipeline.process import ProcessReport, process_pending
from pipeline.records import iso_utc
from store.sqlite import Store, now_iso


@dataclass
class CycleReport:
    crawls: list[CrawlReport]
    processing: ProcessReport
    alerts: list[Alert]
    delivery_errors: list[str] = field(default_factory=list)
    index_line: str | None = None
    stale: dict[str, str] = field(default_factory=dict)   # source -> why it counts as stale

    def summary(self) -> str:
        rows = [("source", "fetched", "new", "duplicates", "failed", "")]
        for crawl in self.crawls:
            outcomes = self.processing.by_source.get(crawl.source, Counter())
            failed = crawl.failed + len(crawl.errors) + outcomes["failed"]
            note = "; ".join(crawl.errors) if crawl.errors else "; ".join(filter(None, [
                f"{crawl.not_modified} not modified" if crawl.not_modified else "", self.stale.get(crawl.source, "")]))
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


REFUSALS = re.compile(r"HTTP (403|429)")
MAX_BACKOFF_SECONDS = 24 * 3600


def backing_off(store: Store, sources) -> tuple[list, list[CrawlReport]]:
    """Sources to crawl now, and a report line for each one still backing off after a 403 or 429."""
    now = now_iso()
    until = {row["source"]: row["backoff_until"] for row in store.source_states() if (row["backoff_until"] or "") > now}
    waiting = [CrawlReport(source.name, errors=[f"backing off until {until[source.name]} (the site refused us)"])
               for source in sources if source.name in until]
    return [source for source in sources if source.name not in until], waiting


def record_refusals(store: Store, settings, crawls: list[CrawlReport]) -> None:
    """A 403 or 429 on an entry point: wait twice as long each time it happens again, up to a day."""
    by_name = {source.name: source for source in settings.sources}
    failures = {row["source"]: row["consecutive_failures"] for row in store.source_states()}
    for crawl in crawls:
        if crawl.source in by_name and any(REFUSALS.search(error) for error in crawl.errors):
            seconds = min(MAX_BACKOFF_SECONDS, by_name[crawl.source].every_seconds * 2 ** failures.get(crawl.source, 0))
            store.back_off_source(crawl.source, iso_utc(datetime.now(timezone.utc) + timedelta(seconds=seconds)))


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
              flush_deliveries: bool = True, processing_lock=None, stopping=None, since: str | None = None,
              respect_backoff: bool = False) -> CycleReport:
    """Crawl the sources, then (under `processing_lock`, when several cycles run at once) process,
    alert, deliver and index. If `stopping` is set after the crawl, processing waits for next time."""
    settings = loaded.settings
    sources = selected_sources(settings, source_names)
    with Store(settings.storage.sqlite_path) as store:
        waiting = []
        if respect_backoff or not source_names:   # `crawl --source NAME` overrides a back-off
            sources, waiting = backing_off(store, sources)
        crawls = crawl_sources(sources, settings.crawl, str(store.path), since=since) + waiting
        if stopping is not None and stopping.is_set():
            return CycleReport(crawls, ProcessReport(), [])
        with processing_lock or nullcontext():
            return _process_and_deliver(loaded, store, crawls, enricher, flush_deliveries)


def _process_and_deliver(loaded, store, crawls, enricher, flush_deliveries) -> CycleReport:
    settings = loaded.settings
    processing = process_pending(store, settings, enricher or EnricherCache(settings))
    alerts = fire_alerts(store, settings)
    for crawl in crawls:
        if crawl.errors and crawl.errors[0].startswith("backing off"):
            continue
        outcomes = processing.by_source.get(crawl.source, Counter())
        store.record_source_run(crawl.source, crawl.fetched, outcomes["new"], "; ".join(crawl.errors) or None,
                                crawl.newest_item_at)
    record_refusals(store, settings, crawls)
    check_source_health(store, settings, crawls)
    worker = DeliveryWorker(loaded)
    worker.drain(store, flush=flush_deliveries)
    index_line = sync_after_cycle(loaded, store)
    max_ages = {source.name: source.max_age for source in settings.sources}
    stale = {row["source"]: reason for row in store.source_states()
             if (reason := stale_reason(row, max_ages.get(row["source"])))}
    return CycleReport(crawls, processing, alerts, worker.errors, index_line, stale)
