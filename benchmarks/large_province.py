"""The large benchmark province: 10 fiscal years × 120 agencies × 80 lines × 12 months
(1,152,000 monthly collections), written through the service layer's write path.

Used by the benchmarks; ``build(db)`` returns the years it created.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from sqlalchemy import insert

from rasad_desktop.db.database import Database
from rasad_desktop.db.models import Assignment
from rasad_desktop.services.demo import create_year_with_lines, ensure_agencies, insert_collections
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.uow import writing

SECTIONS = ("11", "12", "13", "14", "15", "16", "21", "31")
PART_TITLES = {"1": "درآمدها", "2": "واگذاری دارایی‌های سرمایه‌ای", "3": "واگذاری دارایی‌های مالی"}
SEASONALITY = (5, 7, 8, 11, 8, 7, 8, 8, 8, 8, 9, 13)


def lines(count: int = 80) -> list[tuple[str, str, bool]]:
    """Parts, sections, one band per section and ``count`` row codes spread over them."""
    per_section = -(-count // len(SECTIONS))
    out: list[tuple[str, str, bool]] = []
    made = 0
    for part in ("1", "2", "3"):
        out.append((part + "00000", PART_TITLES[part], False))
        for s in (s for s in SECTIONS if s[0] == part):
            out.append((s + "0000", f"بخش {s}", False))
            out.append((s + "0100", f"بند {s}01", False))
            for r in range(1, per_section + 1):
                if made == count:
                    break
                out.append((f"{s}01{r:02d}", f"ردیف درآمدی {s}01{r:02d}", r % 9 == 0))
                made += 1
    return out


def build(db: Database, *, first_year: int = 1396, years: int = 10, agencies: int = 120,
          line_count: int = 80) -> list[int]:
    actor = Actor.console()
    codes = lines(line_count)
    rows = [c for c, _, _ in codes if not c.endswith("00")]
    created = []
    with db.session() as session:
        with writing(session, actor, Permission.LOAD_DEMO) as audit:
            agency_ids = ensure_agencies(session, [(f"{900 + i}", f"دستگاه اجرایی شمارهٔ {i + 1}")
                                                   for i in range(agencies)])
            audit.record("benchmark.agencies", "agency", "", after={"count": agencies})
        for y in range(first_year, first_year + years):
            with writing(session, actor, Permission.LOAD_DEMO) as audit:
                fy, line_ids = create_year_with_lines(session, y, codes)
                growth = 100 + 30 * (y - first_year)
                budget = [{"fiscal_year_id": fy.id, "agency_id": aid, "line_id": line_ids[code],
                           "budget_column": "provincial", "approved": _annual(aid, code, growth),
                           "revised": None, "note": ""}
                          for aid in agency_ids.values() for code in rows]
                session.execute(insert(Assignment), budget)
                n = insert_collections(session, actor, fy.id, _collections(y, agency_ids, line_ids, rows, growth))
                audit.record("benchmark.year", "fiscal_year", y, after={"assignments": len(budget), "collections": n})
            created.append(y)
    return created


def _annual(agency_id: int, code: str, growth: int) -> int:
    base = random.Random(f"{agency_id}-{code}").randint(1, 500) * 1_000_000_000
    return base * growth // 100


def _collections(year: int, agency_ids: dict[str, int], line_ids: dict[str, int], rows: list[str],
                 growth: int) -> Iterator[tuple[int, int, int, int]]:
    rnd = random.Random(year)
    for aid in agency_ids.values():
        pace = rnd.randint(60, 130)
        for code in rows:
            annual = _annual(aid, code, growth)
            for m in range(1, 13):
                yield aid, line_ids[code], m, annual * pace * SEASONALITY[m - 1] // 10_000 + rnd.randint(0, 999)
