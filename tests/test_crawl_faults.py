"""Bad sources crawled for real: each failure is reported in one line for its source, the other
sources are not disturbed, and every good article is stored."""
from __future__ import annotations

import json


from conftest import free_port, run_newsmon, write_config

ARTICLE = """<html lang="{lang}"><head><meta charset="{charset}"><title>{title} | Test Wire</title>
<meta property="article:published_time" content="2026-11-27T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav><article><h1>{title}</h1>{paragraphs}</article>
<footer>(c) Test Wire. All rights reserved.</footer></body></html>"""


def article_html(title: str, sentences: list[str], lang: str = "en", charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in sentences)
    return ARTICLE.format(title=title, paragraphs=paragraphs, lang=lang, charset=charset)


BODY = ["Alibaba Group said on Thursday that its T-Head unit would ship a new AI inference chip to cloud customers.",
        "The company plans to invest ¥30 billion in computing infrastructure over the next three years, it said.",
        "Analysts said the chip could reduce Alibaba Cloud's reliance on imported GPUs amid export controls."]


def rss(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
                      for title, link, date in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{entries}</channel></rss>'


def config_for(tmp_path, sources, **crawl):
    return write_config(tmp_path / "c.yaml", {
        "storage": {"sqlite_path": str(tmp_path / "n.db")},
        "sources": sources,
        "topics": [{"name": "alibaba-ai", "entities": ["alibaba", "t-head"]}],
        "crawl": {"retries": 1, "timeout": "3s", **crawl},
    })


def summary_rows(stdout: str) -> dict[str, str]:
    return {line.split()[0]: line for line in stdout.splitlines()[1:] if line and not line.startswith("alerts")}


def exported(config) -> list[dict]:
    return [json.loads(line) for line in run_newsmon("export", config=config).stdout.splitlines()]


def test_bad_sources_are_reported_and_good_ones_still_stored(tmp_path, server):
    good = server.add("/good/a.html", article_html("Alibaba ships T-Head chip", BODY))
    server.add("/good.xml", rss([("A", good, "Fri, 27 Nov 2026 08:00:00 GMT")]), headers={"Content-Type": "application/rss+xml"})
    server.add("/broken.xml", "<rss><channel><item><title>half", headers={"Content-Type": "application/xml"})
    server.add("/html-not-feed.xml", "<html><body>Sorry, we moved.</body></html>")
    server.add("/down.xml", "oops", status=503, headers={"Content-Type": "text/plain", "Retry-After": "1"})
    config = config_for(tmp_path, [
        {"name": "good", "type": "feed", "url": f"{server.base_url}/good.xml"},
        {"name": "broken", "type": "feed", "url": f"{server.base_url}/broken.xml"},
        {"name": "not-a-feed", "type": "feed", "url": f"{server.base_url}/html-not-feed.xml"},
        {"name": "down", "type": "feed", "url": f"{server.base_url}/down.xml"},
        {"name": "dead", "type": "feed", "url": f"http://127.0.0.1:{free_port()}/feed.xml"},
        {"name": "bad-sitemap", "type": "sitemap", "url": f"{server.base_url}/broken.xml"},
    ])
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 0, result.stderr
    rows = summary_rows(result.stdout)
    assert "error" not in rows["good"] and rows["good"].split()[2] == "1"
    assert "not a readable feed" in rows["broken"]
    assert "not a readable feed" in rows["not-a-feed"]
    assert "HTTP 503" in rows["down"]
    assert server.hits.count("/down.xml") == 2            # one retry, after a back-off
    assert "connection refused" in rows["dead"]
    assert "error" in rows["bad-sitemap"]
    assert [record["title"] for record in exported(config)] == ["Alibaba ships T-Head chip"]
    assert "Traceback" not in result.stderr


def test_feed_with_relative_links_and_invalid_dates(tmp_path, server):
    server.add("/news/one.html", article_html("Alibaba Cloud expands in Europe", BODY))
    server.add("/feed.xml", rss([("One", "/news/one.html", "not a date at all")]),
               headers={"Content-Type": "application/rss+xml"})
    config = config_for(tmp_path, [{"name": "relative", "type": "feed", "url": f"{server.base_url}/feed.xml"}])
    assert run_newsmon("run-once", config=config).returncode == 0
    [record] = exported(config)
    assert record["url"] == f"{server.base_url}/news/one.html"
    assert record["published_at"] == "2026-11-27T08:00:00Z"   # the page's own metadata, not the junk date


def test_gbk_page_declared_as_utf8_is_read_correctly(tmp_path, server):
    chinese = ["阿里巴巴集团周四表示，旗下平头哥半导体将向云客户交付新的人工智能推理芯片。",
               "公司计划在未来三年投资3800亿元用于云计算和人工智能基础设施建设。",
               "分析师认为，这款芯片有望减少阿里云对进口图形处理器的依赖，并提升算力供应的稳定性。"]
    body = article_html("阿里巴巴发布平头哥新芯片", chinese, lang="zh-CN").encode("gbk")
    server.add("/zh/a.html", body, headers={"Content-Type": "text/html; charset=utf-8"})
    server.add("/feed.xml", rss([("芯片", f"{server.base_url}/zh/a.html", "Fri, 27 Nov 2026 08:00:00 GMT")]),
               headers={"Content-Type": "application/rss+xml; charset=utf-8"})
    config = config_for(tmp_path, [{"name": "zh", "type": "feed", "url": f"{server.base_url}/feed.xml"}])
    assert run_newsmon("run-once", config=config).returncode == 0
    [record] = exported(config)
    assert record["title"] == "阿里巴巴发布平头哥新芯片"
    assert "3800亿元" in record["text"] and "\ufffd" not in record["text"]
    assert record["language"] == "zh"
    money = [figure for figure in record["figures"] if figure["kind"] == "money"]
    assert money and money[0]["value"] == 380_000_000_000 and money[0]["currency"] == "CNY"
    assert "alibaba" in {entity["id"] for entity in record["entities"]}


def test_oversized_slow_and_empty_pages_lose_nothing_else(tmp_path, server):
    good = server.add("/ok.html", article_html("Alibaba T-Head chip ships", BODY))
    huge = server.add("/huge.html", "<p>" + "x" * 3_000_000 + "</p>")
    slow = server.add("/slow.html", article_html("Slow", BODY), delay=5)
    empty = server.add("/empty.html", "<html><body><nav>Home</nav></body></html>")
    cut = server.add("/cut.html", article_html("Cut", BODY * 20), drop=True)
    items = [(name, link, "Fri, 27 Nov 2026 08:00:00 GMT") for name, link in
             (("ok", good), ("huge", huge), ("slow", slow), ("empty", empty), ("cut", cut))]
    server.add("/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml"})
    config = config_for(tmp_path, [{"name": "mixed", "type": "feed", "url": f"{server.base_url}/feed.xml"}],
                        max_page_bytes=1_000_000, timeout="2s", retries=0)
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 0, result.stderr
    assert [record["title"] for record in exported(config)] == ["Alibaba T-Head chip ships"]
    row = summary_rows(result.stdout)["mixed"].split()
    assert row[1:5] == ["2", "1", "0", "3"]   # fetched ok+empty; 1 new; huge, slow, cut failed


