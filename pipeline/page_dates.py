"""When a page says it was published: its markup's dates and the date line it shows readers.

Many pages carry no machine-readable publication time, or only a day: the time is in a line such
as "Published Thu, Feb 12 2026 6:05 AM EST", "6:00 AM PST · February 16, 2026",
"Published: 2026-03-20 09:30 BJT | Updated: 2026-03-20 11:05 BJT" or "2026年03月06日 09:15". htmldate
(through trafilatura) finds such days but drops the time and zone, so this module reads the lines
itself: elements marked as dates (by class, id, itemprop or a "Published"/"发布" label), outside
comment sections, the published part of a published/updated pair. A time without a zone is read in
the zone of the page's other timestamps (a modified_time meta "+08:00"), else the page's region.
Zone abbreviations: config/timezones.yaml."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

import yaml
from dateutil import parser as date_parser

from config import DATA_DIR
from pipeline.dates import normalise_date

DATE_MARKUP = re.compile(r"date|time|publish|posted|byline|info|meta|credit", re.IGNORECASE)
DATE_TAGS = ("span", "div", "p", "time", "abbr", "small", "em", "li", "h2", "h3", "h4", "td")
# "2026-11-05 18:02 来源：澎湃新闻": a Chinese portal gives the time before the source
# ("2026-07-22 14:31:05 出处：快科技 作者：宇辰": 出处 is 快科技's word for the source)
PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first published)\b|发布时间|发布于|首发|发表于|发布|来源[:：]|出处[:：]",
                             re.IGNORECASE)
# "<p><em>2026-11-06 19:35:12</em> <em>作者：沈晓岚</em> <em>责编：周卓</em></p>": a Chinese portal's info line,
# with no class or label to mark its date but the byline beside it, in a child or after one ("<a>和讯网</a> 作者：…")
BYLINE_LABEL = re.compile(r"作者[:：]|责编|责任编辑|编辑[:：]|记者[:：]")
# ("…Nov. 6, 2026<br>Updated 9:47 a.m.": a line break leaves no space between the year and the label)
UPDATED_LABEL = re.compile(r"(?<![A-Za-z])(?:updated|modified|last updated|last update)\b|更新", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
CHINESE_DATE = re.compile(r"((?:19|20)\d{2})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?\s*(\d{1,2}:\d{2}(?::\d{2})?)?")
TIME = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?([+-]\d{2}:?\d{2})")
GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?(?!\d)")
# "11.05.2026, 10:41": a dotted numeric date puts the day first wherever it is written (Israel, Germany,
# Switzerland, Russia); a year-first "2026.07.03" is read year-month-day either way
DAY_FIRST_DOTTED = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])")
READING_TIME = re.compile(r"\b\d+\s*(?:mins?|minutes?)(?:\s+read)?\b|\b\d+\s*分钟(?:阅读)?", re.IGNORECASE)
BARE_DATE_TIME = re.compile(r"(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+)(?:19|20)\d{2}"
                            r"|(?:19|20)\d{2}-\d{1,2}-\d{1,2})"   # ("2026-09-01 10:28:55", ECNS)
                            r"[\s,·|–-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?")
# "2026-10-15 HKT 12:41" (RTHK): a zone between the day and the time goes after the time, where dateutil reads it
ZONE_BEFORE_TIME = re.compile(r"((?:19|20)\d{2}-\d{1,2}-\d{1,2})\s+([A-Z]{2,5})\s+(\d{1,2}:\d{2}(?::\d{2})?)")
EDIT_LABEL = re.compile(r"修改|更新|编辑于")
ZONE_AFTER = re.compile(r"\s*(?:[+-]\d{2}:?\d{2}|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5}\b)")
DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})\s*([ap]\.?m\b\.?)", re.IGNORECASE)
# a publication time in an app page's embedded data: a script's JSON or a data-* attribute's
EMBEDDED_DATE = re.compile(r'"(?:datePublished|publishedAt|published_at|publishDate|publish_date|firstPublishedAt|'
                           r'publishTime|pubDate)"\s*:\s*"(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}[^"]*)"')
MAX_LINE = 200          # a date line is short; longer text is a paragraph that mentions a date
SKIP_ANCESTORS = re.compile(r"comment|related|recommend|(?<!article-)footer|sidebar|most-?read|promo", re.IGNORECASE)


@lru_cache(maxsize=1)
def _zone_data() -> dict:
    return yaml.safe_load((DATA_DIR / "timezones.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def zone_abbreviations() -> dict[str, tzinfo]:
    return {name: ZoneInfo(zone) for name, zone in _zone_data()["abbreviations"].items()}


def _named_zone(name: str | None, offset: int | None) -> tzinfo | None:
    """dateutil's zone for a name or offset it read: a known abbreviation, an offset as written,
    else none, so a capitalised word in a date line ("TECH") stays a word and not an unknown zone."""
    known = zone_abbreviations().get(name) if name else None
    if known is None and offset is not None:
        known = timezone(timedelta(seconds=offset))
    return known


def site_zone(host: str, fallback: tzinfo) -> tzinfo:
    """The zone a site writes unmarked times in: a known site of the field ("caixinglobal.com"), else
    its country domain (".hk"), else `fallback`."""
    data = _zone_data()
    host = (host or "").lower().removeprefix("www.")
    for site, zone in data["sites"].items():
        if host == site or host.endswith("." + site):
            return ZoneInfo(zone)
    country = data["country_domains"].get(host.rsplit(".", 1)[-1])
    return ZoneInfo(country) if country else fallback


def page_zone(tree, fallback: tzinfo) -> tzinfo:
    """The zone a page writes its times in: the offset of its first full timestamp (any meta or
    datetime attribute), else `fallback`."""
    for value in tree.xpath("//meta/@content | //time/@datetime | //*[@itemprop]/@content"):
        match = OFFSET.search(value)
        if match:
            return datetime.fromisoformat("2000-01-01T00:00:00" + _colon(match.group(1))).tzinfo
    return fallback


def _colon(offset: str) -> str:
    return offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"


def shown_published_at(tree, zone: tzinfo) -> tuple[str | None, str | None]:
    """The publication time from the page's visible date line, ISO UTC: the first line with a time
    of day, and the first giving at least a day ("香港，2026年4月2日" in a date element, as midnight
    in `zone`), from one walk over the page."""
    labelled, unlabelled, updates = [], [], []
    for element in tree.iter(*DATE_TAGS):
        marked = _marked(element)
        # cheap tests first: this runs over every element of pages whose markup gave no time
        # (the label may follow a child: "<p><span>2026-11-20 14:05</span> 来源：澎湃新闻</p>",
        # or sit in a sibling: "<div><span>2026-07-16 10:21</span> <span>来源：澎湃新闻</span></div>")
        if not marked and not PUBLISHED_LABEL.search(element.text or "") and not UPDATED_LABEL.search(
                element.text or "") and not any(
                PUBLISHED_LABEL.search(child.tail or "") or BYLINE_LABEL.match(child.text or "")
                or BYLINE_LABEL.search(child.tail or "") or PUBLISHED_LABEL.match(child.text or "")
                for child in element):
            continue
        text = " ".join(element.text_content().split())
        if not text or len(text) > MAX_LINE or not YEAR.search(text):
            continue
        if any(_marked(inner) and YEAR.search(inner_text := inner.text_content() or "")
               and (TIME.search(inner_text) or not TIME.search(text))
               for inner in element.iterdescendants(*DATE_TAGS)):
            # "<div class="info-art"><span>di Elena Marchetti</span><p class="is-last-update">November 2, 2026 |
            # 10:15</p></div>": the marked line inside says it without the byline around it (a name such as
            # "Maximilian" would read as March), unless the time is only outside it
            continue
        label = PUBLISHED_LABEL.search(text)
        if _inside_skipped(element):
            continue
        updated = UPDATED_LABEL.search(text)
        if label:
            text = _published_part(text, label)
        elif updated:
            # "April 14, 2026 5:30 am ET Updated April 14, 2026 9:12 am ET": the time before the update; a page
            # whose only date line is its update time ("最新更新时间：2026-09-17 14:05") gives that, last
            updates.append(text[updated.end():])
            text = text[:updated.start()].strip(" |·-")
            if not YEAR.search(text):
                continue
        (labelled if label else unlabelled).append(text)
    lines = labelled + unlabelled
    timed = next((moment for moment in (parse_shown(text, zone) for text in lines + updates) if moment), None)
    day = timed or next((moment for moment in (parse_shown(text, zone, need_time=False) for text in lines) if moment),
                        None)
    return timed, day


def _marked(element) -> bool:
    """A date element by its tag or its names, or one that holds nothing but a date and a time
    ("<span>Nov 04, 2026 - 06:30 CET</span>")."""
    return element.tag == "time" or DATE_MARKUP.search(" ".join(filter(None, (
        element.get("class"), element.get("id"), element.get("itemprop"), element.get("data-testid"),
        element.get("data-qa"))))) is not None or (
        not len(element) and BARE_DATE_TIME.fullmatch((element.text or "").strip()) is not None)


def _inside_skipped(element) -> bool:
    """Inside comments, related lists, a footer or a side column; but a column holding the headline is the
    article's own, whatever the site calls it (VnExpress's main column is "sidebar-1")."""
    return any(SKIP_ANCESTORS.search(" ".join(filter(None, (ancestor.get("class"), ancestor.get("id")))))
               and ancestor.find(".//h1") is None
               for ancestor in element.iterancestors())


def _published_part(text: str, label: re.Match) -> str:
    """'Published: 9:15am, 4 Mar 2026 Updated: 11:02pm' -> '9:15am, 4 Mar 2026'; a date written
    before its label ('2026-04-01 08:30 发布于北京') is the part before it."""
    rest = text[label.end():]
    updated = UPDATED_LABEL.search(rest)
    after = (rest[:updated.start()] if updated else rest).strip(" :：|·-")
    edited = EDIT_LABEL.search(after)
    if edited:
        # "发布于2026-11-06 21:14 · 来自雪球 · 修改于2026-11-07 08:02": the part before the edit; but in
        # "发布 已于 2026-07-22 14:02:51 修改" the time after the label is the edit's own
        after = "" if "已于" in after[:edited.start()] else after[:edited.start()].strip(" :：|·-")
    if YEAR.search(after):
        return after
    # "已于 2026-07-22 14:02:51 修改 于 2026-07-22 10:36:18 发布": the date just before the label, past an edit's
    before = text[:label.start()]
    edits = list(EDIT_LABEL.finditer(before))
    return before[edits[-1].end():].strip(" :：|·-") if edits else before.strip(" :：|·-")


def parse_shown(text: str, zone: tzinfo, need_time: bool = True) -> str | None:
    """A date line as ISO UTC; a named zone abbreviation wins over `zone`. Without a time of day
    it says nothing unless `need_time` is off, and then only when it names a day and month too."""
    # "Jun 10, 2026 | 8 mins": a reading time is no part of the date (dateutil would take the 8 for the year)
    text = READING_TIME.sub(" ", text)
    text = DOTTED_TIME.sub(r"\1:\2\3", text)   # "6.41pm" (AFR, Guardian) is 6:41pm to dateutil
    text = ZONE_BEFORE_TIME.sub(r"\1 \3 \2", text)
    # "GMT+8" is eight hours ahead; dateutil reads it the POSIX way round (eight behind)
    text = GMT_OFFSET.sub(lambda match: f" {match['sign']}{int(match['hours']):02d}:{match['minutes'] or '00'}", text)
    chinese = CHINESE_DATE.search(text)
    if chinese:
        year, month, day, clock = chinese.groups()
        if not clock and need_time:
            return None
        # (a zone may follow the time, "+08:00", "BJT"; a page view count, "阅读量：2371", may not)
        zone_after = ZONE_AFTER.match(text, chinese.end())
        text = f"{year}-{int(month):02d}-{int(day):02d} {clock or ''}" + (zone_after.group(0) if zone_after else "")
    elif need_time and not TIME.search(text):
        return None
    try:
        moment = date_parser.parse(text, fuzzy=True, tzinfos=_named_zone, default=datetime(1900, 1, 1),
                                   dayfirst=DAY_FIRST_DOTTED.search(text) is not None)
    except (ValueError, OverflowError, TypeError):
        return None
    if moment.year == 1900 or (moment.month, moment.day) == (1, 1) and not re.search(r"\b1\b|-01-01|1月1日|Jan", text):
        return None   # dateutil filled in the month and day from its default: only a year was written
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return normalise_date(moment.isoformat())


def has_offset(value: str) -> bool:
    """Whether a markup date says its zone ("…T06:01:00+01:00", "…Z")."""
    return bool(re.search(r"(?:Z|[+-]\d{2}:?\d{2})\s*$", value.strip()))


def same_clock_elsewhere(one: str, other: str) -> bool:
    """Two ISO UTC instants that are one clock time read in two zones: a whole number of quarter
    hours apart, less than a day."""
    gap = abs((date_of(one) - date_of(other)).total_seconds())
    return 0 < gap < 86400 and gap % 900 == 0


def date_of(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def embedded_published_at(tree) -> str | None:
    """The first publication time in the page's embedded data (scripts, data-* attributes), ISO UTC."""
    for value in tree.xpath("//script/text() | //@*[starts-with(name(), 'data-')]"):
        match = EMBEDDED_DATE.search(value)
        if match and has_offset(match.group(1)):
            return normalise_date(match.group(1))
    return None


def has_time_of_day(value: str | None) -> bool:
    """Whether a date string from markup carries a time ("2026-03-04" or a bare day does not)."""
    return bool(value) and bool(re.search(r"\d{1,2}:\d{2}", str(value)))

