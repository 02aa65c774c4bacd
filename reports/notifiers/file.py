"""The `file` channel: one JSON line per alert (a burst is still one line each), and per digest."""
from __future__ import annotations

import json
import os
from pathlib import Path

from reports.mailer import DeliveryError


class FileNotifier:
    holds_bursts = False   # one line per alert, at once: files are read by programs, not flooded inboxes

    def __init__(self, name, channel, settings, secrets):
        self.name = name
        self.path = Path(channel.path)

    def _append(self, records: list[dict]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise DeliveryError(f"channel {self.name}: cannot write {self.path}: {error.strerror}") from None

    def send_alerts(self, alerts: list[dict]) -> None:
        self._append(alerts)

    def send_digest(self, digest: dict) -> None:
        self._append([{"digest": digest["day"], "articles": len(digest["articles"]), "html": digest["html_path"],
                       "text": digest["text_path"], "subject": digest["subject"]}])

    def send_notice(self, notice: dict) -> None:
        self._append([{"notice": notice["subject"], "text": notice["text"]}])
