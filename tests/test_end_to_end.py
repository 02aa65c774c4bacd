"""The whole pipeline, as a user runs it, over the demo news site served on loopback, checked
against the site's labels (newsmon/demo_site/expected.yaml)."""
from __future__ import annotations

import itertools
import json
from collections import Counter
from urllib.parse import urlsplit

import pytest

from conftest import run_newsmon, site_config, write_config
from store.sqlite import Store


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, demo_site):
    """Two run-once cycles over the demo site: (tmp, config, first run, second run)."""
    tmp = tmp_path_factory.mktemp("e2e")
    config = write_config(tmp / "newsmon.yaml", site_config(tmp, demo_site.base_url))
    requests_before = len(demo_site.requests)
    first = run_newsmon("run-once", config=config)
    assert first.returncode == 0, first.stderr
    first_requests = demo_site.requests[requests_before:]
    second = run_newsmon("run-once", config=config)
    assert second.returncode == 0, second.stderr
    second_requests = demo_site.requests[requests_before + len(first_requests):]
    return tmp, config, first, second, first_requests, second_requests


def exported(config) -> list[dict]:
    result = run_newsmon("export", config=config)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_article_is_stored_once(crawled, demo_expected):
    tmp, config, *_ = crawled
    records = exported(config)
    paths = Counter(urlsplit(record["url"]).path for record in records)
    assert sorted(paths) == sorted(entry["path"] for entry in demo_expected)
    assert set(paths.values()) == {1}


def test_no_page_is_downloaded_twice_and_robots_is_obeyed(crawled):
    *_, first_requests, second_requests = crawled
    article_requests = [path for path in first_requests if path.endswith(".html") and "/news/" not in path]
    assert len(article_requests) == len(set(article_requests))
    assert not any(path.startswith("/private/") for path in first_requests + second_requests)
    # The second cycle only revisits entry points (answered 304): no article page again.
    assert [path for path in second_requests if path.startswith(("/2026/", "/wire/", "/markets/"))] == []


def test_records_match_the_labels(crawled, demo_expected):
    tmp, config, *_ = crawled
    by_path = {urlsplit(record["url"]).path: record for record in exported(config)}
    for entry in demo_expected:
        record = by_path[entry["path"]]
        assert record["title"] == entry["title"], entry["path"]
        assert record["published_at"] == entry["published_at"], entry["path"]
        assert record["relevant"] == entry["relevant"], entry["path"]
        assert "?" not in record["url"], "tracking parameters must be removed"
        assert record["text"] and "cookie" not in record["text"].lower()[:200]


def test_syndicated_copies_and_rewrites_share_a_story(crawled, demo_expected):
    tmp, config, *_ = crawled
    by_path = {urlsplit(record["url"]).path: record for record in exported(config)}
    def pairs(story_of):
        return {(a["path"], b["path"]) for a, b in itertools.combinations(demo_expected, 2)
                if story_of(a) == story_of(b)}
    gold = pairs(lambda entry: entry["story"])
    found = pairs(lambda entry: by_path[entry["path"]]["story_id"])
    true_positives = len(gold & found)
    precision = true_positives / len(found) if found else 1.0
    recall = true_positives / len(gold)
    assert 2 * precision * recall / (precision + recall) >= 0.9
    copies = [record for record in by_path.values() if record["duplicate_of"]]
    assert copies and all(by_path[urlsplit(record["url"]).path]["duplicate_of"] in
                          {other["id"] for other in by_path.values()} for record in copies)


def test_alerts_fire_once_per_relevant_chip_or_regulatory_story(crawled, demo_expected):
    tmp, config, first, second, *_ = crawled
    alerts = [json.loads(line) for line in (tmp / "alerts.jsonl").read_text().splitlines()]
    expected_stories = {entry["story"] for entry in demo_expected if entry["alert"]}
    story_of_path = {entry["path"]: entry["story"] for entry in demo_expected}
    fired_stories = [story_of_path[urlsplit(alert["url"]).path] for alert in alerts]
    assert sorted(fired_stories) == sorted(expected_stories)   # each once, none missing, none extra
    for alert in alerts:
        assert {"alert", "article_id", "url", "title", "categories", "fired_at"} <= set(alert)
    assert "alerts fired: 0" in second.stdout


def test_run_summary_reports_each_source(crawled):
    tmp, config, first, *_ = crawled
    lines = first.stdout.splitlines()
    assert lines[0].split()[:5] == ["source", "fetched", "new", "duplicates", "failed"]
    rows = {line.split()[0]: line.split()[1:5] for line in lines[1:4]}
    assert set(rows) == {"site-feed", "site-sitemap", "site-listing"}
    assert sum(int(row[1]) + int(row[2]) for row in rows.values()) == 30
    assert all(row[3] == "0" for row in rows.values())


