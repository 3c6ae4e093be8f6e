"""The audit trail's hash chain: each row's hash covers the previous row's hash and every
field of the row, so editing or deleting any row breaks the chain from there on. On a
local database the chain is keyed (HMAC under a key kept outside the database file,
``services.personal.chain_key``): someone with only write access to the file cannot edit a
row and recompute the chain after it."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

FIELDS = ("id", "at", "user_id", "username", "action", "entity", "entity_id", "before", "after")


def _canonical(value: object) -> object:
    return value.isoformat(timespec="microseconds") if isinstance(value, dt.datetime) else value


def row_hash(prev_hash: str, row: dict[str, object], key: bytes | None = None) -> str:
    """SHA-256 (hex) of the previous hash and the row's fields in a fixed, canonical form;
    with ``key``, HMAC-SHA-256 under it (a keyed chain: who lacks the key cannot recompute
    it after editing a row)."""
    values = {k: _canonical(row[k]) for k in FIELDS}
    canonical = json.dumps([prev_hash, values], ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    if key is not None:
        return hmac.new(key, canonical, hashlib.sha256).hexdigest()
    return hashlib.sha256(canonical).hexdigest()


def keyed_match(prev_hash: str, row: dict[str, object], stored: str, key: bytes | None) -> bool | None:
    """True: ``stored`` is the keyed hash; False: the plain one (a row from before the key);
    None: neither (the row was changed)."""
    if key is not None and hmac.compare_digest(row_hash(prev_hash, row, key), stored):
        return True
    return False if row_hash(prev_hash, row) == stored else None
