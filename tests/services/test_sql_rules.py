"""The SQL twins of the amount rules (services.sql_rules) give what the core's rules give,
on random data, on SQLite and (with RASAD_TEST_POSTGRES_URL) PostgreSQL.

Each example writes its assignments in the session and rolls them back, so the fiscal
years, lines and agencies, committed once per test, are all an example shares.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import BigInteger, cast, literal, select

from rasad_desktop.core.figures import Figures, amount_in_force, monthly_targets, period_share
from rasad_desktop.core.rounding import div_round
from rasad_desktop.db.models import Agency, Assignment, ClassificationNode, FiscalYear, MonthlySchedule
from rasad_desktop.services import budget_admin, entry, queries, report_data
from rasad_desktop.services.sql_rules import div_round_sql
from rasad_desktop.services.validate import MAX_BUDGET_AMOUNT

YEARS = (1403, 1404)
LINES = ("110104", "140101", "210101")
AGENCIES = ("1", "2")
COLUMNS = ("provincial", "national")
CELLS = [(y, a, line, c) for y in YEARS for a in AGENCIES for line in LINES for c in COLUMNS]
INT64 = 2**63 - 1

# the database refuses negative approved, revised and schedule amounts (CHECK constraints)
amounts = st.one_of(st.sampled_from([0, 1, 5, 6, 7, 18, MAX_BUDGET_AMOUNT - 1, MAX_BUDGET_AMOUNT]),
                    st.integers(0, 10**6), st.integers(0, MAX_BUDGET_AMOUNT))
month_amounts = st.integers(0, MAX_BUDGET_AMOUNT // 12)  # a schedule adds up to an amount in force
assignment = st.tuples(amounts, st.none() | amounts, st.none() | st.lists(month_amounts, min_size=12, max_size=12))
budgets = st.dictionaries(st.sampled_from(CELLS), assignment, max_size=len(CELLS))
DB_PROPS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture
def world(database):  # type: ignore[no-untyped-def]
    """Ids of the fiscal years, lines (by year and code) and agencies, committed."""
    with database.session() as s:
        years = {y: FiscalYear(year=y) for y in YEARS}
        s.add_all(years.values())
        s.flush()
        lines = {(y, code): ClassificationNode(fiscal_year_id=years[y].id, code=code, title=code, level=4,
                                               part=int(code[0]))
                 for y in YEARS for code in LINES}
        agencies = {code: Agency(code=code, name=f"اداره کل {code}", search_key=code) for code in AGENCIES}
        s.add_all([*lines.values(), *agencies.values()])
        s.commit()
        return ({y: fy.id for y, fy in years.items()}, {k: n.id for k, n in lines.items()},
                {c: a.id for c, a in agencies.items()})


def _store(session, world, cells) -> dict:  # type: ignore[no-untyped-def]
    years, lines, agencies = world
    stored = {}
    for (y, a, line, column), (approved, revised, schedule) in cells.items():
        row = Assignment(fiscal_year_id=years[y], agency_id=agencies[a], line_id=lines[(y, line)],
                         budget_column=column, approved=approved, revised=revised, note="")
        if schedule is not None:
            row.schedule = [MonthlySchedule(month=m + 1, amount=v) for m, v in enumerate(schedule)]
        session.add(row)
        stored[(y, a, line, column)] = row
    session.flush()
    return stored


@DB_PROPS
@given(cells=budgets, n=st.integers(1, 12))
def test_sql_in_force_and_period_share_equal_the_core_rules(database, world, cells, n):
    years, _, agencies = world
    with database.session() as s:
        stored = _store(s, world, cells)
        try:
            expected: dict[str, dict] = {"agency": {}, "line": {}, "agency_line": {}}
            for (y, a, line, _column), (approved, revised, schedule) in cells.items():
                in_force = amount_in_force(approved, revised)
                share = period_share(in_force, n, schedule)
                f = (Figures(approved=approved, annual=in_force, share=share) if y == 1404
                     else Figures(annual_last=in_force, share_last=share))
                for grouping, key in (("agency", agencies[a]), ("line", line), ("agency_line", (agencies[a], line))):
                    expected[grouping][key] = expected[grouping].get(key, Figures()) + f
            for grouping, want in expected.items():
                got_figures = queries.figures(s, 1404, n, grouping)  # type: ignore[call-overload]  # (a loop over the three)
                assert got_figures == want
                # integers, not a backend's Decimal that merely compares equal: money stays int
                assert all(type(v) is int for f in got_figures.values() for v in vars(f).values())

            for a in AGENCIES:
                sheet = entry.entry_sheet(s, 1404, n, agencies[a])
                got = {(r.line_code, r.budget_column): (r.annual, r.share) for r in sheet.rows}
                assert got == {(line, c): (amount_in_force(ap, rv), period_share(amount_in_force(ap, rv), n, sc))
                               for (y, a_, line, c), (ap, rv, sc) in cells.items() if y == 1404 and a_ == a}

            in_force_by_year = defaultdict(int)
            nothing_collected = defaultdict(int)
            for (y, a, line, _c), (ap, rv, _sc) in cells.items():
                in_force_by_year[y] += amount_in_force(ap, rv)
                if y == 1404:
                    nothing_collected[(agencies[a], line)] += amount_in_force(ap, rv)
            assert {r.year: r.in_force for r in budget_admin.year_summaries(s)} == {y: in_force_by_year[y] for y in YEARS}
            assert sorted(queries.approved_without_collection(s, 1404, n)) == sorted(
                (a, line, v) for (a, line), v in nothing_collected.items() if v > 0)

            # the reports' monthly targets add up, month by month, to the SQL period share
            targets = report_data.targets_by_assignment(s, 1404)
            for key, row in stored.items():
                if key[0] == 1404:
                    approved, revised, schedule = cells[key]
                    assert targets[row.id] == monthly_targets(amount_in_force(approved, revised), schedule)
        finally:
            s.rollback()


@st.composite
def division(draw):  # type: ignore[no-untyped-def]
    """(x, d) with 2·|x| + d inside a signed 64-bit integer, as div_round_sql needs."""
    d = draw(st.sampled_from([12]) | st.integers(1, 10**6))
    bound = (INT64 - d) // 2
    x = draw(st.sampled_from([0, 6, -6, 18, -18, bound, -bound]) | st.integers(-bound, bound)
             | st.integers(-(10**6), 10**6) | st.integers(-MAX_BUDGET_AMOUNT * 12, MAX_BUDGET_AMOUNT * 12))
    return x, d


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(division())
def test_div_round_sql_equals_div_round_for_either_sign(database, xd):
    x, d = xd
    with database.session() as s:
        assert s.scalar(select(div_round_sql(cast(literal(x), BigInteger), d))) == div_round(x, d)

