"""The delivery worker: drains the persisted queue through the channels, with exponential back-off.

Alerts due for one channel go out together as one message (a burst), at most one message per
channel per `deliveries.burst_window`; a message that keeps failing is marked failed after
`deliveries.max_attempts` and shown by `newsmon status`."""
from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone

from config.settings import parse_duration
from pipeline.records import parse_iso
from reports.mailer import DeliveryError
from reports.notifiers import build_notifiers
from store import queue
from store.sqlite import Store

logger = logging.getLogger(__name__)
LEASE_SECONDS = 300   # a claimed message is due again after this if its worker died mid-send


class DeliveryWorker:
    def __init__(self, loaded):
        settings = loaded.settings.deliveries
        self.notifiers = build_notifiers(loaded)
        self.max_attempts = settings.max_attempts
        self.base = parse_duration(settings.backoff_base)
        self.cap = parse_duration(settings.backoff_cap)
        self.burst_window = parse_duration(settings.burst_window)
        self.max_per_message = settings.max_per_message
        self.counters: Counter = Counter()
        self.errors: list[str] = []

    def backoff(self, attempts: int) -> float:
        """Seconds before the next try after `attempts` failures: doubling, capped."""
        return min(self.cap, self.base * 2 ** max(attempts - 1, 0))

    def drain(self, store: Store, flush: bool = False) -> Counter:
        """Send everything due. `flush` ignores the burst window (the end of a run-once)."""
        by_channel: dict[tuple[str, str], list] = defaultdict(list)
        for row in queue.claim_due(store, LEASE_SECONDS):
            by_channel[(row["channel"], row["kind"])].append(row)
        for (channel, kind), rows in by_channel.items():
            if channel not in self.notifiers:
                queue.mark_failed_attempt(store, [row["id"] for row in rows], f"no channel named {channel!r}", 0, True)
                continue
            if kind == "alert":
                if not flush and self.notifiers[channel].holds_bursts and self._in_burst_window(store, channel):
                    queue.release(store, rows)
                    continue
                for start in range(0, len(rows), self.max_per_message):
                    self._send(store, rows[start:start + self.max_per_message], channel, kind)
            else:
                for row in rows:
                    self._send(store, [row], channel, kind)
        return self.counters

    def _in_burst_window(self, store: Store, channel: str) -> bool:
        """Whether the channel's last alert message went out less than a burst window ago."""
        row = store.db.execute("SELECT max(sent_at) FROM deliveries WHERE channel = ? AND kind = 'alert'"
                               " AND status = 'sent'", (channel,)).fetchone()
        return bool(row[0]) and datetime.now(timezone.utc) < parse_iso(row[0]) + timedelta(seconds=self.burst_window)

    def _send(self, store: Store, rows, channel: str, kind: str) -> None:
        payloads = [json.loads(row["payload"]) for row in rows]
        notifier = self.notifiers[channel]
        try:
            if kind == "alert":
                notifier.send_alerts(payloads)
            elif kind == "digest":
                notifier.send_digest(payloads[0])
            else:
                notifier.send_notice(payloads[0])
        except DeliveryError as error:
            attempts = max(row["attempts"] for row in rows) + 1
            give_up = attempts >= self.max_attempts
            queue.mark_failed_attempt(store, [row["id"] for row in rows], str(error), self.backoff(attempts), give_up)
            self.counters[f"deliver/{kind}_{'failed' if give_up else 'retry'}"] += len(rows)
            self.errors.append(str(error))
            log = logger.error if give_up else logger.debug
            log("%s via %s %s: %s", kind, channel, "given up" if give_up else "will be retried", error)
            return
        queue.mark_sent(store, [row["id"] for row in rows])
        self.counters[f"deliver/{kind}_sent"] += len(rows)
        if kind == "digest":
            store.record_digest_sent(payloads[0]["day"], channel)
