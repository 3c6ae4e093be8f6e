"""Conflicts: changes that arrived where the value was no longer their *before*. Each is
listed with both values, both users and both times, and decided at the office by an
administrator; the decision is a change of the office's own, audited and sent out with the
next packages, so that every database ends with the value kept."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from rasad_desktop.core.amounts import format_amount
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.jalali import month_name
from rasad_desktop.db.models import Agency, SyncChange, SyncWorkstation, utcnow
from rasad_desktop.services.errors import Conflict, NotFound, ValidationError
from rasad_desktop.services.roles import Actor, Permission, require
from rasad_desktop.services.sync import capture, remit
from rasad_desktop.services.sync import node as nodes
from rasad_desktop.services.sync.entities import Kind, MissingReference, Refs, Values, kinds
from rasad_desktop.services.sync.packages import files_for, place
from rasad_desktop.services.uow import writing
from rasad_desktop.services.validate import BUDGET_COLUMNS

KIND_LABELS = {
    "fiscal_year": ("سال مالی", "fiscal year"), "line": ("ردیف درآمدی", "revenue line"),
    "agency": ("دستگاه اجرایی", "agency"), "assignment": ("مصوب", "approved amount"),
    "schedule": ("برنامهٔ ماهانه", "monthly schedule"), "collection": ("وصولی", "collection"),
    "lock": ("قفل ماه", "month lock"), "holiday": ("تعطیلی", "holiday"), "setting": ("تنظیم دفتر", "office setting"),
    "user": ("حساب کاربری", "user account"), "notice": ("اطلاعیه", "notice"),
    "request": ("درخواست", "request"), "request_event": ("رویداد درخواست", "request event"),
    "attachment": ("پیوست", "attachment"), "report": ("گزارش صادرشده", "issued report"),
}
FIELD_LABELS = {
    "amount": ("مبلغ", "amount"), "document_ref": ("سند", "document"), "approved": ("مصوب", "approved"),
    "revised": ("اصلاحی", "revised"), "note": ("یادداشت", "note"), "title": ("عنوان", "title"),
    "name": ("نام", "name"), "active": ("فعال", "active"), "status": ("وضعیت", "status"),
    "answer": ("پاسخ", "answer"), "value": ("مقدار", "value"), "owner_station": ("ایستگاه", "workstation"),
}
MONEY = frozenset({"amount", "approved", "revised"})


@dataclass(frozen=True)
class Side:
    value_fa: str  # the value as a reader sees it
    value_en: str
    username: str
    at: dt.datetime | None


@dataclass(frozen=True)
class ConflictRow:
    id: int
    origin: int
    seq: int
    kind: str
    what_fa: str
    what_en: str
    workstation: Side  # the value the change brought
    office: Side  # the value here, and the last change that made it
    problem: str | None  # why it cannot apply as it stands (a missing reference), as recorded
    resolution: str | None
    origin_name: str = ""  # the workstation's name

    def origin_label(self, lang: str = "fa") -> str:
        label = place(self.origin, lang)
        return f"{label} «{self.origin_name}»" if self.origin_name and lang == "fa" else \
            f"{label} '{self.origin_name}'" if self.origin_name else label

    def problem_text(self, lang: str = "fa") -> str:
        if not self.problem:
            return ""
        known = remit.problem_text(self.problem, lang)
        if known is not None:
            return known
        if lang == "en":
            return f"It cannot apply as it stands: {self.problem}"
        return f"این تغییر چنان‌که هست نمی‌نشیند؛ چیزی که به آن اشاره دارد این‌جا نیست ({self.problem})"


def _shown(field: str, value: Any, lang: str) -> str:
    digits = "latin" if lang == "en" else "fa"
    if value is None or value == "":
        return "—"
    if field in MONEY and isinstance(value, int) and not isinstance(value, bool):
        return format_amount(value, digits=digits) + (" rials" if lang == "en" else " ریال")
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("بله" if value else "خیر")
    text = str(value)
    return localize_digits(text if len(text) <= 60 else text[:59] + "…", digits)


def describe_values(kind: Kind, values: Values | None, lang: str = "fa") -> str:
    if values is None:
        return "(حذف‌شده / نیست)" if lang == "fa" else "(removed / absent)"
    fields = kind.compared or tuple(values)
    parts = []
    for f in fields:
        label = FIELD_LABELS.get(f, (f, f))[0 if lang == "fa" else 1]
        parts.append(f"{label}: {_shown(f, values.get(f), lang)}")
    return "؛ ".join(parts) if lang == "fa" else "; ".join(parts)


def describe_key(session: Session, kind: str, key: list[Any], lang: str = "fa") -> str:
    digits = "latin" if lang == "en" else "fa"
    label = KIND_LABELS.get(kind, (kind, kind))[0 if lang == "fa" else 1]
    if kind in ("assignment", "schedule", "collection"):
        agency = session.scalar(select(Agency.name).where(Agency.code == key[1])) or key[1]
        column = BUDGET_COLUMNS.get(str(key[3]), (str(key[3]), str(key[3])))[0 if lang == "fa" else 1]
        parts = [localize_digits(str(key[0]), digits), f"«{agency}»" if lang == "fa" else f"'{agency}'",
                 localize_digits(str(key[2]), digits), column]
        if len(key) > 4:
            parts.append(month_name(int(key[4]), lang))
        return f"{label}: " + "، ".join(parts) if lang == "fa" else f"{label}: " + ", ".join(parts)
    shown = [localize_digits(str(k), digits) for k in key]
    return f"{label}: " + ("، ".join(shown) if lang == "fa" else ", ".join(shown))


def _both(kind: Kind | None, values: Values | None) -> tuple[str, str]:
    return (describe_values(kind, values), describe_values(kind, values, "en")) if kind else ("?", "?")


def _last_here(session: Session, row: SyncChange) -> SyncChange | None:
    """The change that made the value this database holds for the conflict's entity."""
    return session.scalar(select(SyncChange).where(
        SyncChange.kind == row.kind, SyncChange.key == row.key, SyncChange.status == "applied",
        SyncChange.id != row.id).order_by(SyncChange.id.desc()).limit(1))


