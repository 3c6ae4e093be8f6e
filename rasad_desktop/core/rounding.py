"""Integer rounding. The one rule used everywhere: half away from zero.

An official table is read by people who expect 2.5 → 3 and −2.5 → −3, as taught in
school and as Excel's ROUND does; banker's rounding would surprise them.
"""

from __future__ import annotations

from fractions import Fraction


def div_round(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half away from zero, in integers only."""
    if denominator == 0:
        raise ZeroDivisionError("div_round by zero")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return q if numerator >= 0 else -q


def round_fraction(value: Fraction, decimals: int = 0) -> int:
    """``value × 10^decimals`` rounded half away from zero: an integer of scaled units."""
    scaled = value * (10**decimals)
    return div_round(scaled.numerator, scaled.denominator)
