"""The store's schema, one numbered step at a time; `PRAGMA user_version` says how far a file is.

A step is never edited once released: a change to the schema is a new step at the end."""
import sqlite3

from newsmon.errors import NewsmonError

MIGRATIONS: list[str] = [
    # 1: the first schema.
    """
    CREATE TABLE raw_pages (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        source TEXT NOT NULL,
        status INTEGER NOT NULL,
        headers TEXT NOT NULL,          -- JSON object
        body BLOB NOT NULL,             -- zlib-compressed bytes as received
        hints TEXT NOT NULL,            -- JSON PageHints from the entry point
        fetched_at TEXT NOT NULL,
        processed_at TEXT,              -- NULL until processing has taken it
        outcome TEXT                    -- stored | duplicate | no_article | error: ...
    );
    CREATE INDEX raw_pages_pending ON raw_pages(id) WHERE processed_at IS NULL;

    -- Every URL under which an article page was fetched (as linked and canonical): not fetched again.
    CREATE TABLE seen_urls (url TEXT PRIMARY KEY, source TEXT NOT NULL, seen_at TEXT NOT NULL) WITHOUT ROWID;

    -- Conditional-request validators of entry points (feeds, sitemaps, listings).
    CREATE TABLE http_validators (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, updated_at TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,        -- stable rowid for the FTS index
        id TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        entity_names TEXT NOT NULL,     -- entity ids and texts, for full-text search
        published_at TEXT,
        fetched_at TEXT NOT NULL,
        day_time TEXT NOT NULL,         -- published_at, or fetched_at when unknown: what a digest day is cut by
        relevant INTEGER NOT NULL,
        story_id TEXT NOT NULL,
        duplicate_of TEXT,
        content_hash TEXT NOT NULL,
        minhash BLOB,                   -- near-duplicate signature
        record TEXT NOT NULL,           -- the full article record as JSON
        stored_at TEXT NOT NULL
    );
    CREATE INDEX articles_day_time ON articles(day_time);
    CREATE INDEX articles_stored_at ON articles(stored_at);
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_story ON articles(story_id);

    CREATE TABLE article_facets (
        article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
        facet TEXT NOT NULL,            -- category | entity | topic
        value TEXT NOT NULL,
        PRIMARY KEY (facet, value, article_seq)
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, entity_names, content='articles', content_rowid='seq', tokenize='unicode61'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text, entity_names)
        VALUES (new.seq, new.title, new.text, new.entity_names);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text, entity_names)
        VALUES ('delete', old.seq, old.title, old.text, old.entity_names);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text, entity_names)
        VALUES ('delete', old.seq, old.title, old.text, old.entity_names);
        INSERT INTO articles_fts(rowid, title, text, entity_names)
        VALUES (new.seq, new.title, new.text, new.entity_names);
    END;

    -- Articles waiting to be indexed in Elasticsearch (filled in the same transaction as articles).
    CREATE TABLE index_outbox (
        article_id TEXT PRIMARY KEY, queued_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
    ) WITHOUT ROWID;

    CREATE TABLE alerts_fired (
        alert TEXT NOT NULL, story_id TEXT NOT NULL, article_id TEXT NOT NULL, fired_at TEXT NOT NULL,
        PRIMARY KEY (alert, story_id)
    ) WITHOUT ROWID;

    CREATE TABLE digests_sent (
        day TEXT NOT NULL, channel TEXT NOT NULL, sent_at TEXT NOT NULL, PRIMARY KEY (day, channel)
    ) WITHOUT ROWID;

    CREATE TABLE source_state (
        source TEXT PRIMARY KEY,
        last_run_at TEXT, last_success_at TEXT, last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_fetched INTEGER NOT NULL DEFAULT 0, last_new INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    """,
    # 2: a document Elasticsearch rejects (a mapping error) is kept with its error, never retried blindly.
    """
    ALTER TABLE index_outbox ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
    """,
    # 3: the delivery queue (alerts, digests, health notices retried until delivered), silent-source
    # counts, and each scheduled job's last result.
    """
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        kind TEXT NOT NULL,                 -- alert | digest | health
        key TEXT NOT NULL UNIQUE,           -- what makes two messages the same message
        payload TEXT NOT NULL,              -- JSON
        created_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending',   -- pending | sent | failed
        last_error TEXT,
        sent_at TEXT
    );
    CREATE INDEX deliveries_due ON deliveries(status, due_at);
    ALTER TABLE source_state ADD COLUMN consecutive_empty INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE source_state ADD COLUMN health_notified INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE job_runs (job TEXT PRIMARY KEY, last_run_at TEXT, last_result TEXT) WITHOUT ROWID;
    """,
    # 4: the newest item an entry point listed, for staleness (a feed answering 200 with old news), and
    # the back-off of a source that refused us.
    """
    ALTER TABLE source_state ADD COLUMN newest_item_at TEXT;
    -- A source that answered 403 or 429 is left alone until then.
    ALTER TABLE source_state ADD COLUMN backoff_until TEXT;
    """,
    # 5: alert rules run over every stored article exactly once, even if the run that stored it was
    # killed before its alerts: articles already stored count as checked.
    """
    ALTER TABLE articles ADD COLUMN alerts_checked INTEGER NOT NULL DEFAULT 1;
    CREATE INDEX articles_alerts_pending ON articles(seq) WHERE alerts_checked = 0;
    """,
    # 6: search ranks inside FTS5 (ORDER BY rank) with the title weighted 8, text 1, entity names 3.
    """
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0, 3.0)');
    """,
    # 7: an article URL being fetched by one crawl process, so a parallel crawl of an overlapping source
    # (serve runs sources in separate children) does not fetch it too. `owner` is "pid/source".
    """
    CREATE TABLE url_claims (
        url TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        claimed_at TEXT NOT NULL
    );
    CREATE INDEX url_claims_owner ON url_claims(owner);
    """,
    # 8: facets (categories, topics, entities, source) as tokens in the full-text index, so search
    # filters are intersected by FTS5 before bm25 ranks anything (store/search.py). A token is "zz",
    # the facet's initial and the value's UTF-8 in hex, as store.sqlite.facet_term writes it.
    # FTS5 tables cannot gain a column: the index is rebuilt from the articles.
    """
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER articles_fts_delete;
    DROP TRIGGER articles_fts_update;
    DROP TABLE articles_fts;
    ALTER TABLE articles ADD COLUMN facet_terms TEXT NOT NULL DEFAULT '';
    -- grouped once into a table keyed by article: the facets' key starts with the facet, not the article
    CREATE TEMP TABLE facet_terms_of (seq INTEGER PRIMARY KEY, terms TEXT NOT NULL);
    INSERT INTO facet_terms_of SELECT article_seq, group_concat('zz' || substr(facet, 1, 1) || lower(hex(value)), ' ')
        FROM article_facets GROUP BY article_seq;
    UPDATE articles SET facet_terms = trim(coalesce((SELECT terms FROM facet_terms_of t WHERE t.seq = articles.seq), '')
                                           || ' zzs' || lower(hex(source)));
    DROP TABLE facet_terms_of;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, entity_names, facet_terms, content='articles', content_rowid='seq', tokenize='unicode61'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text, entity_names, facet_terms)
        VALUES (new.seq, new.title, new.text, new.entity_names, new.facet_terms);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text, entity_names, facet_terms)
        VALUES ('delete', old.seq, old.title, old.text, old.entity_names, old.facet_terms);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text, entity_names, facet_terms)
        VALUES ('delete', old.seq, old.title, old.text, old.entity_names, old.facet_terms);
        INSERT INTO articles_fts(rowid, title, text, entity_names, facet_terms)
        VALUES (new.seq, new.title, new.text, new.entity_names, new.facet_terms);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0, 3.0, 0.0)');
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the file up to SCHEMA_VERSION, each step in its own transaction. Returns the version."""
    version = _version(connection)
    if version > SCHEMA_VERSION:
        raise NewsmonError(f"the store was written by a newer newsmon (schema {version}, "
                           f"this one knows {SCHEMA_VERSION}); upgrade newsmon")
    while version < SCHEMA_VERSION:
        # Several processes may open a new file at once (parallel crawls): the version is read again
        # under the write lock, so a step another process has just applied is not applied twice.
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = _version(connection)
            if version < SCHEMA_VERSION:
                for statement in _statements(MIGRATIONS[version]):
                    connection.execute(statement)
                version += 1
                connection.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return SCHEMA_VERSION


def _version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def _statements(script: str) -> list[str]:
    """A migration's statements one by one (executescript would commit the open transaction);
    sqlite3.complete_statement keeps a trigger's BEGIN ... END; together."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError(f"an incomplete statement in a migration: {pending.strip()[:80]}")
    return statements
