"""Alerts through every channel type to real receivers on loopback, the persisted delivery queue
(retries, back-off, bursts, never twice), and hostile text kept inert."""
from __future__ import annotations

import json
from email import message_from_bytes, policy

from config.settings import load_settings
from conftest import write_config
from newsmon.deliveries import DeliveryWorker
from pipeline.alerts import fire_alerts
from pipeline.records import EnrichedArticle
from store import queue
from store.sqlite import Store

HOSTILE_TITLE = "Alibaba <script>alert(1)</script> chip\r\nBcc: victim@example.com \u202egnp.exe\u200b"


def article(title=HOSTILE_TITLE, story="story-1", article_id="a1") -> EnrichedArticle:
    return EnrichedArticle(id=article_id, url="https://news.example.com/a.html", source="wire", title=title,
                           published_at="2026-11-27T08:00:00Z", fetched_at="2026-11-27T09:00:00Z", language="en",
                           authors=[], text="T-Head shipped a chip.", relevant=True, topics=["alibaba-ai"],
                           categories=["chip"], category_evidence={"chip": "T-Head shipped a <b>chip</b>."},
                           story_id=story)


def loaded_with(tmp_path, channels, smtp_port=25, **deliveries):
    data = {"storage": {"sqlite_path": str(tmp_path / "n.db")}, "topics": [{"name": "alibaba-ai", "entities": ["alibaba"]}],
            "alerts": [{"name": "chips", "topics": ["alibaba-ai"], "categories": ["chip"], "channels": list(channels)}],
            "channels": channels, "smtp": {"host": "127.0.0.1", "port": smtp_port, "from": "newsmon@example.com",
                                           "timeout": "5s"},
            "deliveries": {"backoff_base": "1s", "backoff_cap": "1s", **deliveries}}
    return load_settings(write_config(tmp_path / "c.yaml", data))


def store_and_fire(store, settings, articles):
    for article in articles:
        article.content_hash = article.content_hash or article.id
    store.save_batch([(article, None) for article in articles], {}, queue_for_index=False)
    return fire_alerts(store, settings)


def fire_and_drain(loaded, articles, flush=True):
    store = Store(loaded.settings.storage.sqlite_path)
    try:
        fired = store_and_fire(store, loaded.settings, articles)
        worker = DeliveryWorker(loaded)
        worker.drain(store, flush=flush)
        return fired, worker, queue.counts(store)
    finally:
        store.close()


def test_webhook_slack_and_generic_bodies(tmp_path, webhook):
    loaded = loaded_with(tmp_path, {"slack": {"type": "webhook", "url": webhook.url, "format": "slack"},
                                    "generic": {"type": "webhook", "url": webhook.url, "format": "generic"}})
    fire_and_drain(loaded, [article()])
    slack, generic = sorted(webhook.bodies, key=lambda body: "text" in body)[::-1]
    assert "<script>" not in slack["text"] and "&lt;script&gt;" in slack["text"]
    assert "\u202e" not in slack["text"] and "\n" not in slack["text"]
    assert generic["alert"] == "chips" and generic["article_id"] == "a1" and generic["categories"] == ["chip"]


def test_email_alert_headers_cannot_be_injected(tmp_path, smtp_server):
    loaded = loaded_with(tmp_path, {"mail": {"type": "email", "to": ["team@example.com"]}}, smtp_server.port)
    fire_and_drain(loaded, [article()])
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["team@example.com"]
    message = message_from_bytes(envelope.content, policy=policy.default)
    assert message["Bcc"] is None and "\n" not in message["Subject"] and "\u202e" not in message["Subject"]
    html = message.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;chip" in html


def test_each_alert_and_story_fires_once(tmp_path):
    loaded = loaded_with(tmp_path, {"outbox": {"type": "file", "path": str(tmp_path / "alerts.jsonl")}})
    first, *_ = fire_and_drain(loaded, [article(), article(article_id="a2")])   # a syndicated copy: same story
    again, *_ = fire_and_drain(loaded, [article(article_id="a3")])              # a re-run, later copy
    other, *_ = fire_and_drain(loaded, [article(story="story-2", article_id="b1")])
    lines = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert (len(first), len(again), len(other)) == (1, 0, 1)
    assert [line["article_id"] for line in lines] == ["a1", "b1"]


def test_a_webhook_down_then_up_gets_the_alert_once(tmp_path, webhook):
    import time

    loaded = loaded_with(tmp_path, {"hook": {"type": "webhook", "url": webhook.url}})
    webhook.statuses = [500, 503]
    fired, worker, counts = fire_and_drain(loaded, [article()])
    assert len(fired) == 1 and counts["pending"] == 1 and webhook.bodies == []
    store = Store(loaded.settings.storage.sqlite_path)
    deadline = time.monotonic() + 10
    while queue.counts(store)["sent"] == 0 and time.monotonic() < deadline:
        DeliveryWorker(loaded).drain(store)
        time.sleep(0.3)
    assert queue.counts(store) == {"pending": 0, "sent": 1, "failed": 0}
    DeliveryWorker(loaded).drain(store)
    store_and_fire(store, loaded.settings, [article()])
    DeliveryWorker(loaded).drain(store)
    store.close()
    assert len(webhook.bodies) == 1


def test_a_channel_that_never_recovers_is_marked_failed(tmp_path):
    from conftest import free_port

    loaded = loaded_with(tmp_path, {"hook": {"type": "webhook", "url": f"http://127.0.0.1:{free_port()}/h"}},
                         max_attempts=1)
    fired, worker, counts = fire_and_drain(loaded, [article()])
    assert counts["failed"] == 1 and "unreachable" in worker.errors[0]


def test_a_burst_becomes_one_message(tmp_path, smtp_server):
    loaded = loaded_with(tmp_path, {"mail": {"type": "email", "to": ["team@example.com"]}}, smtp_server.port)
    articles = [article(title=f"Alibaba chip story {index}", story=f"s{index}", article_id=f"a{index}") for index in range(4)]
    fired, worker, counts = fire_and_drain(loaded, articles[:1], flush=False)
    assert len(smtp_server.messages) == 1
    fire_and_drain(loaded, articles[1:], flush=False)       # inside the burst window: held
    assert len(smtp_server.messages) == 1
    fired, worker, counts = fire_and_drain(loaded, [], flush=True)
    assert len(smtp_server.messages) == 2 and counts == {"pending": 0, "sent": 4, "failed": 0}
    burst = message_from_bytes(smtp_server.messages[1].content, policy=policy.default)
    assert burst["Subject"].startswith("[newsmon] 3 alerts")
    text = burst.get_body(("plain",)).get_content()
    assert all(f"Alibaba chip story {index}" in text for index in (1, 2, 3))


def test_irrelevant_or_other_categories_do_not_fire(tmp_path):
    loaded = loaded_with(tmp_path, {"outbox": {"type": "file", "path": str(tmp_path / "alerts.jsonl")}})
    quiet = article()
    quiet.relevant, quiet.topics = False, []
    spend = article(story="s3", article_id="c1")
    spend.categories = ["spend"]
    assert fire_and_drain(loaded, [quiet, spend])[0] == []
