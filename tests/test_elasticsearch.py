"""Elasticsearch indexing: the template, the outbox when the cluster is down, bulk outcomes, the
Kibana objects; and, when NEWSMON_TEST_ES_URL names a real cluster, the whole thing against it."""
from __future__ import annotations

import json
import os
import uuid

import pytest

from config.settings import load_settings
from conftest import free_port, run_newsmon, site_config, write_config
from fake_elasticsearch import FakeElasticsearch
from pipeline.records import EnrichedArticle
from store.es_mapping import ARTICLE_PROPERTIES, index_template
from store.elasticsearch import ElasticIndex, outbox_counts
from store.sqlite import Store

REAL_CLUSTER = os.environ.get("NEWSMON_TEST_ES_URL")


def test_the_template_maps_every_record_field_with_its_type():
    template = index_template("newsmon-articles")
    assert template["index_patterns"] == ["newsmon-articles-*"]
    properties = template["template"]["mappings"]["properties"]
    assert set(EnrichedArticle.RECORD_FIELDS) <= set(properties)
    assert properties["title"]["type"] == "text" and properties["title"]["fields"]["keyword"]["type"] == "keyword"
    assert properties["text"]["analyzer"] == "english"
    assert {properties[name]["type"] for name in ("published_at", "fetched_at")} == {"date"}
    for name in ("source", "language", "topics", "categories", "story_id", "duplicate_of", "url"):
        assert properties[name]["type"] == "keyword", name
    assert properties["relevant"]["type"] == "boolean"
    for name in ("entities", "figures", "claims", "quotes"):
        assert properties[name]["type"] == "nested", name
    figures = properties["figures"]["properties"]
    assert figures["currency"]["type"] == "keyword" and figures["value"]["type"] == figures["value_usd"]["type"] == "double"
    assert properties["quotes"]["properties"]["stance"]["type"] == "keyword"
    assert properties["claims"]["properties"]["score"]["type"] == "double"


def test_a_cluster_that_is_down_delays_indexing_and_loses_nothing(tmp_path, demo_site):
    closed = f"http://127.0.0.1:{free_port()}"
    data = site_config(tmp_path, demo_site.base_url,
                       storage={"sqlite_path": str(tmp_path / "n.db"),
                                "elasticsearch": {"url": closed, "index": "newsmon-articles"}})
    config = write_config(tmp_path / "c.yaml", data)
    result = run_newsmon("run-once", config=config)
    assert result.returncode == 0, result.stderr
    assert "pending" in result.stdout and "Elasticsearch: cannot connect" in result.stdout
    stored = len(run_newsmon("export", config=config).stdout.splitlines())
    assert stored == 30
    status = run_newsmon("index", "status", config=config)
    assert status.returncode == 1 and f"pending: {stored}" in status.stdout and "unreachable" in status.stdout
    setup = run_newsmon("index", "setup", config=config)
    assert setup.returncode == 1
    assert setup.stderr.count("\n") == 1 and closed in setup.stderr and "Traceback" not in setup.stderr
    search = run_newsmon("search", "Qwen", "--json", config=config)
    assert search.returncode == 0 and search.stdout and "searching SQLite instead" in search.stderr
    sync = run_newsmon("index", "sync", config=config)
    assert sync.returncode == 1 and f"{stored} pending" in sync.stdout and "cannot connect" in sync.stdout
    del data["storage"]["elasticsearch"]
    unconfigured = run_newsmon("index", "sync", config=write_config(tmp_path / "plain.yaml", data))
    assert unconfigured.returncode == 2 and "storage.elasticsearch: not configured" in unconfigured.stderr


def stored_articles(tmp_path, count: int) -> Store:
    store = Store(tmp_path / "n.db")
    articles = [EnrichedArticle(id=f"a{index}", url=f"https://x.example/{index}", source="s", title=f"T-Head chip {index}",
                                published_at="2026-11-27T08:00:00Z", fetched_at="2026-11-27T09:00:00Z", language="en",
                                authors=[], text="T-Head shipped a chip.", story_id=f"a{index}", content_hash=f"h{index}")
                for index in range(count)]
    store.save_batch([(article, None) for article in articles], {}, queue_for_index=True)
    return store


