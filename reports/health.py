"""When a source counts as unhealthy (config `health`, and a source's `max_age`): read by the digest,
`status` and the notices."""
from datetime import datetime, timedelta, timezone

from config.settings import parse_duration
from pipeline.records import parse_iso


def stale_reason(row, max_age: str | None) -> str | None:
    """A source that answers but whose newest item is older than its `max_age`."""
    newest = row["newest_item_at"] if "newest_item_at" in row.keys() else None
    if not max_age or not newest:
        return None
    if parse_iso(newest) < datetime.now(timezone.utc) - timedelta(seconds=parse_duration(max_age)):
        return f"stale: newest item {newest}, older than max_age {max_age}"
    return None


def unhealthy_reason(row, health, max_age: str | None = None) -> str | None:
    if row["consecutive_failures"] >= health.max_failures:
        return f"failed {row['consecutive_failures']} runs in a row (last error: {row['last_error']})"
    if row["consecutive_empty"] >= health.max_silent_runs:
        return f"nothing new in {row['consecutive_empty']} runs in a row"
    return stale_reason(row, max_age)
