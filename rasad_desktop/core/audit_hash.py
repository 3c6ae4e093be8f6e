"""The audit trail's hash chain: each row's hash covers the previous row's hash and every
field of the row, so editing or deleting any row breaks the chain from there on."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

FIELDS = ("id", "at", "user_id", "username", "action", "entity", "entity_id", "before", "after")


def _canonical(value: object) -> object:
    return value.isoformat(timespec="microseconds") if isinstance(value, dt.datetime) else value


def row_hash(prev_hash: str, row: dict[str, object]) -> str:
    """SHA-256 (hex) of the previous hash and the row's fields in a fixed, canonical form."""
    values = {k: _canonical(row[k]) for k in FIELDS}
    canonical = json.dumps([prev_hash, values], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
