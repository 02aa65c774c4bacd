"""Source health after each cycle: a source failing, or silent, for too many runs in a row gets one
notice per incident through `health.channels` (and always shows in the digest and `status`)."""
from __future__ import annotations

from reports.health import unhealthy_reason
from store.queue import enqueue
from store.sqlite import Store, now_iso


def check_source_health(store: Store, settings, crawls) -> list[str]:
    """Queue a notice for each source that just became unhealthy; returns their names."""
    noticed = []
    names = {crawl.source for crawl in crawls}
    max_ages = {source.name: source.max_age for source in settings.sources}
    for row in store.source_states():
        if row["source"] not in names:
            continue
        reason = unhealthy_reason(row, settings.health, max_ages.get(row["source"]))
        with store.transaction() as db:
            if reason is None:
                db.execute("UPDATE source_state SET health_notified = 0 WHERE source = ?", (row["source"],))
                continue
            if row["health_notified"]:
                continue
            db.execute("UPDATE source_state SET health_notified = 1 WHERE source = ?", (row["source"],))
            notice = {"subject": f"source {row['source']} is unhealthy", "text": reason, "source": row["source"]}
            for channel in settings.health.channels:
                enqueue(db, channel, "health", f"health:{row['source']}:{now_iso()}:{channel}", notice)
        noticed.append(row["source"])
    return noticed
