"""Monthly collections (وصولی): saving a month of an agency's figures, and bulk loads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.jalali import format_jalali, month_name
from rasad_desktop.core.plausibility import Warning
from rasad_desktop.db.models import Agency, ClassificationNode, Collection, FiscalYear, utcnow
from rasad_desktop.services import plausibility, validate
from rasad_desktop.services.budget import find_agency, find_line, find_year, is_locked
from rasad_desktop.services.errors import PeriodLocked, ValidationError
from rasad_desktop.services.roles import Actor, Permission
from rasad_desktop.services.sync import capture
from rasad_desktop.services.sync import node as sync_node
from rasad_desktop.services.uow import Audit, writing

SOURCES = ("manual", "import", "demo", "treasury")


@dataclass(frozen=True)
class Entry:
    """One cell of the data-entry grid; ``amount=None`` clears the month's figure."""

    line_code: str
    amount: int | str | None
    budget_column: str = "provincial"
    document_ref: str = ""
    reason: str = ""  # why a figure with plausibility warnings is right (kept with it and audited)


def check_unlocked(session: Session, fiscal_year_id: int, year: int, month: int) -> None:
    lock = is_locked(session, fiscal_year_id, month)
    if lock is not None:
        raise PeriodLocked(
            f"ماه {month_name(month)} {localize_digits(str(year))} در تاریخ "
            f"{format_jalali(lock.locked_at)} توسط «{lock.locked_by}» بسته شده است؛ "
            "وصولی آن را نمی‌توان تغییر داد.",
            f"{month_name(month, 'en')} {year} was locked on {format_jalali(lock.locked_at, 'latin')} "
            f"by '{lock.locked_by}'; its collections cannot be changed.",
            code="period_locked",
        )


def save_month(
    session: Session,
    actor: Actor,
    year: int,
    month: int,
    agency_code: str,
    entries: Sequence[Entry],
    *,
    source: str = "manual",
    confirm: bool = False,
) -> int:
    """Save an agency's figures for one month in one transaction. Returns the number of
    cells changed; each change is audited with its old and new amount."""
    return save_months(session, actor, year, {(month, agency_code): entries}, source=source, confirm=confirm)


def save_months(
    session: Session,
    actor: Actor,
    year: int,
    months: Mapping[tuple[int, str], Sequence[Entry]],
    *,
    source: str = "manual",
    audit_per_month: bool = False,
    confirm: bool = False,
) -> int:
    """Save several (month, agency code) → figures groups in one transaction: all of them
    or, on the first refusal, none. Returns the number of cells changed. With
    ``audit_per_month`` (spreadsheet imports) each group gets one audit record holding every
    changed cell's old and new amount, instead of one record per cell.

    Every changed figure is checked for plausibility; its warnings and its entry's reason
    are audited and the reason kept with the figure. With ``confirm`` (a person entering or
    importing) a warned figure without a reason refuses the whole save (``Unconfirmed``)."""
    with writing(session, actor, Permission.ENTER_COLLECTIONS) as audit:
        fy = find_year(session, validate.year(year))
        if source not in SOURCES:
            raise ValidationError("منبع داده معتبر نیست.", "The data source is not valid.", code="source")
        # the year's lines, read once (not per entry)
        lines = {n.code: n for n in session.scalars(
            select(ClassificationNode).where(ClassificationNode.fiscal_year_id == fy.id,
                                             ClassificationNode.table_no == 5))}
        # everything looked up before the first change: a query after one would flush it early
        for m in sorted({validate.month(month) for month, _ in months}):
            check_unlocked(session, fy.id, fy.year, m)
        agencies = {code: find_agency(session, code) for code in {code for _, code in months}}
        for agency in agencies.values():
            sync_node.check_owner(session, agency)
        checker = plausibility.Checker(session, fy, [a.id for a in agencies.values()], {m for m, _ in months})
        unconfirmed: list[tuple[str, str, int, list[Warning]]] = []
        changed = 0
        with session.no_autoflush:  # each (month, agency) is distinct: its own cells are all it reads
            for n, ((month, agency_code), entries) in enumerate(months.items(), start=1):
                if n % 100 == 0:
                    session.flush()  # written rows can leave memory; the transaction stays open
                m, agency = validate.month(month), agencies[agency_code]
                recorder = _MonthRecord() if audit_per_month else audit
                changed += _save_one(session, recorder, actor, fy, m, agency, lines, entries, source, checker,
                                     unconfirmed)
                if isinstance(recorder, _MonthRecord) and recorder.before | recorder.after:
                    audit.record("collection.import", "collection", f"{fy.year}/{m}/{agency.code}",
                                 before=recorder.before, after=recorder.after)
        if confirm and unconfirmed:
            raise plausibility.Unconfirmed(unconfirmed)
        if changed == 0:
            audit.nothing_changed()
        session.flush()
    return changed


class _MonthRecord:
    """Collects one agency-month's changes for a single audit record: line/column → amount."""

    def __init__(self) -> None:
        self.before: dict[str, object] = {}
        self.after: dict[str, object] = {}

    def record(self, action: str, entity: str, entity_id: str, *, before: Any = None, after: Any = None) -> None:
        cell = "/".join(entity_id.split("/")[-2:])  # year/month/agency/line/column → line/column
        if before is not None:
            self.before[cell] = before
        if after is not None:
            self.after[cell] = after


