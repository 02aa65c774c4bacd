"""Sources that answer JSON: SEC EDGAR submissions, the Federal Register documents API, and any JSON
listing (a blog's article API, Hugging Face's model list). Each follows its items to the documents,
or (json_api with follow_links false) stores the item itself. Paging back in time happens only in a
backfill (`since`), which stops at the first page older than that date."""
from __future__ import annotations

import json
from urllib.parse import urljoin

from crawlers.spiders.base import SourceSpider
from pipeline.dates import normalise_date
from pipeline.records import PageHints


def load_json(response) -> object:
    try:
        return json.loads(response.text)
    except ValueError as error:
        raise ValueError(f"not valid JSON ({error})") from None


def dig(data, path: str | None):
    """The value at a dotted path ("data.list"); None when any step is missing."""
    for step in (path or "").split(".") if path else []:
        if not isinstance(data, dict):
            return None
        data = data.get(step)
    return data


class EdgarSpider(SourceSpider):
    """data.sec.gov/submissions/CIK##########.json: `filings.recent` holds one array per column."""

    def parse_entry(self, response):
        data = load_json(response)
        if not isinstance(data, dict):
            raise ValueError("not an EDGAR submissions document")
        columns = dig(data, "filings.recent") if "filings" in data else data
        cik = int(data.get("cik") or response.meta.get("cik") or 0)
        if not isinstance(columns, dict) or "accessionNumber" not in columns or not cik:
            raise ValueError("no filings.recent column arrays (accessionNumber, form, primaryDocument)")
        rows = [dict(zip(columns, values)) for values in zip(*columns.values())]
        oldest = None
        for row in rows:
            published = normalise_date(row.get("acceptanceDateTime")) or normalise_date(row.get("filingDate"))
            oldest = min(filter(None, [oldest, published]), default=None)
            if row.get("form") not in self.source.forms or not row.get("primaryDocument") or self.older_than_since(published):
                continue
            url = (f"{self.source.archive_url.rstrip('/')}/Archives/edgar/data/{cik}/"
                   f"{row['accessionNumber'].replace('-', '')}/{row['primaryDocument']}")
            hints = PageHints(title=row.get("primaryDocDescription") or None, published_at=published,
                              outlet="SEC EDGAR")
            yield from self.follow_article(url, hints)
        if self.since:
            for page in dig(data, "filings.files") or []:
                if (page.get("filingTo") or "9999") >= self.since[:10]:
                    yield self.entry_request(urljoin(response.url, page["name"]), cik=cik)


class FederalRegisterSpider(SourceSpider):
    """federalregister.gov/api/v1/documents.json: `results` with html_url, pages by `next_page_url`."""

    def parse_entry(self, response):
        data = load_json(response)
        if not isinstance(data, dict) or not isinstance(data.get("results", []), list):
            raise ValueError("not a Federal Register documents answer (no results list)")
        oldest = None
        for document in data.get("results", []):
            published = normalise_date(document.get("publication_date"))
            oldest = min(filter(None, [oldest, published]), default=oldest)
            if not document.get("html_url") or self.older_than_since(published):
                continue
            agencies = ", ".join(agency.get("name", "") for agency in document.get("agencies", []) if agency.get("name"))
            hints = PageHints(title=document.get("title"), published_at=published, summary=document.get("abstract"),
                              outlet=agencies or "Federal Register")
            yield from self.follow_article(document["html_url"], hints)
        if self.since and data.get("next_page_url") and not self.older_than_since(oldest):
            yield self.entry_request(data["next_page_url"])


class JsonApiSpider(SourceSpider):
    """A JSON list of items, with the field names set in configuration."""

    def parse_entry(self, response):
        data = load_json(response)
        items = dig(data, self.source.items_path) if self.source.items_path else data
        if not isinstance(items, list):
            raise ValueError(f"no list at {self.source.items_path or 'the top level'}")
        oldest = None
        for item in items:
            if not isinstance(item, dict):
                continue
            hints = self._hints(item)
            oldest = min(filter(None, [oldest, hints.published_at]), default=oldest)
            url = dig(item, self.source.url_field) if self.source.url_field else None
            if not url and self.source.url_template:
                try:
                    url = self.source.url_template.format(**item)
                except (KeyError, IndexError):
                    url = None
            if not url or not hints.title or self.older_than_since(hints.published_at):
                self.crawler.stats.inc_value("entry/item_skipped")
                continue
            url = urljoin(response.url, str(url))
            if self.source.follow_links:
                yield from self.follow_article(url, hints)
            else:
                yield from self.record_article(url, hints, item)
        next_url = dig(data, self.source.next_field) if self.source.next_field else _link_next(response)
        if self.since and next_url and not self.older_than_since(oldest):
            yield self.entry_request(urljoin(response.url, next_url))

    def _hints(self, item: dict) -> PageHints:
        source = self.source
        title = dig(item, source.title_field)
        summary = dig(item, source.summary_field) if source.summary_field else None
        return PageHints(title=str(title) if title else None,
                         published_at=normalise_date(dig(item, source.date_field)) if source.date_field else None,
                         summary=str(summary) if summary else None)


def _link_next(response) -> str | None:
    """The rel="next" target of an HTTP Link header (Hugging Face, GitHub style paging)."""
    header = response.headers.get(b"Link")
    for part in (header.decode("latin-1").split(",") if header else []):
        if 'rel="next"' in part or "rel=next" in part:
            return part.split(";")[0].strip().strip("<>")
    return None
