"""Downloader middlewares: retries that wait (exponential back-off, or the server's Retry-After), and
truncated gzip bodies refused."""
from __future__ import annotations

import asyncio
import logging
import zlib

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

logger = logging.getLogger(__name__)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware re-queues at once; a struggling server deserves a pause."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base_delay = settings.getfloat("NEWSMON_RETRY_BASE_DELAY")
        self.max_delay = settings.getfloat("NEWSMON_RETRY_MAX_DELAY")

    def delay_for(self, retry: Request, response: Response | None) -> float:
        attempt = retry.meta.get("retry_times", 1)
        delay = self.base_delay * 2 ** (attempt - 1)
        retry_after = response.headers.get(b"Retry-After") if response is not None else None
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, float(retry_after))
        return min(delay, self.max_delay)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await asyncio.sleep(self.delay_for(result, response))
        return result

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await asyncio.sleep(self.delay_for(result, None))
        return result


class TruncatedGzipMiddleware:
    """Scrapy's gunzip returns as much as a truncated gzip body holds, silently: a half article would
    be stored as if whole. Runs before HttpCompressionMiddleware and fails such a response instead."""

    def process_response(self, request: Request, response: Response) -> Response:
        encoding = response.headers.get(b"Content-Encoding", b"").lower()
        if b"gzip" in encoding and response.body:
            decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            pending = response.body
            try:
                while pending and not decompressor.eof:   # bounded chunks: a gzip bomb never inflates here
                    decompressor.decompress(pending, 1 << 20)
                    pending = decompressor.unconsumed_tail
            except zlib.error as error:
                raise IgnoreRequest(f"corrupt gzip body ({error})") from None
            if not decompressor.eof:
                raise IgnoreRequest("truncated gzip body (the connection ended early)")
        return response
