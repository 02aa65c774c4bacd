"""Every Scrapy setting we change, grouped, each with why. Built from the `crawl:` configuration."""
from config.settings import CrawlSettings, parse_duration


def scrapy_settings(crawl: CrawlSettings, store_path: str) -> dict:
    return {
        # Where raw pages go: the first pipeline writes them before anything else happens.
        "NEWSMON_STORE_PATH": store_path,
        "ITEM_PIPELINES": {"crawlers.pipelines.StoreRawPagePipeline": 100},

        # Politeness: say who we are, obey robots.txt, adapt to the server's latency.
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": 0.25,    # the default 5 s would make a 30-article site take minutes
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(crawl.concurrent_per_domain),
        "CONCURRENT_REQUESTS": 32,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrent_per_domain,

        # Failures: bounded time and size, retries with exponential back-off (our middleware
        # replaces Scrapy's, which retries at once).
        "DOWNLOAD_TIMEOUT": parse_duration(crawl.timeout),
        "DOWNLOAD_MAXSIZE": crawl.max_page_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": crawl.retries,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawlers.middlewares.BackoffRetryMiddleware": 550,
            "crawlers.middlewares.TruncatedGzipMiddleware": 595,   # sees the body before it is gunzipped
        },
        "NEWSMON_RETRY_BASE_DELAY": 0.5,
        "NEWSMON_RETRY_MAX_DELAY": 30.0,

        # We never resume a crawl from disk and keep no HTTP cache: the store remembers what was seen
        # and the entry points' ETag / Last-Modified.
        "HTTPCACHE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,

        # The run summary is ours; Scrapy's own log stays at warnings.
        "LOG_LEVEL": "WARNING",
        "LOGSTATS_INTERVAL": 0,
    }
