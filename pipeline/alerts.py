"""Alert rules over newly stored articles. Each (alert, story) fires once, ever: the claim is
recorded in the store before delivery, so re-runs, restarts and syndicated copies never repeat."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from config.settings import AlertRule, Settings
from pipeline.records import EnrichedArticle
from store.sqlite import Store, now_iso

logger = logging.getLogger(__name__)


@dataclass
class Alert:
    rule: str
    article: EnrichedArticle
    fired_at: str
    matched_categories: list[str]

    def to_json(self) -> dict:
        article = self.article
        return {"alert": self.rule, "article_id": article.id, "url": article.url, "title": article.title,
                "categories": article.categories, "matched_categories": self.matched_categories,
                "topics": article.topics, "source": article.source, "published_at": article.published_at,
                "story_id": article.story_id, "fired_at": self.fired_at,
                "evidence": {name: article.category_evidence.get(name) for name in self.matched_categories}}


def matches(rule: AlertRule, article: EnrichedArticle) -> list[str] | None:
    """The categories through which `article` meets `rule`, or None when it does not."""
    if not article.relevant:
        return None
    if rule.topics and not set(rule.topics) & set(article.topics):
        return None
    if not rule.categories:
        return []
    matched = [category for category in article.categories if category in rule.categories]
    return matched or None


def fire_alerts(store: Store, settings: Settings, articles: list[EnrichedArticle], deliver) -> list[Alert]:
    """Claim and deliver alerts for `articles` (oldest first). `deliver(channel_name, alert)` returns
    True on success; a claim whose every channel failed is released for the next run."""
    fired = []
    for article in sorted(articles, key=lambda article: article.published_at or article.fetched_at):
        for rule in settings.alerts:
            matched = matches(rule, article)
            if matched is None or not store.claim_alert(rule.name, article.story_id, article.id):
                continue
            alert = Alert(rule.name, article, now_iso(), matched)
            delivered = [deliver(channel, alert) for channel in rule.channels]
            if any(delivered):
                fired.append(alert)
            else:
                store.release_alert(rule.name, article.story_id)
                logger.error("alert %s for %s reached no channel; it will be tried again", rule.name, article.url)
    return fired
