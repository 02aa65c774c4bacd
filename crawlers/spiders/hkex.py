"""HKEXnews announcements of one listed company (e.g. 09988, Alibaba).

Two steps, as the HKEXnews search page does: the stock-id look-up (`search/prefix.do`, JSONP), then
the title search (`search/titleSearchServlet.do`), whose `result` is a JSON *string* inside the JSON.
Each row's FILE_LINK (usually a PDF) is the article; its TITLE and DATE_TIME (Hong Kong time) are hints."""
from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta
from urllib.parse import urlencode, urljoin
from zoneinfo import ZoneInfo

from crawlers.spiders.base import SourceSpider
from pipeline.records import PageHints, iso_utc

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
JSONP = re.compile(r"^\s*[\w.$]+\s*\((?P<body>.*)\)\s*;?\s*$", re.DOTALL)


def hong_kong_time(text: str | None) -> str | None:
    """'27/11/2026 19:02' (Hong Kong) -> '2026-11-27T11:02:00Z'."""
    try:
        return iso_utc(datetime.strptime((text or "").strip(), "%d/%m/%Y %H:%M").replace(tzinfo=HONG_KONG))
    except ValueError:
        return None


class HkexSpider(SourceSpider):
    async def start(self):
        query = urlencode({"callback": "callback", "lang": "EN", "type": "A", "name": self.source.stock_code,
                           "market": "SEHK"})
        yield self.entry_request(f"{self.base}/search/prefix.do?{query}")

    @property
    def base(self) -> str:
        return self.source.url.rstrip("/")

    def parse_entry(self, response):
        match = JSONP.match(response.text)
        try:
            data = json.loads(match.group("body") if match else response.text)
        except ValueError as error:
            raise ValueError(f"stock look-up is not JSON(P) ({error})") from None
        stock = next((info for info in data.get("stockInfo", []) if info.get("code") == self.source.stock_code), None)
        if stock is None:
            raise ValueError(f"stock code {self.source.stock_code} not found by the look-up")
        today = datetime.now(HONG_KONG).date()
        since = (datetime.fromisoformat(self.since[:10]).date() if self.since
                 else today - timedelta(days=self.source.lookback_days))
        query = urlencode({"sortDir": 0, "sortByOptions": "DateTime", "category": 0, "market": "SEHK",
                           "stockId": stock["stockId"], "documentType": -1, "fromDate": since.strftime("%Y%m%d"),
                           "toDate": today.strftime("%Y%m%d"), "title": "", "searchType": 0, "t1code": -2,
                           "t2Gcode": -2, "t2code": -2, "rowRange": 100, "lang": "E"})
        yield self.entry_request(f"{self.base}/search/titleSearchServlet.do?{query}", handler="parse_titles")

    def parse_titles(self, response):
        try:
            outer = json.loads(response.text)
            rows = json.loads(outer.get("result") or "[]")
        except (ValueError, AttributeError, TypeError) as error:
            raise ValueError(f"title search answer is not the expected JSON ({error})") from None
        for row in rows:
            link, title = row.get("FILE_LINK"), html.unescape(row.get("TITLE") or "").strip()
            if not link or not title:
                continue
            hints = PageHints(title=title, published_at=hong_kong_time(row.get("DATE_TIME")), outlet="HKEXnews",
                              summary=html.unescape(row.get("LONG_TEXT") or "") or None)
            yield from self.follow_article(urljoin(self.base + "/", link), hints)