def test_bulk_outcomes_with_a_stand_in_cluster(tmp_path):
    """Uses FakeElasticsearch (no real cluster can run here): retryable and rejected documents."""
    fake = FakeElasticsearch()
    try:
        store = stored_articles(tmp_path, 5)
        fake.status_for = {"a1": [429, 429, 429, 429, 429], "a2": [400], "a3": [429]}
        loaded = load_settings(write_config(tmp_path / "c.yaml", {"storage": {
            "sqlite_path": str(tmp_path / "n.db"), "elasticsearch": {"url": fake.url, "index": "newsmon-articles"}}}))
        index = ElasticIndex(loaded.settings.storage.elasticsearch, loaded.secrets)
        report = index.sync(store)
        assert (report.indexed, report.retry_later, report.rejected) == (3, 1, 1)   # a3 succeeded on its retry
        assert outbox_counts(store) == (1, 1)
        report = index.sync(store)
        assert report.indexed == 1 and outbox_counts(store) == (0, 1)
        assert set(fake.documents) == {"a0", "a1", "a3", "a4"}
        assert fake.documents["a0"]["entity_ids"] == [] and fake.documents["a0"]["money_usd_total"] == 0
        error = store.db.execute("SELECT last_error FROM index_outbox WHERE article_id = 'a2'").fetchone()[0]
        assert "mapper_parsing_exception" in error
        store.close()
    finally:
        fake.stop()


def test_kibana_export_objects_reference_each_other(tmp_path):
    config = write_config(tmp_path / "c.yaml", {"storage": {"sqlite_path": str(tmp_path / "n.db")}})
    out = tmp_path / "objects.ndjson"
    result = run_newsmon("kibana", "export", "--out", out, config=config)
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    ids = {(item["type"], item["id"]) for item in objects}
    data_views = [item for item in objects if item["type"] == "index-pattern"]
    assert len(data_views) == 1 and data_views[0]["attributes"]["title"] == "newsmon-articles-*"
    assert data_views[0]["attributes"]["timeFieldName"] in ARTICLE_PROPERTIES
    titles = {item["attributes"]["title"] for item in objects if item["type"] == "search"}
    assert {"Relevant", "Chip news", "Regulatory news", "Money figures"} <= titles
    for item in objects:
        for reference in item.get("references", []):
            assert (reference["type"], reference["id"]) in ids, (item["id"], reference)
        meta = item["attributes"].get("kibanaSavedObjectMeta", {})
        if "searchSourceJSON" in meta:
            assert isinstance(json.loads(meta["searchSourceJSON"]), dict)
    [dashboard] = [item for item in objects if item["type"] == "dashboard"]
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    names = {reference["name"] for reference in dashboard["references"]}
    assert panels and all(panel["panelRefName"] in names for panel in panels)


def test_kibana_import_unreachable_is_one_line(tmp_path):
    config = write_config(tmp_path / "c.yaml", {"storage": {"sqlite_path": str(tmp_path / "n.db")}})
    result = run_newsmon("kibana", "import", "--url", f"http://127.0.0.1:{free_port()}", config=config)
    assert result.returncode == 1 and "unreachable" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def real_index(tmp_path):
    if not REAL_CLUSTER:
        pytest.skip("no Elasticsearch here: set NEWSMON_TEST_ES_URL to a cluster to run the real-cluster tests")
    name = f"newsmon-test-{uuid.uuid4().hex[:8]}"
    loaded = load_settings(write_config(tmp_path / "c.yaml", {"storage": {
        "sqlite_path": str(tmp_path / "n.db"), "elasticsearch": {"url": REAL_CLUSTER, "index": name}}}))
    index = ElasticIndex(loaded.settings.storage.elasticsearch, loaded.secrets)
    yield index
    index.client.indices.delete(index=f"{name}-*", ignore_unavailable=True)
    index.client.indices.delete_index_template(name=f"{name}-template", ignore=[404])


@pytest.mark.elasticsearch
def test_real_cluster_setup_sync_search_rebuild(tmp_path, real_index):
    from store.search import SearchFilters, search_sqlite

    assert real_index.setup() and real_index.setup()   # idempotent
    store = stored_articles(tmp_path, 4)
    assert real_index.sync(store).indexed == 4
    real_index.client.indices.refresh(index=real_index.alias)
    assert real_index.count() == 4
    hits = real_index.search("chip", SearchFilters(limit=10))
    assert {hit["id"] for hit in hits} == {hit["id"] for hit in search_sqlite(store, "chip", SearchFilters(limit=10))}
    before = set(real_index.client.indices.get_alias(name=real_index.alias))
    new_index, count = real_index.rebuild(store)
    assert count == 4 and set(real_index.client.indices.get_alias(name=real_index.alias)) == {new_index} != before
    store.close()
