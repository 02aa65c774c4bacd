"""What every source spider shares: the entry request, following article links once, RawPage items.

A subclass sets `name` and implements `parse_entry(response)`, yielding article links through
`follow_article` and further entry pages (next listing page, child sitemap) through `entry_request`."""
from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import (CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
                               DownloadTimeoutError, IgnoreRequest, ResponseDataLossError)
from scrapy.spidermiddlewares.httperror import HttpError

from pipeline.records import PageHints, RawPage, iso_utc
from pipeline.urls import canonical_url
from store.sqlite import Store


def describe_failure(failure) -> str:
    """One readable reason for a failed request."""
    error = failure.value
    if failure.check(HttpError):
        return f"HTTP {error.response.status}"
    for kind, reason in KNOWN_FAILURES.items():
        if failure.check(kind):
            return f"{reason} ({error})" if kind is IgnoreRequest else reason
    text = str(error).strip() or type(error).__name__
    return f"{type(error).__name__}: {text}"[:300]


RECORD_CONTENT_TYPE = "application/x-newsmon-record+json"
# A claim older than this is taken over even if its process id is alive again (ids are reused).
CLAIM_LEASE = timedelta(hours=1)
OPAQUE_REDIRECT_HOSTS = {"news.google.com"}

KNOWN_FAILURES = {
    CannotResolveHostError: "DNS lookup failed",
    DownloadConnectionRefusedError: "connection refused",
    DownloadTimeoutError: "timed out",
    DownloadCancelledError: "download cancelled (larger than the size cap?)",
    ResponseDataLossError: "connection closed before the whole response arrived",
    IgnoreRequest: "not fetched",
}


