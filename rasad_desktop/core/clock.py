"""The one clock of stored times: naive UTC datetimes (the database keeps no zone)."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
