"""Reconciliation benchmark: ``audit verify`` compares the large province (1,152,000
collections, 96,000 approved amounts, ten years) with the audit trail's seals. Interleaved
against its floor, reading the same columns of every collection and approved amount
without hashing; cold runs (a fresh connection each). Also times what sealing adds to
saving one agency-month. Prints figures; asserts nothing.

    python benchmarks/bench_reconcile.py [--keep DIR] [--url URL] [--runs N]

Target: reconciling the large province ≤ 10 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import large_province  # noqa: E402
from sqlalchemy import select  # noqa: E402

from rasad_desktop.db.database import Database  # noqa: E402
from rasad_desktop.db.models import Assignment, Collection  # noqa: E402
from rasad_desktop.services import state_seal  # noqa: E402
from rasad_desktop.services.reconcile import reconcile  # noqa: E402


def floor(db: Database) -> int:
    """Only reading what reconciliation reads: the lower bound of any way to do it in Python."""
    with db.session() as s:
        n = 0
        for _ in s.execute(select(Collection.fiscal_year_id, Collection.agency_id, Collection.line_id,
                                  Collection.budget_column, Collection.month, Collection.amount)
                           .order_by(Collection.fiscal_year_id, Collection.agency_id)
                           .execution_options(yield_per=50_000)):
            n += 1
        for _ in s.execute(select(Assignment.id, Assignment.approved)):
            n += 1
        return n


def whole(db: Database) -> int:
    with db.session() as s:
        result = reconcile(s)
        assert not result.problems, result.problems[:3]
        return result.buckets


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, help="build (or reuse) the province in this folder")
    ap.add_argument("--url", help="a database URL instead of SQLite")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="rasad-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = args.url or f"sqlite:///{(folder / 'large.db').as_posix()}"
    db = Database.open(url)
    with db.session() as s:
        built = s.scalar(select(Collection.id).limit(1)) is not None
    if not built:
        t = time.perf_counter()
        large_province.build(db)
        print(f"built the large province in {time.perf_counter() - t:.1f} s (sealed as it was written)")
    db.close()

    times: dict[str, list[float]] = {"floor (read only)": [], "reconcile": []}
    for _ in range(args.runs):  # interleaved, each on a fresh connection pool (cold for the process)
        for name, fn in (("floor (read only)", floor), ("reconcile", whole)):
            db = Database.open(url, migrate=False)
            t = time.perf_counter()
            fn(db)
            times[name].append(time.perf_counter() - t)
            db.close()
    for name, values in times.items():
        print(f"{name:20s} min {min(values):6.2f} s   median {statistics.median(values):6.2f} s")

    db = Database.open(url, migrate=False)
    with db.session() as s:
        seal_times = []
        for _ in range(20):
            t = time.perf_counter()
            state_seal.seals_of(s, ["c/1/1"])
            seal_times.append(time.perf_counter() - t)
    print(f"sealing one agency-year of collections: min {min(seal_times) * 1000:.1f} ms   "
          f"median {statistics.median(seal_times) * 1000:.1f} ms")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
