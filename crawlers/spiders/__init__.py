"""One spider per source type; `SPIDERS` maps a configured `type` to its class."""
from crawlers.spiders.apis import EdgarSpider, FederalRegisterSpider, JsonApiSpider
from crawlers.spiders.feed import FeedSpider
from crawlers.spiders.hkex import HkexSpider
from crawlers.spiders.listing import ListingSpider
from crawlers.spiders.sitemap import SitemapSpider

SPIDERS = {"feed": FeedSpider, "sitemap": SitemapSpider, "listing": ListingSpider, "edgar": EdgarSpider,
           "federal_register": FederalRegisterSpider, "json_api": JsonApiSpider, "hkex": HkexSpider}

# Kinds that can page back in time (`newsmon backfill`).
PAGEABLE = {"edgar", "federal_register", "json_api", "hkex"}
