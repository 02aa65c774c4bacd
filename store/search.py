"""Full-text search over the SQLite store: FTS5 with bm25, filters narrowed before ranking.

The query is taken as words, each matched as a phrase ("T-Head" stays one phrase); OR between
words is kept. Filters: categories (any of), entities (all of), source, and a date range on the
article's day time (published, else fetched)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from store.sqlite import Store

TITLE_WEIGHT, TEXT_WEIGHT, ENTITY_WEIGHT = 8.0, 1.0, 3.0


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
    """Matching article records, best first, each with `score` and a highlighted `snippet`."""
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
        sql = (f"SELECT a.record, bm25(articles_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT}, {ENTITY_WEIGHT}) AS rank,"
               " snippet(articles_fts, 1, '[', ']', '…', 24) AS snippet"
               " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
               f" WHERE articles_fts MATCH ? AND {' AND '.join(where)} ORDER BY rank LIMIT ?")
        parameters = [match] + parameters
    else:
        sql = (f"SELECT a.record, 0 AS rank, substr(a.text, 1, 200) AS snippet FROM articles a"
               f" WHERE {' AND '.join(where)} ORDER BY a.day_time DESC LIMIT ?")
    rows = store.db.execute(sql, parameters + [filters.limit]).fetchall()
    results = []
    for row in rows:
        record = json.loads(row["record"])
        record["score"] = round(-row["rank"], 4)
        record["snippet"] = " ".join(row["snippet"].split())
        results.append(record)
    return results
