"""Extraction quality on labelled saved web pages (tests/data/pages): title and publication-date
accuracy, body-text token F1, and every enrichment field scored as in bench/extraction_scores.py.

Each page goes through what `newsmon extract --url URL --json FILE` runs: the HTML is read as a
fetched page (charset, boilerplate removal, metadata), then enriched. By default one Enricher is
shared in this process (the same code as the command, minus loading spaCy per page); `--cli` runs
the real command once per page instead.

- title: right when equal to the label after whitespace and quote marks are normalised.
- published_at: right when the same instant (to the minute) as the label; a label that is a date
  only ("2026-03-04", the page gives no time) is right when the extracted day is within a day of
  it (the page's zone is unknown).
- body: tokens (words; each CJK character is one) of the extracted text against the labelled body,
  as multisets: precision, recall and F1 per page, averaged over pages; and micro over all tokens.

Splits say how each part was used (tests/data/pages/README.md): page-001..026 (`look`) were
tuned on from the start; page-027..040 (`kept`), page-041..060 (`fresh`), page-061..075 (`final`) and
page-076..085 (`last`) were each scored once before their errors were read.

Run: .venv/bin/python -m bench.page_scores [--split all|look|kept|fresh|final|last|fourth|fifth|sixth|seventh|later] [--cli] [--show-errors FIELD]"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

from bench.extraction_scores import FIELDS, print_errors, report, score

ROOT = Path(__file__).resolve().parents[1]
PAGES_DIR = ROOT / "tests" / "data" / "pages"
SPLITS = {"all": range(1, 1000), "look": range(1, 27), "kept": range(27, 41), "fresh": range(41, 61),
          "final": range(61, 76), "last": range(76, 86), "fourth": range(86, 94), "fifth": range(94, 102),
          "sixth": range(102, 108), "seventh": range(108, 114), "eighth": range(114, 120), "ninth": range(120, 126),
          "tenth": range(126, 132), "eleventh": range(132, 138), "twelfth": range(138, 148), "thirteenth": range(148, 154),
          "fourteenth": range(154, 160), "fifteenth": range(160, 166), "sixteenth": range(166, 178),
          "seventeenth": range(178, 190), "eighteenth": range(190, 202),
          "nineteenth": range(202, 220), "twentieth": range(220, 232),
          "twenty-first": range(232, 244), "twenty-second": range(244, 268),
          "twenty-third": range(268, 292), "twenty-fourth": range(292, 304),
          "twenty-fifth": range(304, 328), "twenty-sixth": range(328, 352),
          "twenty-seventh": range(352, 376), "twenty-eighth": range(376, 400),
          "twenty-ninth": range(400, 424),
          "thirtieth": range(424, 448), "thirty-first": range(448, 472),
          "thirty-second": range(472, 496), "thirty-third": range(496, 520),
          "thirty-fourth": range(520, 544), "thirty-fifth": range(544, 568), "thirty-sixth": range(568, 592),
          "thirty-seventh": range(592, 616), "thirty-eighth": range(616, 640),
          "thirty-ninth": range(640, 664), "later": range(664, 1000)}
CONFIG = ROOT / "config" / "newsmon.yaml"
TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_\u3400-\u9fff\uf900-\ufaff]+")
QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


def load_pages(directory: Path = PAGES_DIR, split: str = "all") -> list[dict]:
    pages = []
    for path in sorted(directory.glob("page-*.yaml")):
        if int(path.stem.split("-")[1]) not in SPLITS[split]:
            continue
        label = yaml.safe_load(path.read_text(encoding="utf-8"))
        label["html_path"] = path.with_suffix(".html")
        pages.append(label)
    return pages


def extract_in_process(pages: list[dict]) -> dict[str, dict]:
    from config.settings import load_settings
    from extractors.enrich import Enricher
    from newsmon.single import extract_file

    from newsmon.errors import NewsmonError

    settings = load_settings(CONFIG).settings
    enricher = Enricher(settings)
    records = {}
    for page in pages:
        try:
            records[page["id"]] = extract_file(settings, str(page["html_path"]), page["url"], enricher)
        except NewsmonError as error:   # scored as a page with nothing extracted
            print(f"{page['id']}: {error}", file=sys.stderr)
            records[page["id"]] = {}
    return records


def extract_with_cli(pages: list[dict]) -> dict[str, dict]:
    """`newsmon extract --url URL --json FILE` per page, two at a time."""
    def run(page: dict) -> tuple[str, dict]:
        result = subprocess.run([sys.executable, "-m", "newsmon", "--config", str(CONFIG), "extract", "--url",
                                 page["url"], "--json", str(page["html_path"])], capture_output=True, text=True, cwd=ROOT)
        if result.returncode != 0:
            print(f"{page['id']}: extract failed: {result.stderr.strip()}", file=sys.stderr)
            return page["id"], {}
        return page["id"], json.loads(result.stdout)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, pages))


def normalise_title(title: str | None) -> str:
    return " ".join((title or "").translate(QUOTE_MARKS).split())


def date_right(found: str | None, label) -> bool:
    if not found:
        return False
    instant = datetime.fromisoformat(found.replace("Z", "+00:00"))
    if isinstance(label, date) and not isinstance(label, datetime):
        return abs(instant.date() - label) <= timedelta(days=1)
    text = str(label)
    if len(text) == 10:
        return abs(instant.date() - date.fromisoformat(text)) <= timedelta(days=1)
    expected = datetime.fromisoformat(text.replace("Z", "+00:00")) if isinstance(label, str) else label
    return abs(instant - expected) < timedelta(minutes=1)


def tokens(text: str | None) -> Counter:
    return Counter(token.lower() for token in TOKEN.findall(text or ""))


def body_scores(found: str | None, gold: str) -> tuple[float, float, float, Counter]:
    found_tokens, gold_tokens = tokens(found), tokens(gold)
    overlap = sum((found_tokens & gold_tokens).values())
    precision = overlap / sum(found_tokens.values()) if found_tokens else 0.0
    recall = overlap / sum(gold_tokens.values()) if gold_tokens else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, Counter(tp=overlap, found=sum(found_tokens.values()), gold=sum(gold_tokens.values()))


def page_report(pages: list[dict], records: dict[str, dict], show: str | None = None) -> str:
    titles = dates = 0
    per_page, totals, errors = [], Counter(), []
    for page in pages:
        record = records.get(page["id"]) or {}
        title_ok = normalise_title(record.get("title")) == normalise_title(page["title"])
        date_ok = date_right(record.get("published_at"), page["published_at"])
        titles += title_ok
        dates += date_ok
        precision, recall, f1, counts = body_scores(record.get("text"), page["text"])
        per_page.append((precision, recall, f1))
        totals.update(counts)
        if show == "title" and not title_ok:
            errors.append(f"{page['id']}: title {record.get('title')!r}, labelled {page['title']!r}")
        if show == "date" and not date_ok:
            errors.append(f"{page['id']}: published_at {record.get('published_at')}, labelled {page['published_at']}")
        if show == "body" and f1 < 0.95:
            errors.append(f"{page['id']}: body precision {precision:.3f} recall {recall:.3f} ({page.get('template')})")
    count = len(pages)
    mean = [sum(values[index] for values in per_page) / count for index in range(3)]
    micro_precision, micro_recall = totals["tp"] / max(1, totals["found"]), totals["tp"] / max(1, totals["gold"])
    lines = [f"title accuracy            {titles / count:.3f}   ({titles}/{count})",
             f"published_at accuracy     {dates / count:.3f}   ({dates}/{count})",
             f"body tokens, page mean    precision {mean[0]:.3f} recall {mean[1]:.3f} F1 {mean[2]:.3f}",
             f"body tokens, micro        precision {micro_precision:.3f} recall {micro_recall:.3f} "
             f"F1 {2 * micro_precision * micro_recall / max(1e-9, micro_precision + micro_recall):.3f}"]
    return "\n".join(lines + errors)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("--cli", action="store_true", help="run `newsmon extract` once per page")
    parser.add_argument("--show-errors", choices=("title", "date", "body", "stance") + FIELDS)
    options = parser.parse_args(argv)
    pages = load_pages(split=options.split)
    records = (extract_with_cli if options.cli else extract_in_process)(pages)
    print(f"{len(pages)} labelled pages ({options.split}) in {PAGES_DIR} "
          f"({'newsmon extract per page' if options.cli else 'in process'})")
    print(page_report(pages, records, options.show_errors))
    scored = [page for page in pages if records.get(page["id"])]
    tally = score({page["id"]: records[page["id"]] for page in scored}, scored)
    print(report(tally))
    if options.show_errors in FIELDS + ("stance",):
        print_errors(tally, options.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
