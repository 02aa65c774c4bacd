"""`newsmon extract`: one saved page through extraction and enrichment, nothing stored."""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from newsmon.errors import NewsmonError
from pipeline.extract import article_from_text, extract_article
from pipeline.records import RawPage, iso_utc


def extract_file(settings, file: str, url: str | None) -> dict:
    from extractors.enrich import Enricher

    try:
        body = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as error:
        raise NewsmonError(f"{file}: cannot read: {error.strerror}") from None
    fetched_at = iso_utc(datetime.now(timezone.utc))
    if file.endswith(".txt"):
        article = article_from_text(body.decode("utf-8", errors="replace"), url, fetched_at)
    else:
        page = RawPage(url=url or "", final_url=url or "", source="", status=200, headers={}, body=body,
                       fetched_at=fetched_at)
        article = extract_article(page)
        if article is None:
            raise NewsmonError(f"{file}: no article text found in the page")
        if not url:
            article.url = ""
    enriched = Enricher(settings).enrich([article])[0]
    enriched.story_id = enriched.id
    return enriched.to_record()
