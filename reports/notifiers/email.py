"""The `email` channel: alerts (one mail per burst), digests and notices as multipart/alternative."""
from __future__ import annotations

from reports.mailer import build_message, send_message
from reports.templates import render_alerts


class EmailNotifier:
    holds_bursts = True   # a burst of alerts is held and sent as one message (deliveries.burst_window)

    def __init__(self, name, channel, settings, secrets):
        self.name = name
        self.to = channel.to
        self.smtp = settings.smtp
        self.secrets = secrets

    def _send(self, subject: str, text: str, html: str | None) -> None:
        send_message(self.smtp, self.secrets, build_message(self.smtp, self.to, subject, text, html))

    def send_alerts(self, alerts: list[dict]) -> None:
        text, html = render_alerts(alerts)
        if len(alerts) == 1:
            subject = f"[newsmon] {alerts[0]['alert']}: {alerts[0]['title']}"
        else:
            subject = f"[newsmon] {len(alerts)} alerts: " + "; ".join(alert["title"] for alert in alerts)
        self._send(subject, text, html)

    def send_digest(self, digest: dict) -> None:
        self._send(digest["subject"], digest["text"], digest["html"])

    def send_notice(self, notice: dict) -> None:
        self._send(f"[newsmon] {notice['subject']}", notice["text"], None)
