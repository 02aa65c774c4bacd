"""`newsmon extract`: one saved page through extraction and enrichment, nothing stored."""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from newsmon.errors import NewsmonError
from pipeline.extract import article_from_text, extract_article
from pipeline.records import RawPage, iso_utc


def extract_file(settings, file: str, url: str | None, enricher=None) -> dict:
    """The record of one saved page; `enricher` (an Enricher of `settings`) is reused when given."""
    try:
        body = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as error:
        raise NewsmonError(f"{file}: cannot read: {error.strerror}") from None
    return extract_bytes(settings, body, url, text=file.endswith(".txt"), enricher=enricher, name=file)


def extract_bytes(settings, body: bytes, url: str | None, text: bool = False, enricher=None, name: str = "page") -> dict:
    fetched_at = iso_utc(datetime.now(timezone.utc))
    if text:
        article = article_from_text(body.decode("utf-8", errors="replace"), url, fetched_at)
    else:
        page = RawPage(url=url or "", final_url=url or "", source="", status=200, headers={}, body=body,
                       fetched_at=fetched_at)
        article = extract_article(page)
        if article is None:
            raise NewsmonError(f"{name}: no article text found in the page")
        if not url:
            article.url = ""
    if enricher is None:
        from extractors.enrich import Enricher

        enricher = Enricher(settings)
    enriched = enricher.enrich([article])[0]
    enriched.story_id = enriched.id
    return enriched.to_record()
