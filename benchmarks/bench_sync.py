"""Synchronisation benchmark (issue 10): packages between an office and five workstations.
Prints figures; asserts nothing.

    python benchmarks/bench_sync.py [--runs N]

1. A month's package from one workstation: 40 agencies × 10 lines, every figure of the month
   entered (400 changes). Export and import are timed, each interleaved with its floor:
   export against sealing the same changes alone (JSON, zlib, AES-GCM, Ed25519: the file's
   cost without the database), import against entering the same 400 figures at the office
   through the ordinary write path (``collections.save_months``). Targets: ≤ 1 s each.
2. A year from five workstations: each enters its own eight agencies' figures every month and
   corrects them four times, and registers 50 requests (≈ 25,000 changes in all). The office
   takes the five packages in a fresh process, which reports the time and its peak memory.
   Targets: ≤ 10 s and ≤ 300 MB.
3. What the change log costs an ordinary write: entering a month of 400 figures at the office with
   the log (as always) and without it (the floor), interleaved.
Package sizes are printed for both. Each import runs on a fresh copy of the office database.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import large_province  # noqa: E402

from rasad_desktop.db.database import Database  # noqa: E402
from rasad_desktop.formats.sync_package import Contents, new_package_key, new_signing_key, seal  # noqa: E402
from rasad_desktop.services import budget, collections, requests  # noqa: E402
from rasad_desktop.services.collections import Entry  # noqa: E402
from rasad_desktop.services.roles import Actor, Role  # noqa: E402
from rasad_desktop.services.sync import enrolment, packages  # noqa: E402

ADMIN = Actor("admin-bench", Role.ADMIN)
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from rasad_desktop.db.database import Database
from rasad_desktop.services.roles import Actor, Role
from rasad_desktop.services.sync import packages
url, data_dir, files = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
db = Database.open(url)
actor = Actor("admin-bench", Role.ADMIN)
started = time.perf_counter()
applied = 0
with db.session() as s:
    for f in files:
        applied += packages.import_package(s, actor, Path(f).read_bytes(), data_dir).applied
print(json.dumps({"seconds": time.perf_counter() - started, "applied": applied,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def show(label: str, ours: list[float], floor: list[float], floor_label: str) -> None:
    print(f"  {label:<34} min {min(ours) * 1000:7.0f} ms  median {statistics.median(ours) * 1000:7.0f} ms")
    print(f"  {floor_label:<34} min {min(floor) * 1000:7.0f} ms  median {statistics.median(floor) * 1000:7.0f} ms")


class Site:
    """The office and its workstations in one temporary folder."""

    def __init__(self, root: Path, workstations: int) -> None:
        self.root = root
        self.office_dir = root / "office"
        self.office_dir.mkdir()
        self.office = Database.open(self.url(self.office_dir))
        self.year = 1405
        codes = [(code, title) for code, title, _e in large_province.lines(10)]
        self.lines = [code for code, _t in codes if not code.endswith("00")]
        self.agencies = [f"{100 + i}" for i in range(40)]
        with self.office.session() as s:
            budget.create_year(s, ADMIN, self.year)
            for code, title in codes:
                budget.add_line(s, ADMIN, self.year, code, title)
            for a in self.agencies:
                budget.save_agency(s, ADMIN, a, f"اداره کل شمارهٔ {a}")
        self.ws: list[tuple[int, Database, Path]] = []
        for i in range(workstations):
            folder = root / f"ws{i + 1}"
            folder.mkdir()
            with self.office.session() as s:
                e = enrolment.add(s, ADMIN, f"ایستگاه {i + 1}", self.office_dir, office_station=1)
            db = Database.open(self.url(folder))
            with db.session() as s:
                enrolment.join(s, ADMIN, e.data, e.code, folder)
            self.ws.append((e.number, db, folder))

    @staticmethod
    def url(folder: Path) -> str:
        return f"sqlite:///{(folder / 'rasad.db').as_posix()}"

    def office_copy(self, name: str) -> tuple[Database, Path]:
        folder = self.root / name
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(self.office_dir, folder)
        return Database.open(self.url(folder)), folder


def month_figures(agencies: list[str], lines: list[str], month: int, base: int) -> dict[tuple[int, str], list[Entry]]:
    return {(month, a): [Entry(line, base + 1_000 * i + j) for j, line in enumerate(lines)]
            for i, a in enumerate(agencies)}


def month_package(site: Site, runs: int) -> None:
    number, db, folder = site.ws[0]
    clerk = Actor("clerk-bench", Role.DATA_ENTRY)
    with db.session() as s:
        collections.save_months(s, clerk, site.year, month_figures(site.agencies, site.lines, 1, 7_000_000))
    with db.session() as s:
        package = packages.export_package(s, clerk, folder)
    print(f"1. A month's package from one workstation: {package.changes} changes, {len(package.data):,} bytes")
    with db.session() as s:
        from sqlalchemy import select

        from rasad_desktop.db.models import SyncChange

        rows = [packages.Incoming.of(r).as_list() for r in s.scalars(select(SyncChange).where(
            SyncChange.origin == number))]
    key, signing = new_package_key(), new_signing_key()
    exports, seals, imports, enters = [], [], [], []
    for run in range(runs):  # interleaved: ours, then its floor, each run
        with db.session() as s:
            exports.append(timed(lambda: packages.export_package(s, clerk, folder)))  # noqa: B023
        seals.append(timed(lambda: seal({"kind": "package"}, Contents({"changes": rows}, {}), key, signing)))
        office, office_dir = site.office_copy(f"copy-i{run}")
        with office.session() as s:
            imports.append(timed(lambda: packages.import_package(s, ADMIN, package.data, office_dir)))  # noqa: B023
        office.close()
        office, office_dir = site.office_copy(f"copy-e{run}")
        with office.session() as s:
            figures = month_figures(site.agencies, site.lines, 1, 7_000_000)
            enters.append(timed(lambda: collections.save_months(s, ADMIN, site.year, figures)))  # noqa: B023
        office.close()
    show("export (target ≤ 1 s)", exports, seals, "floor: sealing the changes alone")
    show("import at the office (target ≤ 1 s)", imports, enters, "floor: entering them at the office")


def year_from_five(site: Site) -> None:
    started = time.perf_counter()
    per_ws = len(site.agencies) // len(site.ws)
    files = []
    total = 0
    for i, (_number, db, folder) in enumerate(site.ws):
        own = site.agencies[i * per_ws:(i + 1) * per_ws]
        clerk = Actor(f"clerk-{i + 1}", Role.DATA_ENTRY)
        with db.session() as s:
            for month in range(1, 13):
                for version in range(5):  # entered, then corrected four times
                    collections.save_months(s, clerk, site.year,
                                            month_figures(own, site.lines, month, 1_000_000 * (version + 1)))
            for k in range(50):
                requests.register(s, clerk, requests.NewRequest("request", "phone", "زهرا کریمی", "0499370899",
                                                                "09141234567", f"درخواست {k}", "متن"), workstation=1)
            exported = packages.export_package(s, clerk, folder)
        path = site.root / f"year-ws{i + 1}.rsp"
        path.write_bytes(exported.data)
        files.append(path)
        total += exported.changes
        print(f"   workstation {i + 1}: {exported.changes:,} changes, {len(exported.data):,} bytes")
    print(f"   (made in {time.perf_counter() - started:.0f} s)")
    office, office_dir = site.office_copy("copy-year")
    office.close()
    out = subprocess.run([sys.executable, "-c", CHILD, Site.url(office_dir), str(office_dir), *map(str, files)],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"2. A year from five workstations: {total:,} changes, {sum(f.stat().st_size for f in files):,} bytes")
    print(f"  import at the office (target ≤ 10 s)   {result['seconds']:.2f} s, {result['applied']:,} applied")
    print(f"  peak memory of that process (≤ 300 MB)  {result['peak_mb']:.0f} MB")


def log_cost(site: Site, runs: int) -> None:
    from rasad_desktop.services.sync import capture

    real, with_log, without = capture.start, [], []
    try:
        for run in range(runs):
            for logged in (True, False):
                capture.start = real if logged else (lambda session: None)
                figures = month_figures(site.agencies, site.lines, 1 + run % 12, 9_000_000 + 10 * run + logged)
                with site.office.session() as s:
                    (with_log if logged else without).append(
                        timed(lambda: collections.save_months(s, ADMIN, site.year, figures)))  # noqa: B023
    finally:
        capture.start = real
    print("3. What the change log costs entering 400 figures at the office")
    show("with the change log", with_log, without, "floor: without it")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rasad-bench-sync-") as tmp:
        site = Site(Path(tmp), workstations=5)
        month_package(site, args.runs)
        year_from_five(site)
        log_cost(site, args.runs)


if __name__ == "__main__":
    main()
