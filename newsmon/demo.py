"""`newsmon demo`: the whole pipeline offline on the bundled demo news site.

Serves newsmon/demo_site on 127.0.0.1, writes a configuration pointing at it into the output
folder, runs one cycle, then builds a digest for every day that has relevant articles."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from config import DATA_DIR
from config.settings import load_settings
from newsmon.cycle import run_cycle
from newsmon.digests import make_digest
from newsmon.siteserver import StaticSite
from store.sqlite import Store

DEMO_SITE = Path(__file__).resolve().parent / "demo_site"
DEMO_CONFIG = DATA_DIR / "demo.yaml"
PLACEHOLDER_BASE = "http://127.0.0.1:8000"


def write_demo_config(base_url: str, out_dir: Path) -> Path:
    """The demo configuration with the live address and every output path inside `out_dir`."""
    import yaml

    data = yaml.safe_load(DEMO_CONFIG.read_text(encoding="utf-8"))
    for source in data["sources"]:
        source["url"] = source["url"].replace(PLACEHOLDER_BASE, base_url)
    data["storage"]["sqlite_path"] = str(out_dir / data["storage"]["sqlite_path"])
    data["channels"]["outbox"]["path"] = str(out_dir / data["channels"]["outbox"]["path"])
    data["digest"]["out_dir"] = str(out_dir / data["digest"]["out_dir"])
    path = out_dir / "demo.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def relevant_days(loaded) -> list[date]:
    from zoneinfo import ZoneInfo

    from pipeline.records import parse_iso

    zone = ZoneInfo(loaded.settings.digest.timezone)
    with Store(loaded.settings.storage.sqlite_path) as store:
        days = {parse_iso(record["published_at"] or record["fetched_at"]).astimezone(zone).date()
                for record in store.iter_records() if record["relevant"]}
    return sorted(days)


def run_demo(out_dir: Path) -> str:
    out_dir.mkdir(parents=True, exist_ok=True)
    with StaticSite(DEMO_SITE) as site:
        loaded = load_settings(write_demo_config(site.base_url, out_dir))
        report = run_cycle(loaded)
    lines = [f"demo site served at {site.base_url} ({len(site.requests)} requests)", report.summary(), ""]
    for day in relevant_days(loaded):
        run = make_digest(loaded, day)
        lines.append(f"digest {run.digest.day}: {len(run.digest.articles)} articles -> {run.digest.html_path}")
    lines.append(f"alerts: {loaded.settings.channels['outbox'].path}")
    lines.append(f"store: {loaded.settings.storage.sqlite_path} (try: newsmon --config {out_dir / 'demo.yaml'} "
                 f"search Qwen)")
    return "\n".join(lines)
