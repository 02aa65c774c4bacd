"""`newsmon serve`: each source on its own interval, the digest at its local time, the delivery
queue drained every few seconds; for months, through restarts.

APScheduler keeps its jobs in the store's SQLite file (a persistent job store), so a restart
knows what it missed: missed crawls are coalesced into one, a digest missed while stopped is
sent once within `serve.digest_grace`. Crawls run in child processes, at most one per source and
`serve.max_parallel_crawls` at once; processing is serialised by a lock. A file lock keeps two
`serve` processes off one store. SIGINT or SIGTERM: no new jobs, crawl children ended, exit."""
from __future__ import annotations

import fcntl
import logging
import multiprocessing
import os
import signal
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from config.settings import parse_duration
from newsmon.cycle import EnricherCache, run_cycle
from newsmon.deliveries import DeliveryWorker
from newsmon.digests import make_digest
from newsmon.errors import NewsmonError
from newsmon.logs import configure_logging
from reports.digest import default_day
from store.sqlite import Store, now_iso

logger = logging.getLogger("newsmon.serve")


class ServeContext:
    """What the jobs share in this process. Jobs are stored by name and arguments only (they must
    survive a restart), so they find the live settings here."""

    loaded = None
    enricher: EnricherCache | None = None
    processing = threading.Lock()
    stopping = threading.Event()


def record_job(job_id: str, result: str) -> None:
    with Store(ServeContext.loaded.settings.storage.sqlite_path) as store:
        with store.transaction() as db:
            db.execute("INSERT OR REPLACE INTO job_runs (job, last_run_at, last_result) VALUES (?, ?, ?)",
                       (job_id, now_iso(), result[:2000]))


def crawl_job(source_name: str) -> None:
    if ServeContext.stopping.is_set():
        return
    try:
        report = run_cycle(ServeContext.loaded, [source_name], ServeContext.enricher, flush_deliveries=False,
                           processing_lock=ServeContext.processing, stopping=ServeContext.stopping,
                           respect_backoff=True)
        summary = report.summary().splitlines()
        result = summary[1] if len(summary) > 1 else "nothing to do"
    except Exception as error:   # a job that fails is logged and retried next time; serve goes on
        logger.exception("crawl of %s failed", source_name)
        result = f"error: {type(error).__name__}: {error}"
    logger.info("crawl %s: %s", source_name, " ".join(result.split()))
    record_job(f"source:{source_name}", " ".join(result.split()))


def digest_job() -> None:
    loaded = ServeContext.loaded
    zone = ZoneInfo(loaded.settings.digest.timezone)
    with ServeContext.processing:
        run = make_digest(loaded, default_day(zone), send=True)
    result = (f"{run.digest.day}: {len(run.digest.articles)} articles; sent via {', '.join(run.sent) or 'none'}"
              + (f"; queued for {', '.join(run.failed)}" if run.failed else ""))
    logger.info("digest %s", result)
    record_job("digest", result)


def deliveries_job() -> None:
    with Store(ServeContext.loaded.settings.storage.sqlite_path) as store:
        counters = DeliveryWorker(ServeContext.loaded).drain(store)
    if counters:
        logger.info("deliveries: %s", dict(counters))


def build_scheduler(loaded) -> BackgroundScheduler:
    settings = loaded.settings
    serve = settings.serve
    store_url = f"sqlite:///{Path(settings.storage.sqlite_path).resolve()}"
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=store_url, tablename="scheduler_jobs")},
        executors={"default": ThreadPoolExecutor(serve.max_parallel_crawls), "light": ThreadPoolExecutor(1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300})
    return scheduler


def add_jobs(scheduler: BackgroundScheduler, loaded) -> None:
    settings = loaded.settings
    wanted = set()
    now = datetime.now(timezone.utc)
    for source in settings.sources:
        if not source.enabled:
            continue
        job_id = f"source:{source.name}"
        wanted.add(job_id)
        existing = scheduler.get_job(job_id)
        scheduler.add_job(crawl_job, IntervalTrigger(seconds=source.every_seconds), args=(source.name,), id=job_id,
                          name=f"crawl {source.name}", replace_existing=True,
                          next_run_time=existing.next_run_time if existing and existing.next_run_time and
                          existing.next_run_time > now else now)
    hour, minute = (int(part) for part in settings.digest.time.split(":"))
    digest_trigger = CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(settings.digest.timezone))
    existing = scheduler.get_job("digest")
    scheduler.add_job(digest_job, digest_trigger, id="digest", name="daily digest", executor="light",
                      replace_existing=True, misfire_grace_time=parse_duration(settings.serve.digest_grace),
                      **({"next_run_time": existing.next_run_time} if existing and existing.next_run_time else {}))
    scheduler.add_job(deliveries_job, IntervalTrigger(seconds=parse_duration(settings.serve.deliveries_every)),
                      id="deliveries", name="delivery queue", executor="light", replace_existing=True)
    wanted |= {"digest", "deliveries"}
    for job in scheduler.get_jobs():
        if job.id not in wanted:
            job.remove()   # a source taken out of the configuration


def hold_store_lock(sqlite_path: str):
    """An exclusive lock beside the store: a second `serve` on the same store refuses to start."""
    path = Path(f"{sqlite_path}.serve.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        raise NewsmonError(f"{sqlite_path}: another newsmon serve is running on this store "
                           f"(pid {handle.read().strip() or 'unknown'})") from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def serve_forever(loaded) -> None:
    settings = loaded.settings
    configure_logging(settings.serve.log_file)
    Store(settings.storage.sqlite_path).close()   # migrate before the job store touches the file
    lock = hold_store_lock(settings.storage.sqlite_path)
    ServeContext.loaded, ServeContext.enricher = loaded, EnricherCache(settings)
    ServeContext.stopping.clear()
    scheduler = build_scheduler(loaded)
    scheduler.start(paused=True)
    add_jobs(scheduler, loaded)
    scheduler.resume()

    def stop(signum, _frame):
        logger.info("received %s, stopping", signal.Signals(signum).name)
        ServeContext.stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    logger.info("serving %d jobs on %s", len(scheduler.get_jobs()), settings.storage.sqlite_path)
    while not ServeContext.stopping.wait(1):
        pass
    scheduler.pause()
    for child in multiprocessing.active_children():
        child.terminate()          # raw pages already fetched are committed; the rest waits for next time
    deadline = time.monotonic() + parse_duration(settings.serve.stop_timeout)
    for child in multiprocessing.active_children():
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
    scheduler.shutdown(wait=False)
    lock.close()
    logger.info("stopped")
