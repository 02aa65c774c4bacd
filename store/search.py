"""Full-text search over the SQLite store: FTS5 with bm25, filters narrowed before ranking.

The query is taken as words, each matched as a phrase ("T-Head" stays one phrase); OR between
words is kept. Filters: categories (any of), entities (all of), source, and a date range on the
article's day time (published, else fetched)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from store.sqlite import Store



@dataclass
class SearchFilters:
    categories: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    source: str | None = None
    since: str | None = None     # ISO date or time, inclusive
    until: str | None = None     # ISO date or time, exclusive
    limit: int = 20


def fts_query(text: str) -> str:
    terms = []
    for word in text.split():
        if word == "OR":
            if terms and terms[-1] != "OR":
                terms.append("OR")
        elif re.search(r"\w", word):
            terms.append('"' + word.replace('"', '""') + '"')
    while terms and terms[-1] == "OR":
        terms.pop()
    return " ".join(terms)


def search_sqlite(store: Store, query: str, filters: SearchFilters) -> list[dict]:
    """Matching article records, best first, each with `score` and a highlighted `snippet`.

    Ranking runs inside FTS5 with the weights configured in the index; filters narrow the joined
    articles; records and snippets are read afterwards for the few rows returned (a snippet computed
    before the LIMIT would cost in proportion to every match in the archive)."""
    where, parameters = ["a.day_time >= ?", "a.day_time < ?"], [filters.since or "", filters.until or "9999"]
    if filters.source:
        where.append("a.source = ?")
        parameters.append(filters.source)
    if filters.categories:
        where.append(f"a.seq IN (SELECT article_seq FROM article_facets WHERE facet = 'category' AND value IN "
                     f"({','.join('?' * len(filters.categories))}))")
        parameters.extend(filters.categories)
    for entity in filters.entities:
        where.append("a.seq IN (SELECT article_seq FROM article_facets WHERE facet = 'entity' AND value = ?)")
        parameters.append(entity.lower())
    match = fts_query(query)
    if match:
        rows = store.db.execute("SELECT a.seq, a.record, articles_fts.rank AS rank FROM articles_fts"
                                " JOIN articles a ON a.seq = articles_fts.rowid"
                                f" WHERE articles_fts MATCH ? AND {' AND '.join(where)} ORDER BY rank LIMIT ?",
                                [match] + parameters + [filters.limit]).fetchall()
    else:   # no words: the newest articles that pass the filters
        rows = store.db.execute(f"SELECT a.seq, a.record, 0 AS rank FROM articles a WHERE {' AND '.join(where)}"
                                " ORDER BY a.day_time DESC LIMIT ?", parameters + [filters.limit]).fetchall()
    results = []
    for row in rows:
        record = json.loads(row["record"])
        record["score"] = round(-row["rank"], 4)
        record["snippet"] = _snippet(store, match, row["seq"]) if match else " ".join(record["text"][:200].split())
        results.append(record)
    return results


def _snippet(store: Store, match: str, rowid: int) -> str:
    row = store.db.execute("SELECT snippet(articles_fts, 1, '[', ']', '…', 24) FROM articles_fts"
                           " WHERE articles_fts MATCH ? AND rowid = ?", (match, rowid)).fetchone()
    return " ".join(row[0].split()) if row else ""
