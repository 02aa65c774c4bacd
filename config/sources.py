"""The source kinds a configuration can declare: one model per `type`, each with its own keys."""
from __future__ import annotations

import re
from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from config.validation import Duration, Strict, Url, parse_duration


class SourceBase(Strict):
    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    url: Url
    every: Duration = "1h"
    enabled: bool = True
    max_items: int = Field(default=200, gt=0)   # article links followed per run, newest first
    max_age: Duration | None = None             # newest item older than this: the source is stale
    min_delay: float = Field(default=0.0, ge=0)  # seconds between requests to its site (rate limit)
    user_agent: str | None = None               # instead of crawl.user_agent (e.g. EDGAR's company + contact)

    @property
    def every_seconds(self) -> int:
        return parse_duration(self.every)


class FeedSource(SourceBase):
    type: Literal["feed"]


class SitemapSource(SourceBase):
    type: Literal["sitemap"]


class ListingSource(SourceBase):
    type: Literal["listing"]
    link_selector: str | None = None   # CSS selector of the article links (or their containers)
    # The pagination link, followed up to max_pages; the default covers the common markups.
    next_selector: str = "a[rel~=next], link[rel~=next], a.next, li.next a, .pagination .next a, a.next-page"
    max_pages: int = Field(default=5, gt=0)
    link_pattern: str | None = None   # a regex whose first group is an article URL, for lists kept in scripts

    @model_validator(mode="after")
    def _needs_a_way_to_find_links(self):
        if not self.link_selector and not self.link_pattern:
            raise ValueError("a listing source needs link_selector (or link_pattern)")
        if self.link_pattern:
            try:
                re.compile(self.link_pattern)
            except re.error as error:
                raise ValueError(f"link_pattern is not a valid regular expression: {error}") from None
        return self


class EdgarSource(SourceBase):
    """SEC EDGAR submissions JSON; each filing of the chosen forms is followed to its primary document."""

    type: Literal["edgar"]
    forms: list[str] = ["6-K", "20-F"]
    archive_url: Url = "https://www.sec.gov"     # where /Archives/edgar/data/... documents live
    min_delay: float = Field(default=0.1, ge=0.1)  # EDGAR allows 10 requests per second


class FederalRegisterSource(SourceBase):
    """The Federal Register documents API (documents.json with conditions[...] in the URL)."""

    type: Literal["federal_register"]


class JsonApiSource(SourceBase):
    """A JSON listing: where the items are and which fields hold title, URL and date."""

    type: Literal["json_api"]
    items_path: str = ""                 # dotted path to the list ("data.list"); "" = the document itself
    title_field: str = "title"
    url_field: str | None = "url"
    url_template: str | None = None      # when items hold no URL: "https://huggingface.co/{id}"
    date_field: str | None = None
    summary_field: str | None = None
    follow_links: bool = True            # False: the item itself is the news (a new model on a hub)
    next_field: str | None = None        # dotted path of the next page's URL (else a Link: rel=next header)


class HkexSource(SourceBase):
    """HKEXnews announcements of one listed company: stock-id look-up, then the title search."""

    type: Literal["hkex"]
    stock_code: str = "09988"
    lookback_days: int = Field(default=30, gt=0)


Source = Annotated[Union[FeedSource, SitemapSource, ListingSource, EdgarSource, FederalRegisterSource,
                         JsonApiSource, HkexSource], Field(discriminator="type")]
