"""Full-text search over the SQLite store: FTS5 with bm25, filters narrowed before ranking.

The query is taken as words, each matched as a phrase ("T-Head" stays one phrase); OR between
words is kept. Filters: categories (any of), entities (all of), source, and a date range on the
article's day time (published, else fetched).

FTS5 computes bm25 for every match before it can sort, so a word found in most of a 200,000-article
archive costs 100-300 ms; and such a word tells articles apart hardly at all (its idf is near zero).
So ranking is bounded: a query expected to match more than RANK_BUDGET articles is ranked window by
window over the newest articles (by store order, which follows fetching), and the first windows that
yield `limit` results answer it. A selective query is ranked over the whole archive in one go. The
date filter also bounds the store order range searched (an index lookup), so an old window costs what
it holds. FTS5 evaluates a `rowid IN (...)` constraint as one full MATCH per value, so candidate sets
are never handed to it that way; rowid ranges are native to it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from store.sqlite import Store, facet_term

# Matches ranked per window: ~2 microseconds each for a word in every article, so ~10 ms.
RANK_BUDGET = 5000
# Newest rows whose matches estimate a query's density (matches per stored article).
SAMPLE_ROWS = 2000


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


def search_sqlite(store: Store, query: str, filters: SearchFilters, rank_budget: int = RANK_BUDGET) -> list[dict]:
    """Matching article records, best first, each with `score` and a highlighted `snippet`.

    Ranking runs inside FTS5 with the weights configured in the index, over bounded windows (see the
    module's docstring); the facet filters are part of the MATCH, so FTS5 intersects them before
    ranking; records and snippets are read afterwards for the few rows returned (a snippet computed
    before the LIMIT would cost per match)."""
    words = fts_query(query)
    if words:
        rows = _ranked(store, f"{{title text entity_names}} : ({words}){_facet_match(filters)}", filters, rank_budget)
    else:
        rows = _newest(store, filters)
    results = []
    for row in rows:
        record = json.loads(row["record"])
        record["score"] = round(-row["rank"], 4)
        record["snippet"] = _snippet(store, words, row["seq"]) if words else " ".join(record["text"][:200].split())
        results.append(record)
    return results


def _facet_match(filters: SearchFilters) -> str:
    """The filters as FTS5 conditions on the facet_terms column: categories any of, entities all of."""
    terms = []
    if filters.categories:
        terms.append(" OR ".join(f'"{facet_term("category", category)}"' for category in filters.categories))
    terms += [f'"{facet_term("entity", entity.lower())}"' for entity in filters.entities]
    if filters.source:
        terms.append(f'"{facet_term("source", filters.source)}"')
    return "".join(f" AND facet_terms : ({term})" for term in terms)


def _newest(store: Store, filters: SearchFilters) -> list:
    """No words: the newest articles that pass the filters."""
    where, parameters = ["a.day_time >= ?", "a.day_time < ?"], [filters.since or "", filters.until or "9999"]
    if filters.source:
        where.append("a.source = ?")
        parameters.append(filters.source)
    # Correlated lookups on the facets' primary key: `seq IN (SELECT ...)` would list a whole category first.
    if filters.categories:
        where.append("EXISTS (SELECT 1 FROM article_facets f WHERE f.facet = 'category' AND f.value IN "
                     f"({','.join('?' * len(filters.categories))}) AND f.article_seq = a.seq)")
        parameters.extend(filters.categories)
    for entity in filters.entities:
        where.append("EXISTS (SELECT 1 FROM article_facets f WHERE f.facet = 'entity' AND f.value = ? AND f.article_seq = a.seq)")
        parameters.append(entity.lower())
    return store.db.execute(f"SELECT a.seq, a.record, 0 AS rank FROM articles a WHERE {' AND '.join(where)}"
                            " ORDER BY a.day_time DESC LIMIT ?", parameters + [filters.limit]).fetchall()


def _ranked(store: Store, match: str, filters: SearchFilters, rank_budget: int) -> list:
    """The best `limit` rows by bm25 among the newest windows of matches that yield that many."""
    low, high = _store_order_range(store, filters)
    if high is None:
        return []
    sample_rows = min(SAMPLE_ROWS, rank_budget)
    sampled_from = max(low, high - sample_rows + 1)
    sampled = store.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?",
                               (match, sampled_from, high)).fetchone()[0]
    density = sampled / (high - sampled_from + 1)
    window = high - low + 1 if density * (high - low + 1) <= rank_budget else max(sample_rows, int(rank_budget / density))
    sql = ("SELECT a.seq, a.record, articles_fts.rank AS rank FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
           " WHERE articles_fts MATCH ? AND articles_fts.rowid BETWEEN ? AND ? AND a.day_time >= ? AND a.day_time < ?"
           " ORDER BY rank LIMIT ?")
    rows, end = [], high
    while end >= low and len(rows) < filters.limit:
        start = max(low, end - window + 1)
        rows += store.db.execute(sql, (match, start, end, filters.since or "", filters.until or "9999",
                                       filters.limit)).fetchall()
        end = start - 1
    return sorted(rows, key=lambda row: row["rank"])[:filters.limit]


def _store_order_range(store: Store, filters: SearchFilters) -> tuple[int, int | None]:
    """The lowest and highest store order (seq) of the articles inside the date filter."""
    # Two subqueries: SQLite answers a lone min() or max() from the index's ends, but scans for both at once.
    if filters.since or filters.until:
        days = "FROM articles WHERE day_time >= :since AND day_time < :until"
        row = store.db.execute(f"SELECT (SELECT min(seq) {days}), (SELECT max(seq) {days})",
                               {"since": filters.since or "", "until": filters.until or "9999"}).fetchone()
    else:
        row = store.db.execute("SELECT (SELECT min(seq) FROM articles), (SELECT max(seq) FROM articles)").fetchone()
    return (row[0] or 0), row[1]


def _snippet(store: Store, match: str, rowid: int) -> str:
    row = store.db.execute("SELECT snippet(articles_fts, 1, '[', ']', '…', 24) FROM articles_fts"
                           " WHERE articles_fts MATCH ? AND rowid = ?", (match, rowid)).fetchone()
    return " ".join(row[0].split()) if row else ""
