"""The records every stage hands to the next: RawPage -> Article -> EnrichedArticle.

One module, imported everywhere, so the shape of the data is read in one place. The JSON form of
`EnrichedArticle` is the article record of SPEC.md (`to_record`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone


def iso_utc(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a trailing Z, the only time format of the record."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass
class PageHints:
    """What the entry point (feed item, sitemap entry, listing link) said about a page.

    Feed and sitemap dates are more trustworthy than dates guessed from the page itself."""

    title: str | None = None
    published_at: str | None = None
    authors: list[str] = field(default_factory=list)
    summary: str | None = None
    outlet: str | None = None


@dataclass
class RawPage:
    """A fetched page exactly as it arrived, stored before anything else happens."""

    url: str                  # the URL as requested (entry point link)
    final_url: str            # after redirects
    source: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str
    hints: PageHints = field(default_factory=PageHints)
    id: int | None = None     # the store's row id once saved


@dataclass
class Article:
    """Main text and metadata pulled out of a raw page; not yet enriched."""

    id: str
    url: str
    source: str
    title: str
    published_at: str | None
    fetched_at: str
    language: str
    authors: list[str]
    text: str
    outlet: str | None = None
    raw_page_id: int | None = None
    content_hash: str = ""
    story_id: str = ""
    duplicate_of: str | None = None


@dataclass
class EnrichedArticle(Article):
    """An article with everything the extractors found: the SPEC's article record."""

    relevant: bool = False
    topics: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    category_evidence: dict[str, str] = field(default_factory=dict)
    entities: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)

    RECORD_FIELDS = (
        "id", "url", "source", "title", "published_at", "fetched_at", "language", "authors", "text",
        "relevant", "topics", "categories", "entities", "figures", "claims", "quotes", "story_id",
        "duplicate_of", "outlet", "category_evidence",
    )

    def to_record(self) -> dict:
        """The SPEC article record, with our additions (outlet, category_evidence) last."""
        data = asdict(self)
        return {name: data[name] for name in self.RECORD_FIELDS}

    @classmethod
    def from_record(cls, record: dict) -> "EnrichedArticle":
        known = {name: record[name] for name in cls.__dataclass_fields__ if name in record}
        return cls(**known)
