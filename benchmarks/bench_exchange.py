"""Spreadsheet benchmark: export a large province's year of collections to Excel, check the
workbook, then import it with every figure changed (one audited transaction). Prints
figures; asserts nothing.

    python benchmarks/bench_exchange.py [--agencies N] [--lines N]

A year of 120 agencies × 80 lines × 12 months is 115,200 figures (far more than a real
province sends in one file). No target is set by an issue for these; the figures are for
the note.

Then each hostile file of ``tests/hostile_sheets.py`` is checked (``--dry-run``) in a fresh
process, interleaved with a valid month (9,600 rows: the floor it is compared with), five
rounds: time and peak memory above that process's baseline (Rasad loaded, database open),
min and median. Issue 12's bound: any file refused or read within 2 s and 200 MB above the
baseline per 10,000 rows. ``--hostile-only`` skips the year's export and import.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import hostile_sheets  # noqa: E402
import large_province  # noqa: E402

from rasad_desktop.db.database import Database  # noqa: E402
from rasad_desktop.exchange.collections_file import export_collections, import_collections  # noqa: E402
from rasad_desktop.services.roles import Actor  # noqa: E402

EDIT = """
import sys
from openpyxl import load_workbook
book = load_workbook(sys.argv[1])
for row in book.worksheets[0].iter_rows(min_row=2):
    row[6].value = row[6].value + 1
book.save(sys.argv[1])
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agencies", type=int, default=120)
    parser.add_argument("--lines", type=int, default=80)
    parser.add_argument("--hostile-only", action="store_true")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    actor = Actor.console()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
        years = large_province.build(db, first_year=1404, years=1, agencies=args.agencies, line_count=args.lines)
        year = years[-1]
        built_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        valid = folder / "valid-month.xlsx"
        with db.session() as session:
            month_rows = export_collections(session, actor, year, valid, through_month=1)
        if not args.hostile_only:
            year_figures(db, actor, year, folder, args, built_peak)
        db.close()
        hostile_figures(folder, year, valid, month_rows, args.rounds)


def year_figures(db: Database, actor: Actor, year: int, folder: Path, args: argparse.Namespace,
                 built_peak: float) -> None:
    book = folder / "collections.xlsx"
    started = time.perf_counter()
    with db.session() as session:
        rows = export_collections(session, actor, year, book)
    exported = time.perf_counter() - started
    size = book.stat().st_size

    # every amount one rial more, so the import changes them all; edited in a child process so
    # that the peak memory printed below is Rasad's, not this editing step's
    subprocess.run([sys.executable, "-c", EDIT, str(book)], check=True)

    started = time.perf_counter()
    with db.session() as session:
        checked = import_collections(session, actor, year, book, dry_run=True)
    check_time = time.perf_counter() - started
    started = time.perf_counter()
    with db.session() as session:
        result = import_collections(session, actor, year, book)
    import_time = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"figures                        {rows:,} ({args.agencies} agencies × {args.lines} lines × 12 months)")
    print(f"export to xlsx                 {exported:.2f} s  ({size / 1e6:.1f} MB)")
    print(f"import check (--dry-run)       {check_time:.2f} s  ({checked.changed:,} would change)")
    print(f"import (one transaction)       {import_time:.2f} s  ({result.changed:,} changed, audited per agency-month)")
    print(f"peak RSS                       {peak:.0f} MB (after building the province: {built_peak:.0f} MB)")


CHILD = """
import json, sys, time
from pathlib import Path
from rasad_desktop.core.errors import RasadError
from rasad_desktop.db.database import Database
from rasad_desktop.exchange.collections_file import import_collections
from rasad_desktop.services.roles import Actor
import openpyxl.reader.excel, openpyxl.worksheet._reader, openpyxl.styles.stylesheet  # part of the baseline
db = Database.open(sys.argv[1])
with db.session() as session:
    session.execute(__import__("sqlalchemy").text("select 1"))
def rss(field):  # kB; Linux: the peak is reset below, so VmHWM is this import's own peak
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1])
open("/proc/self/clear_refs", "w").write("5")
base = rss("VmRSS:")
started = time.perf_counter()
try:
    with db.session() as session:
        r = import_collections(session, Actor.console(), int(sys.argv[2]), Path(sys.argv[3]), dry_run=True)
    outcome = f"read {r.rows:,} rows"
except RasadError as err:
    outcome = "refused: " + err.message("en").split(": ", 1)[-1][:70]
took = time.perf_counter() - started
print(json.dumps([took, (rss("VmHWM:") - base) / 1024, outcome]))
"""


def hostile_figures(folder: Path, year: int, valid: Path, valid_rows: int, rounds: int) -> None:
    url = f"sqlite:///{(folder / 'rasad.db').as_posix()}"
    files = {f"valid month ({valid_rows:,} rows)": valid}
    for name, make in hostile_sheets.HOSTILE.items():
        files[name] = make(folder / (name + hostile_sheets.HOSTILE_SUFFIX.get(name, ".xlsx")))
    runs: dict[str, list[tuple[float, float, str]]] = {name: [] for name in files}
    for _ in range(rounds):  # interleaved: a slower moment of the machine touches every file alike
        for name, path in files.items():
            out = subprocess.run([sys.executable, "-c", CHILD, url, str(year), str(path)], check=True,
                                 capture_output=True, text=True).stdout
            runs[name].append(tuple(json.loads(out.strip().splitlines()[-1])))  # type: ignore[arg-type]
    print(f"\nchecking a file (--dry-run), fresh process each, {rounds} rounds interleaved; "
          "memory = peak RSS (VmHWM, reset first) above the process's RSS before the import")
    print(f"{'file':32} {'size':>9}  {'time min / median':>20}  {'memory min / median':>20}  outcome")
    for name, found in runs.items():
        times, peaks = [f[0] for f in found], [f[1] for f in found]
        size = files[name].stat().st_size
        print(f"{name:32} {size / 1024:7.0f} KB  {min(times):8.2f} / {statistics.median(times):5.2f} s  "
              f"{min(peaks):8.1f} / {statistics.median(peaks):5.1f} MB  {found[-1][2]}")


if __name__ == "__main__":
    main()
