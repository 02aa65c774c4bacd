"""`newsmon serve`: each source on its own interval, the digest at its local time.

APScheduler runs the jobs one at a time (a crawl runs in its own child process); missed runs are
coalesced; SIGINT and SIGTERM stop the scheduler cleanly."""
from __future__ import annotations

import logging
import multiprocessing
import signal
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from newsmon.cycle import EnricherCache, run_cycle
from newsmon.digests import make_digest
from reports.digest import default_day

logger = logging.getLogger("newsmon.serve")


def crawl_job(loaded, source_name: str, enricher: EnricherCache) -> None:
    report = run_cycle(loaded, [source_name], enricher)
    logger.info("cycle %s:\n%s", source_name, report.summary())


def digest_job(loaded) -> None:
    zone = ZoneInfo(loaded.settings.digest.timezone)
    run = make_digest(loaded, default_day(zone), send=True)
    logger.info("digest %s: %d articles, sent via %s", run.digest.day, len(run.digest.articles), run.sent or "none")


def build_scheduler(loaded) -> BlockingScheduler:
    settings = loaded.settings
    scheduler = BlockingScheduler(executors={"default": ThreadPoolExecutor(1)},
                                  job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600})
    enricher = EnricherCache(settings)
    now = datetime.now(timezone.utc)
    for source in settings.sources:
        if source.enabled:
            scheduler.add_job(crawl_job, IntervalTrigger(seconds=source.every_seconds), args=(loaded, source.name, enricher),
                              id=f"source:{source.name}", name=f"crawl {source.name}", next_run_time=now)
    hour, minute = (int(part) for part in settings.digest.time.split(":"))
    scheduler.add_job(digest_job, CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(settings.digest.timezone)),
                      args=(loaded,), id="digest", name="daily digest")
    return scheduler


def serve_forever(loaded) -> None:
    logging.getLogger().setLevel(logging.INFO)
    scheduler = build_scheduler(loaded)

    def stop(signum, _frame):
        logger.info("received %s, stopping", signal.Signals(signum).name)
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    logger.info("serving %d jobs", len(scheduler.get_jobs()))
    scheduler.start()
    # Stopped: end running crawl children now; their raw pages are already committed, and the
    # job thread finishes its current (short, transactional) processing batch before exit.
    for child in multiprocessing.active_children():
        child.terminate()
    logger.info("stopped")
