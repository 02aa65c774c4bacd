"""Every source kind crawled for real against saved responses in the real formats
(tests/data/sources/<kind>: routes.json, expected.yaml, each file naming the documentation it follows),
served on loopback: titles, URLs and dates of what is stored; empty and malformed answers; backfill."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import run_newsmon, write_config
from routes_server import RoutesServer

SOURCES = Path(__file__).parent / "data" / "sources"


def serve_kind(kind: str, variant: str | None = None) -> RoutesServer:
    """A loopback server answering every route of the kind (by full path and query, then by path
    alone, so an entry URL built with today's dates still finds its answer)."""
    spec = json.loads((SOURCES / kind / "routes.json").read_text())
    server = RoutesServer()
    base = server.base_url.encode()
    for path, route in spec["routes"].items():
        headers = {key: value.replace("__BASE_URL__", server.base_url) for key, value in route.get("headers", {}).items()}
        body = b""
        if route.get("file"):
            body = (SOURCES / kind / route["file"]).read_bytes()
            if not route["file"].endswith(".pdf"):
                body = body.replace(b"__BASE_URL__", base)
            headers["Content-Type"] = route.get("content_type", "text/html")
        server.add(path, body, status=route.get("status", 200), headers=headers)
        server.routes.setdefault(path.split("?")[0], server.routes[path])
    if variant:
        chosen = spec["variants"][variant]
        body = (SOURCES / kind / chosen["file"]).read_bytes().replace(b"__BASE_URL__", base)
        server.add(chosen["serve_at"], body, headers={"Content-Type": chosen["content_type"]})
        server.routes[chosen["serve_at"].split("?")[0]] = server.routes[chosen["serve_at"]]
    return server


def expected(kind: str) -> list[dict]:
    return yaml.safe_load((SOURCES / kind / "expected.yaml").read_text())


def crawl(tmp_path, sources: list[dict], *command) -> tuple[list[dict], str]:
    config = write_config(tmp_path / "c.yaml", {"storage": {"sqlite_path": str(tmp_path / "n.db")},
                                                "sources": sources, "crawl": {"retries": 0, "timeout": "10s"}})
    result = run_newsmon(*(command or ("run-once",)), config=config)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in run_newsmon("export", config=config).stdout.splitlines()]
    return records, result.stdout


def by_path(records) -> dict[str, dict]:
    return {urlsplit(record["url"]).path: record for record in records}


def assert_matches(records, wanted: list[dict], compare_day_only: bool = False):
    found = by_path(records)
    assert sorted(found) == sorted(entry["url_path"] for entry in wanted)
    for entry in wanted:
        record = found[entry["url_path"]]
        assert record["title"] == entry["title"], entry["url_path"]
        date = record["published_at"]
        assert (date[:10] if compare_day_only else date) == (entry["published_at"][:10] if compare_day_only
                                                            else entry["published_at"]), entry["url_path"]


def test_edgar_filings_of_the_chosen_forms(tmp_path):
    server = serve_kind("edgar")
    try:
        source = {"name": "edgar", "type": "edgar", "url": f"{server.base_url}/submissions/CIK0001577552.json",
                  "archive_url": server.base_url, "forms": ["6-K", "20-F"],
                  "user_agent": "newsmon-tests research@example.com"}
        records, _ = crawl(tmp_path, [source])
        wanted = [entry for entry in expected("edgar") if entry["form"] in ("6-K", "20-F") and entry["page"] == "recent"]
        assert_matches(records, wanted)
        records, _ = crawl(tmp_path, [source], "backfill", "--source", "edgar", "--since", "2025-01-01")
        assert_matches(records, [entry for entry in expected("edgar") if entry["form"] in ("6-K", "20-F")])
    finally:
        server.stop()


@pytest.mark.parametrize("kind, entry, variant, source_extra", [
    ("edgar", "/submissions/CIK0001577552.json", "malformed", {"type": "edgar"}),
    ("federal_register", None, "malformed", {"type": "federal_register"}),
    ("hkex", None, "titlesearch_malformed", {"type": "hkex", "stock_code": "09988"}),
])
def test_malformed_api_answers_fail_the_entry_point_in_one_line(tmp_path, kind, entry, variant, source_extra):
    spec = json.loads((SOURCES / kind / "routes.json").read_text())
    variant = variant if variant in spec["variants"] else next(name for name in spec["variants"] if "malformed" in name)
    server = serve_kind(kind, variant)
    try:
        url = server.base_url + (entry or next(iter(spec["entry_points"].values())))
        if kind == "hkex":
            url = server.base_url
        records, summary = crawl(tmp_path, [{"name": "bad", "url": url, "archive_url": server.base_url, **source_extra}
                                            if kind == "edgar" else {"name": "bad", "url": url, **source_extra}])
        assert records == [] and "error:" in summary
    finally:
        server.stop()


