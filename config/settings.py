"""The typed loader: YAML in, validated `Settings` out, or a `ConfigError` naming file, key, problem.

The schema is the configuration section of SPEC.md plus our own optional keys (each documented in
the README). Unknown keys are errors so a typo never silently switches something off."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Literal, Union
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from config import DATA_DIR
from newsmon.errors import ConfigError

DEFAULT_CONFIG_PATH = "config/newsmon.yaml"
DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str | int) -> int:
    """'90s', '30m', '2h', '1d' -> seconds."""
    if isinstance(text, int) and not isinstance(text, bool) and text > 0:
        return text
    match = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", str(text))
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"not a duration: {text!r} (use a positive number with s, m, h or d: 90s, 30m, 2h, 1d)")
    return int(match.group(1)) * DURATION_UNITS[match.group(2)]


def _check_duration(value: str) -> str:
    parse_duration(value)
    return value


def _check_clock(value: str) -> str:
    if not re.fullmatch(r"\d{2}:\d{2}", value):
        raise ValueError(f"not a time of day: {value!r} (use HH:MM, e.g. 07:30)")
    if int(value[:2]) > 23 or int(value[3:]) > 59:
        raise ValueError(f"not a time of day: {value!r} (hours 00-23, minutes 00-59)")
    return value


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone: {value!r} (use an IANA name such as Asia/Shanghai)") from None
    return value


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+", value):
        raise ValueError(f"not a URL: {value!r}")
    return value


Duration = Annotated[str, AfterValidator(_check_duration)]
Url = Annotated[str, AfterValidator(_check_url)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


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


class SourceBase(Strict):
    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    url: Url
    every: Duration = "1h"
    enabled: bool = True
    max_items: int = Field(default=200, gt=0)   # article links followed per run, newest first
    max_age: Duration | None = None             # newest item older than this: the source is stale
    min_delay: float = Field(default=0.0, ge=0)  # seconds between requests to its site (rate limit)
    user_agent: str | None = None               # instead of crawl.user_agent (e.g. EDGAR's company + contact)

    @property
    def every_seconds(self) -> int:
        return parse_duration(self.every)


class FeedSource(SourceBase):
    type: Literal["feed"]


class SitemapSource(SourceBase):
    type: Literal["sitemap"]


class ListingSource(SourceBase):
    type: Literal["listing"]
    link_selector: str | None = None   # CSS selector of the article links (or their containers)
    # The pagination link, followed up to max_pages; the default covers the common markups.
    next_selector: str = "a[rel~=next], link[rel~=next], a.next, li.next a, .pagination .next a, a.next-page"
    max_pages: int = Field(default=5, gt=0)
    link_pattern: str | None = None   # a regex whose first group is an article URL, for lists kept in scripts

    @model_validator(mode="after")
    def _needs_a_way_to_find_links(self):
        if not self.link_selector and not self.link_pattern:
            raise ValueError("a listing source needs link_selector (or link_pattern)")
        if self.link_pattern:
            try:
                re.compile(self.link_pattern)
            except re.error as error:
                raise ValueError(f"link_pattern is not a valid regular expression: {error}") from None
        return self


class EdgarSource(SourceBase):
    """SEC EDGAR submissions JSON; each filing of the chosen forms is followed to its primary document."""

    type: Literal["edgar"]
    forms: list[str] = ["6-K", "20-F"]
    archive_url: Url = "https://www.sec.gov"     # where /Archives/edgar/data/... documents live
    min_delay: float = Field(default=0.1, ge=0.1)  # EDGAR allows 10 requests per second


class FederalRegisterSource(SourceBase):
    """The Federal Register documents API (documents.json with conditions[...] in the URL)."""

    type: Literal["federal_register"]


class JsonApiSource(SourceBase):
    """A JSON listing: where the items are and which fields hold title, URL and date."""

    type: Literal["json_api"]
    items_path: str = ""                 # dotted path to the list ("data.list"); "" = the document itself
    title_field: str = "title"
    url_field: str | None = "url"
    url_template: str | None = None      # when items hold no URL: "https://huggingface.co/{id}"
    date_field: str | None = None
    summary_field: str | None = None
    follow_links: bool = True            # False: the item itself is the news (a new model on a hub)
    next_field: str | None = None        # dotted path of the next page's URL (else a Link: rel=next header)


class HkexSource(SourceBase):
    """HKEXnews announcements of one listed company: stock-id look-up, then the title search."""

    type: Literal["hkex"]
    stock_code: str = "09988"
    lookback_days: int = Field(default=30, gt=0)


Source = Annotated[Union[FeedSource, SitemapSource, ListingSource, EdgarSource, FederalRegisterSource,
                         JsonApiSource, HkexSource], Field(discriminator="type")]


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
    time: Annotated[str, AfterValidator(_check_clock)] = "07:30"
    timezone: Annotated[str, AfterValidator(_check_timezone)] = "UTC"
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
    batch_size: int = Field(default=64, gt=0)
    processes: int = Field(default=1, gt=0)
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
