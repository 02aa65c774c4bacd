"""The typed loader: YAML in, validated `Settings` out, or a `ConfigError` naming file, key, problem.

The schema is the configuration section of SPEC.md plus our own optional keys (each documented in
the README). Unknown keys are errors so a typo never silently switches something off."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal, Union

import yaml
from pydantic import AfterValidator, Field, ValidationError

from config import DATA_DIR
from config.sources import Source
from config.validation import Duration, Strict, Url, check_clock, check_timezone, parse_duration
from newsmon.errors import ConfigError

__all__ = ["CATEGORIES", "ConfigError", "LoadedSettings", "Settings", "load_settings", "parse_duration"]
DEFAULT_CONFIG_PATH = "config/newsmon.yaml"


class ElasticsearchSettings(Strict):
    url: Url
    index: str = "newsmon-articles"
    api_key_env: str | None = None


class KibanaSettings(Strict):
    """Our addition: where `newsmon kibana import` posts the saved objects."""

    url: Url = "http://127.0.0.1:5601"
    username_env: str | None = None
    password_env: str | None = None


class StorageSettings(Strict):
    sqlite_path: str = "data/newsmon.db"
    elasticsearch: ElasticsearchSettings | None = None
    kibana: KibanaSettings | None = None


class Topic(Strict):
    name: str
    entities: list[str] = []
    keywords: list[str] = []
    min_mentions: int = Field(default=3, gt=0)   # body mentions that make an article "about" a topic


class AlertRule(Strict):
    name: str
    topics: list[str] = []
    categories: list[str] = []
    channels: list[str]


class FileChannel(Strict):
    type: Literal["file"]
    path: str


class EmailChannel(Strict):
    type: Literal["email"]
    to: list[str]


class WebhookChannel(Strict):
    type: Literal["webhook"]
    url: Url
    format: Literal["slack", "generic"] = "generic"
    timeout: Duration = "10s"


Channel = Annotated[Union[FileChannel, EmailChannel, WebhookChannel], Field(discriminator="type")]


class DigestSettings(Strict):
    time: Annotated[str, AfterValidator(check_clock)] = "07:30"
    timezone: Annotated[str, AfterValidator(check_timezone)] = "UTC"
    out_dir: str = "out/digests"
    channels: list[str] = []
    subject: str = "newsmon digest for {date}"


class SmtpSettings(Strict):
    host: str = "127.0.0.1"
    port: int = Field(default=25, gt=0, lt=65536)
    starttls: bool = False
    from_: str = Field(default="newsmon@localhost", alias="from")
    username_env: str | None = None
    password_env: str | None = None
    timeout: Duration = "30s"


class DeliverySettings(Strict):
    """Our addition: the persisted delivery queue of alerts, digests and health notices."""

    max_attempts: int = Field(default=20, gt=0)       # then the message is marked failed (newsmon status)
    backoff_base: Duration = "1s"                      # first retry after this, doubling each time ...
    backoff_cap: Duration = "30s"                      # ... but never waiting longer than this
    burst_window: Duration = "60s"                     # at most one alert message per channel per window;
                                                       # alerts arriving meanwhile go out together in one
    max_per_message: int = Field(default=50, gt=0)     # alerts listed in one burst message


class HealthSettings(Strict):
    """Our addition: when a source counts as unhealthy, and who hears about it."""

    max_failures: int = Field(default=3, gt=0)         # consecutive failed runs
    max_silent_runs: int = Field(default=12, gt=0)     # consecutive successful runs with nothing new
    channels: list[str] = []                           # where a health notice goes (once per incident)


class ServeSettings(Strict):
    """Our addition: the long-running scheduler."""

    max_parallel_crawls: int = Field(default=2, gt=0)  # crawl children at once, over all sources
    digest_grace: Duration = "6h"                      # a digest missed while down is still sent this late
    deliveries_every: Duration = "5s"                  # how often the delivery queue is drained
    log_file: str | None = None                        # rotating log file, besides stderr
    stop_timeout: Duration = "8s"                      # SIGTERM: children get this long before a kill


class CrawlSettings(Strict):
    """Our additions: how politely and how far crawls go."""

    user_agent: str = "newsmon/0.1 (+https://github.com/newsmon; news monitoring)"
    timeout: Duration = "20s"
    max_page_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    concurrent_per_domain: int = Field(default=4, gt=0)
    retries: int = Field(default=2, ge=0)
    obey_robots: bool = True


class ExtractionSettings(Strict):
    """Our additions: where the extractors' data lives (defaults: the files beside this loader)."""

    entities: str = str(DATA_DIR / "entities.yaml")
    categories: str = str(DATA_DIR / "categories.yaml")
    figures: str = str(DATA_DIR / "figures.yaml")
    fx: str = str(DATA_DIR / "fx.yaml")
    quotes: str = str(DATA_DIR / "quotes.yaml")
    batch_size: int = Field(default=64, gt=0)        # raw pages per unit of work (per worker task)
    # texts per spaCy batch: 64 articles of ~700 words raise a worker's peak memory from ~300 MB to
    # ~520 MB at the same speed (measured on the bench site), so spaCy gets smaller batches
    nlp_batch_size: int = Field(default=16, gt=0)
    processes: int = Field(default=0, ge=0)   # worker processes for extraction and enrichment; 0 = one per core
    near_duplicate_threshold: float = Field(default=0.7, gt=0, le=1)   # MinHash similarity of a copy
    story_threshold: float = Field(default=0.3, gt=0, le=1)            # ... of a rewrite of the same story
    dedup_window_days: int = Field(default=14, gt=0)
    lead_chars: int = Field(default=250, gt=0)              # title + this much body count as the lead
    category_min_sentences: int = Field(default=3, gt=0)   # body sentences with cues when none is in the lead


