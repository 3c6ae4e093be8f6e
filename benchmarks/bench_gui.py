"""Desktop benchmark: cold start to the sign-in window; sign-in to a populated dashboard on
the large benchmark province; opening the data-entry grid for the largest agency; saving
a month. Offscreen; prints figures, asserts nothing.

    python benchmarks/bench_gui.py [--keep DIR] [--years N]

Targets: sign-in window ≤ 1 s; dashboard ≤ 1.5 s; grid ≤ 200 ms; save ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import large_province  # noqa: E402

COLD_START = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
from rasad_desktop.cli import Context, build_parser
from rasad_desktop.gui.app import configure_application
from rasad_desktop.gui.context import AppServices
from rasad_desktop.gui.dialogs.sign_in import SignInDialog
from rasad_desktop.gui.runner import SyncRunner
ctx = Context(build_parser().parse_args(["--data-dir", sys.argv[1]]))
app = QApplication(sys.argv[:1])
configure_application(app, "fa")
db = ctx.open_db()
dialog = SignInDialog(AppServices(db=db, settings=ctx.settings, data_dir=ctx.data_dir, runner=SyncRunner(print)))
dialog.show()
app.processEvents()
print(time.time())
"""


def cold_start(data_dir: Path, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run([sys.executable, "-c", COLD_START, str(data_dir)], capture_output=True, text=True,
                             check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]) - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="folder for the databases (kept)")
    parser.add_argument("--years", type=int, default=10, help="fiscal years in the large province")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rasad-gui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from rasad_desktop.config import Settings
    from rasad_desktop.db.database import Database
    from rasad_desktop.gui.app import configure_application
    from rasad_desktop.gui.context import AppContext
    from rasad_desktop.gui.main_window import MainWindow
    from rasad_desktop.gui.models.entry_model import THIS_MONTH
    from rasad_desktop.gui.runner import SyncRunner
    from rasad_desktop.services import accounts
    from rasad_desktop.services.roles import Actor, Role

    # 1. cold start on an empty data folder (database created and migrated on the way)
    empty = folder / "empty"
    empty.mkdir(exist_ok=True)
    starts = cold_start(empty)

    # the large province
    db_path = folder / "large.db"
    db = Database.open(f"sqlite:///{db_path.as_posix()}")
    t = time.perf_counter()
    years = large_province.build(db, first_year=1405 - args.years + 1, years=args.years)
    build_s = time.perf_counter() - t
    with db.session() as s:
        accounts.create_user(s, Actor.console(), "bench", Role.ADMIN, "bench-password-1")

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app, "fa")

    # 2. sign-in to a populated dashboard
    t = time.perf_counter()
    with db.session() as s:
        signed = accounts.sign_in(s, "bench", "bench-password-1")
    ctx = AppContext(db=db, settings=Settings(folder), data_dir=folder, runner=SyncRunner(lambda p, e: print(e)),
                     actor=signed.actor, no_dialogs=True)
    window = MainWindow(ctx)
    window.show()
    app.processEvents()
    dashboard_s = time.perf_counter() - t

    # 3. the data-entry grid of the largest agency, 4. saving its month
    entry = window.page("dataEntry")
    window.show_page("dataEntry")
    app.processEvents()
    with db.session() as s:
        from sqlalchemy import func, select

        from rasad_desktop.db.models import Assignment
        largest = s.execute(select(Assignment.agency_id).group_by(Assignment.agency_id)
                            .order_by(func.sum(Assignment.approved).desc()).limit(1)).scalar()
    grid_ms, save_ms = [], []
    for month in (3, 4, 5, 6, 7):
        t = time.perf_counter()
        entry.select(years[-1], month, largest)
        app.processEvents()
        grid_ms.append((time.perf_counter() - t) * 1000)
        for row in range(entry.model.rowCount()):
            entry.model.setData(entry.model.index(row, THIS_MONTH), str(1_000_000 + row))
        t = time.perf_counter()
        assert entry.save()
        save_ms.append((time.perf_counter() - t) * 1000)
    rows = entry.model.rowCount()
    window.close()
    db.close()

    print(f"large province        {len(years)} years × 120 agencies × 80 lines, built in {build_s:.1f} s")
    print(f"cold start → sign-in  median {statistics.median(starts):.2f} s (runs: "
          f"{', '.join(f'{x:.2f}' for x in starts)})   (target ≤ 1 s)")
    print(f"sign-in → dashboard   {dashboard_s:.2f} s   (target ≤ 1.5 s)")
    print(f"data-entry grid       median {statistics.median(grid_ms):.0f} ms for {rows} lines   (target ≤ 200 ms)")
    print(f"save a month          median {statistics.median(save_ms):.0f} ms for {rows} figures "
          "(one transaction, then the grid reloads)   (target ≤ 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
