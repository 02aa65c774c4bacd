"""RSS 2.0, Atom and RDF feeds: each item's link is an article to fetch.

feedparser reads all three dialects and recovers from much broken XML; it never resolves
external entities. A feed it cannot read at all is a counted, reported failure."""
from __future__ import annotations

import calendar
from datetime import datetime, timezone
from urllib.parse import urljoin

import feedparser

from crawlers.spiders.base import SourceSpider
from pipeline.records import PageHints, iso_utc


def _entry_time(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return iso_utc(datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc))


class FeedSpider(SourceSpider):
    def parse_entry(self, response):
        feed = feedparser.parse(response.body, response_headers={"content-location": response.url,
                                                                  "content-type": "application/xml"})
        if feed.bozo and not any(entry.get("link") for entry in feed.entries):
            raise ValueError(f"not a readable feed ({feed.bozo_exception})")
        if not feed.version and not feed.entries:
            raise ValueError("not a readable feed (no RSS, Atom or RDF document)")
        if feed.bozo:
            self.crawler.stats.inc_value("entry/malformed_recovered")
        entries = sorted(feed.entries, key=lambda entry: _entry_time(entry) or "", reverse=True)
        for entry in entries:
            link = entry.get("link") or (entry.get("id") if str(entry.get("id", "")).startswith("http") else None)
            if not link:
                self.crawler.stats.inc_value("entry/item_without_link")
                continue
            source = entry.get("source") or {}
            hints = PageHints(title=entry.get("title"), published_at=_entry_time(entry),
                              authors=[author["name"] for author in entry.get("authors", []) if author.get("name")],
                              summary=entry.get("summary"), outlet=source.get("title") or None)
            yield from self.follow_article(urljoin(response.url, link), hints)
