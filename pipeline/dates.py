"""Dates as the record wants them: ISO 8601 UTC, or None when the text is not a plausible date."""
from __future__ import annotations

from datetime import datetime, timezone, tzinfo

from dateutil import parser as date_parser

from pipeline.records import iso_utc

EARLIEST_YEAR = 1995   # no news page we care about predates the web's news sites


def normalise_date(text: str | None, now: datetime | None = None, naive_zone: tzinfo = timezone.utc) -> str | None:
    """Parse a date written in a feed, sitemap or page; naive times are read in `naive_zone` (UTC
    unless the page says where it is from). Dates more than a day in the future are refused."""
    if not text or not str(text).strip():
        return None
    try:
        moment = date_parser.parse(str(text).strip())
    except (ValueError, OverflowError, TypeError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=naive_zone)
    now = now or datetime.now(timezone.utc)
    if moment.year < EARLIEST_YEAR or (moment - now).days >= 1:
        return None
    return iso_utc(moment)
