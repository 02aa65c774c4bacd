"""`newsmon status`: each scheduled job's next run and last result, the delivery queue, the index
outbox and every source's health, read from the store (works while `serve` runs)."""
from __future__ import annotations

from datetime import datetime, timezone

from reports.health import unhealthy_reason
from reports.text import one_line
from store import queue
from store.sqlite import Store


def _jobs(store: Store) -> list[tuple[str, str | None, str | None, str | None]]:
    """(job, next run, last run, last result) from the scheduler's table and our job_runs."""
    has_jobs = store.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'scheduler_jobs'").fetchone()
    next_runs = {row[0]: row[1] for row in store.db.execute("SELECT id, next_run_time FROM scheduler_jobs")} \
        if has_jobs else {}
    last = {row["job"]: row for row in store.db.execute("SELECT * FROM job_runs")}
    rows = []
    for job in sorted(set(next_runs) | set(last)):
        moment = next_runs.get(job)
        next_run = (datetime.fromtimestamp(moment, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                    if moment else None)
        run = last.get(job)
        rows.append((job, next_run, run["last_run_at"] if run else None, run["last_result"] if run else None))
    return rows


def status_lines(loaded) -> list[str]:
    settings = loaded.settings
    with Store(settings.storage.sqlite_path) as store:
        lines = [f"store: {settings.storage.sqlite_path} ({store.count_articles()} articles, "
                 f"{store.count_pending_raw_pages()} raw pages waiting)", "jobs:"]
        jobs = _jobs(store)
        lines += [f"  {job:32} next {next_run or '-':20} last {last_run or '-'}: {one_line(result or '-', 120)}"
                  for job, next_run, last_run, result in jobs] or ["  none (serve has not run on this store)"]
        counts = queue.counts(store)
        lines.append(f"deliveries: {counts['pending']} pending, {counts['sent']} sent, {counts['failed']} failed")
        for row in queue.failed(store):
            lines.append(f"  failed {row['kind']} via {row['channel']} after {row['attempts']} attempts: "
                         f"{one_line(row['last_error'], 160)}")
        for row in store.db.execute("SELECT * FROM deliveries WHERE status = 'pending' AND attempts > 0 LIMIT 10"):
            lines.append(f"  retrying {row['kind']} via {row['channel']} (attempt {row['attempts'] + 1} at "
                         f"{row['due_at']}): {one_line(row['last_error'], 120)}")
        if settings.storage.elasticsearch is not None:
            from store.elasticsearch import outbox_counts

            pending, rejected = outbox_counts(store)
            lines.append(f"index outbox: {pending} pending, {rejected} rejected")
        lines.append("sources:")
        states = {row["source"]: row for row in store.source_states()}
        for source in settings.sources:
            row = states.get(source.name)
            if row is None:
                lines.append(f"  {source.name:28} never run")
                continue
            problem = unhealthy_reason(row, settings.health, source.max_age)
            lines.append(f"  {source.name:28} last success {row['last_success_at'] or 'never':20} "
                         f"failures {row['consecutive_failures']}  silent runs {row['consecutive_empty']}  "
                         f"last run {row['last_fetched']} fetched / {row['last_new']} new  "
                         f"{'UNHEALTHY: ' + one_line(problem, 160) if problem else 'ok'}")
        return lines
