"""Alert rules over newly stored articles. Each (alert, story) fires once, ever: the claim and its
queued messages are written together, so re-runs, restarts and syndicated copies never repeat, and
a channel that is down gets the message later from the delivery queue."""
from __future__ import annotations

from dataclasses import dataclass

from config.settings import AlertRule, Settings
from pipeline.records import EnrichedArticle
from store.queue import enqueue
from store.sqlite import Store, now_iso


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


def fire_alerts(store: Store, settings: Settings) -> list[Alert]:
    """Run the rules over every stored article they have not seen (oldest first). Per article, one
    transaction claims each new (alert, story), queues its messages for the rule's channels and marks
    the article checked: a run killed half-way leaves nothing half-done and nothing forgotten."""
    fired = []
    for article in sorted(store.articles_awaiting_alerts(), key=lambda article: article.published_at or article.fetched_at):
        with store.transaction() as db:
            for rule in settings.alerts:
                matched = matches(rule, article)
                if matched is None:
                    continue
                alert = Alert(rule.name, article, now_iso(), matched)
                claimed = db.execute("INSERT OR IGNORE INTO alerts_fired (alert, story_id, article_id, fired_at)"
                                     " VALUES (?, ?, ?, ?)", (rule.name, article.story_id, article.id,
                                                              alert.fired_at)).rowcount == 1
                if claimed:
                    for channel in rule.channels:
                        enqueue(db, channel, "alert", f"alert:{rule.name}:{article.story_id}:{channel}", alert.to_json())
                    fired.append(alert)
            db.execute("UPDATE articles SET alerts_checked = 1 WHERE id = ?", (article.id,))
    return fired
