"""The persisted delivery queue: every alert, digest and health notice waits here until a channel
has taken it, so a mail server or webhook that is down loses nothing and restarts resend nothing.

A message's `key` is unique: enqueueing the same message twice is a no-op."""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

from pipeline.records import iso_utc
from store.sqlite import Store, now_iso


def enqueue(db: sqlite3.Connection, channel: str, kind: str, key: str, payload: dict, delay_seconds: float = 0) -> bool:
    """Inside the caller's transaction. Returns False when that message was already queued."""
    now = datetime.now(timezone.utc)
    cursor = db.execute("INSERT OR IGNORE INTO deliveries (channel, kind, key, payload, created_at, due_at)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        (channel, kind, key, json.dumps(payload, ensure_ascii=False), iso_utc(now),
                         iso_utc(now + timedelta(seconds=delay_seconds))))
    return cursor.rowcount == 1


def claim_due(store: Store, lease_seconds: float, limit: int = 500) -> list[sqlite3.Row]:
    """Take the due messages for this worker: their due time moves a lease ahead in the same
    transaction, so a second worker (another thread or process) cannot send them too, and a worker
    that dies leaves them due again when the lease ends."""
    lease_end = iso_utc(datetime.now(timezone.utc) + timedelta(seconds=lease_seconds))
    with store.transaction() as db:
        rows = db.execute("SELECT * FROM deliveries WHERE status = 'pending' AND due_at <= ? ORDER BY id LIMIT ?",
                          (now_iso(), limit)).fetchall()
        # Alerts waiting for the same channel go along with a due one: they form one burst message, and
        # none is left behind to wait out the burst window after its channel has recovered.
        channels = sorted({row["channel"] for row in rows if row["kind"] == "alert"})
        taken = {row["id"] for row in rows}
        for channel in channels:
            rows += [row for row in db.execute("SELECT * FROM deliveries WHERE status = 'pending' AND kind = 'alert'"
                                               " AND channel = ? ORDER BY id LIMIT ?", (channel, limit))
                     if row["id"] not in taken]
        db.executemany("UPDATE deliveries SET due_at = ? WHERE id = ?", [(lease_end, row["id"]) for row in rows])
    return rows


def release(store: Store, rows: list[sqlite3.Row]) -> None:
    """Give claimed messages back unsent, due as they were (a burst window holds them)."""
    with store.transaction() as db:
        db.executemany("UPDATE deliveries SET due_at = ? WHERE id = ?", [(row["due_at"], row["id"]) for row in rows])


def mark_sent(store: Store, ids: list[int]) -> None:
    with store.transaction() as db:
        db.executemany("UPDATE deliveries SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                       [(now_iso(), delivery_id) for delivery_id in ids])


def mark_failed_attempt(store: Store, ids: list[int], error: str, delay_seconds: float, give_up: bool) -> None:
    due_at = iso_utc(datetime.now(timezone.utc) + timedelta(seconds=delay_seconds))
    with store.transaction() as db:
        db.executemany("UPDATE deliveries SET attempts = attempts + 1, last_error = ?, due_at = ?, status = ?"
                       " WHERE id = ?", [(error[:500], due_at, "failed" if give_up else "pending", delivery_id)
                                         for delivery_id in ids])


def counts(store: Store) -> dict[str, int]:
    rows = store.db.execute("SELECT status, count(*) FROM deliveries GROUP BY status").fetchall()
    return {"pending": 0, "sent": 0, "failed": 0, **{row[0]: row[1] for row in rows}}


def failed(store: Store, limit: int = 20) -> list[sqlite3.Row]:
    return store.db.execute("SELECT * FROM deliveries WHERE status = 'failed' ORDER BY id DESC LIMIT ?",
                            (limit,)).fetchall()