def test_federal_register_documents_and_paging(tmp_path):
    server = serve_kind("federal_register")
    try:
        entry = json.loads((SOURCES / "federal_register" / "routes.json").read_text())["entry_points"]["documents"]
        source = {"name": "bis-rules", "type": "federal_register", "url": server.base_url + entry}
        records, _ = crawl(tmp_path, [source])
        first_page = [item for item in expected("federal_register") if item.get("api_page") == 1]
        assert_matches(records, first_page, compare_day_only=True)
        records, _ = crawl(tmp_path, [source], "backfill", "--source", "bis-rules", "--since", "2025-01-01")
        assert_matches(records, expected("federal_register"), compare_day_only=True)
    finally:
        server.stop()


def test_json_api_followed_pages_and_items_that_are_the_news(tmp_path):
    server = serve_kind("json_api")
    try:
        entries = json.loads((SOURCES / "json_api" / "routes.json").read_text())["entry_points"]
        blog = {"name": "qwen-blog", "type": "json_api", "url": server.base_url + entries["qwen_blog"],
                "items_path": "data.list", "title_field": "title", "url_field": "url", "date_field": "publishDate"}
        models = {"name": "hf-qwen", "type": "json_api", "url": server.base_url + entries["hf_models"],
                  "title_field": "id", "url_field": None, "url_template": "https://huggingface.co/{id}",
                  "date_field": "createdAt", "follow_links": False}
        records, _ = crawl(tmp_path, [blog, models])
        wanted = expected("json_api")
        blog_wanted = [entry for entry in wanted if entry["url_path"].startswith("/blog/")]
        assert_matches([record for record in records if record["source"] == "qwen-blog"], blog_wanted)
        model_records = {urlsplit(record["url"]).path: record for record in records if record["source"] == "hf-qwen"}
        model_wanted = [entry for entry in wanted if not entry["url_path"].startswith("/blog/")]
        assert len(model_records) == 20 and all(path in {entry["url_path"] for entry in model_wanted} for path in model_records)
        some = next(entry for entry in model_wanted if entry["url_path"] in model_records)
        assert model_records[some["url_path"]]["title"] == some["title"]
        assert model_records[some["url_path"]]["published_at"] == some["published_at"]
        records, _ = crawl(tmp_path, [blog, models], "backfill", "--source", "hf-qwen", "--since", "2024-01-01")
        assert len([record for record in records if record["source"] == "hf-qwen"]) == 28
    finally:
        server.stop()


def test_hkex_announcements_with_pdf_text(tmp_path):
    server = serve_kind("hkex")
    try:
        source = {"name": "hkex-09988", "type": "hkex", "url": server.base_url, "stock_code": "09988"}
        records, _ = crawl(tmp_path, [source])
        assert_matches(records, expected("hkex"))
        assert all(len(record["text"]) > 100 for record in records)
        assert {record["outlet"] for record in records} == {"HKEXnews"}
    finally:
        server.stop()


def test_listing_pages_including_links_kept_in_scripts(tmp_path):
    server = serve_kind("listings")
    try:
        selectors = {"alibabagroup-press.html": "ul.press-list a.press-title",
                     "alibabacloud-press.html": ".press-room-list .item h3 a", "cac-list.html": "ul.list li a",
                     "samr-list.html": ".news-list li a"}
        sources = [{"name": name.split(".")[0], "type": "listing", "url": f"{server.base_url}/{name}",
                    "link_selector": selector} for name, selector in selectors.items()]
        sources.append({"name": "miit-list", "type": "listing", "url": f"{server.base_url}/miit-list.html",
                        "link_pattern": r'"url"\s*:\s*"([^"]+)"'})
        records, _ = crawl(tmp_path, sources)
        assert_matches(records, expected("listings"))
        chinese = [record for record in records if record["language"] == "zh"]
        assert chinese and any(figure["kind"] == "money" and figure["currency"] == "CNY"
                               for record in chinese for figure in record["figures"])
    finally:
        server.stop()


def test_google_news_items_are_stored_under_the_publishers_url(tmp_path):
    server = serve_kind("google_news")
    try:
        entries = json.loads((SOURCES / "google_news" / "routes.json").read_text())["entry_points"]
        sources = [{"name": f"gnews-{name}", "type": "feed", "url": server.base_url + path, "max_items": 2}
                   for name, path in entries.items()]
        records, _ = crawl(tmp_path, sources)
        assert_matches(records, expected("google_news"))
        assert all("news.google.com" not in record["url"] and "/rss/articles/" not in record["url"] for record in records)
        assert all(record["outlet"] for record in records)
    finally:
        server.stop()


def test_backfill_refuses_kinds_that_cannot_page(tmp_path):
    config = write_config(tmp_path / "c.yaml", {"storage": {"sqlite_path": str(tmp_path / "n.db")},
                                                "sources": [{"name": "f", "type": "feed", "url": "http://127.0.0.1:9/f"}]})
    result = run_newsmon("backfill", "--source", "f", "--since", "2026-01-01", config=config)
    assert result.returncode == 2 and "cannot page back" in result.stderr
