"""The `email` channel: alerts and digests as multipart/alternative mail through SMTP."""
from __future__ import annotations

from reports.mailer import build_message, send_message
from reports.templates import render_alert


class EmailNotifier:
    def __init__(self, name, channel, settings, secrets):
        self.name = name
        self.to = channel.to
        self.smtp = settings.smtp
        self.secrets = secrets

    def send_alert(self, alert) -> None:
        text, html = render_alert(alert)
        subject = f"[newsmon] {alert.rule}: {alert.article.title}"
        send_message(self.smtp, self.secrets, build_message(self.smtp, self.to, subject, text, html))

    def send_digest(self, digest) -> None:
        send_message(self.smtp, self.secrets, build_message(self.smtp, self.to, digest.subject, digest.text, digest.html))
