"""Build, write and (once per day and channel) send the daily digest."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsmon.deliveries import DeliveryWorker
from reports.digest import Digest, DigestBuilder
from store.queue import enqueue
from store.sqlite import Store, now_iso


@dataclass
class DigestRun:
    digest: Digest
    sent: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)       # channels still queued for a retry
    errors: list[str] = field(default_factory=list)


def digest_payload(digest: Digest) -> dict:
    return {"day": digest.day, "subject": digest.subject, "text": digest.text, "html": digest.html,
            "html_path": str(digest.html_path), "text_path": str(digest.text_path),
            "articles": [{"id": article.id, "url": article.url, "title": article.title} for article in digest.articles]}


def queue_digest(store: Store, settings, run: "DigestRun", force: bool) -> None:
    """One queued message per channel and day; `force` queues a fresh copy even if one was sent."""
    payload = digest_payload(run.digest)
    with store.transaction() as db:
        for channel in settings.digest.channels:
            if store.digest_sent(run.digest.day, channel) and not force:
                run.already_sent.append(channel)
                continue
            key = f"digest:{run.digest.day}:{channel}" + (f":forced:{now_iso()}" if force else "")
            enqueue(db, channel, "digest", key, payload)


def make_digest(loaded, day: date, out_dir: str | None = None, send: bool = False, force: bool = False) -> DigestRun:
    settings = loaded.settings
    with Store(settings.storage.sqlite_path) as store:
        builder = DigestBuilder(store, settings)
        run = DigestRun(builder.write(builder.build(day), out_dir or settings.digest.out_dir))
        if send:
            queue_digest(store, settings, run, force)
            worker = DeliveryWorker(loaded)
            worker.drain(store)
            for channel in settings.digest.channels:
                if channel not in run.already_sent:
                    (run.sent if store.digest_sent(run.digest.day, channel) else run.failed).append(channel)
            run.errors = worker.errors
    return run
