"""Realization metrics derived from Figures, exactly as domain.md defines them.

Ratios are exact ``Fraction``s (no float); a zero denominator gives ``None`` (shown «—»),
never an exception or infinity. Money results are integer rials.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from rasad_desktop.core.figures import Figures
from rasad_desktop.core.jalali import check_month
from rasad_desktop.core.rounding import div_round


def ratio(numerator: int, denominator: int) -> Fraction | None:
    """numerator / denominator, or None when the denominator is zero."""
    return None if denominator == 0 else Fraction(numerator, denominator)


def growth(current: int, last: int) -> Fraction | None:
    """current / last − 1 (e.g. R_n / R'_n − 1), or None when last is zero."""
    r = ratio(current, last)
    return None if r is None else r - 1


class Status(enum.Enum):
    """Status band of a realization rate. Revenue semantics: more is better."""

    GOOD = "good"  # at or above the target
    WATCH = "watch"  # somewhat behind
    LAGGING = "lagging"  # far behind
    NONE = "none"  # no target for the period: no rate

    def label(self, language: str = "fa") -> str:
        fa = {"good": "مطلوب", "watch": "نیازمند پیگیری", "lagging": "عقب‌مانده", "none": "بدون هدف"}
        en = {"good": "On target", "watch": "Needs follow-up", "lagging": "Lagging", "none": "No target"}
        return (en if language == "en" else fa)[self.value]


@dataclass(frozen=True)
class Thresholds:
    """Band limits in percent of the period share (configurable; default ≥100 / 80–99 / <80)."""

    good: int = 100
    watch: int = 80

    def __post_init__(self) -> None:
        if not 0 <= self.watch <= self.good:
            raise ValueError("thresholds must satisfy 0 <= watch <= good")

    def status(self, rate: Fraction | None) -> Status:
        if rate is None:
            return Status.NONE
        if rate * 100 >= self.good:
            return Status.GOOD
        if rate * 100 >= self.watch:
            return Status.WATCH
        return Status.LAGGING


@dataclass(frozen=True)
class Metrics:
    pct_share: Fraction | None  # R_n / T_n
    pct_annual: Fraction | None  # R_n / A
    pct_share_last: Fraction | None  # R'_n / T'_n
    pct_annual_last: Fraction | None  # R'_n / A'
    growth: Fraction | None  # R_n / R'_n − 1
    change_pp_share: Fraction | None  # (R_n/T_n − R'_n/T'_n) × 100, in percentage points
    change_pp_annual: Fraction | None  # (R_n/A − R'_n/A') × 100, in percentage points
    gap: int  # R_n − T_n
    remaining: int  # A − R_n
    pace: int | None  # (A − R_n) / (12 − n); None after Esfand
    share_of_total: Fraction | None  # R_n / ΣR_n of the peers
    status: Status


def _points(a: Fraction | None, b: Fraction | None) -> Fraction | None:
    return None if a is None or b is None else (a - b) * 100


def compute(
    f: Figures,
    through_month: int,
    total_collected: int | None = None,
    thresholds: Thresholds | None = None,
) -> Metrics:
    """The metrics of one row. ``total_collected`` is ΣR_n of the row's peers."""
    n = check_month(through_month)
    pct_share = ratio(f.collected, f.share)
    pct_annual = ratio(f.collected, f.annual)
    pct_share_last = ratio(f.collected_last, f.share_last)
    pct_annual_last = ratio(f.collected_last, f.annual_last)
    remaining = f.annual - f.collected
    return Metrics(
        pct_share=pct_share,
        pct_annual=pct_annual,
        pct_share_last=pct_share_last,
        pct_annual_last=pct_annual_last,
        growth=growth(f.collected, f.collected_last),
        change_pp_share=_points(pct_share, pct_share_last),
        change_pp_annual=_points(pct_annual, pct_annual_last),
        gap=f.collected - f.share,
        remaining=remaining,
        pace=None if n == 12 else div_round(remaining, 12 - n),
        share_of_total=None if total_collected is None else ratio(f.collected, total_collected),
        status=(thresholds or Thresholds()).status(pct_share),
    )


def competition_ranks(values: Sequence[Fraction | int | None]) -> list[int | None]:
    """Rank values in descending order, ties sharing a rank (1, 2, 2, 4); None unranked."""
    ordered = sorted((v for v in values if v is not None), reverse=True)
    first_position: dict[Fraction | int, int] = {}
    for position, v in enumerate(ordered, start=1):
        first_position.setdefault(v, position)
    return [None if v is None else first_position[v] for v in values]


RankKey = Callable[[Figures, Metrics], Fraction | int | None]


def by_pct_share(f: Figures, m: Metrics) -> Fraction | None:
    """The default ranking: realization of the period share."""
    return m.pct_share


def by_collected(f: Figures, m: Metrics) -> int:
    return f.collected