def conflicts(session: Session, actor: Actor, *, include_decided: bool = False) -> list[ConflictRow]:
    """The conflicts kept here, oldest first (undecided ones only, unless asked)."""
    require(actor, Permission.VIEW)
    q = select(SyncChange).where(SyncChange.status == "conflict")
    if not include_decided:
        q = q.where(SyncChange.resolution.is_(None))
    ks, refs = kinds(), Refs(session)
    names = {n: name for n, name in session.execute(select(SyncWorkstation.number, SyncWorkstation.name))}
    out = []
    for row in list(session.scalars(q.order_by(SyncChange.id))):
        kind = ks.get(row.kind)
        last = _last_here(session, row)
        try:
            key = json.loads(row.key)
            theirs = None if row.after is None else json.loads(row.after)
            try:
                ours = kind.read(refs, key) if kind else None
            except MissingReference:
                ours = None
            what = describe_key(session, row.kind, key), describe_key(session, row.kind, key, "en")
            mine, here = _both(kind, theirs), _both(kind, ours)
        except UNREADABLE:  # a change this program did not make (a forged one): shown as it came
            session.rollback()  # a query it broke ends the read transaction (PostgreSQL)
            refs.forget()
            what = (_raw(row.kind, row.key),) * 2
            mine, here = (_raw("", row.after or "—"),) * 2, ("?", "?")
        out.append(ConflictRow(
            row.id, row.origin, row.seq, row.kind, *what,
            Side(*mine, row.username, row.at),
            Side(*here, last.username if last else "—", last.at if last else None),
            row.problem, row.resolution, names.get(row.origin, "")))
    return out


# what reading a malformed change can raise (kept as a conflict, never a crash)
UNREADABLE = (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError, MissingReference,
              RasadError, DBAPIError)


def _raw(label: str, text: str) -> str:
    text = text if len(text) <= 120 else text[:119] + "…"
    return f"{label}: {text}" if label else text


def resolve(session: Session, actor: Actor, change_id: int, keep: str, data_dir: Path) -> None:
    """Decide a conflict: keep the office's value or the workstation's. Either way the
    decision becomes a change of the office's, sent out with the next packages."""
    if keep not in ("office", "workstation"):
        raise ValidationError("باید گفت کدام مقدار بماند: office یا workstation.",
                              "Say which value to keep: office or workstation.", code="keep")
    with writing(session, actor, Permission.MANAGE_WORKSTATIONS) as audit:
        if nodes.is_workstation(session):
            raise Conflict("تعارض‌ها را مدیر در دفتر حل می‌کند؛ تصمیم او با بستهٔ بعدی دفتر می‌رسد.",
                           "Conflicts are decided by the administrator at the office; the decision arrives with "
                           "the office's next package.", code="resolve_at_office")
        row = session.get(SyncChange, change_id) if isinstance(change_id, int) else None
        if row is None or row.status != "conflict":
            raise NotFound(f"تعارضی با شناسهٔ {localize_digits(str(change_id))} نیست.",
                           f"There is no conflict with id {change_id}.", code="conflict_unknown")
        if row.resolution is not None:
            raise Conflict("این تعارض پیش‌تر حل شده است.", "This conflict was decided already.", code="conflict_decided")
        kind = kinds(files_for(data_dir)).get(row.kind)
        if kind is None or row.problem == "invalid":
            if keep == "workstation":
                raise Conflict("مقدار ایستگاه با قاعده‌های ورود جور نیست و نشانده نمی‌شود؛ فقط «نگه داشتن مقدار دفتر» "
                               "ممکن است.", "The workstation's value breaks the entry rules and cannot be set; only "
                               "keeping the office's value is possible.", code="conflict_unresolvable")
            if kind is None or keep == "office":  # nothing of it came here, nothing to send back
                row.resolution, row.resolved_by, row.resolved_at = keep, actor.username, utcnow()
                audit.record("sync.resolve", "sync_change", f"{row.origin}/{row.seq}", after={"keep": keep})
                return
        refs = Refs(session)
        try:
            key = json.loads(row.key)
            theirs = None if row.after is None else json.loads(row.after)
            ours = kind.read(refs, key)
            if kind.same(ours, theirs, refs):
                pass  # the two agree by now: nothing to send
            elif keep == "workstation":
                kind.put(refs, key, theirs)
            else:
                capture.record(session, row.kind, key, theirs, ours)  # workstation's value → the office's
        except UNREADABLE as err:
            raise Conflict(f"مقدار ایستگاه را نمی‌توان نشاند: {err}.", f"The workstation's value cannot be set: {err}.",
                           code="conflict_unresolvable") from None
        row.resolution, row.resolved_by, row.resolved_at = keep, actor.username, utcnow()
        audit.record("sync.resolve", "sync_change", f"{row.origin}/{row.seq}",
                     before={"workstation": theirs, "office": ours}, after={"keep": keep})

