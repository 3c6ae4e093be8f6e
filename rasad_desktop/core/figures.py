"""The additive amounts behind every realization figure (domain.md, "How realization is
reported"), for one line, one agency, a classification group or the whole province.

All amounts are integer rials. Everything here adds: the figures of a group are the sum
of its members' figures, so table totals always equal the sum of their rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from rasad_desktop.core.jalali import check_month
from rasad_desktop.core.rounding import div_round


@dataclass(frozen=True)
class Figures:
    """Raw amounts for a period «through month n» and the same period last year."""

    approved: int = 0  # A as in the budget law
    annual: int = 0  # A in force: the revised amount where amended, else the approved one
    share: int = 0  # T_n, the period share (سهم n ماهه)
    collected: int = 0  # R_n, collected through month n
    annual_last: int = 0  # A in force last year
    share_last: int = 0  # T'_n last year
    collected_last: int = 0  # R'_n, same period last year

    def __add__(self, other: Figures) -> Figures:
        if not isinstance(other, Figures):
            return NotImplemented
        return Figures(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, f.name) == 0 for f in fields(self))


def total(items: Iterable[Figures]) -> Figures:
    result = Figures()
    for item in items:
        result = result + item
    return result


def amount_in_force(approved: int, revised: int | None) -> int:
    """A in force: the revised amount where an amendment set one, else the approved."""
    return approved if revised is None else revised


def _checked(schedule: Sequence[int]) -> Sequence[int]:
    if len(schedule) != 12:
        raise ValueError("a monthly schedule has 12 amounts")
    return schedule


def _even_share(annual: int, months: int) -> int:
    return div_round(annual * months, 12)


def period_share(annual: int, through_month: int, schedule: Sequence[int] | None = None) -> int:
    """T_n for one line: the first n months of a communicated schedule, or A × n/12.

    A × n/12 is rounded to whole rials, half away from zero; a group's share is the sum
    of its lines' shares (so that a printed table adds up). The services compute the same
    in SQL (``services.sql_rules.period_share_sql``).
    """
    check_month(through_month)
    if schedule is not None:
        return sum(_checked(schedule)[:through_month])
    return _even_share(annual, through_month)


def monthly_targets(annual: int, schedule: Sequence[int] | None = None) -> list[int]:
    """The twelve monthly targets: the communicated schedule, or the even split.

    The even split is the difference of consecutive period shares, so its first n months
    add up to ``period_share(annual, n)`` and all twelve to A exactly.
    """
    if schedule is not None:
        return list(_checked(schedule))
    cumulative = [_even_share(annual, m) for m in range(13)]
    return [cumulative[m + 1] - cumulative[m] for m in range(12)]
