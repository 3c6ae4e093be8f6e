"""A realistic demo province: two consecutive fiscal years, about forty agencies, the
real Table 5 codes, monthly collections with seasonality and a few anomalies.

Everything is written in one transaction through the write path, with one audit record;
the random figures are seeded by year, agency and line, so a demo is reproducible.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from rasad_desktop.core.classification import level_of, parent
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.figures import amount_in_force
from rasad_desktop.core.jalali import fiscal_month_of
from rasad_desktop.core.rounding import div_round
from rasad_desktop.core.text import search_key
from rasad_desktop.db.models import (
    Agency,
    Assignment,
    ClassificationNode,
    Collection,
    FiscalYear,
    MonthlySchedule,
    utcnow,
)
from rasad_desktop.services import demo_data as D
from rasad_desktop.services.errors import Conflict
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.sync import capture
from rasad_desktop.services.uow import writing

MILLION = 1_000_000


@dataclass(frozen=True)
class DemoResult:
    years: tuple[int, int]
    months: tuple[int, int]  # months of collections in each year
    agencies: int
    lines: int
    assignments: int
    collections: int


def default_demo_year(today: dt.date) -> tuple[int, int]:
    """The current fiscal year and its last completed month (at least Farvardin)."""
    year, month = fiscal_month_of(today)
    return year, max(1, month - 1)


def load_demo(session: Session, actor: Actor, year: int, months_in_year: int = 12) -> DemoResult:
    """Load the demo for ``year - 1`` (all twelve months) and ``year`` (months 1..n)."""
    with writing(session, actor, Permission.LOAD_DEMO) as audit:
        years = (year - 1, year)
        existing = list(session.scalars(select(FiscalYear.year).where(FiscalYear.year.in_(years))))
        if existing:
            raise Conflict(
                f"سال مالی {localize_digits(str(existing[0]))} از پیش در پایگاه داده هست؛ دادهٔ نمونه "
                "فقط در پایگاه دادهٔ تازه یا برای سال‌های دیگر بارگذاری می‌شود.",
                f"Fiscal year {existing[0]} already exists; demo data loads only into new years.",
                code="demo_exists",
            )
        agencies = ensure_agencies(session, [(c, n) for c, n, _ in D.AGENCIES])
        counts = [0, 0, 0]
        for y, months in ((years[0], 12), (years[1], months_in_year)):
            fy, lines = create_year_with_lines(session, y, D.LINES)
            counts[0] = len(lines)
            later = y == year
            counts[1] += _demo_budget(session, fy, agencies, lines, later)
            counts[2] += insert_collections(session, actor, fy.id, _demo_collections(y, months, agencies, lines, later))
        result = DemoResult(years, (12, months_in_year), len(agencies), counts[0], counts[1], counts[2])
        audit.record("demo.load", "province", f"{years[0]}-{years[1]}", after=result.__dict__)
    return result


def ensure_agencies(session: Session, agencies: Iterable[tuple[str, str]]) -> dict[str, int]:
    """code → id, creating the agencies that do not exist yet."""
    known = dict(session.execute(select(Agency.code, Agency.id)).all())
    for code, name in agencies:
        if code not in known:
            a = Agency(code=code, name=name, search_key=search_key(name), active=True)
            session.add(a)
            session.flush()
            known[code] = a.id
    return known


def create_year_with_lines(
    session: Session, year: int, lines: Sequence[tuple[str, str, bool]]
) -> tuple[FiscalYear, dict[str, int]]:
    fy = FiscalYear(year=year, note="")
    session.add(fy)
    session.flush()
    ids: dict[str, int] = {}
    for code, title, earmarked in lines:
        p = parent(code)
        node = ClassificationNode(fiscal_year_id=fy.id, table_no=5, code=code, title=title,
                                  level=int(level_of(code)), parent_id=ids[p] if p else None,
                                  part=int(code[0]), earmarked=earmarked)
        session.add(node)
        session.flush()
        ids[code] = node.id
    return fy, ids


def insert_collections(session: Session, actor: Actor, fy_id: int,
                       rows: Iterable[tuple[int, int, int, int]], chunk: int = 20_000) -> int:
    """Insert (agency id, line id, month, amount) cells of the provincial column."""
    now, total, batch = utcnow(), 0, []
    for agency_id, line_id, month, amount in rows:
        batch.append({"fiscal_year_id": fy_id, "agency_id": agency_id, "line_id": line_id,
                      "budget_column": "provincial", "month": month, "amount": amount,
                      "source": "demo", "document_ref": "", "note": "", "entered_by": actor.username,
                      "entered_at": now})
        if len(batch) >= chunk:
            session.execute(insert(Collection), batch)
            capture.record_rows(session, "collection", batch)
            total, batch = total + len(batch), []
    if batch:
        session.execute(insert(Collection), batch)
        capture.record_rows(session, "collection", batch)
        total += len(batch)
    return total


def _approved(year_is_later: bool, base: int, agency: str, line: str) -> int:
    """The later year's law amount as given; the earlier year about 22–30 % lower."""
    if year_is_later:
        return base
    rnd = random.Random(f"approved-{agency}-{line}")
    return div_round(base * rnd.randint(70, 78), 100 * MILLION) * MILLION


def _schedule(total: int) -> list[int]:
    weights = D.SEASONALITY
    parts = [div_round(total * w, sum(weights) * MILLION) * MILLION for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def _demo_budget(session: Session, fy: FiscalYear, agencies: dict[str, int],
                 lines: dict[str, int], later: bool) -> int:
    count = 0
    for code, _, budget in D.AGENCIES:
        for line, base in budget.items():
            approved = _approved(later, base, code, line)
            revised = D.REVISED[2] if later and (code, line) == D.REVISED[:2] else None
            a = Assignment(fiscal_year_id=fy.id, agency_id=agencies[code], line_id=lines[line],
                           budget_column="provincial", approved=approved, revised=revised, note="")
            if (code, line) == D.SCHEDULED:
                a.schedule = [MonthlySchedule(month=i + 1, amount=v)
                              for i, v in enumerate(_schedule(amount_in_force(approved, revised)))]
            session.add(a)
            count += 1
    session.flush()
    return count


def _pace(agency: str, year: int) -> int:
    """How much of its target an agency collects, in percent."""
    if agency == D.FAR_BEHIND:
        return 34
    if agency == D.FAR_AHEAD:
        return 162
    return random.Random(f"pace-{agency}-{year}").randint(78, 112)


def _demo_collections(year: int, months: int, agencies: dict[str, int], lines: dict[str, int],
                      later: bool) -> Iterable[tuple[int, int, int, int]]:
    weights, total_w = D.SEASONALITY, sum(D.SEASONALITY)
    cells = [(code, line, _approved(later, base, code, line)) for code, _, budget in D.AGENCIES
             for line, base in budget.items()]
    # the unapproved line: a small amount the agency collected anyway
    cells.append((D.UNAPPROVED[0], D.UNAPPROVED[1], 0))
    for code, line, annual in cells:
        if later and (code, line) == D.NOTHING_COLLECTED:
            continue
        if (code, line) == D.REVISED[:2] and later:
            annual = D.REVISED[2]
        rnd = random.Random(f"collect-{year}-{code}-{line}")
        pace = _pace(code, year)
        for m in range(1, months + 1):
            if annual == 0:
                amount = rnd.randint(2, 9) * 1_000 * MILLION if m % 3 == 0 else 0
            else:
                noise = rnd.randint(85, 115)
                amount = div_round(annual * pace * weights[m - 1] * noise, total_w * 100 * 100 * MILLION) * MILLION
            if amount:
                yield agencies[code], lines[line], m, amount

