"""Configuration errors: one readable line per problem (file, key, what is wrong), exit status 2."""
from __future__ import annotations


import pytest

from conftest import ROOT, run_newsmon

SPEC_SAMPLE = ROOT / "tests" / "data" / "config" / "spec-sample.yaml"
SECRETS = {"NEWSMON_ES_API_KEY": "k", "NEWSMON_SMTP_USER": "u", "NEWSMON_SMTP_PASSWORD": "p"}


def test_the_spec_sample_is_accepted_as_it_stands():
    result = run_newsmon("check-config", config=SPEC_SAMPLE, env=SECRETS)
    assert result.returncode == 0, result.stderr
    assert "sources: 3 over 3 kinds" in result.stdout


def test_the_shipped_configurations_are_valid():
    for name in ("newsmon.yaml", "demo.yaml"):
        result = run_newsmon("check-config", config=ROOT / "config" / name)
        assert result.returncode == 0, result.stderr


BAD = [
    ("storage:\n  sqlite_path: x.db\n  colour: blue\n", "storage.colour: unknown key"),
    ("sources:\n  - {name: a, type: feed, url: 'http://x/f', every: 5 minutes}\n", "sources[0].every: not a duration"),
    ("sources:\n  - {name: a, type: feed, url: 'not a url'}\n", "sources[0].url: not a URL"),
    ("sources:\n  - {name: a, type: pigeon, url: 'http://x/'}\n", "sources[0]: unknown type 'pigeon'"),
    ("sources:\n  - {name: a, type: listing, url: 'http://x/'}\n", "sources[0]: a listing source needs link_selector"),
    ("digest:\n  time: '7:30pm'\n", "digest.time: not a time of day"),
    ("digest:\n  timezone: Mars/Base\n", "digest.timezone: unknown time zone"),
    ("alerts:\n  - {name: a, channels: [nowhere]}\n", "alerts[0].channels: no channel named 'nowhere'"),
    ("smtp:\n  port: 'twenty'\n", "smtp.port:"),
    ("storage:\n  elasticsearch: {url: 'http://127.0.0.1:9200', api_key_env: NEWSMON_TEST_UNSET_KEY}\n",
     "storage.elasticsearch.api_key_env: environment variable NEWSMON_TEST_UNSET_KEY is not set"),
    ("sources: [\n", "not valid YAML"),
]


@pytest.mark.parametrize("text, message", BAD, ids=[message.split(":")[0] for _, message in BAD])
def test_each_problem_is_one_line_and_exit_2(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    for command in (["check-config"], ["run-once"]):
        result = run_newsmon(*command, config=path)
        assert result.returncode == 2
        assert f"{path}: " in result.stderr and message in result.stderr
        assert "Traceback" not in result.stderr


def test_several_problems_are_all_reported(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("storage: {nope: 1}\ndigest: {time: '99:00', timezone: Nowhere/City}\n")
    result = run_newsmon("check-config", config=path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 3


def test_a_missing_configuration_file(tmp_path):
    result = run_newsmon("check-config", config=tmp_path / "absent.yaml")
    assert result.returncode == 2 and "cannot read the configuration file" in result.stderr


def test_an_unknown_source_name_is_a_usage_error(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(f"storage: {{sqlite_path: {tmp_path / 'n.db'}}}\n")
    result = run_newsmon("crawl", "--source", "nosuch", config=path)
    assert result.returncode == 2 and "--source nosuch" in result.stderr


def test_an_unusable_store_is_a_runtime_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    path = tmp_path / "c.yaml"
    path.write_text(f"storage: {{sqlite_path: {blocker / 'sub' / 'n.db'}}}\n")
    result = run_newsmon("run-once", config=path)
    assert result.returncode == 1 and "cannot open the store" in result.stderr
    assert "Traceback" not in result.stderr
