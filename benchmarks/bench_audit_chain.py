"""Audit chain benchmark: ``audit verify``'s walk of a long trail on a local database, where
the chain is keyed (HMAC-SHA-256 under the office's key), interleaved against its floor —
the same walk checking plain SHA-256 hashes, as before the chain was keyed. Cold runs (a
fresh connection each). Also times sealing and opening one national ID. Prints figures;
asserts nothing.

    python benchmarks/bench_audit_chain.py [--rows N] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from rasad_desktop.core import sealed_text  # noqa: E402
from rasad_desktop.core.audit_hash import FIELDS, row_hash  # noqa: E402
from rasad_desktop.db.database import Database  # noqa: E402
from rasad_desktop.db.models import AuditHead, AuditLog  # noqa: E402
from rasad_desktop.services import audit, personal  # noqa: E402


def build(db: Database, rows: int) -> None:
    """A trail of ``rows`` keyed rows, as Rasad's writes would leave it."""
    with db.session() as s:
        key = personal.chain_key(s, make=True)
        s.commit()
        at = dt.datetime(2026, 3, 21, 8, 0)
        prev, batch = "", []
        for i in range(1, rows + 1):
            row = {"id": i, "at": at + dt.timedelta(seconds=i), "user_id": 2, "username": "sara",
                   "action": "collection.set", "entity": "collection", "entity_id": f"1404/110/110104/{i % 12 + 1}",
                   "before": '{"amount": 1000000}', "after": f'{{"amount": {1000000 + i}}}'}
            row["prev_hash"], row["hash"] = prev, row_hash(prev, row, key)
            prev = row["hash"]
            batch.append(row)
            if len(batch) == 20_000:
                s.execute(insert(AuditLog), batch)
                batch = []
        if batch:
            s.execute(insert(AuditLog), batch)
        s.merge(AuditHead(id=1, last_id=rows, last_hash=prev))
        s.commit()


def plain_walk(db: Database) -> int:
    """The floor: the same rows read and hashed with SHA-256 only."""
    with db.session() as s:
        n = 0
        for row in s.scalars(select(AuditLog).order_by(AuditLog.id).execution_options(yield_per=5000)):
            row_hash(row.prev_hash, {f: getattr(row, f) for f in FIELDS})
            n += 1
        return n


def keyed_walk(db: Database) -> int:
    with db.session() as s:
        count, problems = audit.verify_chain(s)
        assert not problems, problems[:3]
        return count


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rasad-bench-chain-"))
    url = f"sqlite:///{(folder / 'rasad.db').as_posix()}"
    db = Database.open(url)
    t = time.perf_counter()
    build(db, args.rows)
    print(f"built a trail of {args.rows:,} keyed rows in {time.perf_counter() - t:.1f} s")
    db.close()
    times: dict[str, list[float]] = {"floor (plain SHA-256)": [], "verify (keyed)": []}
    for _ in range(args.runs):  # interleaved, each on a fresh engine
        for name, fn in (("floor (plain SHA-256)", plain_walk), ("verify (keyed)", keyed_walk)):
            db = Database.open(url, migrate=False)
            t = time.perf_counter()
            fn(db)
            times[name].append(time.perf_counter() - t)
            db.close()
    for name, values in times.items():
        print(f"{name:24s} min {min(values):6.2f} s   median {statistics.median(values):6.2f} s")
    key = b"k" * 32
    seal_times, open_times = [], []
    for i in range(2000):
        t = time.perf_counter()
        sealed = sealed_text.seal(key, "national_id", f"{i:010d}")
        seal_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        sealed_text.open_sealed(key, "national_id", sealed)
        open_times.append(time.perf_counter() - t)
    print(f"sealing one national ID: min {min(seal_times) * 1e6:.0f} µs   median {statistics.median(seal_times) * 1e6:.0f} µs;"
          f" opening: min {min(open_times) * 1e6:.0f} µs   median {statistics.median(open_times) * 1e6:.0f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
