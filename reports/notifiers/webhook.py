"""The `webhook` channel: POSTs JSON, either Slack's `text`/`blocks` shape or a generic record."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

from config.settings import parse_duration
from reports.mailer import DeliveryError
from reports.text import one_line, slack_escape


class WebhookNotifier:
    holds_bursts = True   # a burst of alerts is held and sent as one message (deliveries.burst_window)

    def __init__(self, name, channel, settings, secrets):
        self.name = name
        self.url = channel.url
        self.format = channel.format
        self.timeout = parse_duration(channel.timeout)

    def _post(self, payload: dict) -> None:
        request = urllib.request.Request(self.url, data=json.dumps(payload).encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/json", "User-Agent": "newsmon"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            raise DeliveryError(f"channel {self.name}: webhook answered HTTP {error.code}") from None
        except (urllib.error.URLError, OSError) as error:
            raise DeliveryError(f"channel {self.name}: webhook unreachable: {getattr(error, 'reason', error)}") from None

    def send_alerts(self, alerts: list[dict]) -> None:
        if self.format == "slack":
            lines = [f"*{slack_escape(alert['alert'])}* ({slack_escape(', '.join(alert['matched_categories'] or alert['categories']))}):"
                     f" <{alert['url']}|{slack_escape(alert['title'])}>" for alert in alerts]
            text = "\n".join(lines)
            self._post({"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]})
        elif len(alerts) == 1:
            self._post({"type": "alert", **alerts[0]})
        else:
            self._post({"type": "alerts", "alerts": alerts})

    def send_digest(self, digest: dict) -> None:
        if self.format == "slack":
            titles = "\n".join(f"• <{article['url']}|{slack_escape(article['title'])}>" for article in digest["articles"][:20])
            self._post({"text": f"*{slack_escape(digest['subject'])}*\n{titles}"})
        else:
            self._post({"type": "digest", "day": digest["day"], "subject": one_line(digest["subject"]),
                        "articles": digest["articles"]})

    def send_notice(self, notice: dict) -> None:
        text = f"{notice['subject']}: {notice['text']}"
        self._post({"text": slack_escape(text)} if self.format == "slack" else {"type": "notice", **notice})