def _save_one(session: Session, audit: Audit | _MonthRecord, actor: Actor, fy: FiscalYear, m: int, agency: Agency,
              lines: dict[str, ClassificationNode], entries: Sequence[Entry], source: str,
              checker: plausibility.Checker, unconfirmed: list[tuple[str, str, int, list[Warning]]]) -> int:
    seen: set[tuple[str, str]] = set()
    changed = 0
    now = utcnow()
    cells = {(c.line_id, c.budget_column): c for c in session.scalars(
        select(Collection).where(Collection.fiscal_year_id == fy.id, Collection.agency_id == agency.id,
                                 Collection.month == m))}
    for entry in entries:
        code = validate.code(entry.line_code)
        line = lines.get(code) or find_line(session, fy.id, code)
        col = validate.budget_column(entry.budget_column)
        if (line.code, col) in seen:
            raise ValidationError(
                f"ردیف {localize_digits(line.code)} دو بار در این ماه آمده است.",
                f"Line {line.code} appears twice in this month.",
                code="duplicate_line",
            )
        seen.add((line.code, col))
        what = f"وصولی ردیف {localize_digits(line.code)}"
        amount = None if entry.amount is None else validate.amount(
            entry.amount, what, f"Collection on line {line.code}", allow_negative=True
        )
        ref = validate.text(entry.document_ref, "شمارهٔ سند", "Document reference", max_len=100, required=False)
        row = cells.get((line.id, col))
        key = f"{fy.year}/{m}/{agency.code}/{line.code}/{col}"
        if amount is None:
            if row is not None:
                audit.record("collection.delete", "collection", key, before={"amount": row.amount})
                session.delete(row)
                changed += 1
            continue
        note = row.note if row is not None and row.amount == amount else ""  # a new figure: a new reason
        after: dict[str, object] = {"amount": amount, "document_ref": ref}
        if row is None or row.amount != amount:
            warned = checker.warnings((agency.id, line.code, col), m, amount)
            given = plausibility.reason(entry.reason)
            if warned:
                after["warnings"] = [w.code for w in warned]
                if given:
                    note = after["reason"] = given
                else:
                    unconfirmed.append((agency.code, line.code, m, warned))
        if row is None:
            session.add(Collection(fiscal_year_id=fy.id, agency_id=agency.id, line_id=line.id,
                                   budget_column=col, month=m, amount=amount, source=source,
                                   document_ref=ref, note=note, entered_by=actor.username, entered_at=now))
            audit.record("collection.set", "collection", key, after=after)
            changed += 1
        elif row.amount != amount or row.document_ref != ref:
            audit.record("collection.set", "collection", key,
                         before={"amount": row.amount, "document_ref": row.document_ref}, after=after)
            row.amount, row.document_ref, row.source, row.note = amount, ref, source, note
            row.entered_by, row.entered_at = actor.username, now
            changed += 1
    return changed


def bulk_insert(
    session: Session,
    actor: Actor,
    year: int,
    rows: Iterable[tuple[int, int, str, int, int]],
    *,
    source: str,
    chunk: int = 20_000,
) -> int:
    """Insert many new cells (agency id, line id, column, month, amount) in one
    transaction, for demo data and bulk imports; one audit record with the count."""
    with writing(session, actor, Permission.ENTER_COLLECTIONS) as audit:
        fy = find_year(session, validate.year(year))
        if source not in SOURCES:
            raise ValidationError("منبع داده معتبر نیست.", "The data source is not valid.", code="source")
        valid_lines = set(session.scalars(
            select(ClassificationNode.id).where(ClassificationNode.fiscal_year_id == fy.id)))
        now = utcnow()
        total = 0
        owners_checked: set[int] = set()
        it = iter(rows)
        while batch := list(islice(it, chunk)):
            payload = []
            for agency_id, line_id, col, month, amount in batch:
                if line_id not in valid_lines:
                    raise ValidationError("ردیفی از سال دیگری در داده‌ها آمده است.",
                                          "A line of another year is in the data.", code="line_year")
                validate.month(month)
                validate.budget_column(col)
                validate.amount(amount, "مبلغ وصولی", "Collected amount", allow_negative=True)
                payload.append({"fiscal_year_id": fy.id, "agency_id": agency_id, "line_id": line_id,
                                "budget_column": col, "month": month, "amount": amount,
                                "source": source, "document_ref": "", "note": "", "entered_by": actor.username,
                                "entered_at": now})
            for agency_id in {row[0] for row in batch} - owners_checked:
                agency = session.get(Agency, agency_id)
                if agency is None:
                    raise ValidationError("دستگاهی ناشناخته در داده‌ها آمده است.", "An unknown agency is in the data.",
                                          code="agency_unknown")
                sync_node.check_owner(session, agency)
                owners_checked.add(agency_id)
            session.execute(insert(Collection), payload)
            capture.record_rows(session, "collection", payload)
            total += len(payload)
        audit.record("collection.bulk_insert", "collection", f"{fy.year}", after={"rows": total, "source": source})
    return total
