"""Elasticsearch: the shared index fed from SQLite, never the record.

Writes go through the alias `<index>`, backed by `<index>-<stamp>` indexes made from the template,
so `rebuild` can fill a new index and switch the alias without downtime. `sync` drains the SQLite
outbox with `helpers.streaming_bulk` (`_id` = article id, so every write is an idempotent upsert):
indexed rows leave the outbox, retryable failures (429, 5xx, connection) stay for the next sync,
and a document the cluster rejects is kept with its error for `index status`."""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from elastic_transport import ConnectionError as TransportConnectionError, TransportError
from elasticsearch import ApiError, Elasticsearch, helpers

from newsmon.errors import NewsmonError
from store.es_mapping import document, index_template
from store.sqlite import Store

logger = logging.getLogger(__name__)
# The transport logs every failed node attempt with a traceback; our callers report one line.
logging.getLogger("elastic_transport").setLevel(logging.CRITICAL)
RETRYABLE_STATUS = {429, 500, 502, 503, 504}
CHUNK = 500


class IndexUnavailable(NewsmonError):
    """The cluster could not be reached or refused the request; the message says which."""


@dataclass
class SyncReport:
    indexed: int = 0
    retry_later: int = 0
    rejected: int = 0
    error: str | None = None     # why the sync stopped early (cluster down), if it did


def _describe(error: Exception) -> str:
    if isinstance(error, TransportConnectionError):
        reason = re.search(r"\[Errno \d+\] ([^)'\"]+)", str(error))
        return f"cannot connect ({reason.group(1) if reason else type(error).__name__})"
    if isinstance(error, ApiError):
        return f"HTTP {error.meta.status}: {error.message}"
    return f"{type(error).__name__}: {error}"


