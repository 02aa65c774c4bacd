"""Shared fixtures: real servers on loopback (a static news site, SMTP, a webhook receiver) and
configuration files written into tmp_path. Nothing of ours or of our libraries is mocked."""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from newsmon.siteserver import StaticSite

ROOT = Path(__file__).resolve().parents[1]
DEMO_SITE = ROOT / "newsmon" / "demo_site"
NEWSMON = [sys.executable, "-m", "newsmon"]


def run_newsmon(*args, config: Path | None = None, env: dict | None = None, timeout: int = 600):
    """The real command line, in a child process, as a user runs it."""
    command = NEWSMON + (["--config", str(config)] if config else []) + [str(arg) for arg in args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def write_config(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def site_config(tmp: Path, base_url: str, **overrides) -> dict:
    """A configuration in the SPEC's shape pointing at a site served on loopback."""
    data = {
        "storage": {"sqlite_path": str(tmp / "newsmon.db")},
        "sources": [
            {"name": "site-feed", "type": "feed", "url": f"{base_url}/feed.xml", "every": "30m"},
            {"name": "site-sitemap", "type": "sitemap", "url": f"{base_url}/sitemap.xml", "every": "1h"},
            {"name": "site-listing", "type": "listing", "url": f"{base_url}/news/", "link_selector": "a.headline",
             "every": "1h"},
        ],
        "topics": [{"name": "alibaba-ai", "entities": ["alibaba", "alibaba-cloud", "qwen", "t-head"],
                    "keywords": ["Tongyi Qianwen", "Hanguang", "Yitian"]}],
        "alerts": [{"name": "chip-or-regulatory", "topics": ["alibaba-ai"], "categories": ["chip", "regulatory"],
                    "channels": ["outbox"]}],
        "channels": {"outbox": {"type": "file", "path": str(tmp / "alerts.jsonl")}},
        "digest": {"time": "07:30", "timezone": "Asia/Shanghai", "out_dir": str(tmp / "digests"), "channels": []},
        "crawl": {"retries": 1, "timeout": "10s"},
    }
    data.update(overrides)
    return data


def wait_for(condition, limit: float, poll: float = 0.5) -> bool:
    """Poll `condition` until it holds or `limit` seconds pass."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(poll)
    return False


def query(db_path, sql) -> int:
    """One number from a store another process is writing; 0 while it does not exist yet."""
    try:
        with sqlite3.connect(db_path, timeout=10) as connection:
            return connection.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.fixture
def server():
    """A RoutesServer (tests/routes_server.py) with a permissive robots.txt."""
    from routes_server import RoutesServer

    routes = RoutesServer()
    routes.add("/robots.txt", "User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})
    yield routes
    routes.stop()


@pytest.fixture(scope="session")
def demo_site():
    with StaticSite(DEMO_SITE) as site:
        yield site


@pytest.fixture(scope="session")
def demo_expected():
    return yaml.safe_load((DEMO_SITE / "expected.yaml").read_text(encoding="utf-8"))


class Receiver:
    """An HTTP endpoint that records POSTed JSON and answers with the queued statuses (then 200)."""

    def __init__(self):
        self.bodies: list[dict] = []
        self.statuses: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                if status == 200:
                    receiver.bodies.append(json.loads(body))
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook():
    receiver = Receiver()
    yield receiver
    receiver.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailSink:
    """A real SMTP server (aiosmtpd) on loopback keeping every message it receives."""

    def __init__(self, port: int | None = None, refuse_first: int = 0):
        from aiosmtpd.controller import Controller

        self.messages = []
        self.refused = 0
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                if sink.refused < refuse_first:   # a server that refuses mail for a while
                    sink.refused += 1
                    return "451 Requested action aborted: local error in processing"
                sink.messages.append(envelope)
                return "250 OK"

        self.port = port or free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()


@pytest.fixture
def smtp_server():
    sink = MailSink()
    yield sink
    sink.stop()
