"""How often the plausibility warnings fire on the demo province's real-looking history,
and whether they catch unit slips. Prints figures; asserts nothing (the test
``tests/services/test_plausibility.py`` holds the defaults to them).

    python benchmarks/plausibility_rates.py

Every demo figure of both years is checked as if typed now, against what the database
holds before it (the same month last year, the agency's usual month, the amount in
force): a warning there is a false one. Then each figure is checked again ×1,000,
×1,000,000 and ÷1,000: a slip that draws no warning is a miss.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from rasad_desktop.core.plausibility import Limits
from rasad_desktop.db.database import Database
from rasad_desktop.services.demo import load_demo
from rasad_desktop.services.plausibility import rates
from rasad_desktop.services.roles import Actor


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{(Path(tmp) / 'r.db').as_posix()}")
        with db.session() as s:
            load_demo(s, Actor.console(), 1405, 12)
        print("demo province, both years; 'no approved amount' warnings (a fact) are not counted as false")
        print(f"{'threshold':>10} {'floor':>12} {'figures':>8} {'false':>6} {'rate':>6}  {'slips':>6} {'caught':>7}")
        for times, floor in ((3, 10), (5, 10), (8, 10), (5, 0), (3, 0)):
            with db.session() as s:
                r = rates(s, Limits(times=times, floor=floor * 1_000_000))
            print(f"{'×' + str(times):>10} {f'{floor} M rials':>12} {r.figures:>8,} {r.warned:>6,} "
                  f"{r.warned / r.figures:>6.1%}  {r.slips:>6,} {r.caught:>7,}")
        db.close()


if __name__ == "__main__":
    sys.exit(main())
