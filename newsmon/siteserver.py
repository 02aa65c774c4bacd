"""A small static news site server on 127.0.0.1, for the demo and for tests.

Serves a folder, replaces `__BASE_URL__` in text files with the server's own address (so feeds
and sitemaps carry absolute links), and answers conditional requests (ETag, Last-Modified) the
way news sites do, so a second crawl sees 304s."""
from __future__ import annotations

import hashlib
import mimetypes
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PLACEHOLDER = b"__BASE_URL__"
TEXT_TYPES = ("text/", "application/xml", "application/rss+xml", "application/atom+xml", "application/json")
LAST_MODIFIED = formatdate(1764230400, usegmt=True)   # fixed, so validators are stable across runs


class StaticSite:
    def __init__(self, root: str | Path, port: int = 0):
        self.root = Path(root).resolve()
        self.requests: list[str] = []   # paths requested, in order: what tests and benchmarks count
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append(self.path)
                status, headers, body = site.respond(urlsplit(self.path).path, self.headers)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="static-site", daemon=True)

    def __enter__(self) -> "StaticSite":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def respond(self, path: str, request_headers) -> tuple[int, dict, bytes]:
        target = (self.root / unquote(path).lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if self.root not in target.parents or not target.is_file():
            return 404, {"Content-Type": "text/plain"}, b"not found"
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".xml":
            content_type = "application/xml"
        body = target.read_bytes()
        if content_type.startswith(TEXT_TYPES):
            body = body.replace(PLACEHOLDER, self.base_url.encode("ascii"))
            content_type += "; charset=utf-8" if "charset" not in content_type else ""
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        headers = {"Content-Type": content_type, "ETag": etag, "Last-Modified": LAST_MODIFIED}
        if request_headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        headers["Content-Length"] = str(len(body))
        return 200, headers, body
