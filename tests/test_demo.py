"""`newsmon demo`: the whole pipeline offline on the bundled site."""
from __future__ import annotations

import json

from conftest import run_newsmon


def test_demo_writes_digests_and_alerts(tmp_path):
    result = run_newsmon("demo", "--out", tmp_path / "demo-out")
    assert result.returncode == 0, result.stderr
    digests = sorted((tmp_path / "demo-out" / "digests").glob("digest-*.html"))
    assert len(digests) >= 3 and str(digests[0]) in result.stdout
    alerts = [json.loads(line) for line in (tmp_path / "demo-out" / "alerts.jsonl").read_text().splitlines()]
    assert len(alerts) == 7 and all(alert["alert"] == "chip-or-regulatory" for alert in alerts)
