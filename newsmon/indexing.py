"""Wiring for Elasticsearch and Kibana: the `index` and `kibana` commands and the sync after a cycle."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from base64 import b64encode
from pathlib import Path

from newsmon.errors import ConfigError, NewsmonError
from store.sqlite import Store

SAVED_OBJECTS = Path(__file__).resolve().parents[1] / "store" / "kibana" / "saved_objects.ndjson"
DEFAULT_ALIAS = "newsmon-articles"


def elastic_index(loaded):
    from store.elasticsearch import ElasticIndex

    settings = loaded.settings.storage.elasticsearch
    if settings is None:
        raise ConfigError(f"{loaded.path}: storage.elasticsearch: not configured (add url and index to use it)")
    return ElasticIndex(settings, loaded.secrets)


def sync_outbox(loaded, store: Store) -> tuple[str, bool]:
    """Drain the outbox into Elasticsearch: the summary line, and whether the cluster answered."""
    from store.elasticsearch import outbox_counts

    report = elastic_index(loaded).sync(store)
    pending, rejected = outbox_counts(store)
    line = f"index: {report.indexed} indexed, {pending} pending, {rejected} rejected"
    return line + (f" (Elasticsearch: {report.error})" if report.error else ""), report.error is None


def sync_after_cycle(loaded, store: Store) -> str | None:
    """After a cycle, when Elasticsearch is configured; a cluster that is down only delays the articles."""
    if loaded.settings.storage.elasticsearch is None:
        return None
    return sync_outbox(loaded, store)[0]


def search_articles(loaded, query: str, filters) -> list[dict]:
    """Elasticsearch when configured and reachable; otherwise SQLite, saying so on stderr."""
    import sys

    from store.search import search_sqlite

    if loaded.settings.storage.elasticsearch is not None:
        from store.elasticsearch import IndexUnavailable

        try:
            return elastic_index(loaded).search(query, filters)
        except IndexUnavailable as error:
            print(f"warning: {error}; searching SQLite instead", file=sys.stderr)
    with Store(loaded.settings.storage.sqlite_path) as store:
        return search_sqlite(store, query, filters)


def index_status(loaded) -> tuple[list[str], bool]:
    from store.elasticsearch import IndexUnavailable, outbox_counts

    index = elastic_index(loaded)
    with Store(loaded.settings.storage.sqlite_path) as store:
        pending, rejected = outbox_counts(store)
        lines = [f"pending: {pending}", f"rejected: {rejected}"]
        for row in store.db.execute("SELECT article_id, last_error FROM index_outbox WHERE rejected = 1 LIMIT 20"):
            lines.append(f"  rejected {row['article_id']}: {row['last_error']}")
        lines.append(f"stored in SQLite: {store.count_articles()}")
    try:
        lines.insert(0, f"cluster: reachable at {index.url}, alias {index.alias}")
        lines.append(f"indexed: {index.count()}")
        return lines, True
    except IndexUnavailable as error:
        lines[0] = f"cluster: unreachable ({error})"
        return lines, False


def kibana_objects(index_name: str) -> str:
    """The saved objects, with the data view pointed at this configuration's index."""
    text = SAVED_OBJECTS.read_text(encoding="utf-8")
    return text.replace(f"{DEFAULT_ALIAS}-*", f"{index_name}-*") if index_name != DEFAULT_ALIAS else text


def kibana_import(loaded, url: str | None) -> dict:
    """POST the saved objects to Kibana's import API (overwrite), multipart field `file`."""
    storage = loaded.settings.storage
    kibana_url = (url or (storage.kibana.url if storage.kibana else "http://127.0.0.1:5601")).rstrip("/")
    index_name = storage.elasticsearch.index if storage.elasticsearch else DEFAULT_ALIAS
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"newsmon.ndjson\"\r\n"
            f"Content-Type: application/ndjson\r\n\r\n{kibana_objects(index_name)}\r\n--{boundary}--\r\n").encode("utf-8")
    headers = {"kbn-xsrf": "newsmon", "Content-Type": f"multipart/form-data; boundary={boundary}"}
    user = loaded.secrets.get("storage.kibana.username_env")
    if user is not None:
        token = f"{user}:{loaded.secrets.get('storage.kibana.password_env', '')}".encode("utf-8")
        headers["Authorization"] = "Basic " + b64encode(token).decode("ascii")
    request = urllib.request.Request(f"{kibana_url}/api/saved_objects/_import?overwrite=true", data=body,
                                     headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            result = json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        raise NewsmonError(f"Kibana {kibana_url}: import refused: HTTP {error.code} {error.read()[:300]!r}") from None
    except (urllib.error.URLError, OSError) as error:
        raise NewsmonError(f"Kibana {kibana_url}: unreachable: {getattr(error, 'reason', error)}") from None
    if not result.get("success", False):
        raise NewsmonError(f"Kibana {kibana_url}: import reported errors: {json.dumps(result.get('errors'))[:500]}")
    return result