def test_robots_disallow_is_obeyed(tmp_path, server):
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
    allowed = server.add("/public.html", article_html("Alibaba public news", BODY))
    private = server.add("/private/x.html", article_html("Private", BODY))
    server.add("/feed.xml", rss([("a", allowed, ""), ("b", private, "")]), headers={"Content-Type": "application/rss+xml"})
    config = config_for(tmp_path, [{"name": "polite", "type": "feed", "url": f"{server.base_url}/feed.xml"}])
    assert run_newsmon("run-once", config=config).returncode == 0
    assert "/private/x.html" not in server.hits
    assert [record["title"] for record in exported(config)] == ["Alibaba public news"]


def test_entity_expansion_in_a_feed_is_never_expanded(tmp_path, server):
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
              '<rss version="2.0"><channel><title>&lol9;</title><item><title>&xxe;</title>'
              f'<link>{server.base_url}/a.html</link></item></channel></rss>')
    server.add("/a.html", article_html("Alibaba entity test", BODY))
    server.add("/feed.xml", laughs, headers={"Content-Type": "application/rss+xml"})
    config = config_for(tmp_path, [{"name": "hostile", "type": "feed", "url": f"{server.base_url}/feed.xml"}])
    result = run_newsmon("run-once", config=config, timeout=120)
    assert result.returncode == 0
    for record in exported(config):
        assert "root:" not in json.dumps(record)
        assert "lollollol" not in json.dumps(record)


ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom one</title><link rel="alternate" href="{base}/atom/one.html"/><id>tag:x,2026:1</id>
<updated>2026-11-27T10:00:00Z</updated><author><name>Ann Lee</name></author></entry></feed>"""
RDF = """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="{base}/"><title>R</title></channel>
<item rdf:about="{base}/rdf/one.html"><title>RDF one</title><link>{base}/rdf/one.html</link><dc:date>2026-11-26T10:00:00Z</dc:date></item>
</rdf:RDF>"""
SITEMAP_INDEX = """<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-news.xml.gz</loc></sitemap></sitemapindex>"""
NEWS_SITEMAP = """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>{base}/sm/one.html</loc><news:news>
<news:publication><news:name>X</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-11-25T06:00:00+08:00</news:publication_date><news:title>Sitemap one</news:title></news:news></url></urlset>"""
LISTING = """<html><body><div class="story"><h2><a href="/list/one.html">List one</a></h2></div>
<a href="/list/ignored.html">not a story</a><nav class="pagination"><a class="next" href="/list?page=2">Next</a></nav></body></html>"""
LISTING_2 = """<html><body><div class="story"><h2><a href="/list/two.html">List two</a></h2></div></body></html>"""


def test_every_feed_dialect_sitemap_kind_and_listing_markup(tmp_path, server):
    import gzip

    base = server.base_url
    for path, title in (("/atom/one.html", "Atom one"), ("/rdf/one.html", "RDF one"), ("/sm/one.html", "Sitemap one"),
                        ("/list/one.html", "List one"), ("/list/two.html", "List two"), ("/list/ignored.html", "Ignored")):
        server.add(path, article_html(f"Alibaba {title}", BODY).replace('<meta property="article:published_time" '
                                                                       'content="2026-11-27T08:00:00Z">', ""))
    server.add("/atom.xml", ATOM.format(base=base), headers={"Content-Type": "application/atom+xml"})
    server.add("/rdf.xml", RDF.format(base=base), headers={"Content-Type": "application/rdf+xml"})
    server.add("/sitemap.xml", SITEMAP_INDEX.format(base=base), headers={"Content-Type": "application/xml"})
    server.add("/sitemap-news.xml.gz", gzip.compress(NEWS_SITEMAP.format(base=base).encode()),
               headers={"Content-Type": "application/x-gzip"})
    server.add("/list", LISTING)
    server.add("/list?page=2", LISTING_2)
    config = config_for(tmp_path, [
        {"name": "atom", "type": "feed", "url": f"{base}/atom.xml"},
        {"name": "rdf", "type": "feed", "url": f"{base}/rdf.xml"},
        {"name": "sitemap", "type": "sitemap", "url": f"{base}/sitemap.xml"},
        {"name": "listing", "type": "listing", "url": f"{base}/list", "link_selector": "div.story h2"},
    ])
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 0, result.stderr
    records = {record["title"]: record for record in exported(config)}
    assert set(records) == {"Alibaba Atom one", "Alibaba RDF one", "Alibaba Sitemap one", "Alibaba List one",
                            "Alibaba List two"}
    assert records["Alibaba Atom one"]["published_at"] == "2026-11-27T10:00:00Z"
    assert records["Alibaba Atom one"]["authors"] == ["Ann Lee"]
    assert records["Alibaba RDF one"]["published_at"] == "2026-11-26T10:00:00Z"
    assert records["Alibaba Sitemap one"]["published_at"] == "2026-11-24T22:00:00Z"
    assert records["Alibaba Sitemap one"]["source"] == "sitemap"


def test_a_stale_feed_is_reported(tmp_path, server):
    old = server.add("/old.html", article_html("Alibaba old news", BODY))
    server.add("/feed.xml", rss([("old", old, "Mon, 02 Mar 2026 08:00:00 GMT")]), headers={"Content-Type": "application/rss+xml"})
    config = config_for(tmp_path, [{"name": "sleepy", "type": "feed", "url": f"{server.base_url}/feed.xml", "max_age": "7d"}])
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 0 and "stale: newest item 2026-03-02" in summary_rows(result.stdout)["sleepy"]
    digest = run_newsmon("digest", "--date", "2026-11-27", "--out", tmp_path / "d", config=config)
    assert digest.returncode == 0
    assert "sleepy: stale" in (tmp_path / "d" / "digest-2026-11-27.txt").read_text()
    assert "UNHEALTHY: stale" in run_newsmon("status", config=config).stdout


def test_a_source_that_refuses_us_is_left_alone_for_a_while(tmp_path, server):
    server.add("/feed.xml", "slow down", status=429, headers={"Content-Type": "text/plain"})
    config = config_for(tmp_path, [{"name": "strict", "type": "feed", "url": f"{server.base_url}/feed.xml", "every": "1h"}])
    first = run_newsmon("run-once", config=config)
    assert "HTTP 429" in summary_rows(first.stdout)["strict"]
    hits = server.hits.count("/feed.xml")
    second = run_newsmon("run-once", config=config)
    assert "backing off until" in summary_rows(second.stdout)["strict"]
    assert server.hits.count("/feed.xml") == hits          # not asked again
    forced = run_newsmon("crawl", "--source", "strict", config=config)
    assert server.hits.count("/feed.xml") > hits and "HTTP 429" in summary_rows(forced.stdout)["strict"]


def test_a_crawl_whose_store_cannot_be_opened_says_why(tmp_path, server):
    from config.settings import load_settings
    from crawlers.runner import crawl_sources

    config = config_for(tmp_path, [{"name": "site", "type": "feed", "url": f"{server.base_url}/feed.xml"}])
    settings = load_settings(config).settings
    not_a_file = tmp_path / "a-directory"
    not_a_file.mkdir()
    [report] = crawl_sources(settings.sources, settings.crawl, str(not_a_file))
    assert report.errors == [f"spider did not start: {not_a_file}: cannot open the store: unable to open database file"]
