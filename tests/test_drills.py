"""Fault drills: bad sources, killed processes, broken disks, failing deliveries and hostile content.
Each checks that every good article is stored exactly once and that each bad input gets a clear,
specific message."""
from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

from conftest import NEWSMON, ROOT, query, run_newsmon, site_config, wait_for, write_config
from test_crawl_faults import BODY, article_html, config_for, exported, rss, summary_rows


def test_source_faults_lose_no_good_article(tmp_path, server):
    bodies = [BODY, ["Alibaba Cloud cut prices for its Qwen models by half on Monday, its third cut this year.",
                     "Developers using the Qwen API will pay less per million tokens from December, the unit said.",
                     "Rivals are expected to follow, analysts said, as the price war among Chinese model makers deepens."],
              ["Regulators in Beijing approved the latest Qwen update for public release, Alibaba said in a filing.",
               "The approval by the Cyberspace Administration of China covers the consumer app and the enterprise API.",
               "The company said the update improves reasoning and coding, and ships to users over the coming week."]]
    good = [server.add(f"/good{index}.html", article_html(f"Alibaba good story {index}", bodies[index])) for index in range(3)]
    bad = {
        "trickle": server.add("/trickle.html", article_html("Trickle", BODY), trickle=0.5),
        "gzip": server.add("/gzip.html", gzip.compress(article_html("Gzip", BODY * 5).encode())[:300],
                           headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}),
        "loop": server.add("/loop-a.html", "", status=302, headers={"Location": "/loop-b.html"}),
        "error": server.add("/error.html", "boom", status=500, headers={"Content-Type": "text/plain", "Retry-After": "1"}),
        "huge": server.add("/huge.html", b"<html><body><p>" + b"x" * (50 * 1024 * 1024) + b"</p></body></html>"),
    }
    server.add("/loop-b.html", "", status=302, headers={"Location": "/loop-a.html"})
    items = [(f"item {index}", link, "Fri, 27 Nov 2026 08:00:00 GMT") for index, link in enumerate(good + list(bad.values()))]
    server.add("/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml"})
    config = config_for(tmp_path, [{"name": "mixed", "type": "feed", "url": f"{server.base_url}/feed.xml"}],
                        timeout="3s", retries=1)
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 0, result.stderr
    assert sorted(record["title"] for record in exported(config)) == [f"Alibaba good story {index}" for index in range(3)]
    row = summary_rows(result.stdout)["mixed"].split()
    assert row[1:5] == ["3", "3", "0", "5"]                      # every bad page counted as failed
    assert server.hits.count("/error.html") == 2                 # retried once, then given up
    again = run_newsmon("run-once", config=config)
    assert summary_rows(again.stdout)["mixed"].split()[2] == "0" and len(exported(config)) == 3


