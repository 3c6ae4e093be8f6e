"""Spreadsheet benchmark: export a large province's year of collections to Excel, check the
workbook, then import it with every figure changed (one audited transaction). Prints
figures; asserts nothing.

    python benchmarks/bench_exchange.py [--agencies N] [--lines N]

A year of 120 agencies × 80 lines × 12 months is 115,200 figures (far more than a real
province sends in one file). No target is set by an issue; the figures are for the note.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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
    args = parser.parse_args()
    actor = Actor.console()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = Database.open(f"sqlite:///{(folder / 'rasad.db').as_posix()}")
        years = large_province.build(db, first_year=1404, years=1, agencies=args.agencies, line_count=args.lines)
        year = years[-1]
        built_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
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
        db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"figures                        {rows:,} ({args.agencies} agencies × {args.lines} lines × 12 months)")
    print(f"export to xlsx                 {exported:.2f} s  ({size / 1e6:.1f} MB)")
    print(f"import check (--dry-run)       {check_time:.2f} s  ({checked.changed:,} would change)")
    print(f"import (one transaction)       {import_time:.2f} s  ({result.changed:,} changed, audited per agency-month)")
    print(f"peak RSS                       {peak:.0f} MB (after building the province: {built_peak:.0f} MB)")


if __name__ == "__main__":
    main()
