"""The Scrapy project: one spider per source type, built from configuration, yielding RawPage items."""
