"""Delivering alerts and digests through the configured channels, counting what failed."""
from __future__ import annotations

import logging
from collections import Counter

from reports.mailer import DeliveryError
from reports.notifiers import build_notifiers

logger = logging.getLogger(__name__)


class Deliveries:
    def __init__(self, loaded):
        self.notifiers = build_notifiers(loaded)
        self.counters: Counter = Counter()
        self.errors: list[str] = []

    def alert(self, channel: str, alert) -> bool:
        return self._send(channel, "alert", lambda notifier: notifier.send_alert(alert))

    def digest(self, channel: str, digest) -> bool:
        return self._send(channel, "digest", lambda notifier: notifier.send_digest(digest))

    def _send(self, channel: str, kind: str, action) -> bool:
        try:
            action(self.notifiers[channel])
        except DeliveryError as error:
            self.counters[f"deliver/{kind}_failed"] += 1
            self.errors.append(str(error))
            logger.error("%s not delivered: %s", kind, error)
            return False
        self.counters[f"deliver/{kind}_sent"] += 1
        return True
