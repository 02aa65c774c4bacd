"""Listing pages: article links chosen by a CSS selector, pagination followed up to max_pages."""
from __future__ import annotations

import re

from crawlers.spiders.base import SourceSpider
from pipeline.records import PageHints


class ListingSpider(SourceSpider):
    def parse_entry(self, response):
        if not hasattr(response, "css"):
            raise ValueError(f"not an HTML page ({response.headers.get('Content-Type', b'').decode('latin-1')})")
        links = response.css(self.source.link_selector) if self.source.link_selector else []
        if self.source.link_pattern:
            # Lists kept as JSON inside a <script> (as MIIT's pages do): URLs found in the raw text.
            for match in re.finditer(self.source.link_pattern, response.text):
                yield from self.follow_article(response.urljoin(match.group(1).replace("\\/", "/")), PageHints())
        elif not links:
            self.crawler.stats.inc_value("entry/listing_without_links")
        for link in links:
            # The selector may pick the link itself or its container (an <h2>, an <article>).
            href = link.attrib.get("href") or link.css("a[href]::attr(href)").get()
            if href:
                title = " ".join(" ".join(link.css("::text").getall()).split()) or None
                yield from self.follow_article(response.urljoin(href), PageHints(title=title))
        page = response.meta.get("listing_page", 1)
        next_href = response.css(self.source.next_selector).xpath("@href").get()
        if next_href and page < self.source.max_pages:
            yield self.entry_request(response.urljoin(next_href), listing_page=page + 1)
