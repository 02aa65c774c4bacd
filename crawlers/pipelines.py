"""The first item pipeline: every fetched page is written to the store before anything else."""
from __future__ import annotations

from scrapy.exceptions import NotConfigured

from pipeline.records import RawPage
from pipeline.urls import canonical_url
from store.sqlite import Store


class StoreRawPagePipeline:
    def __init__(self, store_path: str, stats):
        self.store = Store(store_path)
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        store_path = crawler.settings.get("NEWSMON_STORE_PATH")
        if not store_path:
            raise NotConfigured("NEWSMON_STORE_PATH is not set")
        return cls(store_path, crawler.stats)

    def process_item(self, item: RawPage):
        urls = {item.url, item.final_url, canonical_url(item.url), canonical_url(item.final_url)}
        item.id = self.store.save_raw_page(item, sorted(urls))
        self.stats.inc_value("article/stored_raw")
        return item

    def close_spider(self):
        self.store.close()
