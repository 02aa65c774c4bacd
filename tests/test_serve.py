"""`newsmon serve` for real: the scheduler with second-level intervals against the demo site,
restarts, a digest at its local time in another time zone, a mail server that comes up late, a
crawl child that dies, the store lock and `newsmon status`."""
from __future__ import annotations

import json
import signal
import subprocess
import threading
import time
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

from conftest import NEWSMON, ROOT, MailSink, free_port, query, run_newsmon, site_config, wait_for, write_config


def start_serve(config) -> subprocess.Popen:
    return subprocess.Popen(NEWSMON + ["--config", str(config), "serve"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def stop(process) -> float:
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    return time.monotonic() - started


def fast_config(tmp_path, demo_site, **overrides):
    data = site_config(tmp_path, demo_site.base_url, **overrides)
    for source in data["sources"]:
        source["every"] = "2s"
    data["serve"] = {"deliveries_every": "1s", **data.get("serve", {})}
    return write_config(tmp_path / "serve.yaml", data)


def count_articles(config) -> int:
    return len(run_newsmon("export", config=config).stdout.splitlines())


def test_serve_crawls_on_schedule_stops_on_sigterm_and_never_repeats_alerts(tmp_path, demo_site):
    config = fast_config(tmp_path, demo_site)
    process = start_serve(config)
    started = time.monotonic()
    assert wait_for(lambda: query(tmp_path / "newsmon.db", "SELECT count(*) FROM articles") >= 30, 60)
    stored_within = time.monotonic() - started
    assert wait_for(lambda: (tmp_path / "alerts.jsonl").exists() and
                    len((tmp_path / "alerts.jsonl").read_text().splitlines()) >= 7, 20)
    assert stop(process) < 10 and process.returncode == 0, process.stderr.read()
    assert stored_within < 30 and count_articles(config) == 30
    alerts = (tmp_path / "alerts.jsonl").read_text().splitlines()
    assert len(alerts) == 7
    status = run_newsmon("status", config=config)
    assert "source:site-feed" in status.stdout and "deliveries: 0 pending" in status.stdout
    assert "site-listing" in status.stdout and "ok" in status.stdout
    process = start_serve(config)      # restarted: more cycles over the same site
    time.sleep(8)
    assert stop(process) < 10 and process.returncode == 0
    assert (tmp_path / "alerts.jsonl").read_text().splitlines() == alerts


def test_alert_mail_waits_for_a_mail_server_that_comes_up_later(tmp_path, demo_site):
    port = free_port()
    config = fast_config(tmp_path, demo_site,
                         channels={"team-mail": {"type": "email", "to": ["team@example.com"]}},
                         smtp={"host": "127.0.0.1", "port": port, "from": "newsmon@example.com", "timeout": "3s"},
                         alerts=[{"name": "chip-or-regulatory", "topics": ["alibaba-ai"],
                                  "categories": ["chip", "regulatory"], "channels": ["team-mail"]}])
    process = start_serve(config)
    db = tmp_path / "newsmon.db"
    try:
        assert wait_for(lambda: query(db, "SELECT count(*) FROM alerts_fired") == 7, 60)
        assert wait_for(lambda: query(db, "SELECT max(attempts) FROM deliveries") >= 2, 30)
        sink = MailSink(port=port)
        up_at = time.monotonic()
        try:
            assert wait_for(lambda: query(db, "SELECT count(*) FROM deliveries WHERE status = 'sent'") == 7, 40)
            delivered_after = time.monotonic() - up_at
            time.sleep(4)
            titles = []
            for envelope in sink.messages:
                text = message_from_bytes(envelope.content, policy=policy.default).get_body(("plain",)).get_content()
                titles += [line for line in text.splitlines() if line.startswith("[chip-or-regulatory]")]
            assert len(titles) == 7 and len(set(titles)) == 7     # every alert, exactly once
            assert delivered_after < 35
        finally:
            sink.stop()
    finally:
        stop(process)


def test_digest_fires_at_its_local_time_in_another_time_zone(tmp_path, demo_site, smtp_server):
    zone = ZoneInfo("America/New_York")
    fire_at = datetime.now(zone) + timedelta(minutes=1)
    config = fast_config(tmp_path, demo_site,
                         channels={"team-mail": {"type": "email", "to": ["team@example.com"]},
                                   "outbox": {"type": "file", "path": str(tmp_path / "alerts.jsonl")}},
                         smtp={"host": "127.0.0.1", "port": smtp_server.port, "from": "newsmon@example.com"},
                         digest={"time": fire_at.strftime("%H:%M"), "timezone": "America/New_York",
                                 "out_dir": str(tmp_path / "digests"), "channels": ["team-mail"]})
    process = start_serve(config)
    try:
        yesterday = (fire_at - timedelta(days=1)).date().isoformat()
        assert wait_for(lambda: (tmp_path / "digests" / f"digest-{yesterday}.html").exists(), 100)
        assert wait_for(lambda: any("digest" in message_from_bytes(envelope.content, policy=policy.default)["Subject"]
                                    for envelope in smtp_server.messages), 10)
    finally:
        stop(process)
    assert query(tmp_path / "newsmon.db", f"SELECT count(*) FROM digests_sent WHERE day = '{yesterday}'") == 1


def test_a_second_serve_on_the_same_store_refuses(tmp_path, demo_site):
    config = fast_config(tmp_path, demo_site)
    first = start_serve(config)
    try:
        assert wait_for(lambda: (tmp_path / "newsmon.db.serve.lock").exists(), 20)
        time.sleep(1)
        second = run_newsmon("serve", config=config, timeout=60)
        assert second.returncode == 1 and "another newsmon serve is running" in second.stderr
    finally:
        stop(first)


def test_a_crawl_child_that_dies_is_reported_and_the_next_run_recovers(tmp_path):
    import multiprocessing

    from config.settings import load_settings
    from crawlers.runner import crawl_sources
    from routes_server import RoutesServer
    from test_crawl_faults import BODY, article_html, rss

    server = RoutesServer()
    try:
        links = [server.add(f"/a{index}.html", article_html(f"Alibaba story {index}", BODY), delay=2) for index in range(4)]
        server.add("/feed.xml", rss([(f"s{index}", link, "") for index, link in enumerate(links)]),
                   headers={"Content-Type": "application/rss+xml"})
        config = write_config(tmp_path / "c.yaml", {
            "storage": {"sqlite_path": str(tmp_path / "newsmon.db")},
            "sources": [{"name": "slow", "type": "feed", "url": f"{server.base_url}/feed.xml"}],
            "crawl": {"concurrent_per_domain": 1}})
        settings = load_settings(config).settings
        result = {}
        worker = threading.Thread(target=lambda: result.update(reports=crawl_sources(
            settings.sources, settings.crawl, str(tmp_path / "newsmon.db"))))
        worker.start()
        assert wait_for(lambda: any(path.startswith("/a") for path in server.hits), 30)
        for child in multiprocessing.active_children():
            child.kill()
        worker.join(30)
        [report] = result["reports"]
        assert "crawl process died" in report.errors[0]
        for route in server.routes.values():
            route.delay = 0
        assert run_newsmon("run-once", config=config).returncode == 0
        assert count_articles(config) == 4
    finally:
        server.stop()


def test_overlapping_sources_crawled_in_parallel_processes_fetch_each_page_once(tmp_path):
    """serve crawls sources in separate children: a feed and a sitemap of one site listing the same
    slow pages must not both download them."""
    from config.settings import load_settings
    from crawlers.runner import crawl_sources
    from routes_server import RoutesServer
    from test_crawl_faults import BODY, article_html, rss

    server = RoutesServer()
    try:
        links = [server.add(f"/a{index}.html", article_html(f"Alibaba story {index}", BODY), delay=1) for index in range(4)]
        server.add("/feed.xml", rss([(f"s{index}", link, "") for index, link in enumerate(links)]),
                   headers={"Content-Type": "application/rss+xml"})
        sitemap = "".join(f"<url><loc>{link}</loc></url>" for link in links)
        server.add("/sitemap.xml", f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>',
                   headers={"Content-Type": "application/xml"})
        config = write_config(tmp_path / "c.yaml", {
            "storage": {"sqlite_path": str(tmp_path / "newsmon.db")},
            "sources": [{"name": "feed", "type": "feed", "url": f"{server.base_url}/feed.xml"},
                        {"name": "sitemap", "type": "sitemap", "url": f"{server.base_url}/sitemap.xml"}]})
        settings = load_settings(config).settings
        reports = {}
        workers = [threading.Thread(target=lambda source=source: reports.update({source.name: crawl_sources(
            [source], settings.crawl, str(tmp_path / "newsmon.db"))})) for source in settings.sources]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
        assert sorted(path for path in server.hits if path.startswith("/a")) == [f"/a{index}.html" for index in range(4)]
        assert sum(report.fetched for [report] in reports.values()) == 4
        assert sum(report.already_seen for [report] in reports.values()) == 4
        assert query(tmp_path / "newsmon.db", "SELECT count(*) FROM raw_pages") == 4
        assert query(tmp_path / "newsmon.db", "SELECT count(*) FROM url_claims") == 0    # released at the end
    finally:
        server.stop()


def test_a_digest_missed_while_stopped_is_sent_once_at_start(tmp_path, demo_site, smtp_server):
    zone = ZoneInfo("Asia/Tokyo")
    fire_at = (datetime.now(zone) + timedelta(minutes=1)).replace(second=0, microsecond=0)
    config = fast_config(tmp_path, demo_site,
                         channels={"team-mail": {"type": "email", "to": ["team@example.com"]},
                                   "outbox": {"type": "file", "path": str(tmp_path / "alerts.jsonl")}},
                         smtp={"host": "127.0.0.1", "port": smtp_server.port, "from": "newsmon@example.com"},
                         digest={"time": fire_at.strftime("%H:%M"), "timezone": "Asia/Tokyo",
                                 "out_dir": str(tmp_path / "digests"), "channels": ["team-mail"]},
                         serve={"log_file": str(tmp_path / "logs" / "serve.jsonl"), "deliveries_every": "1s"})
    process = start_serve(config)                       # schedules the digest, then stops before it is due
    assert wait_for(lambda: query(tmp_path / "newsmon.db", "SELECT count(*) FROM scheduler_jobs") >= 4, 30)
    assert stop(process) < 10
    while datetime.now(zone) < fire_at + timedelta(seconds=2):
        time.sleep(0.5)
    def digest_mails():
        return [envelope for envelope in smtp_server.messages
                if "digest" in message_from_bytes(envelope.content, policy=policy.default)["Subject"]]
    process = start_serve(config)                       # started after the digest time: sends it now
    try:
        assert wait_for(lambda: len(digest_mails()) == 1, 40)
    finally:
        stop(process)
    process = start_serve(config)                       # and never again for that day
    time.sleep(6)
    stop(process)
    assert len(digest_mails()) == 1
    log_lines = (tmp_path / "logs" / "serve.jsonl").read_text().splitlines()
    assert log_lines and all({"time", "level", "logger", "message"} <= set(json.loads(line)) for line in log_lines)
