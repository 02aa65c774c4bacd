"""Sitemaps: a sitemap index (followed), a urlset, or a Google News sitemap with publication dates.

Scrapy's SitemapSpider hands only the direct children of <url> to its filters, so the news
extension (`news:publication_date`, `news:title`) is read here with lxml, entities never resolved."""
from __future__ import annotations

from urllib.parse import urljoin

from lxml import etree
from scrapy.utils.gz import gunzip

from crawlers.spiders.base import SourceSpider
from pipeline.dates import normalise_date
from pipeline.records import PageHints

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return None


class SitemapSpider(SourceSpider):
    def parse_entry(self, response):
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            root = etree.fromstring(body, PARSER)
        except etree.XMLSyntaxError as error:
            raise ValueError(f"not a readable sitemap ({error})") from None
        if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
            raise ValueError(f"not a sitemap (root element {_local(getattr(root, 'tag', None)) or 'missing'})")
        if _local(root.tag) == "sitemapindex":
            for element in root:
                location = _child_text(element, "loc")
                if location:
                    yield self.entry_request(urljoin(response.url, location))
            return
        entries = []
        for element in root:
            location = _child_text(element, "loc")
            if not location:
                continue
            news = element.find(f"{NEWS}news")
            published = news.findtext(f"{NEWS}publication_date") if news is not None else None
            title = news.findtext(f"{NEWS}title") if news is not None else None
            date = normalise_date(published) or normalise_date(_child_text(element, "lastmod"))
            entries.append((date or "", urljoin(response.url, location), PageHints(
                title=title.strip() if title else None, published_at=normalise_date(published))))
        for _, url, hints in sorted(entries, key=lambda entry: entry[0], reverse=True):
            yield from self.follow_article(url, hints)
