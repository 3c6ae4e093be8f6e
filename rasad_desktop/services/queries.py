"""Read queries behind every table and report. Sums are computed in SQL (GROUP BY);
Python only merges a few hundred aggregated rows into ``Figures`` and calls the core.

The amount in force and the period share are computed per assignment in SQL by
``services.sql_rules``, the twins of the core's rules.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Literal, overload

from sqlalchemy import Result, Select, and_, func, select
from sqlalchemy.orm import Session

from rasad_desktop.core.classification import ClassificationRow, classification_table
from rasad_desktop.core.figures import Figures
from rasad_desktop.core.jalali import check_month
from rasad_desktop.db.models import (
    Agency,
    Assignment,
    ClassificationNode,
    Collection,
    FiscalYear,
)
from rasad_desktop.services.sql_rules import in_force_sql, period_share_sql

Grouping = Literal["agency", "line", "agency_line"]


def _year_id(session: Session, year: int) -> int | None:
    return session.scalar(select(FiscalYear.id).where(FiscalYear.year == year))


def _line_codes(session: Session, fiscal_year_id: int) -> dict[int, str]:
    rows = session.execute(
        select(ClassificationNode.id, ClassificationNode.code).where(
            ClassificationNode.fiscal_year_id == fiscal_year_id, ClassificationNode.table_no == 5
        )
    )
    return dict(rows.all())


def _group_columns(model: type[Assignment] | type[Collection], grouping: Grouping) -> list:
    """The SQL GROUP BY columns of a grouping (lines by id; codes are mapped afterwards)."""
    if grouping == "agency":
        return [model.agency_id]
    if grouping == "line":
        return [model.line_id]
    return [model.agency_id, model.line_id]


def _filtered(q: Select[Any], model: type[Assignment] | type[Collection], agency_id: int | None,
              column: str | None) -> Select[Any]:
    if agency_id is not None:
        q = q.where(model.agency_id == agency_id)
    if column is not None:
        q = q.where(model.budget_column == column)
    return q


def _key(grouping: Grouping, codes: dict[int, str]) -> Callable[..., Hashable]:
    if grouping == "agency":
        return lambda agency_id: agency_id
    if grouping == "line":
        return lambda line_id: codes[line_id]
    return lambda agency_id, line_id: (agency_id, codes[line_id])


def _budget_sums(session: Session, fy_id: int, n: int, grouping: Grouping, agency_id: int | None,
                 column: str | None) -> Result[Any]:
    """Rows of (group columns…, Σapproved, Σin force, Σshare)."""
    sched, share = period_share_sql(fy_id, n)
    in_force = in_force_sql()
    groups = _group_columns(Assignment, grouping)
    q = (
        select(*groups, func.sum(Assignment.approved), func.sum(in_force), func.sum(share))
        .outerjoin(sched, sched.c.assignment_id == Assignment.id)
        .where(Assignment.fiscal_year_id == fy_id)
        .group_by(*groups)
    )
    return session.execute(_filtered(q, Assignment, agency_id, column))


def _collected_sums(session: Session, fy_id: int, n: int, grouping: Grouping, agency_id: int | None,
                    column: str | None) -> Result[Any]:
    """Rows of (group columns…, Σamount) for months 1..n."""
    groups = _group_columns(Collection, grouping)
    q = (
        select(*groups, func.sum(Collection.amount))
        .where(Collection.fiscal_year_id == fy_id, Collection.month <= n)
        .group_by(*groups)
    )
    return session.execute(_filtered(q, Collection, agency_id, column))


@overload
def figures(session: Session, year: int, through_month: int, grouping: Literal["agency"], *,
            agency_id: int | None = None, budget_column: str | None = None) -> dict[int, Figures]: ...
@overload
def figures(session: Session, year: int, through_month: int, grouping: Literal["line"], *,
            agency_id: int | None = None, budget_column: str | None = None) -> dict[str, Figures]: ...
@overload
def figures(session: Session, year: int, through_month: int, grouping: Literal["agency_line"], *,
            agency_id: int | None = None, budget_column: str | None = None) -> dict[tuple[int, str], Figures]: ...
def figures(
    session: Session,
    year: int,
    through_month: int,
    grouping: Grouping,
    *,
    agency_id: int | None = None,
    budget_column: str | None = None,
) -> dict[Any, Figures]:
    """Figures for the period and the same period last year, grouped by agency id, by
    line code, or by (agency id, line code). Last year is matched by agency and code."""
    n = check_month(through_month)
    width = 2 if grouping == "agency_line" else 1
    out: dict[Hashable, dict[str, int]] = {}

    def add(key: Hashable, **values: int) -> None:
        slot = out.setdefault(key, {})
        for name, v in values.items():
            slot[name] = slot.get(name, 0) + int(v or 0)

    for which, fy_year in (("this", year), ("last", year - 1)):
        fy_id = _year_id(session, fy_year)
        if fy_id is None:
            continue
        key = _key(grouping, _line_codes(session, fy_id) if grouping != "agency" else {})
        for row in _budget_sums(session, fy_id, n, grouping, agency_id, budget_column):
            approved, in_force, share = row[width:]
            if which == "this":
                add(key(*row[:width]), approved=approved, annual=in_force, share=share)
            else:
                add(key(*row[:width]), annual_last=in_force, share_last=share)
        for row in _collected_sums(session, fy_id, n, grouping, agency_id, budget_column):
            add(key(*row[:width]), **{"collected" if which == "this" else "collected_last": row[width]})
    return {k: Figures(**v) for k, v in out.items()}


@dataclass(frozen=True)
class AgencyInfo:
    id: int
    code: str
    name: str


def agencies(session: Session) -> dict[int, AgencyInfo]:
    rows = session.execute(select(Agency.id, Agency.code, Agency.name).order_by(Agency.code))
    return {i: AgencyInfo(i, c, n) for i, c, n in rows}


def line_titles(session: Session, year: int) -> dict[str, tuple[str, bool]]:
    """code → (title, earmarked) of a year's Table 5 nodes."""
    fy_id = _year_id(session, year)
    if fy_id is None:
        return {}
    rows = session.execute(
        select(ClassificationNode.code, ClassificationNode.title, ClassificationNode.earmarked).where(
            ClassificationNode.fiscal_year_id == fy_id, ClassificationNode.table_no == 5
        )
    )
    return {c: (t, e) for c, t, e in rows}


