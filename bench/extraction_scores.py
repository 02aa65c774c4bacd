"""Precision, recall and F1 of every extractor field on the labelled development set
(tests/data/dev/*.yaml): money, percent, counts, performance, claims, quotes (speaker, and stance
accuracy on matched quotes), categories (micro), relevance.

Run: .venv/bin/python -m bench.extraction_scores [--split tune|check|all] [--show-errors FIELD]

Rules are tuned on the `tune` split (dev-001..dev-060); `check` (dev-061..dev-090) is kept back
to see whether a change generalises, so report both."""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

DEV_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev"
SPLITS = {"tune": range(1, 61), "check": range(61, 91), "all": range(1, 91)}
FIELDS = ("money", "percent", "counts", "performance", "claims", "quote_speakers", "categories", "relevance")


def load_items(directory: Path = DEV_DIR, split: str = "all") -> list[dict]:
    wanted = {f"dev-{number:03d}" for number in SPLITS[split]}
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("dev-*.yaml"))
            if path.stem in wanted]


def _number(value) -> float | None:
    return None if value is None else round(float(value), 2)


def _norm(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower()


def figure_keys(figures: list[dict], kind: str) -> Counter:
    if kind == "money":
        return Counter((_norm(figure["text"]), _number(figure["value"]), figure.get("currency")) for figure in figures)
    return Counter((_norm(figure["text"]), _number(figure["value"])) for figure in figures)


def claim_keys(claims: list[dict]) -> Counter:
    keys = Counter()
    for claim in claims:
        if claim["kind"] == "benchmark":
            keys[("benchmark", claim.get("subject"), _norm(claim.get("benchmark")), _number(claim.get("score")))] += 1
        else:
            keys[("comparison", claim.get("subject"), _norm(claim.get("comparator")))] += 1
    return keys


def speaker_key(name: str) -> str:
    """Surname, lower-case: 'Jane Liu' and 'Liu' are one speaker."""
    words = _norm(name).split()
    return words[-1] if words else ""


class Tally:
    def __init__(self):
        self.counts = {field: Counter() for field in FIELDS}
        self.errors: dict[str, list] = {field: [] for field in FIELDS + ("stance",)}
        self.stance = Counter()

    def add(self, field: str, item_id: str, gold: Counter, found: Counter) -> None:
        true_positive = sum((gold & found).values())
        self.counts[field].update(tp=true_positive, fp=sum(found.values()) - true_positive,
                                  fn=sum(gold.values()) - true_positive)
        if gold != found:
            self.errors[field].append((item_id, sorted((gold - found).elements(), key=str),
                                       sorted((found - gold).elements(), key=str)))

    def scores(self, field: str) -> tuple[float, float, float]:
        count = self.counts[field]
        precision = count["tp"] / (count["tp"] + count["fp"]) if count["tp"] + count["fp"] else 1.0
        recall = count["tp"] / (count["tp"] + count["fn"]) if count["tp"] + count["fn"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score(records_by_id: dict[str, dict], items: list[dict]) -> Tally:
    tally = Tally()
    for item in items:
        labels, record = item["labels"], records_by_id[item["id"]]
        figures = record["figures"]
        for field, kind in (("money", "money"), ("percent", "percent"), ("counts", "count"), ("performance", "performance")):
            tally.add(field, item["id"], figure_keys(labels.get(field) or [], kind),
                      figure_keys([figure for figure in figures if figure["kind"] == kind], kind))
        tally.add("claims", item["id"], claim_keys(labels.get("claims") or []), claim_keys(record["claims"]))
        gold_quotes = labels.get("quotes") or []
        gold_speakers = Counter(speaker_key(quote["speaker"]) for quote in gold_quotes)
        found_speakers = Counter(speaker_key(quote["speaker"]) for quote in record["quotes"])
        tally.add("quote_speakers", item["id"], gold_speakers, found_speakers)
        remaining = list(record["quotes"])
        for quote in gold_quotes:
            match = next((found for found in remaining if speaker_key(found["speaker"]) == speaker_key(quote["speaker"])), None)
            if match:
                remaining.remove(match)
                tally.stance["matched"] += 1
                tally.stance["right"] += match["stance"] == quote["stance"]
                if match["stance"] != quote["stance"]:
                    tally.errors["stance"].append((f"{item['id']} {quote['speaker']}",
                                                   quote["stance"], match["stance"]))
        tally.add("categories", item["id"], Counter(labels.get("categories") or []), Counter(record["categories"]))
        tally.add("relevance", item["id"], Counter(["relevant"] if labels["relevant"] else []),
                  Counter(["relevant"] if record["relevant"] else []))
    return tally


def enrich_items(items: list[dict]) -> dict[str, dict]:
    from config.settings import Settings, Topic
    from extractors.enrich import Enricher
    from pipeline.extract import article_from_text

    topics = [Topic(name="alibaba-ai", entities=["alibaba", "alibaba-cloud", "qwen", "t-head"],
                    keywords=["Tongyi Qianwen", "Hanguang", "Yitian", "通义千问", "平头哥"])]
    enricher = Enricher(Settings(topics=topics))
    articles = []
    for item in items:
        article = article_from_text(f"{item['title']}\n{item['text']}", f"https://dev.example/{item['id']}",
                                    "2026-11-28T00:00:00Z")
        article.language = item.get("language", article.language)
        articles.append(article)
    return {item["id"]: record.to_record() for item, record in zip(items, enricher.enrich(articles))}


def report(tally: Tally) -> str:
    lines = [f"{'field':16} {'precision':>9} {'recall':>7} {'F1':>6}   (tp/fp/fn)"]
    for field in FIELDS:
        precision, recall, f1 = tally.scores(field)
        count = tally.counts[field]
        lines.append(f"{field:16} {precision:9.3f} {recall:7.3f} {f1:6.3f}   ({count['tp']}/{count['fp']}/{count['fn']})")
    matched = tally.stance["matched"]
    lines.append(f"stance accuracy on {matched} matched quotes: {tally.stance['right'] / matched if matched else 0:.3f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("--show-errors", choices=FIELDS + ("stance",))
    options = parser.parse_args(argv)
    items = load_items(split=options.split)
    tally = score(enrich_items(items), items)
    print(f"{len(items)} labelled items ({options.split}) in {DEV_DIR}")
    print(report(tally))
    if options.show_errors:
        print_errors(tally, options.show_errors)
    return 0


def print_errors(tally: Tally, field: str) -> None:
    """Missed and extra values per item; for stance, the label and the answer per quote."""
    for item_id, missed, extra in tally.errors[field]:
        if field == "stance":
            print(f"{item_id}: labelled {missed}, found {extra}")
        else:
            print(f"{item_id}: missed {missed} extra {extra}")


if __name__ == "__main__":
    sys.exit(main())
