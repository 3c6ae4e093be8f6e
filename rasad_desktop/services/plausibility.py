"""Plausibility warnings for collected figures, with what each is compared against read
once per check: the amounts in force, last year's months and the agency's usual month
(``core/plausibility.py`` decides). The entry grid, the spreadsheet import and
``save_months`` all ask here, so a figure gets the same warnings on every path."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.plausibility import Limits, Reference, Warning, check, usual_month
from rasad_desktop.db.models import ClassificationNode, Collection, FiscalYear
from rasad_desktop.services import office
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.sql_rules import in_force_sql

Cell = tuple[int, str, str]  # agency id, line code, budget column
MAX_REASON = 200


def limits(session: Session) -> Limits:
    values = office.read_settings(session, ("warn_far_times", "warn_floor_million"))
    return Limits(times=values["warn_far_times"], floor=values["warn_floor_million"] * 1_000_000)


class Checker:
    """Everything the warnings of ``agency_ids``' figures in ``fy`` compare with."""

    def __init__(self, session: Session, fy: FiscalYear, agency_ids: Iterable[int],
                 months: Iterable[int] = range(1, 13)) -> None:
        """``months``: those whose figures will be checked (the history read is what they need:
        this year's months before the last of them, last year's from the first of them on)."""
        from sqlalchemy import and_, or_

        from rasad_desktop.db.models import Assignment

        wanted = sorted(set(months)) or [12]
        ids = sorted(set(agency_ids))
        self.limits = limits(session)
        self.annual: dict[Cell, int] = {}
        for agency_id, code, column, amount in session.execute(
                select(Assignment.agency_id, ClassificationNode.code, Assignment.budget_column, in_force_sql())
                .join(ClassificationNode, ClassificationNode.id == Assignment.line_id)
                .where(Assignment.fiscal_year_id == fy.id, Assignment.agency_id.in_(ids))):
            self.annual[(agency_id, code, column)] = int(amount)
        last = session.scalar(select(FiscalYear.id).where(FiscalYear.year == fy.year - 1))
        # (cell) → 24 months: last year's 1..12, then this year's 1..12 (0 where nothing)
        self.months: dict[Cell, list[int]] = defaultdict(lambda: [0] * 24)
        for year_id, agency_id, code, column, month, amount in session.execute(
                select(Collection.fiscal_year_id, Collection.agency_id, ClassificationNode.code,
                       Collection.budget_column, Collection.month, Collection.amount)
                .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
                .where(or_(and_(Collection.fiscal_year_id == fy.id, Collection.month < wanted[-1]),
                           and_(Collection.fiscal_year_id == last, Collection.month >= wanted[0])),
                       Collection.agency_id.in_(ids))):
            self.months[(agency_id, code, column)][(12 if year_id == fy.id else 0) + month - 1] = amount

    def reference(self, cell: Cell, month: int) -> Reference:
        months = self.months.get(cell)
        if months is None:
            return Reference(self.annual.get(cell))
        before = months[month - 1: month + 11]  # the twelve before this one: last year's from this month on
        return Reference(self.annual.get(cell), months[month - 1] or None, usual_month(before))

    def warnings(self, cell: Cell, month: int, amount: int) -> list[Warning]:
        return check(amount, self.reference(cell, month), self.limits)


def reason(text: str) -> str:
    """A confirmation's reason: short, one line."""
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_REASON:
        raise ValidationError(f"دلیل تأیید حداکثر {MAX_REASON} نویسه است.",
                              f"A confirmation's reason is at most {MAX_REASON} characters.", code="reason_long")
    return cleaned


class Unconfirmed(ValidationError):
    """Figures with warnings were saved without a reason: nothing was saved. ``figures``
    holds (agency code, line code, month, warnings)."""

    def __init__(self, figures: list[tuple[str, str, int, list[Warning]]]) -> None:
        from rasad_desktop.core.digits import localize_digits
        from rasad_desktop.core.jalali import month_name

        self.figures = figures
        fa = [f"دستگاه {localize_digits(a)} · ردیف {localize_digits(line)} · {month_name(m)}: "
              + " ".join(w.fa for w in ws) for a, line, m, ws in figures[:20]]
        en = [f"agency {a} · line {line} · {month_name(m, 'en')}: " + " ".join(w.en for w in ws)
              for a, line, m, ws in figures[:20]]
        super().__init__("این ارقام هشدار دارند و بی‌دلیل تأیید ثبت نمی‌شوند؛ چیزی ثبت نشد:\n" + "\n".join(fa),
                         "These figures have warnings and are not saved without a reason; nothing was saved:\n"
                         + "\n".join(en), code="warnings_unconfirmed")


@dataclass(frozen=True)
class Rates:
    """How the warnings fare on the figures a database holds (``rates``)."""

    figures: int  # every collected figure, checked as if typed now
    warned: int  # of them, with a warning other than "no approved amount" (a fact, not a guess)
    slips: int  # the positive figures ×1,000, ×1,000,000 and ÷1,000
    caught: int  # of those, with a warning


def rates(session: Session, limits: Limits | None = None) -> Rates:
    """Every figure checked against what the database holds before it (a warning on one is
    a false warning, the history being right), then again as each unit slip: how an office
    tries its thresholds on its own history (``benchmarks/plausibility_rates.py``)."""
    figures = warned = slips = caught = 0
    for fy in session.scalars(select(FiscalYear).order_by(FiscalYear.year)):
        rows = session.execute(select(Collection.agency_id, ClassificationNode.code, Collection.budget_column,
                                      Collection.month, Collection.amount)
                               .join(ClassificationNode, ClassificationNode.id == Collection.line_id)
                               .where(Collection.fiscal_year_id == fy.id)).all()
        checker = Checker(session, fy, {r[0] for r in rows})
        use = limits or checker.limits
        for agency_id, code, column, month, amount in rows:
            ref = checker.reference((agency_id, code, column), month)
            figures += 1
            warned += any(w.code != "no_approved" for w in check(amount, ref, use))
            for slipped in (amount * 1_000, amount * 1_000_000, amount // 1_000) if amount > 0 else ():
                slips += 1
                caught += bool(check(slipped, ref, use))
    return Rates(figures, warned, slips, caught)
