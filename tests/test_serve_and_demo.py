"""`newsmon serve` against the demo site on second-level schedules, and `newsmon demo`."""
from __future__ import annotations

import json
import signal
import subprocess
import time

from conftest import NEWSMON, ROOT, run_newsmon, site_config, write_config


def count_articles(config) -> int:
    return len(run_newsmon("export", config=config).stdout.splitlines())


def serve_until(config, condition, limit: float):
    process = subprocess.Popen(NEWSMON + ["--config", str(config), "serve"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and not condition():
        time.sleep(1)
    stop_started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    return process, time.monotonic() - stop_started


def test_serve_crawls_on_schedule_stops_on_sigterm_and_never_repeats_alerts(tmp_path, demo_site):
    data = site_config(tmp_path, demo_site.base_url)
    for source in data["sources"]:
        source["every"] = "2s"
    config = write_config(tmp_path / "serve.yaml", data)
    process, stop_seconds = serve_until(config, lambda: count_articles(config) >= 30, limit=120)
    assert process.returncode == 0, process.stderr.read()
    assert stop_seconds < 10
    assert count_articles(config) == 30
    alerts = (tmp_path / "alerts.jsonl").read_text().splitlines()
    assert len(alerts) == 7
    process, _ = serve_until(config, lambda: False, limit=8)   # restarted: several more cycles
    assert process.returncode == 0
    assert (tmp_path / "alerts.jsonl").read_text().splitlines() == alerts


def test_demo_writes_digests_and_alerts(tmp_path):
    result = run_newsmon("demo", "--out", tmp_path / "demo-out")
    assert result.returncode == 0, result.stderr
    digests = sorted((tmp_path / "demo-out" / "digests").glob("digest-*.html"))
    assert len(digests) >= 3 and str(digests[0]) in result.stdout
    alerts = [json.loads(line) for line in (tmp_path / "demo-out" / "alerts.jsonl").read_text().splitlines()]
    assert len(alerts) == 7 and all(alert["alert"] == "chip-or-regulatory" for alert in alerts)
