"""The core's amount rules (``core.figures``, ``core.rounding``) as SQL expressions, so
that sums over thousands of assignments stay in the database.

Each expression must give exactly what its Python twin gives, on SQLite and PostgreSQL;
tests/services/test_sql_rules.py checks that on random data.
"""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.sql import ColumnElement, Subquery

from rasad_desktop.db.models import Assignment, MonthlySchedule


def in_force_sql() -> ColumnElement[int]:
    """``core.figures.amount_in_force`` of an assignment row."""
    return func.coalesce(Assignment.revised, Assignment.approved)


def div_round_sql(numerator: ColumnElement[int], denominator: int) -> ColumnElement[int]:
    """``core.rounding.div_round`` of an integer expression by a positive constant.

    Both databases truncate integer division toward zero, so each branch divides only
    non-negative operands, where truncating is flooring: round(x/d) = ⌊(2x + d) / 2d⌋.
    """
    if denominator <= 0:
        raise ValueError("div_round_sql needs a positive denominator")
    twice = 2 * denominator
    return case(
        (numerator >= 0, (numerator * 2 + denominator) // twice),
        else_=-((denominator - numerator * 2) // twice),
    )


def period_share_sql(fiscal_year_id: int, through_month: int) -> tuple[Subquery, ColumnElement[int]]:
    """``core.figures.period_share`` of each assignment of one year through month n: a
    schedule subquery to outer-join on ``assignment_id``, and the share expression."""
    n = through_month
    sched = (
        select(
            MonthlySchedule.assignment_id.label("assignment_id"),
            func.sum(case((MonthlySchedule.month <= n, MonthlySchedule.amount), else_=0)).label("through"),
        )
        .join(Assignment, Assignment.id == MonthlySchedule.assignment_id)
        .where(Assignment.fiscal_year_id == fiscal_year_id)
        .group_by(MonthlySchedule.assignment_id)
        .subquery()
    )
    share = case(
        (sched.c.assignment_id.is_not(None), sched.c.through),
        else_=div_round_sql(in_force_sql() * n, 12),
    )
    return sched, share