class SourceSpider(scrapy.Spider):
    custom_settings: dict = {}

    def __init__(self, source, store_path: str, claimed: set[str] | None = None, since: str | None = None, **kwargs):
        super().__init__(name=source.name, **kwargs)
        self.source = source
        self.since = since            # backfill: page back to this date (ISO); None on ordinary runs
        self.newest_item_at: str | None = None
        if source.user_agent:   # Scrapy's UserAgentMiddleware reads this attribute: the source's own identity
            self.user_agent = source.user_agent
        self.store = Store(store_path)
        self.followed: set[str] = set()
        self.validators: dict[str, tuple] = {}   # entry URL -> (ETag, Last-Modified), saved when all went well
        # Article URLs taken by any spider of this crawl: sources overlap (a feed and a sitemap of
        # one site), and a page is fetched once however many entry points list it.
        self.claimed = claimed if claimed is not None else set()
        # ... and across crawl processes (serve runs sources in parallel children): claims in the store.
        self.claim_owner = f"{os.getpid()}/{source.name}"
        self.entry_errors: list[str] = []

    async def start(self):
        yield self.entry_request(self.source.url)

    # entry points (feeds, sitemaps, listing pages) ----------------------------------------------

    def entry_request(self, url: str, **meta) -> scrapy.Request:
        """A conditional request: ETag / Last-Modified from the last successful parse. `handler=NAME`
        in meta parses the answer with that method instead of `parse_entry` (multi-step APIs)."""
        etag, last_modified = self.store.validators(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return scrapy.Request(url, callback=self._parse_entry, errback=self._entry_failed, headers=headers,
                              meta={"handle_httpstatus_list": [304], **meta}, dont_filter=True)

    def _parse_entry(self, response):
        self.crawler.stats.inc_value("entry/fetched")
        if response.status == 304:
            self.crawler.stats.inc_value("fetch/not_modified")
            return
        try:
            yield from getattr(self, response.meta.get("handler", "parse_entry"))(response)
        except ValueError as error:   # a malformed entry point: counted, reported, the run goes on
            self.crawler.stats.inc_value("entry/malformed")
            self.entry_errors.append(f"{response.url}: {error}")
            self.logger.warning("malformed entry point %s: %s", response.url, error)
            return
        self.validators[response.url] = (_header(response, b"ETag"), _header(response, b"Last-Modified"))

    def _entry_failed(self, failure):
        url = failure.request.url
        reason = describe_failure(failure)
        self.crawler.stats.inc_value("entry/failed")
        self.entry_errors.append(f"{url}: {reason}")
        self.logger.info("entry point %s failed: %s", url, reason)

    def parse_entry(self, response):
        raise NotImplementedError

    # articles ---------------------------------------------------------------------------------

    def _take(self, url: str, hints: PageHints) -> bool:
        """Whether this article link is new: not seen in this run or any earlier one, within max_items
        (a backfill is bounded by its date instead)."""
        if hints.published_at and (self.newest_item_at is None or hints.published_at > self.newest_item_at):
            self.newest_item_at = hints.published_at
        canonical = canonical_url(url)
        if canonical in self.followed:
            return False
        self.followed.add(canonical)
        if self.since is None and len(self.followed) > self.source.max_items:
            self.crawler.stats.inc_value("article/over_max_items")
            return False
        if canonical in self.claimed:
            self.crawler.stats.inc_value("article/already_seen")
            return False
        # Claim before looking at seen_urls: a crawl that released its claim has stored what it fetched.
        if not self.store.claim_url(canonical, self.claim_owner, _claim_is_stale):
            self.crawler.stats.inc_value("article/claimed_elsewhere")
            return False
        self.claimed.add(canonical)
        if self.store.is_seen(canonical) or self.store.is_seen(url):
            self.crawler.stats.inc_value("article/already_seen")
            return False
        return True

    def follow_article(self, url: str, hints: PageHints):
        """Request an article page unless it was fetched before."""
        if self._take(url, hints):
            # dont_filter: `_take` already deduplicates; Scrapy's filter would silently drop a redirect loop.
            yield scrapy.Request(url, callback=self._parse_article, errback=self._article_failed,
                                 cb_kwargs={"hints": hints}, dont_filter=True)

    def record_article(self, url: str, hints: PageHints, record: dict):
        """An item that is itself the news (a model on a hub): stored as a record page, nothing fetched."""
        if self._take(url, hints):
            self.crawler.stats.inc_value("article/fetched")
            body = json.dumps({**record, "title": hints.title, "url": url, "published_at": hints.published_at},
                              ensure_ascii=False, default=str).encode("utf-8")
            yield RawPage(url=url, final_url=url, source=self.source.name, status=200,
                          headers={"Content-Type": RECORD_CONTENT_TYPE}, body=body,
                          fetched_at=iso_utc(datetime.now(timezone.utc)), hints=hints)

    def older_than_since(self, published_at: str | None) -> bool:
        return bool(self.since and published_at and published_at[:10] < self.since[:10])

    def _parse_article(self, response, hints: PageHints):
        if urlsplit(response.url).netloc in OPAQUE_REDIRECT_HOSTS:
            # A Google News link that did not lead to the publisher: never stored under Google's URL.
            self.crawler.stats.inc_value("article/unresolved_redirect")
            return
        self.crawler.stats.inc_value("article/fetched")
        headers = {key.decode("latin-1"): b", ".join(values).decode("latin-1")
                   for key, values in response.headers.items()}
        yield RawPage(url=response.request.meta.get("redirect_urls", [response.url])[0], final_url=response.url,
                      source=self.source.name, status=response.status, headers=headers, body=response.body,
                      fetched_at=iso_utc(datetime.now(timezone.utc)), hints=hints)

    def _article_failed(self, failure):
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):   # a rule obeyed, not a failure
            self.crawler.stats.inc_value("article/not_fetched")
            self.logger.info("article %s not fetched: %s", failure.request.url, failure.value)
            return
        self.crawler.stats.inc_value("article/failed")
        self.logger.warning("article %s failed: %s", failure.request.url, describe_failure(failure))

    def closed(self, reason):
        # Remember the entry points' validators only when every article they listed was fetched: after a
        # kill or a failed page, the next run must read the entry point again to find what is missing.
        if reason == "finished" and not self.crawler.stats.get_value("article/failed"):
            for url, (etag, last_modified) in self.validators.items():
                self.store.save_validators(url, etag, last_modified)
        self.store.release_claims(self.claim_owner)
        self.store.close()


def _claim_is_stale(owner: str, claimed_at: str) -> bool:
    """A claim whose crawl process is gone (killed) or that is older than the lease."""
    if claimed_at < iso_utc(datetime.now(timezone.utc) - CLAIM_LEASE):
        return True
    try:
        pid = int(owner.split("/", 1)[0])
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (ValueError, PermissionError):
        return False
    return _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed crawl child whose parent died too stays a zombie until something reaps it (in a
    container, maybe never): it still answers os.kill(pid, 0) but will never finish its crawl."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] in ("Z", "X")
    except OSError:   # no /proc (not Linux), or the process just went away
        return not os.path.exists(f"/proc/{pid}") and os.path.isdir("/proc")


def _header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
