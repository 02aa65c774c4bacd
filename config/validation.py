"""Shared value checks of the configuration: durations, times of day, time zones, URLs."""
from __future__ import annotations

import re
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict

DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str | int) -> int:
    """'90s', '30m', '2h', '1d' -> seconds."""
    if isinstance(text, int) and not isinstance(text, bool) and text > 0:
        return text
    match = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", str(text))
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"not a duration: {text!r} (use a positive number with s, m, h or d: 90s, 30m, 2h, 1d)")
    return int(match.group(1)) * DURATION_UNITS[match.group(2)]


def _check_duration(value: str) -> str:
    parse_duration(value)
    return value


def check_clock(value: str) -> str:
    if not re.fullmatch(r"\d{2}:\d{2}", value):
        raise ValueError(f"not a time of day: {value!r} (use HH:MM, e.g. 07:30)")
    if int(value[:2]) > 23 or int(value[3:]) > 59:
        raise ValueError(f"not a time of day: {value!r} (hours 00-23, minutes 00-59)")
    return value


def check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone: {value!r} (use an IANA name such as Asia/Shanghai)") from None
    return value


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+", value):
        raise ValueError(f"not a URL: {value!r}")
    return value


Duration = Annotated[str, AfterValidator(_check_duration)]
Url = Annotated[str, AfterValidator(_check_url)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")