def test_digest_lists_exactly_the_days_relevant_articles(crawled, demo_expected, smtp_server):
    tmp, config, *_ = crawled
    for day in sorted({entry["digest_date"] for entry in demo_expected}):
        result = run_newsmon("digest", "--date", day, "--out", tmp / "out", config=config)
        assert result.returncode == 0, result.stderr
        text = (tmp / "out" / f"digest-{day}.txt").read_text()
        html = (tmp / "out" / f"digest-{day}.html").read_text()
        for entry in demo_expected:
            listed = entry["path"] in text
            assert listed == (entry["relevant"] and entry["digest_date"] == day), (day, entry["path"])
            assert (entry["path"] in html) == listed


def test_digest_is_mailed_once_per_day(tmp_path, crawled, smtp_server):
    tmp, config, *_ = crawled
    import yaml

    data = yaml.safe_load(config.read_text())
    data["channels"]["team-mail"] = {"type": "email", "to": ["team@example.com"]}
    data["digest"]["channels"] = ["team-mail"]
    data["smtp"] = {"host": "127.0.0.1", "port": smtp_server.port, "from": "newsmon@example.com"}
    mail_config = write_config(tmp_path / "mail.yaml", data)
    first = run_newsmon("digest", "--date", "2026-11-27", "--send", config=mail_config)
    assert first.returncode == 0, first.stderr
    again = run_newsmon("digest", "--date", "2026-11-27", "--send", config=mail_config)
    assert again.returncode == 0 and "already sent" in again.stdout
    assert len(smtp_server.messages) == 1
    raw = smtp_server.messages[0].content.decode()
    assert "multipart/alternative" in raw and "text/html" in raw and "text/plain" in raw
    forced = run_newsmon("digest", "--date", "2026-11-27", "--send", "--force", config=mail_config)
    assert forced.returncode == 0 and len(smtp_server.messages) == 2


def test_store_keeps_raw_pages_and_a_consistent_index(crawled):
    tmp, *_ = crawled
    store = Store(tmp / "newsmon.db")
    try:
        assert store.count_pending_raw_pages() == 0
        raw = store.db.execute("SELECT count(*) FROM raw_pages").fetchone()[0]
        assert raw == store.count_articles() == 30
        assert store.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')") is not None
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def test_search_ranks_and_filters(crawled):
    tmp, config, *_ = crawled
    result = run_newsmon("search", "T-Head", "--json", config=config)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and "T-Head" in records[0]["title"]
    assert [record["score"] for record in records] == sorted((record["score"] for record in records), reverse=True)
    assert all("[" in record["snippet"] for record in records)
    chips = [json.loads(line) for line in run_newsmon("search", "Alibaba", "--category", "chip", "--json",
                                                      config=config).stdout.splitlines()]
    assert chips and all("chip" in record["categories"] for record in chips)
    dated = [json.loads(line) for line in run_newsmon("search", "Alibaba", "--since", "2026-11-27", "--until", "2026-11-27",
                                                      "--json", config=config).stdout.splitlines()]
    assert dated and all(record["published_at"].startswith("2026-11-27") for record in dated)
    by_entity = [json.loads(line) for line in run_newsmon("search", "chip", "--entity", "nvidia", "--json",
                                                          config=config).stdout.splitlines()]
    assert by_entity and all("nvidia" in {entity["id"] for entity in record["entities"]} for record in by_entity)
    plain = run_newsmon("search", "Alibaba", "--limit", "2", config=config)
    assert plain.returncode == 0 and plain.stdout.count("http") == 2
    from_feed = [json.loads(line) for line in run_newsmon("search", "Alibaba", "--source", "site-feed", "--json",
                                                          config=config).stdout.splitlines()]
    assert from_feed and {record["source"] for record in from_feed} == {"site-feed"}


def test_export_is_oldest_first_and_filters_by_date(crawled):
    tmp, config, *_ = crawled
    records = exported(config)
    times = [record["published_at"] or record["fetched_at"] for record in records]
    assert times == sorted(times)
    out = tmp / "export.jsonl"
    assert run_newsmon("export", "--since", "2026-11-28", "--out", out, config=config).returncode == 0
    later = [json.loads(line) for line in out.read_text().splitlines()]
    assert later and all(record["published_at"] >= "2026-11-28" for record in later)


def test_extract_one_saved_page(crawled, demo_site):
    tmp, config, *_ = crawled
    from conftest import DEMO_SITE

    page = DEMO_SITE / "2026" / "11" / "25" / "qwen3-235b-mmlu-pro-benchmark.html"
    result = run_newsmon("extract", "--url", "https://demo.example/a.html?utm_source=x", "--json", page, config=config)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["url"] == "https://demo.example/a.html" and record["source"] == ""
    assert record["relevant"] and any(claim["benchmark"] == "MMLU-Pro" for claim in record["claims"])
    missing = run_newsmon("extract", tmp / "nope.html", config=config)
    assert missing.returncode == 1 and "cannot read" in missing.stderr