class Settings(Strict):
    storage: StorageSettings = StorageSettings()
    sources: list[Source] = []
    topics: list[Topic] = []
    alerts: list[AlertRule] = []
    channels: dict[str, Channel] = {}
    digest: DigestSettings = DigestSettings()
    smtp: SmtpSettings = SmtpSettings()
    crawl: CrawlSettings = CrawlSettings()
    deliveries: DeliverySettings = DeliverySettings()
    health: HealthSettings = HealthSettings()
    serve: ServeSettings = ServeSettings()
    extraction: ExtractionSettings = ExtractionSettings()



CATEGORIES = ("chip", "regulatory", "spend", "model", "adoption", "financials", "capital_return", "market")
def cross_reference_problems(settings: Settings) -> list[str]:
    """Names that must point at something defined elsewhere in the file."""
    problems = []
    names = [source.name for source in settings.sources]
    for index, name in enumerate(names):
        if names.index(name) != index:
            problems.append(f"sources[{index}].name: duplicate source name {name!r}")
    topic_names = {topic.name for topic in settings.topics}
    for index, rule in enumerate(settings.alerts):
        for channel in rule.channels:
            if channel not in settings.channels:
                problems.append(f"alerts[{index}].channels: no channel named {channel!r} under channels")
        for topic in rule.topics:
            if topic not in topic_names:
                problems.append(f"alerts[{index}].topics: no topic named {topic!r} under topics")
        for category in rule.categories:
            if category not in CATEGORIES:
                problems.append(f"alerts[{index}].categories: unknown category {category!r} "
                                f"(one of {', '.join(CATEGORIES)})")
    for section, channels in (("digest", settings.digest.channels), ("health", settings.health.channels)):
        for channel in channels:
            if channel not in settings.channels:
                problems.append(f"{section}.channels: no channel named {channel!r} under channels")
    needs_smtp = any(channel.type == "email" for channel in settings.channels.values())
    if needs_smtp and "smtp" not in settings.model_fields_set:
        problems.append("smtp: an email channel is configured but there is no smtp section")
    return problems


SECRET_KEYS = {"storage.elasticsearch.api_key_env": ("storage", "elasticsearch", "api_key_env"),
               "smtp.username_env": ("smtp", "username_env"),
               "smtp.password_env": ("smtp", "password_env"),
               "storage.kibana.username_env": ("storage", "kibana", "username_env"),
               "storage.kibana.password_env": ("storage", "kibana", "password_env")}


class LoadedSettings:
    """Settings plus where they came from, and the secrets resolved from the environment."""

    def __init__(self, settings: Settings, path: Path, secrets: dict[str, str]):
        self.settings = settings
        self.path = path
        self.secrets = secrets


def _key_path(location: tuple) -> str:
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in ("feed", "sitemap", "listing", "edgar", "federal_register", "json_api", "hkex", "file", "email",
                      "webhook", "function-after"):
            continue   # pydantic's union-branch tags are not keys the user wrote
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def _validation_lines(path: Path, error: ValidationError) -> list[str]:
    lines = []
    for problem in error.errors():
        key = _key_path(tuple(problem["loc"]))
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = "unknown key"
        elif problem["type"] == "missing":
            message = "required key is missing"
        elif problem["type"] == "union_tag_invalid":
            message = f"unknown type {problem['input'].get('type')!r}" if isinstance(problem["input"], dict) else message
        lines.append(f"{path}: {key}: {message}")
    return lines


def resolve_secrets(path: Path, settings: Settings) -> dict[str, str]:
    """Read every secret named in the file from the environment; a named but unset variable is an error."""
    secrets, problems = {}, []
    for key, attributes in SECRET_KEYS.items():
        value = settings
        for attribute in attributes:
            value = getattr(value, attribute, None) if value is not None else None
        if value is None:
            continue
        if os.environ.get(value) is None:
            problems.append(f"{path}: {key}: environment variable {value} is not set "
                            f"(export it, or remove the key)")
        else:
            secrets[key] = os.environ[value]
    if problems:
        raise ConfigError(problems)
    return secrets


def load_settings(path: str | Path | None = None) -> LoadedSettings:
    """Load and validate the configuration at `path` (default: $NEWSMON_CONFIG or config/newsmon.yaml)."""
    path = Path(path or os.environ.get("NEWSMON_CONFIG") or DEFAULT_CONFIG_PATH)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the configuration file: {error.strerror or error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(unknown line)"
        raise ConfigError(f"{path}: {where}: not valid YAML: {getattr(error, 'problem', error)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: (top level): expected a mapping of sections, got {type(data).__name__}")
    try:
        settings = Settings.model_validate(data)
    except ValidationError as error:
        raise ConfigError(_validation_lines(path, error)) from None
    problems = cross_reference_problems(settings)
    if problems:
        raise ConfigError([f"{path}: {problem}" for problem in problems])
    return LoadedSettings(settings, path, resolve_secrets(path, settings))
