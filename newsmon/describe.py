"""What `check-config` prints: the validated settings in a few readable lines."""
from __future__ import annotations

from config.settings import parse_duration


def _every(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def describe_settings(loaded) -> str:
    settings = loaded.settings
    kinds = sorted({source.type for source in settings.sources})
    lines = [f"{loaded.path}: OK",
             f"store: {settings.storage.sqlite_path}" + (
                 f" + Elasticsearch {settings.storage.elasticsearch.url} index {settings.storage.elasticsearch.index}"
                 if settings.storage.elasticsearch else ""),
             f"sources: {len(settings.sources)} over {len(kinds)} kinds ({', '.join(kinds)})"]
    for source in settings.sources:
        state = "" if source.enabled else "  (disabled)"
        lines.append(f"  {source.name:28} {source.type:9} every {_every(parse_duration(source.every)):5} {source.url}{state}")
    lines.append(f"topics: {', '.join(topic.name for topic in settings.topics) or 'none'}")
    for rule in settings.alerts:
        lines.append(f"alert {rule.name}: topics {rule.topics or 'any'}, categories {rule.categories or 'any'}"
                     f" -> {', '.join(rule.channels)}")
    for name, channel in settings.channels.items():
        target = getattr(channel, "path", None) or getattr(channel, "url", None) or ", ".join(getattr(channel, "to", []))
        lines.append(f"channel {name}: {channel.type} {target}")
    digest = settings.digest
    lines.append(f"digest: daily at {digest.time} {digest.timezone} -> {digest.out_dir}"
                 + (f", sent via {', '.join(digest.channels)}" if digest.channels else ""))
    return "\n".join(lines)
