"""The daily digest: the relevant articles published on one day in the digest's time zone.

The day is cut on the store's `day_time` index (published time, else fetch time), so building a
digest costs what the day holds, not the archive. Copies of one story are listed together."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from config.settings import CATEGORIES, Settings
from pipeline.records import EnrichedArticle, iso_utc, parse_iso
from reports.health import unhealthy_reason
from reports.templates import render
from store.sqlite import Store

CATEGORY_TITLES = {"chip": "Chips", "regulatory": "Regulation", "spend": "Spending", "model": "Models",
                   "adoption": "Adoption", "financials": "Financials", "capital_return": "Capital return",
                   "market": "Market", "other": "Other"}


@dataclass
class Story:
    lead: EnrichedArticle
    copies: list[EnrichedArticle] = field(default_factory=list)
    local_time: str = ""


@dataclass
class Digest:
    day: str
    subject: str
    timezone: str
    articles: list[EnrichedArticle]
    sections: list[tuple[str, list[Story]]]
    money: list[tuple[EnrichedArticle, dict]]
    claims: list[tuple[EnrichedArticle, dict]]
    quotes: list[tuple[EnrichedArticle, dict]]
    source_health: list[dict]
    text: str = ""
    html: str = ""
    html_path: Path | None = None
    text_path: Path | None = None


def day_bounds(day: date, zone: ZoneInfo) -> tuple[str, str]:
    """The UTC interval [start, end) of a local calendar day (23 or 25 hours across DST changes)."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return iso_utc(start), iso_utc(end)


def default_day(zone: ZoneInfo, now: datetime | None = None) -> date:
    """Yesterday in the digest's time zone."""
    return ((now or datetime.now(zone)).astimezone(zone) - timedelta(days=1)).date()


class DigestBuilder:
    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings
        self.zone = ZoneInfo(settings.digest.timezone)

    def build(self, day: date) -> Digest:
        start, end = day_bounds(day, self.zone)
        articles = self.store.articles_between(start, end, relevant_only=True)
        stories = self._stories(articles)
        sections = []
        for name in list(CATEGORIES) + ["other"]:
            members = [story for story in stories if _primary_category(story.lead) == name]
            if members:
                sections.append((CATEGORY_TITLES[name], members))
        leads = [story.lead for story in stories]
        digest = Digest(
            day=day.isoformat(), subject=self.settings.digest.subject.format(date=day.isoformat()),
            timezone=self.settings.digest.timezone, articles=articles, sections=sections,
            money=[(article, figure) for article in leads for figure in article.figures if figure["kind"] == "money"],
            claims=[(article, claim) for article in leads for claim in article.claims],
            quotes=[(article, quote) for article in leads for quote in article.quotes],
            source_health=self._source_health())
        digest.text, digest.html = render("digest", digest=digest)
        return digest

    def write(self, digest: Digest, out_dir: str | Path) -> Digest:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        digest.html_path = out / f"digest-{digest.day}.html"
        digest.text_path = out / f"digest-{digest.day}.txt"
        digest.html_path.write_text(digest.html, encoding="utf-8")
        digest.text_path.write_text(digest.text, encoding="utf-8")
        return digest

    def _stories(self, articles: list[EnrichedArticle]) -> list[Story]:
        stories: dict[str, Story] = {}
        for article in articles:   # oldest first: the first copy leads its story
            if article.story_id in stories:
                stories[article.story_id].copies.append(article)
            else:
                moment = parse_iso(article.published_at or article.fetched_at).astimezone(self.zone)
                stories[article.story_id] = Story(article, local_time=moment.strftime("%H:%M"))
        return list(stories.values())

    def _source_health(self) -> list[dict]:
        """Sources failing or silent for too long; the digest says so rather than go quiet."""
        health, max_ages = self.settings.health, {source.name: source.max_age for source in self.settings.sources}
        rows = []
        for row in self.store.source_states():
            problem = unhealthy_reason(row, health, max_ages.get(row["source"]))
            if problem or row["consecutive_failures"] > 0:
                rows.append({**dict(row), "problem": problem})
        return rows


def _primary_category(article: EnrichedArticle) -> str:
    return next((name for name in CATEGORIES if name in article.categories), "other")
