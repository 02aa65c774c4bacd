"""The `file` channel: one JSON line per alert (and per digest written) appended to a file."""
from __future__ import annotations

import json
import os
from pathlib import Path

from reports.mailer import DeliveryError


class FileNotifier:
    def __init__(self, name, channel, settings, secrets):
        self.name = name
        self.path = Path(channel.path)

    def _append(self, record: dict) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise DeliveryError(f"channel {self.name}: cannot write {self.path}: {error.strerror}") from None

    def send_alert(self, alert) -> None:
        self._append(alert.to_json())

    def send_digest(self, digest) -> None:
        self._append({"digest": digest.day, "articles": len(digest.articles), "html": str(digest.html_path),
                      "text": str(digest.text_path), "subject": digest.subject})