class ElasticIndex:
    def __init__(self, settings, secrets: dict[str, str]):
        self.alias = settings.index
        self.url = settings.url
        self.client = Elasticsearch(settings.url, api_key=secrets.get("storage.elasticsearch.api_key_env"),
                                    request_timeout=10, max_retries=1, retry_on_timeout=True)

    def _call(self, what: str, action):
        try:
            return action()
        except (TransportError, ApiError) as error:
            raise IndexUnavailable(f"Elasticsearch {self.url}: {what}: {_describe(error)}") from None

    # setup and rebuild -----------------------------------------------------------------------

    def setup(self) -> list[str]:
        """Template, first index and alias; running it again changes nothing."""
        done = []
        self._call("put index template", lambda: self.client.indices.put_index_template(
            name=f"{self.alias}-template", **index_template(self.alias)))
        done.append(f"index template {self.alias}-template for {self.alias}-*")
        if self._call("check alias", lambda: self.client.indices.exists_alias(name=self.alias)):
            done.append(f"alias {self.alias} exists")
            return done
        first = f"{self.alias}-{_stamp()}"
        self._call("create index", lambda: self.client.indices.create(
            index=first, aliases={self.alias: {"is_write_index": True}}))
        done.append(f"created {first} behind alias {self.alias}")
        return done

    def rebuild(self, store: Store) -> tuple[str, int]:
        """Index every stored article into a new index, then move the alias to it atomically."""
        self.setup()
        new_index = f"{self.alias}-{_stamp()}"
        self._call("create index", lambda: self.client.indices.create(index=new_index))
        actions = ({"_index": new_index, "_id": record["id"], "_source": document(record)}
                   for record in store.iter_records())
        indexed, errors = self._call("bulk index", lambda: helpers.bulk(
            self.client, actions, chunk_size=CHUNK, max_retries=5, raise_on_error=False, stats_only=True))
        if errors:
            raise IndexUnavailable(f"Elasticsearch {self.url}: rebuild: {errors} documents rejected; "
                                   f"the alias still points at the old index")
        old = list(self._call("read alias", lambda: self.client.indices.get_alias(name=self.alias)))
        swap = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        swap.append({"add": {"index": new_index, "alias": self.alias, "is_write_index": True}})
        self._call("switch alias", lambda: self.client.indices.update_aliases(actions=swap))
        for index in old:
            self._call("delete old index", lambda index=index: self.client.indices.delete(index=index))
        with store.transaction() as db:
            db.execute("DELETE FROM index_outbox")
        return new_index, indexed

    # sync --------------------------------------------------------------------------------------

    def sync(self, store: Store) -> SyncReport:
        report = SyncReport()
        while True:
            rows = store.db.execute(
                "SELECT o.article_id, a.record FROM index_outbox o JOIN articles a ON a.id = o.article_id"
                " WHERE o.rejected = 0 ORDER BY o.queued_at LIMIT ? OFFSET ?", (CHUNK, report.retry_later)).fetchall()
            if not rows:
                return report
            actions = [{"_index": self.alias, "_id": row["article_id"], "_source": document(json.loads(row["record"]))}
                       for row in rows]
            outcomes = []
            try:
                for ok, result in helpers.streaming_bulk(self.client, actions, chunk_size=CHUNK, max_retries=3,
                                                         initial_backoff=1, max_backoff=30, raise_on_error=False,
                                                         retry_on_status=(429, 502, 503, 504),
                                                         raise_on_exception=False, yield_ok=True):
                    outcomes.append((ok, result))
            except (TransportError, ApiError) as error:
                report.error = _describe(error)
                self._record_attempt(store, [row["article_id"] for row in rows], report.error)
                return report
            self._apply(store, outcomes, report)
            if report.error:
                return report

    def _apply(self, store: Store, outcomes, report: SyncReport) -> None:
        done, retry, rejected = [], [], []
        for ok, result in outcomes:
            item = result.get("index", result)
            article_id, status = item.get("_id"), item.get("status", 0)
            if ok:
                done.append(article_id)
            elif status in RETRYABLE_STATUS or not status:
                retry.append((article_id, json.dumps(item.get("error"))[:500]))
            else:
                rejected.append((json.dumps(item.get("error"))[:1000], article_id))
        with store.transaction() as db:
            db.executemany("DELETE FROM index_outbox WHERE article_id = ?", [(article_id,) for article_id in done])
            db.executemany("UPDATE index_outbox SET attempts = attempts + 1, last_error = ? WHERE article_id = ?",
                           [(error, article_id) for article_id, error in retry])
            db.executemany("UPDATE index_outbox SET rejected = 1, attempts = attempts + 1, last_error = ?"
                           " WHERE article_id = ?", rejected)
        report.indexed += len(done)
        report.retry_later += len(retry)
        report.rejected += len(rejected)
        if retry and not done:
            report.error = f"{len(retry)} documents not accepted now (cluster busy or failing); kept for the next sync"
        for error, article_id in rejected:
            logger.error("Elasticsearch rejected article %s: %s", article_id, error)

    def _record_attempt(self, store: Store, article_ids: list[str], error: str) -> None:
        with store.transaction() as db:
            db.executemany("UPDATE index_outbox SET attempts = attempts + 1, last_error = ? WHERE article_id = ?",
                           [(error, article_id) for article_id in article_ids])

    # status and search -------------------------------------------------------------------------

    def count(self) -> int:
        return self._call("count", lambda: self.client.count(index=self.alias))["count"]

    def search(self, query: str, filters) -> list[dict]:
        must = [{"multi_match": {"query": query, "fields": ["title^8", "text"],
                                 "operator": "and"}}] if query.strip() else []
        clauses = []
        if filters.categories:
            clauses.append({"terms": {"categories": list(filters.categories)}})
        for entity in filters.entities:
            clauses.append({"term": {"entity_ids": entity.lower()}})
        if filters.source:
            clauses.append({"term": {"source": filters.source}})
        if filters.since or filters.until:
            clauses.append({"range": {"published_at": {key: value for key, value in
                                                       (("gte", filters.since), ("lt", filters.until)) if value}}})
        body = {"query": {"bool": {"must": must or [{"match_all": {}}], "filter": clauses}},
                "highlight": {"fields": {"text": {"fragment_size": 160, "number_of_fragments": 1}},
                              "pre_tags": ["["], "post_tags": ["]"]},
                "size": filters.limit}
        if not must:
            body["sort"] = [{"published_at": {"order": "desc", "missing": "_last"}}]
        response = self._call("search", lambda: self.client.search(index=self.alias, **body))
        results = []
        for hit in response["hits"]["hits"]:
            record = {key: value for key, value in hit["_source"].items()
                      if key not in ("entity_ids", "money_figures_flat", "money_usd_total")}
            record["score"] = round(hit.get("_score") or 0.0, 4)
            fragments = hit.get("highlight", {}).get("text") or [record.get("text", "")[:200]]
            record["snippet"] = " ".join(fragments[0].split())
            results.append(record)
        return results


def outbox_counts(store: Store) -> tuple[int, int]:
    """(pending, rejected) rows of the index outbox."""
    row = store.db.execute("SELECT count(*) - coalesce(sum(rejected), 0), coalesce(sum(rejected), 0)"
                           " FROM index_outbox").fetchone()
    return row[0], row[1]


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