@pytest.mark.parametrize("moment", ["crawl", "processing"])
def test_sigkill_then_run_once_loses_and_repeats_nothing(tmp_path, demo_site, demo_expected, moment):
    config = write_config(tmp_path / "c.yaml", site_config(tmp_path, demo_site.base_url,
                                                            extraction={"batch_size": 4}))
    db = tmp_path / "newsmon.db"
    process = subprocess.Popen(NEWSMON + ["--config", str(config), "run-once"], cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if moment == "crawl":
        assert wait_for(lambda: query(db, "SELECT count(*) FROM raw_pages") >= 5, 60, poll=0.05)
    else:
        assert wait_for(lambda: query(db, "SELECT count(*) FROM articles") >= 4, 90, poll=0.05)
    os.killpg(process.pid, signal.SIGKILL)      # the command and its crawl child, mid-work
    process.wait()
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 0, result.stderr
    run_newsmon("run-once", config=config)
    records = exported(config)
    assert len(records) == len({record["url"] for record in records}) == len(demo_expected)
    alerts = [json.loads(line)["story_id"] for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert len(alerts) == len(set(alerts)) == len({entry["story"] for entry in demo_expected if entry["alert"]})


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root): the full and read-only disk drills need one")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_is_a_clear_error_and_corrupts_nothing(tmp_path, small_disk, demo_site):
    config = write_config(tmp_path / "c.yaml", site_config(tmp_path, demo_site.base_url,
                                                            storage={"sqlite_path": str(small_disk / "n.db")}))
    (small_disk / "filler").write_bytes(b"\0" * (1024 * 1024 + 900 * 1024))   # leave ~150 KB
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "disk" in result.stderr.lower() and "full" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    with sqlite3.connect(small_disk / "n.db") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_read_only_store_is_a_clear_error(tmp_path, small_disk, demo_site):
    config = write_config(tmp_path / "c.yaml", site_config(tmp_path, demo_site.base_url,
                                                            storage={"sqlite_path": str(small_disk / "n.db")}))
    assert run_newsmon("check-config", config=config).returncode == 0
    assert run_newsmon("export", config=config).returncode == 0           # creates the store
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 1 and "read-only" in result.stderr.lower() and "Traceback" not in result.stderr
    with sqlite3.connect(f"file:{small_disk / 'n.db'}?immutable=1", uri=True) as connection:   # WAL on a read-only disk
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_store_of_the_first_schema_migrates(tmp_path, demo_site):
    from store.migrations import MIGRATIONS, SCHEMA_VERSION

    db = tmp_path / "newsmon.db"
    with sqlite3.connect(db) as connection:
        connection.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
        connection.execute("INSERT INTO alerts_fired VALUES ('chip-or-regulatory', 'old-story', 'a0', '2026-01-01T00:00:00Z')")
    config = write_config(tmp_path / "c.yaml", site_config(tmp_path, demo_site.base_url))
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 0, result.stderr
    assert query(db, "PRAGMA user_version") == SCHEMA_VERSION
    assert query(db, "SELECT count(*) FROM alerts_fired WHERE story_id = 'old-story'") == 1
    assert len(exported(config)) == 30


def test_hostile_content_stays_inert_everywhere(tmp_path, server, smtp_server):
    title = 'Alibaba <script>alert("x")</script> T-Head chip\u202egnp.exe\u200b'
    body = [sentence.replace("Alibaba Group", "Alibaba Group <img src=x onerror=alert(1)>") for sentence in BODY]
    page = article_html(title.replace("<", "&lt;").replace(">", "&gt;"), [s.replace("<", "&lt;").replace(">", "&gt;")
                                                                          for s in body])
    link = server.add("/hostile.html", page)
    server.add("/feed.xml", rss([("x\r\nBcc: victim@example.com", link, "Fri, 27 Nov 2026 08:00:00 GMT")]),
               headers={"Content-Type": "application/rss+xml"})
    data = {"storage": {"sqlite_path": str(tmp_path / "n.db")},
            "sources": [{"name": "hostile", "type": "feed", "url": f"{server.base_url}/feed.xml"}],
            "topics": [{"name": "alibaba-ai", "entities": ["alibaba", "t-head"]}],
            "alerts": [{"name": "chips", "topics": ["alibaba-ai"], "categories": ["chip"], "channels": ["mail", "outbox"]}],
            "channels": {"mail": {"type": "email", "to": ["team@example.com"]},
                         "outbox": {"type": "file", "path": str(tmp_path / "alerts.jsonl")}},
            "smtp": {"host": "127.0.0.1", "port": smtp_server.port, "from": "newsmon@example.com"},
            "digest": {"timezone": "UTC", "out_dir": str(tmp_path / "d"), "channels": ["mail"]}}
    config = write_config(tmp_path / "c.yaml", data)
    assert run_newsmon("run-once", config=config).returncode == 0
    [record] = exported(config)
    assert "<script>" in record["title"]                    # stored as the text it is
    assert run_newsmon("digest", "--date", "2026-11-27", "--send", config=config).returncode == 0
    html = (tmp_path / "d" / "digest-2026-11-27.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html and "<img src=x" not in html
    from email import message_from_bytes, policy

    assert len(smtp_server.messages) == 2          # the alert and the digest
    for envelope in smtp_server.messages:
        head = envelope.content.split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
        assert "Bcc:" not in head and "\u202e" not in head and "\u200b" not in head
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert message["Bcc"] is None and list(message.keys()).count("To") == 1
        html = message.get_body(("html",)).get_content()
        assert "<script>" not in html and "<img src=x" not in html   # plain text may say <script>: it is text
    search = run_newsmon("search", "T-Head", config=config)
    assert "\u202e" not in search.stdout and "\r" not in search.stdout


def test_secrets_never_appear_in_output(tmp_path, demo_site, smtp_server):
    secret = "s3cr3t-pa55word-do-not-print"
    data = site_config(tmp_path, demo_site.base_url,
                       channels={"mail": {"type": "email", "to": ["team@example.com"]},
                                 "outbox": {"type": "file", "path": str(tmp_path / "alerts.jsonl")}},
                       smtp={"host": "127.0.0.1", "port": smtp_server.port, "from": "newsmon@example.com",
                             "username_env": "NEWSMON_TEST_USER", "password_env": "NEWSMON_TEST_PASSWORD"})
    data["digest"]["channels"] = ["mail"]
    config = write_config(tmp_path / "c.yaml", data)
    env = {"NEWSMON_TEST_USER": "newsmon", "NEWSMON_TEST_PASSWORD": secret}
    outputs = [run_newsmon(*command, config=config, env=env) for command in
               (["check-config"], ["-v", "run-once"], ["digest", "--date", "2026-11-27", "--send"], ["status"])]
    for result in outputs:
        assert secret not in result.stdout + result.stderr
    assert secret not in "".join(path.read_text(errors="replace") for path in tmp_path.rglob("*") if path.is_file()
                                 and path.suffix in (".jsonl", ".txt", ".html", ".log"))


class DroppingSmtp:
    """A mail server that hangs up in the middle of the message, on loopback. aiosmtpd cannot be made
    to drop a connection mid-DATA, so this small stand-in speaks just enough SMTP to get there."""

    def __init__(self, port: int):
        import socket
        import threading

        self.listener = socket.create_server(("127.0.0.1", port))
        self.dropped = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            with connection:
                connection.sendall(b"220 drop.example ESMTP\r\n")
                reader = connection.makefile("rb")
                for line in reader:
                    command = line.strip().upper()
                    if command.startswith((b"EHLO", b"HELO")):
                        connection.sendall(b"250 drop.example\r\n")
                    elif command == b"DATA":
                        connection.sendall(b"354 go ahead\r\n")
                        reader.readline()
                        self.dropped += 1
                        break                      # hang up mid-message
                    else:
                        connection.sendall(b"250 OK\r\n")

    def stop(self):
        import socket

        try:
            self.listener.shutdown(socket.SHUT_RDWR)   # wakes the accept() so the port is really free
        except OSError:
            pass
        self.listener.close()


@pytest.mark.parametrize("fault", ["refusing", "dropping"])
def test_a_failing_mail_server_delays_alerts_and_sends_each_once(tmp_path, demo_site, fault):
    from conftest import MailSink, free_port
    from email import message_from_bytes, policy

    port = free_port()
    data = site_config(tmp_path, demo_site.base_url,
                       channels={"mail": {"type": "email", "to": ["team@example.com"]}},
                       smtp={"host": "127.0.0.1", "port": port, "from": "newsmon@example.com", "timeout": "3s"},
                       deliveries={"backoff_base": "1s", "backoff_cap": "1s"})
    data["alerts"][0]["channels"] = ["mail"]
    config = write_config(tmp_path / "c.yaml", data)
    faulty = MailSink(port=port, refuse_first=1000) if fault == "refusing" else DroppingSmtp(port)
    first = run_newsmon("run-once", config=config)
    assert first.returncode == 0 and "delivery delayed" in first.stdout and "queued for retry" in first.stdout
    assert (faulty.refused if fault == "refusing" else faulty.dropped) >= 1
    faulty.stop()
    time.sleep(1.2)
    sink = MailSink(port=port)
    try:
        again = run_newsmon("run-once", config=config)
        assert again.returncode == 0 and "delivery delayed" not in again.stdout
        run_newsmon("run-once", config=config)
        titles = []
        for envelope in sink.messages:
            text = message_from_bytes(envelope.content, policy=policy.default).get_body(("plain",)).get_content()
            titles += [line for line in text.splitlines() if line.startswith("[chip-or-regulatory]")]
        assert len(titles) == len(set(titles)) == 7
    finally:
        sink.stop()