def classification_rows(session: Session, year: int, through_month: int,
                        by_line: dict[str, Figures] | None = None) -> list[ClassificationRow]:
    """Report 2: sections, part totals, general resources, earmarked apart, grand total.
    ``by_line`` may pass the line figures when the caller already has them."""
    if by_line is None:
        by_line = figures(session, year, through_month, "line")
    titles = line_titles(session, year)
    earmarked = [c for c, (_, e) in titles.items() if e]
    return classification_table({str(k): f for k, f in by_line.items()}, earmarked)


def monthly_collected(session: Session, year: int, *, agency_id: int | None = None) -> list[int]:
    """Collections per month 1..12 (not cumulative)."""
    fy_id = _year_id(session, year)
    months = [0] * 12
    if fy_id is None:
        return months
    q = select(Collection.month, func.sum(Collection.amount)).where(Collection.fiscal_year_id == fy_id)
    if agency_id is not None:
        q = q.where(Collection.agency_id == agency_id)
    for m, total in session.execute(q.group_by(Collection.month)):
        months[m - 1] = int(total)
    return months


def collected_without_approval(session: Session, year: int, through_month: int) -> list[tuple[int, str, int]]:
    """(agency id, line code, collected) where money came in on a line that has no
    approved amount for that agency (وصول بدون مصوب)."""
    fy_id = _year_id(session, year)
    if fy_id is None:
        return []
    n = check_month(through_month)
    approved = (
        select(Assignment.agency_id, Assignment.line_id, func.sum(Assignment.approved).label("a"))
        .where(Assignment.fiscal_year_id == fy_id)
        .group_by(Assignment.agency_id, Assignment.line_id)
        .subquery()
    )
    q = (
        select(Collection.agency_id, ClassificationNode.code, func.sum(Collection.amount))
        .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
        .outerjoin(approved, and_(approved.c.agency_id == Collection.agency_id,
                                  approved.c.line_id == Collection.line_id))
        .where(Collection.fiscal_year_id == fy_id, Collection.month <= n,
               func.coalesce(approved.c.a, 0) == 0)
        .group_by(Collection.agency_id, ClassificationNode.code)
        .having(func.sum(Collection.amount) != 0)
        .order_by(Collection.agency_id, ClassificationNode.code)
    )
    return [(a, c, int(s)) for a, c, s in session.execute(q)]


def approved_without_collection(session: Session, year: int, through_month: int) -> list[tuple[int, str, int]]:
    """(agency id, line code, amount in force) of approved lines on which nothing was
    collected in months 1..n."""
    fy_id = _year_id(session, year)
    if fy_id is None:
        return []
    n = check_month(through_month)
    collected = (
        select(Collection.id)
        .where(Collection.fiscal_year_id == fy_id, Collection.agency_id == Assignment.agency_id,
               Collection.line_id == Assignment.line_id, Collection.month <= n, Collection.amount != 0)
        .exists()
    )
    in_force = func.sum(in_force_sql())
    q = (
        select(Assignment.agency_id, ClassificationNode.code, in_force)
        .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
        .where(Assignment.fiscal_year_id == fy_id, ~collected)
        .group_by(Assignment.agency_id, ClassificationNode.code)
        .having(in_force > 0)
    )
    return [(a, c, int(v)) for a, c, v in session.execute(q)]
