"""A stand-in for an Elasticsearch bulk endpoint, on loopback.

No Elasticsearch server can be installed on these machines, so this fake answers just enough of
the protocol (product header, `_bulk`) to drive newsmon's outbox logic: per-document statuses a
test chooses (201, 429, 400 mapping errors). The real-cluster tests in test_elasticsearch.py run
when NEWSMON_TEST_ES_URL points at a cluster."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeElasticsearch:
    def __init__(self):
        self.documents: dict[str, dict] = {}
        self.status_for: dict[str, list[int]] = {}   # article id -> statuses to answer, in turn
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status: int, payload: dict):
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                self._answer(200, {"version": {"number": "8.19.3", "build_flavor": "default"},
                                   "tagline": "You Know, for Search"})

            def do_POST(self):
                lines = self.rfile.read(int(self.headers["Content-Length"])).decode().splitlines()
                items = []
                for header, source in zip(lines[::2], lines[1::2]):
                    meta = json.loads(header)["index"]
                    statuses = fake.status_for.get(meta["_id"], [])
                    status = statuses.pop(0) if statuses else 201
                    item = {"_index": meta.get("_index"), "_id": meta["_id"], "status": status}
                    if status == 201:
                        fake.documents[meta["_id"]] = json.loads(source)
                    elif status == 400:
                        item["error"] = {"type": "mapper_parsing_exception", "reason": "failed to parse field"}
                    else:
                        item["error"] = {"type": "es_rejected_execution_exception", "reason": "queue full"}
                    items.append({"index": item})
                self._answer(200, {"took": 1, "errors": any(item["index"]["status"] >= 300 for item in items),
                                   "items": items})

            do_PUT = do_POST

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
