"""Build, write and (once per day and channel) send the daily digest."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsmon.deliveries import Deliveries
from reports.digest import Digest, DigestBuilder
from store.sqlite import Store


@dataclass
class DigestRun:
    digest: Digest
    sent: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def make_digest(loaded, day: date, out_dir: str | None = None, send: bool = False, force: bool = False) -> DigestRun:
    settings = loaded.settings
    store = Store(settings.storage.sqlite_path)
    try:
        builder = DigestBuilder(store, settings)
        run = DigestRun(builder.write(builder.build(day), out_dir or settings.digest.out_dir))
        if send:
            deliveries = Deliveries(loaded)
            for channel in settings.digest.channels:
                if store.digest_sent(run.digest.day, channel) and not force:
                    run.already_sent.append(channel)
                elif deliveries.digest(channel, run.digest):
                    store.record_digest_sent(run.digest.day, channel)
                    run.sent.append(channel)
                else:
                    run.failed.extend(deliveries.errors[-1:])
    finally:
        store.close()
    return run
