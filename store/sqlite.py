"""SQLite, the system of record: raw pages, articles with their FTS5 index, and all run state.

One `Store` per process; WAL lets the crawl child write raw pages while the parent reads."""
from __future__ import annotations

import json
import os
import sqlite3
import time
import zlib
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from newsmon.errors import NewsmonError
from pipeline.records import EnrichedArticle, PageHints, RawPage, iso_utc
from store.migrations import migrate


def _use_wal(db: sqlite3.Connection, patience: float = 30.0) -> None:
    """Switch a file to WAL. Processes opening a new file at once (parallel crawls) race for the switch,
    and SQLite answers the losers 'database is locked' at once, without waiting as it does for writes:
    they try again until the file is in WAL mode or `patience` seconds have passed."""
    deadline = time.monotonic() + patience
    delay = 0.01
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def now_iso() -> str:
    return iso_utc(datetime.now(timezone.utc))


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            _use_wal(self.db)
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrate(self.db)
        except (sqlite3.Error, OSError) as error:
            raise NewsmonError(f"{self.path}: cannot open the store: {error}{disk_hint(self.path)}") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def transaction(self):
        """One write transaction; IMMEDIATE so concurrent writers queue instead of failing mid-way."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # raw pages ---------------------------------------------------------------------------------

    def save_raw_page(self, page: RawPage, seen_urls: list[str]) -> int:
        """Store the page as received and remember its URLs as seen, atomically."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO raw_pages (url, final_url, source, status, headers, body, hints, fetched_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (page.url, page.final_url, page.source, page.status, json.dumps(page.headers),
                 zlib.compress(page.body, 6), json.dumps(asdict(page.hints)), page.fetched_at))
            db.executemany("INSERT OR IGNORE INTO seen_urls (url, source, seen_at) VALUES (?, ?, ?)",
                           [(url, page.source, page.fetched_at) for url in seen_urls])
        return cursor.lastrowid

    def pending_raw_pages(self, limit: int, after_id: int = 0) -> list[RawPage]:
        """Unprocessed raw pages in the order they were stored, from after `after_id` (pages already
        handed to workers but not yet stored are skipped that way)."""
        rows = self.db.execute("SELECT * FROM raw_pages WHERE processed_at IS NULL AND id > ? ORDER BY id LIMIT ?",
                               (after_id, limit)).fetchall()
        return [RawPage(url=row["url"], final_url=row["final_url"], source=row["source"],
                        status=row["status"], headers=json.loads(row["headers"]),
                        body=zlib.decompress(row["body"]), fetched_at=row["fetched_at"],
                        hints=PageHints(**json.loads(row["hints"])), id=row["id"]) for row in rows]

    def count_pending_raw_pages(self) -> int:
        return self.db.execute("SELECT count(*) FROM raw_pages WHERE processed_at IS NULL").fetchone()[0]

    def is_seen(self, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM seen_urls WHERE url = ?", (url,)).fetchone() is not None

    def claim_url(self, url: str, owner: str, is_stale) -> bool:
        """Take an article URL for this crawl unless another live crawl holds it. `is_stale(owner,
        claimed_at)` says whether a claim held by someone else may be taken over (its process died)."""
        with self.transaction() as db:
            held = db.execute("SELECT owner, claimed_at FROM url_claims WHERE url = ?", (url,)).fetchone()
            if held is not None and held["owner"] != owner and not is_stale(held["owner"], held["claimed_at"]):
                return False
            db.execute("INSERT OR REPLACE INTO url_claims (url, owner, claimed_at) VALUES (?, ?, ?)",
                       (url, owner, now_iso()))
            return True

    def release_claims(self, owner: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM url_claims WHERE owner = ?", (owner,))

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM http_validators WHERE url = ?", (url,)).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO http_validators (url, etag, last_modified, updated_at)"
                       " VALUES (?, ?, ?, ?)", (url, etag, last_modified, now_iso()))

    # articles ----------------------------------------------------------------------------------

    def find_by_hash(self, content_hash: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT id, story_id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1",
                               (content_hash,)).fetchone()

    def recent_signatures(self, since: str) -> list[sqlite3.Row]:
        """Near-duplicate signatures of articles stored since `since`, oldest first."""
        return self.db.execute("SELECT id, story_id, duplicate_of, minhash FROM articles"
                               " WHERE stored_at >= ? AND minhash IS NOT NULL ORDER BY seq", (since,)).fetchall()

    def save_batch(self, articles: list[tuple[EnrichedArticle, bytes | None]], processed: dict[int, str],
                   queue_for_index: bool) -> list[EnrichedArticle]:
        """Store enriched articles (FTS, facets and index outbox in the same transaction) and mark
        their raw pages processed. Returns the articles that were new (not updates of a stored id)."""
        new, stored_at = [], now_iso()
        with self.transaction() as db:
            for article, minhash in articles:
                existing = db.execute("SELECT seq FROM articles WHERE id = ?", (article.id,)).fetchone()
                facets = set(_facets(article))
                values = (article.url, article.source, article.title, article.text, _entity_names(article),
                          _facet_terms(article, facets), article.published_at, article.fetched_at,
                          article.published_at or article.fetched_at, int(article.relevant), article.story_id,
                          article.duplicate_of, article.content_hash, minhash,
                          json.dumps(article.to_record(), ensure_ascii=False))
                if existing:
                    seq = existing["seq"]
                    db.execute("UPDATE articles SET url=?, source=?, title=?, text=?, entity_names=?, facet_terms=?,"
                               " published_at=?, fetched_at=?, day_time=?, relevant=?, story_id=?,"
                               " duplicate_of=?, content_hash=?, minhash=?, record=? WHERE seq=?", values + (seq,))
                    db.execute("DELETE FROM article_facets WHERE article_seq = ?", (seq,))
                else:
                    seq = db.execute("INSERT INTO articles (url, source, title, text, entity_names, facet_terms,"
                                     " published_at, fetched_at, day_time, relevant, story_id, duplicate_of,"
                                     " content_hash, minhash, record, id, stored_at, alerts_checked)"
                                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                                     values + (article.id, stored_at)).lastrowid
                    new.append(article)
                db.executemany("INSERT OR IGNORE INTO article_facets (article_seq, facet, value) VALUES (?, ?, ?)",
                               [(seq, facet, value) for facet, value in facets])
                if queue_for_index:
                    db.execute("INSERT OR REPLACE INTO index_outbox (article_id, queued_at) VALUES (?, ?)",
                               (article.id, stored_at))
            db.executemany("UPDATE raw_pages SET processed_at = ?, outcome = ? WHERE id = ?",
                           [(stored_at, outcome, raw_id) for raw_id, outcome in processed.items()])
        return new

    def articles_awaiting_alerts(self) -> list[EnrichedArticle]:
        """Stored articles the alert rules have not seen yet, in the order they were stored."""
        rows = self.db.execute("SELECT record FROM articles WHERE alerts_checked = 0 ORDER BY seq")
        return [EnrichedArticle.from_record(json.loads(row["record"])) for row in rows]

    def articles_between(self, start: str, end: str, relevant_only: bool = False) -> list[EnrichedArticle]:
        """Articles whose day time (published, else fetched) is in [start, end), oldest first."""
        rows = self.db.execute(
            "SELECT record FROM articles WHERE day_time >= ? AND day_time < ?"
            + (" AND relevant = 1" if relevant_only else "") + " ORDER BY day_time, seq", (start, end))
        return [EnrichedArticle.from_record(json.loads(row["record"])) for row in rows]

    def iter_records(self, since: str | None = None, until: str | None = None):
        """Every stored record, oldest first by day time, streamed."""
        rows = self.db.execute("SELECT record FROM articles WHERE day_time >= ? AND day_time < ?"
                               " ORDER BY day_time, seq", (since or "", until or "9999"))
        for row in rows:
            yield json.loads(row["record"])

    def count_articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    # alerts, digests, sources ------------------------------------------------------------------

    def digest_sent(self, day: str, channel: str) -> bool:
        return self.db.execute("SELECT 1 FROM digests_sent WHERE day = ? AND channel = ?",
                               (day, channel)).fetchone() is not None

    def record_digest_sent(self, day: str, channel: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO digests_sent (day, channel, sent_at) VALUES (?, ?, ?)",
                       (day, channel, now_iso()))

    def record_source_run(self, source: str, fetched: int, new: int, error: str | None,
                          newest_item_at: str | None = None) -> None:
        now = now_iso()
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO source_state (source) VALUES (?)", (source,))
            if newest_item_at:
                db.execute("UPDATE source_state SET newest_item_at = max(coalesce(newest_item_at, ''), ?)"
                           " WHERE source = ?", (newest_item_at, source))
            if error:
                db.execute("UPDATE source_state SET last_run_at=?, last_error=?, last_fetched=?, last_new=?,"
                           " consecutive_failures = consecutive_failures + 1 WHERE source=?",
                           (now, error, fetched, new, source))
            else:
                db.execute("UPDATE source_state SET last_run_at=?, last_success_at=?, last_error=NULL,"
                           " last_fetched=?, last_new=?, consecutive_failures=0,"
                           " consecutive_empty = CASE WHEN ? > 0 THEN 0 ELSE consecutive_empty + 1 END"
                           " WHERE source=?", (now, now, fetched, new, new, source))

    def back_off_source(self, source: str, until: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE source_state SET backoff_until = ? WHERE source = ?", (until, source))

    def source_states(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM source_state ORDER BY source").fetchall()


def disk_hint(path: Path) -> str:
    """Why a store may fail to open or write: say it when the disk is read-only or full."""
    folder = next((parent for parent in [path.parent, *path.parent.parents] if parent.exists()), None)
    if folder is None:
        return ""
    stats = os.statvfs(folder)
    if stats.f_flag & os.ST_RDONLY:
        return f" (the disk holding {folder} is read-only)"
    if stats.f_bavail * stats.f_frsize < 1024 * 1024:
        return f" (the disk holding {folder} is full)"
    return ""


def _entity_names(article: EnrichedArticle) -> str:
    names = {entity["text"] for entity in article.entities}
    names |= {entity["id"] for entity in article.entities if entity.get("id")}
    return " ".join(sorted(names))


def facet_term(facet: str, value: str) -> str:
    """A facet value as one full-text token of the `facet_terms` column (searched only through a
    column filter): "zz", the facet's initial, the value's UTF-8 in hex (migration 8 writes the same
    with SQLite's hex())."""
    return "zz" + facet[0] + value.encode("utf-8").hex()


def _facet_terms(article: EnrichedArticle, facets: set) -> str:
    return " ".join(sorted({facet_term(facet, value) for facet, value in facets} | {facet_term("source", article.source)}))


def _facets(article: EnrichedArticle):
    yield from (("category", category) for category in article.categories)
    yield from (("topic", topic) for topic in article.topics)
    for entity in article.entities:
        yield "entity", (entity.get("id") or entity["text"]).lower()
