"""Response-time figures: the median of whole numbers and the month × kind summary of
requests, exactly (``Fraction``; no float anywhere in this module).

A *cell* holds the raw counts of one Jalali month of registration and one kind of
request, and the working days each answered request took. ``summarize`` turns cells
into rows — one per non-empty cell, a total per kind, and an overall total — with the
median days and the share answered in time derived the same way every time, so the
service, the dashboard and a frozen report snapshot always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from rasad_desktop.core.digits import DECIMAL_SEP_FA, EM_DASH, localize_digits
from rasad_desktop.core.rounding import round_fraction


def median(values: Iterable[int]) -> Fraction | None:
    """The median of whole numbers: the middle one, or the mean of the two middle ones
    (so it is a whole number or a half); ``None`` when there are none."""
    ordered = sorted(values)
    for v in ordered:
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"median() takes whole numbers, not {type(v).__name__}")
    n = len(ordered)
    if n == 0:
        return None
    mid = n // 2
    if n % 2:
        return Fraction(ordered[mid])
    return Fraction(ordered[mid - 1] + ordered[mid], 2)


def share(part: int, whole: int) -> Fraction | None:
    """part / whole, or ``None`` when ``whole`` is zero (shown «—»)."""
    return None if whole == 0 else Fraction(part, whole)


def format_days(value: Fraction | None, digits: str = "fa") -> str:
    """A number of days such as a median: «۳», «۲٫۵»; ``None`` → «—». One decimal at most,
    rounded half away from zero (a median of whole numbers never needs more)."""
    if value is None:
        return EM_DASH
    tenths = round_fraction(Fraction(value), 1)
    whole, tenth = divmod(abs(tenths), 10)
    text = str(whole) if tenth == 0 else f"{whole}{DECIMAL_SEP_FA if digits == 'fa' else '.'}{tenth}"
    if tenths < 0:
        text = "-" + text
    return localize_digits(text, "fa" if digits == "fa" else "latin")


@dataclass(frozen=True)
class Cell:
    """The requests of one kind registered in one Jalali month."""

    month: int
    kind: str
    registered: int = 0
    answered: int = 0
    in_time: int = 0  # answered on or before the due date
    overdue: int = 0  # still open and past the due date on the day of counting
    days: tuple[int, ...] = field(default=())  # working days to answer, one per answered request

    def as_dict(self) -> dict[str, object]:
        return {"month": self.month, "kind": self.kind, "registered": self.registered, "answered": self.answered,
                "in_time": self.in_time, "overdue": self.overdue, "days": sorted(self.days)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Cell:
        return cls(int(d["month"]), str(d["kind"]), int(d["registered"]), int(d["answered"]), int(d["in_time"]),
                   int(d["overdue"]), tuple(int(x) for x in d["days"]))


@dataclass(frozen=True)
class StatRow:
    """One line of the response-time table. ``month`` None = the whole period; ``kind``
    None = all kinds. ``share_in_time`` is of the answered requests (None if none were)."""

    month: int | None
    kind: str | None
    registered: int
    answered: int
    in_time: int
    overdue: int
    median_days: Fraction | None
    share_in_time: Fraction | None

    @property
    def is_total(self) -> bool:
        return self.month is None


def _row(month: int | None, kind: str | None, cells: Sequence[Cell]) -> StatRow:
    answered = sum(c.answered for c in cells)
    in_time = sum(c.in_time for c in cells)
    return StatRow(month, kind, sum(c.registered for c in cells), answered, in_time,
                   sum(c.overdue for c in cells), median([d for c in cells for d in c.days]),
                   share(in_time, answered))


def summarize(cells: Iterable[Cell], kinds: Sequence[str]) -> list[StatRow]:
    """Rows in the order a table shows them: each month (Farvardin first) with its kinds
    in ``kinds`` order (only cells with requests), then a total for every kind in
    ``kinds`` (even with none), then the overall total."""
    order = {k: i for i, k in enumerate(kinds)}
    by_key: dict[tuple[int, str], list[Cell]] = {}
    for c in cells:
        if c.kind not in order:
            raise ValueError(f"unknown kind {c.kind!r}")
        by_key.setdefault((c.month, c.kind), []).append(c)
    rows = [_row(m, k, group) for (m, k), group in sorted(by_key.items(), key=lambda kv: (kv[0][0], order[kv[0][1]]))
            if sum(c.registered for c in group)]
    every = [c for group in by_key.values() for c in group]
    rows += [_row(None, k, [c for c in every if c.kind == k]) for k in kinds]
    rows.append(_row(None, None, every))
    return rows
