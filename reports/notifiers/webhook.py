"""The `webhook` channel: POSTs JSON, either Slack's `text`/`blocks` shape or a generic record."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

from config.settings import parse_duration
from reports.mailer import DeliveryError
from reports.text import one_line, slack_escape


class WebhookNotifier:
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

    def send_alert(self, alert) -> None:
        article = alert.article
        if self.format == "slack":
            categories = ", ".join(alert.matched_categories or article.categories)
            line = f"*{slack_escape(alert.rule)}* ({slack_escape(categories)}): <{article.url}|{slack_escape(article.title)}>"
            self._post({"text": line, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": line}}]})
        else:
            self._post({"type": "alert", **alert.to_json()})

    def send_digest(self, digest) -> None:
        if self.format == "slack":
            titles = "\n".join(f"• <{article.url}|{slack_escape(article.title)}>" for article in digest.articles[:20])
            self._post({"text": f"*{slack_escape(digest.subject)}*\n{titles}"})
        else:
            self._post({"type": "digest", "day": digest.day, "subject": one_line(digest.subject),
                        "articles": [{"id": article.id, "url": article.url, "title": article.title}
                                     for article in digest.articles]})
