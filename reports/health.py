"""When a source counts as unhealthy (config `health`): read by the digest, `status` and the notices."""


def unhealthy_reason(row, health) -> str | None:
    if row["consecutive_failures"] >= health.max_failures:
        return f"failed {row['consecutive_failures']} runs in a row (last error: {row['last_error']})"
    if row["consecutive_empty"] >= health.max_silent_runs:
        return f"nothing new in {row['consecutive_empty']} runs in a row"
    return None
