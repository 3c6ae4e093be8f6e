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


def period_share(annual: int, through_month: int, schedule: Sequence[int] | None = None) -> int:
    """T_n for one line: the first n months of a communicated schedule, or A × n/12.

    A × n/12 is rounded to whole rials, half away from zero; a group's share is the sum
    of its lines' shares (so that a printed table adds up).
    """
    check_month(through_month)
    if schedule is not None:
        if len(schedule) != 12:
            raise ValueError("a monthly schedule has 12 amounts")
        return sum(schedule[:through_month])
    return div_round(annual * through_month, 12)
