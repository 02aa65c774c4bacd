"""The Elasticsearch index template for article records: every field of the record, typed.

Nested objects keep each figure's currency with its own value; flat copies (`entity_ids`,
`money_figures_flat`, `money_usd_total`) exist because Kibana's classic visualisations cannot
aggregate nested fields."""
from __future__ import annotations

KEYWORD = {"type": "keyword"}
DOUBLE = {"type": "double"}
ENGLISH_TEXT = {"type": "text", "analyzer": "english"}

ARTICLE_PROPERTIES = {
    "id": KEYWORD, "url": KEYWORD, "source": KEYWORD, "language": KEYWORD, "outlet": KEYWORD,
    "title": {**ENGLISH_TEXT, "fields": {"keyword": {"type": "keyword", "ignore_above": 512}}},
    "text": ENGLISH_TEXT,
    "published_at": {"type": "date"}, "fetched_at": {"type": "date"},
    "authors": KEYWORD, "relevant": {"type": "boolean"}, "topics": KEYWORD, "categories": KEYWORD,
    "story_id": KEYWORD, "duplicate_of": KEYWORD,
    "category_evidence": {"type": "object", "enabled": False},
    "entities": {"type": "nested", "properties": {"text": KEYWORD, "label": KEYWORD, "id": KEYWORD}},
    "figures": {"type": "nested", "properties": {
        "kind": KEYWORD, "text": KEYWORD, "value": DOUBLE, "value_max": DOUBLE, "currency": KEYWORD,
        "value_usd": DOUBLE, "unit": KEYWORD, "equivalent_of": KEYWORD, "sentence": {"type": "text"}}},
    "claims": {"type": "nested", "properties": {
        "kind": KEYWORD, "subject": KEYWORD, "benchmark": KEYWORD, "score": DOUBLE, "unit": KEYWORD,
        "comparator": KEYWORD, "comparator_score": DOUBLE, "text": {"type": "text"}}},
    "quotes": {"type": "nested", "properties": {
        "speaker": KEYWORD, "role": KEYWORD, "org": KEYWORD, "stance": KEYWORD, "direct": {"type": "boolean"},
        "text": {"type": "text"}}},
    "entity_ids": KEYWORD,
    "money_usd_total": DOUBLE,
    "money_figures_flat": {"properties": {"text": KEYWORD, "currency": KEYWORD, "value": DOUBLE, "value_usd": DOUBLE}},
}


def index_template(index: str) -> dict:
    """A composable template for `<index>-*`: the concrete indexes behind the alias `<index>`."""
    return {
        "index_patterns": [f"{index}-*"],
        "priority": 200,
        "template": {
            "settings": {"number_of_shards": 1, "number_of_replicas": 0},
            "mappings": {"dynamic": False, "properties": ARTICLE_PROPERTIES},   # new record fields wait for a rebuild
        },
        "_meta": {"managed_by": "newsmon"},
    }


def document(record: dict) -> dict:
    """The record as indexed: itself plus the flat copies for Kibana."""
    money = [figure for figure in record.get("figures", []) if figure.get("kind") == "money"]
    return {**record,
            "entity_ids": sorted({entity["id"] for entity in record.get("entities", []) if entity.get("id")}),
            "money_figures_flat": [{key: figure.get(key) for key in ("text", "currency", "value", "value_usd")}
                                   for figure in money],
            "money_usd_total": sum(figure.get("value_usd") or 0 for figure in money)}
