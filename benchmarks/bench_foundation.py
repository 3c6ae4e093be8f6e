"""Foundation benchmark: load the large province, then time the by-agency summary and the
classification roll-up, and report peak memory. Prints figures; asserts nothing.

    python benchmarks/bench_foundation.py [--keep DIR] [--url URL]

Targets (SQLite): load ≤ 60 s; each summary ≤ 150 ms; peak memory ≤ 300 MB.
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

from rasad_desktop.db.database import Database  # noqa: E402
from rasad_desktop.services import queries, read_models  # noqa: E402


def peak_rss_mb() -> float:
    try:
        import resource  # POSIX only

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024 / (1024 if sys.platform == "darwin" else 1)
    except ImportError:  # Windows
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
                        ("PeakWorkingSetSize", ctypes.c_size_t), ("WorkingSetSize", ctypes.c_size_t)] + [
                (f"f{i}", ctypes.c_size_t) for i in range(6)]

        c = Counters()
        c.cb = ctypes.sizeof(c)
        ctypes.windll.psapi.GetProcessMemoryInfo(ctypes.windll.kernel32.GetCurrentProcess(),
                                                 ctypes.byref(c), c.cb)
        return c.PeakWorkingSetSize / 1024 / 1024


def timed(fn, repeat: int = 7) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(first call, median of the rest) in milliseconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times[0], statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="build the database in this folder and keep it")
    parser.add_argument("--url", help="a database URL instead of a SQLite file")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rasad-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = args.url or f"sqlite:///{(folder / 'large.db').as_posix()}"
    db = Database.open(url)

    t = time.perf_counter()
    years = large_province.build(db)
    load_s = time.perf_counter() - t
    last = years[-1]
    with db.session() as s:
        from sqlalchemy import text

        rows = s.execute(text("SELECT count(*) FROM collections")).scalar()

        def summary() -> None:
            read_models.agency_table(s, last, 6)

        def rollup() -> None:
            queries.classification_rows(s, last, 6)

        agency_first, agency_median = timed(summary)
        class_first, class_median = timed(rollup)
        table = read_models.agency_table(s, last, 6)
    size = (folder / "large.db").stat().st_size / 1024 / 1024 if not args.url else float("nan")
    db.close()

    print(f"database            {db.describe()}")
    print(f"collection rows     {rows:,} ({len(years)} years, {len(table.rows)} agencies)")
    print(f"load                {load_s:.1f} s   (target ≤ 60 s; {rows / load_s:,.0f} rows/s)")
    print(f"by-agency summary   first {agency_first:.0f} ms, median {agency_median:.0f} ms   (target ≤ 150 ms)")
    print(f"classification      first {class_first:.0f} ms, median {class_median:.0f} ms   (target ≤ 150 ms)")
    print(f"peak memory (RSS)   {peak_rss_mb():.0f} MB   (target ≤ 300 MB)")
    print(f"database file       {size:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
