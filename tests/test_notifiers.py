"""Alerts through every channel type to real receivers on loopback, and hostile text kept inert."""
from __future__ import annotations

import json
from email import message_from_bytes, policy

import yaml

from config.settings import load_settings
from conftest import write_config
from pipeline.alerts import Alert, fire_alerts
from pipeline.records import EnrichedArticle
from reports.notifiers import build_notifiers
from store.sqlite import Store

HOSTILE_TITLE = "Alibaba <script>alert(1)</script> chip\r\nBcc: victim@example.com \u202egnp.exe\u200b"


def article(title=HOSTILE_TITLE, story="story-1", article_id="a1") -> EnrichedArticle:
    return EnrichedArticle(id=article_id, url="https://news.example.com/a.html", source="wire", title=title,
                           published_at="2026-11-27T08:00:00Z", fetched_at="2026-11-27T09:00:00Z", language="en",
                           authors=[], text="T-Head shipped a chip.", relevant=True, topics=["alibaba-ai"],
                           categories=["chip"], category_evidence={"chip": "T-Head shipped a <b>chip</b>."},
                           story_id=story)


def loaded_with(tmp_path, channels, smtp_port=25):
    data = {"storage": {"sqlite_path": str(tmp_path / "n.db")}, "topics": [{"name": "alibaba-ai", "entities": ["alibaba"]}],
            "alerts": [{"name": "chips", "topics": ["alibaba-ai"], "categories": ["chip"], "channels": list(channels)}],
            "channels": channels, "smtp": {"host": "127.0.0.1", "port": smtp_port, "from": "newsmon@example.com"}}
    return load_settings(write_config(tmp_path / "c.yaml", data))


def deliver_all(loaded, articles):
    notifiers = build_notifiers(loaded)
    store = Store(loaded.settings.storage.sqlite_path)

    def deliver(channel, alert):
        notifiers[channel].send_alert(alert)
        return True
    try:
        return fire_alerts(store, loaded.settings, articles, deliver)
    finally:
        store.close()


def test_webhook_slack_and_generic_bodies(tmp_path, webhook):
    loaded = loaded_with(tmp_path, {"slack": {"type": "webhook", "url": webhook.url, "format": "slack"},
                                    "generic": {"type": "webhook", "url": webhook.url, "format": "generic"}})
    deliver_all(loaded, [article()])
    slack, generic = webhook.bodies
    assert "<script>" not in slack["text"] and "&lt;script&gt;" in slack["text"]
    assert "\u202e" not in slack["text"] and "\n" not in slack["text"]
    assert generic["alert"] == "chips" and generic["article_id"] == "a1" and generic["categories"] == ["chip"]


def test_email_alert_headers_cannot_be_injected(tmp_path, smtp_server):
    loaded = loaded_with(tmp_path, {"mail": {"type": "email", "to": ["team@example.com"]}}, smtp_server.port)
    deliver_all(loaded, [article()])
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["team@example.com"]
    message = message_from_bytes(envelope.content, policy=policy.default)
    assert message["Bcc"] is None and "\n" not in message["Subject"] and "\u202e" not in message["Subject"]
    html = message.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;chip" in html


def test_each_alert_and_story_fires_once(tmp_path):
    loaded = loaded_with(tmp_path, {"outbox": {"type": "file", "path": str(tmp_path / "alerts.jsonl")}})
    first = deliver_all(loaded, [article(), article(article_id="a2")])   # a syndicated copy: same story
    again = deliver_all(loaded, [article(article_id="a3")])              # a re-run, later copy
    other = deliver_all(loaded, [article(story="story-2", article_id="b1")])
    lines = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert (len(first), len(again), len(other)) == (1, 0, 1)
    assert [line["article_id"] for line in lines] == ["a1", "b1"]


def test_a_failed_delivery_is_retried_on_the_next_run(tmp_path, webhook):
    loaded = loaded_with(tmp_path, {"hook": {"type": "webhook", "url": webhook.url}})
    from newsmon.deliveries import Deliveries

    store = Store(loaded.settings.storage.sqlite_path)
    webhook.statuses = [500]
    assert fire_alerts(store, loaded.settings, [article()], Deliveries(loaded).alert) == []
    assert len(fire_alerts(store, loaded.settings, [article()], Deliveries(loaded).alert)) == 1
    assert len(webhook.bodies) == 1
    store.close()


def test_irrelevant_or_other_categories_do_not_fire(tmp_path):
    loaded = loaded_with(tmp_path, {"outbox": {"type": "file", "path": str(tmp_path / "alerts.jsonl")}})
    quiet = article()
    quiet.relevant, quiet.topics = False, []
    spend = article(story="s3", article_id="c1")
    spend.categories = ["spend"]
    assert deliver_all(loaded, [quiet, spend]) == []
