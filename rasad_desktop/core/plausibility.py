"""Is a collected figure plausible? Compared with the same month last year, with the
agency's usual month on the line, with the line's whole annual amount, and for the slips a
clerk makes: a unit (thousand or million rials typed as rials, or the reverse), a sign,
a line without an approved amount. A warning never blocks: the person confirms it with a
reason, which is kept (see ``services/plausibility.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from rasad_desktop.core.amounts import format_amount

SLIPS = (1_000, 1_000_000)  # a unit away: thousand rials, million rials
SLIP_BAND = 10  # a ratio within ×/÷ 10 of a slip factor reads as that slip


@dataclass(frozen=True)
class Limits:
    """The office's thresholds (office settings ``warn_far_times``, ``warn_floor_million``)."""

    times: int = 5  # far: more than ``times`` × the reference, or less than 1/``times`` of it
    floor: int = 10_000_000  # rials: a reference smaller than this is not compared (too noisy)


@dataclass(frozen=True)
class Reference:
    """What one figure is compared with."""

    annual: int | None  # the line's amount in force for the agency; None: no approved amount
    last_year: int | None = None  # the same month of last year
    usual: int | None = None  # the agency's usual month on the line (``usual_month``)

    @property
    def planned(self) -> int | None:
        """A twelfth of the amount in force: what a slip is read against while the line has
        no history yet (its first months)."""
        return self.annual // 12 if self.annual else None


@dataclass(frozen=True)
class Warning:
    code: str  # negative, no_approved, above_annual, unit_slip, far_last_year, far_usual
    fa: str
    en: str

    def message(self, language: str = "fa") -> str:
        return self.en if language == "en" else self.fa


def usual_month(history: Sequence[int]) -> int | None:
    """The median of the positive months among ``history`` (the twelve before this one);
    None with fewer than three: too little to call anything usual."""
    values = sorted(v for v in history if v > 0)
    if len(values) < 3:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) // 2


def _money(value: int, language: str) -> str:
    return format_amount(value, digits="latin" if language == "en" else "fa") + (" rials" if language == "en"
                                                                                   else " ریال")


def _slip(ratio: Fraction) -> int | None:
    """±3 / ±6 when ``ratio`` is about a thousand or a million (or one of those parts)."""
    for factor in SLIPS:
        for r, sign in ((ratio, 1), (1 / ratio, -1)):
            if Fraction(factor, SLIP_BAND) <= r <= factor * SLIP_BAND:
                return sign * factor
    return None


def check(amount: int, ref: Reference, limits: Limits = Limits()) -> list[Warning]:  # noqa: B008 - frozen
    """The warnings for ``amount`` (rials); none for a zero or a cleared cell."""
    found: list[Warning] = []
    if amount == 0:
        return found  # nothing collected this month: never a warning
    if amount < 0:
        found.append(Warning("negative", "رقم منفی است (برگشتی یا اصلاحیه؟).",
                             "The figure is negative (a refund or a correction?)."))
    if not ref.annual:  # none, or revised down to zero
        found.append(Warning("no_approved", "این ردیف برای این دستگاه مبلغ مصوب (در اجرا) ندارد.",
                             "This line has no approved amount (in force) for this agency."))
    if amount < 0:
        return found
    found += _against_history(amount, ref, limits)  # the likeliest cause (a slip) first
    if ref.annual is not None and ref.annual > 0 and amount > ref.annual:
        found.append(Warning(
            "above_annual", f"از کل مبلغ مصوب سالانهٔ ردیف ({_money(ref.annual, 'fa')}) بیشتر است.",
            f"It is more than the line's whole annual amount ({_money(ref.annual, 'en')})."))
    return found


def _against_history(amount: int, ref: Reference, limits: Limits) -> list[Warning]:
    found: list[Warning] = []
    known = [(r, kind) for r, kind in ((ref.usual, "usual"), (ref.last_year, "last_year"))
             if r is not None and r >= limits.floor]
    planned = ref.planned
    against = known or ([(planned, "planned")] if planned is not None and planned >= limits.floor else [])
    for reference, kind in against:  # the usual month first: a slip is read against it
        factor = _slip(Fraction(amount, reference))
        if factor is not None:
            found.append(_unit_slip(factor, reference, kind))
            return found
    for reference, kind in known:
        ratio = Fraction(amount, reference)
        if ratio > limits.times or ratio * limits.times < 1:
            found.append(_far(ratio, reference, kind))
    return found


_SLIP_AGAINST = {"usual": ("ماه معمول", "the usual month"), "last_year": ("همین ماه پارسال", "last year's month"),
                 "planned": ("یک‌دوازدهم مبلغ مصوب", "a twelfth of the approved amount")}


def _unit_slip(factor: int, reference: int, kind: str) -> Warning:
    what_fa, what_en = _SLIP_AGAINST[kind]
    unit_fa, unit_en = ("هزار", "a thousand") if abs(factor) == 1_000 else ("میلیون", "a million")
    if factor > 0:
        fa = (f"حدود {unit_fa} برابر {what_fa} ({_money(reference, 'fa')}) است: شاید رقم به «{unit_fa} ریال» بوده "
              "و به ریال وارد شده، یا صفرهای اضافه دارد.")
        en = (f"About {unit_en} times {what_en} ({_money(reference, 'en')}): perhaps a figure in {unit_en} rials "
              "typed as rials, or extra zeros.")
    else:
        fa = (f"{what_fa} ({_money(reference, 'fa')}) حدود {unit_fa} برابر این رقم است: شاید رقم ریالی به "
              f"«{unit_fa} ریال» وارد شده است.")
        en = (f"{what_en.capitalize()} ({_money(reference, 'en')}) is about {unit_en} times this figure: perhaps a "
              f"figure in rials typed in {unit_en} rials.")
    return Warning("unit_slip", fa, en)


def _far(ratio: Fraction, reference: int, kind: str) -> Warning:
    code = "far_usual" if kind == "usual" else "far_last_year"
    what_fa, what_en = ("ماه معمول این دستگاه در این ردیف", "the agency's usual month on this line") \
        if kind == "usual" else ("همین ماه پارسال", "the same month last year")
    times = ratio if ratio >= 1 else 1 / ratio
    shown = format_amount(int(times))
    shown_en = format_amount(int(times), digits="latin")
    if ratio >= 1:
        return Warning(code, f"{shown} برابر {what_fa} ({_money(reference, 'fa')}) است.",
                       f"{shown_en} times {what_en} ({_money(reference, 'en')}).")
    return Warning(code, f"{what_fa} ({_money(reference, 'fa')}) {shown} برابر این رقم است.",
                   f"{what_en.capitalize()} ({_money(reference, 'en')}) is {shown_en} times this figure.")
