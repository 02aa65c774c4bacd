"""Articles per second of the full enrichment against spaCy NER alone, on the same texts.

The texts are ~200 English articles of ~675 words, built from the labelled dev set and the demo
site's article pages (paragraphs repeated until long enough). (a) is the English model with every
component but `ner` excluded, `nlp.pipe` with `n_process`; (b) is `Enricher.enrich` with
`extraction.processes` set to the same number. The ratio b/a is what the speed target is read from.
Figures only, no assertions: machines differ.

Run: .venv/bin/python -m bench.enrich_speed [--processes N] [--articles 200] [--words 675]"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
DEMO_SITE = ROOT / "newsmon" / "demo_site"


def source_paragraphs() -> list[list[str]]:
    """Paragraph lists of every English dev item and every demo-site article page."""
    from bench.extraction_scores import load_items
    from pipeline.extract import extract_article
    from pipeline.records import RawPage

    articles = [[paragraph for paragraph in item["text"].split("\n") if paragraph.strip()]
                for item in load_items() if item.get("language", "en") == "en"]
    for path in sorted(DEMO_SITE.rglob("*.html")):
        page = RawPage(url=f"http://demo.example/{path.name}", final_url=f"http://demo.example/{path.name}",
                       source="bench", status=200, headers={"Content-Type": "text/html; charset=utf-8"},
                       body=path.read_bytes(), fetched_at="2026-11-28T00:00:00Z")
        article = extract_article(page)
        if article is not None and article.language == "en":
            articles.append([paragraph for paragraph in article.text.split("\n") if paragraph.strip()])
    return articles


def build_texts(count: int, words: int) -> list[tuple[str, str]]:
    """(title, body) pairs: each body cycles through one source's paragraphs until `words` long."""
    sources = [paragraphs for paragraphs in source_paragraphs() if paragraphs]
    texts = []
    for index in range(count):
        paragraphs = sources[index % len(sources)]
        body, length = [], 0
        for paragraph in itertools.cycle(paragraphs):
            body.append(paragraph)
            length += len(paragraph.split())
            if length >= words:
                break
        texts.append((paragraphs[0][:80], "\n".join(body)))
    return texts


def time_ner(texts: list[str], processes: int, batch_size: int) -> float:
    from extractors.nlp import ENGLISH_MODEL

    names = spacy.util.get_model_meta(spacy.util.get_package_path(ENGLISH_MODEL))["pipeline"]
    nlp = spacy.load(ENGLISH_MODEL, exclude=[name for name in names if name != "ner"])
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        pass
    return time.perf_counter() - start


def time_enrich(pairs: list[tuple[str, str]], processes: int) -> float:
    from config.settings import Settings, Topic
    from extractors.enrich import Enricher
    from pipeline.extract import article_from_text

    settings = Settings(topics=[Topic(name="alibaba-ai", entities=["alibaba", "alibaba-cloud", "qwen", "t-head"],
                                      keywords=["Tongyi Qianwen", "Hanguang", "Yitian"])])
    settings.extraction.processes = processes
    enricher = Enricher(settings)
    articles = [article_from_text(f"{title}\n{body}", f"https://bench.example/{index}", "2026-11-28T00:00:00Z")
                for index, (title, body) in enumerate(pairs)]
    start = time.perf_counter()
    enricher.enrich(articles)
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=675)
    options = parser.parse_args(argv)
    pairs = build_texts(options.articles, options.words)
    words = sum(len(body.split()) for _, body in pairs) / len(pairs)
    print(f"{len(pairs)} articles, {words:.0f} words on average, {options.processes} process(es)")
    ner = time_ner([f"{title}\n\n{body}" for title, body in pairs], options.processes, batch_size=64)
    enrich = time_enrich(pairs, options.processes)
    print(f"(a) spaCy NER alone:   {len(pairs) / ner:7.1f} articles/s ({ner:.2f} s)")
    print(f"(b) full enrichment:   {len(pairs) / enrich:7.1f} articles/s ({enrich:.2f} s)")
    print(f"ratio b/a: {ner / enrich:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
