"""What Rasad shows of a period, as concrete types: the agencies' and lines' figures, the
exceptions, the monthly series, the dashboard and one agency's detail.

One home for these: the dashboard, the agency detail, the command line and the report
snapshots (``report_data``) all read them from here. Sums come from ``queries`` (SQL);
percentages, ranks and bands from the core.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from rasad_desktop.core.figures import Figures
from rasad_desktop.core.jalali import last_completed_month
from rasad_desktop.core.metrics import Thresholds
from rasad_desktop.core.stats import StatRow
from rasad_desktop.core.tables import RankedTable, ranked_table
from rasad_desktop.services import office, queries, request_stats
from rasad_desktop.services.budget import list_years
from rasad_desktop.services.queries import AgencyInfo
from rasad_desktop.services.roles import Actor, Permission


@dataclass(frozen=True)
class AgencyFigures:
    agency: AgencyInfo
    figures: Figures


@dataclass(frozen=True)
class LineFigures:
    code: str
    title: str
    earmarked: bool
    figures: Figures


@dataclass(frozen=True)
class ExceptionRow:
    """A line of one agency that needs a look: approved with nothing collected (``amount``
    is the amount in force), or collected without an approved amount (the collected sum)."""

    agency: AgencyInfo
    code: str
    title: str
    amount: int


@dataclass(frozen=True)
class Exceptions:
    nothing_collected: list[ExceptionRow]
    unapproved: list[ExceptionRow]
    earmarked: list[LineFigures]  # earmarked lines, listed apart in the reports


@dataclass(frozen=True)
class Monthly:
    this_year: list[int]  # collected per month 1..12, not cumulative
    last_year: list[int]


def agencies_in_period(session: Session, year: int, through_month: int) -> list[AgencyFigures]:
    """Every agency with a budget or collections in either year, by code."""
    info = queries.agencies(session)
    rows = [AgencyFigures(info[aid], f) for aid, f in queries.figures(session, year, through_month, "agency").items()
            if not f.is_empty]
    return sorted(rows, key=lambda r: r.agency.code)


def agency_table(session: Session, year: int, through_month: int, *, thresholds: Thresholds | None = None,
                 total_title: str = "جمع کل") -> RankedTable:
    """Report 1: agencies ranked by realization of the period share, with the total."""
    entries = [(r.agency.code, r.agency.name, r.figures) for r in agencies_in_period(session, year, through_month)]
    return ranked_table(entries, through_month, thresholds=thresholds or office.thresholds(session),
                        total_title=total_title)


def titles(session: Session, year: int) -> dict[str, tuple[str, bool]]:
    """code → (title, earmarked): this year's classification, last year's for lines it lacks."""
    return {**queries.line_titles(session, year - 1), **queries.line_titles(session, year)}


def lines_in_period(session: Session, year: int, through_month: int, *,
                    agency_id: int | None = None) -> list[LineFigures]:
    """The figures per line (of one agency, or the province), by code."""
    names = titles(session, year)
    by_line = queries.figures(session, year, through_month, "line", agency_id=agency_id)
    return [LineFigures(str(code), *names.get(str(code), ("", False)), f)
            for code, f in sorted(by_line.items(), key=lambda kv: str(kv[0]))]


def exceptions(session: Session, year: int, through_month: int,
               lines: list[LineFigures] | None = None) -> Exceptions:
    """Report 6 and the dashboard's list, ordered by agency code and line code. ``lines``
    may pass the province's line figures when the caller already has them."""
    info, names = queries.agencies(session), titles(session, year)

    def rows(found: list[tuple[int, str, int]]) -> list[ExceptionRow]:
        out = [ExceptionRow(info[a], c, names.get(c, ("", False))[0], v) for a, c, v in found]
        return sorted(out, key=lambda e: (e.agency.code, e.code))

    lines = lines if lines is not None else lines_in_period(session, year, through_month)
    return Exceptions(rows(queries.approved_without_collection(session, year, through_month)),
                      rows(queries.collected_without_approval(session, year, through_month)),
                      [line for line in lines if line.earmarked])


def monthly(session: Session, year: int, *, agency_id: int | None = None) -> Monthly:
    return Monthly(queries.monthly_collected(session, year, agency_id=agency_id),
                   queries.monthly_collected(session, year - 1, agency_id=agency_id))


def default_month(monthly: list[int], year: int, today: dt.date) -> int:
    """The last month with collections, else the last completed month (of that year)."""
    filled = [m for m, amount in enumerate(monthly, start=1) if amount]
    if filled:
        return filled[-1]
    last_year, last_month = last_completed_month(today)
    return last_month if year == last_year else 12 if year < last_year else 1


# ----------------------------------------------------------------------- the dashboard
@dataclass(frozen=True)
class Dashboard:
    years: list[int]
    year: int | None = None
    through_month: int = 12
    table: RankedTable | None = None
    agency_ids: dict[str, int] = field(default_factory=dict)  # agency code → id
    monthly: Monthly = field(default_factory=lambda: Monthly([0] * 12, [0] * 12))
    exceptions: Exceptions = field(default_factory=lambda: Exceptions([], [], []))
    responses: list[StatRow] | None = None  # None: not read (no year, or the role may not see requests)
    thresholds: Thresholds = field(default_factory=Thresholds)  # the bands the table was ranked with


def dashboard(session: Session, actor: Actor, year: int | None, month: int | None, *,
              thresholds: Thresholds | None = None, today: dt.date | None = None) -> Dashboard:
    """Province totals, agencies ranked, the monthly series, the exceptions and (for roles
    that see requests) the response times of a year through a month; ``None`` = the
    default (the latest year, through its last month with collections). ``thresholds``
    None: the office's."""
    today = today or dt.date.today()
    thresholds = thresholds or office.thresholds(session)
    years = list_years(session)
    if not years:
        return Dashboard(years, thresholds=thresholds)
    if year not in years:
        year, month = years[-1], None
    series = monthly(session, year)
    n = month or default_month(series.this_year, year, today)
    info = queries.agencies(session)
    responses = request_stats.response_times(session, year, today=today) \
        if actor.can(Permission.VIEW_REQUESTS) else None
    return Dashboard(years, year, n, agency_table(session, year, n, thresholds=thresholds),
                     {a.code: a.id for a in info.values()}, series, exceptions(session, year, n), responses,
                     thresholds)


# ------------------------------------------------------------------- one agency's detail
@dataclass(frozen=True)
class AgencyDetail:
    agency: AgencyInfo
    year: int
    through_month: int
    lines: RankedTable  # rows by line code, with the agency's total
    monthly: Monthly


def agency_detail(session: Session, year: int, through_month: int, agency_id: int, *,
                  thresholds: Thresholds | None = None) -> AgencyDetail:
    """One agency's lines and months; ``thresholds`` None: the office's."""
    thresholds = thresholds or office.thresholds(session)
    agency = queries.agencies(session)[agency_id]
    entries = [(line.code, line.title, line.figures)
               for line in lines_in_period(session, year, through_month, agency_id=agency_id)
               if not line.figures.is_empty]
    table = ranked_table(entries, through_month, thresholds=thresholds)
    table = RankedTable(table.through_month, sorted(table.rows, key=lambda r: r.key), table.total)
    return AgencyDetail(agency, year, through_month, table, monthly(session, year, agency_id=agency_id))
