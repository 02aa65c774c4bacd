"""An HTTP server on loopback whose every path answers as a test says: status, headers, body,
an optional delay, or a dropped connection. For crawling bad sources for real."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0          # seconds before answering (timeouts)
    drop: bool = False          # close the connection mid-body
    trickle: float = 0.0        # seconds between 16-byte pieces of the body (a server that trickles)


class RoutesServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server.hits.append(self.path)
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    route = Route(b"not found", 404, {"Content-Type": "text/plain"})
                time.sleep(route.delay)
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if route.trickle:
                    for start in range(0, len(route.body), 16):
                        try:
                            self.wfile.write(route.body[start:start + 16])
                            self.wfile.flush()
                        except OSError:
                            return
                        time.sleep(route.trickle)
                    return
                if route.drop:
                    self.wfile.write(route.body[: len(route.body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(route.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(self, path: str, body: bytes | str = b"", **options) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **options)
        return self.base_url + path

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
