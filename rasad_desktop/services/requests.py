"""The register of requests, complaints and suggestions (service agreement: every request
gets a unique tracking code and an answer in the shortest time; client data stays
confidential).

Workflow: registered → in review → answered → closed, and reopen (answered or closed →
in review). Every step is a history event; internal notes are events the requester never
sees, kept apart from the answer. National IDs, mobiles and the texts (the request, the
answer, the history's words) are shown only to roles with ``VIEW_PERSONAL_DATA``, in every
call; the mobile's mask never shows its last four digits, which are the second factor of
``lookup``. Every lookup with a factor is audited, and wrong factors are limited per
tracking code and per user (``LOOKUP_LIMITS``) so they cannot be guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits, to_latin_digits, to_persian_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.ids import (
    IdError,
    TrackingCode,
    mask_mobile,
    mask_national_id,
    validate_mobile,
    validate_national_id,
)
from rasad_desktop.core.jalali import to_jalali
from rasad_desktop.core.request_terms import CHANNELS, KINDS, MOVES, OPEN, STATUSES, label
from rasad_desktop.core.text import normalize
from rasad_desktop.core.workdays import add_working_days
from rasad_desktop.db.models import Holiday, RequestEvent, ServiceRequest, utcnow
from rasad_desktop.services import office, validate
from rasad_desktop.services import personal as personal_data
from rasad_desktop.services.budget import find_agency
from rasad_desktop.services.errors import Conflict, NotFound, ValidationError
from rasad_desktop.services.roles import Actor, Permission, require
from rasad_desktop.services.sync import node as sync_node
from rasad_desktop.services.uow import writing


@dataclass(frozen=True)
class NewRequest:
    kind: str
    channel: str
    requester_name: str
    national_id: str
    mobile: str
    subject: str
    body: str
    agency_code: str | None = None


@dataclass(frozen=True)
class RequestView:
    """A request as a given user may see it (personal data masked unless allowed)."""

    id: int
    tracking_code: str
    kind: str
    channel: str
    status: str
    requester_name: str
    national_id: str
    mobile: str
    agency: str
    subject: str
    body: str
    answer: str
    registered_at: dt.datetime
    registered_by: str
    due_date: dt.date
    answered_at: dt.datetime | None
    closed_at: dt.datetime | None
    masked: bool

    def overdue(self, today: dt.date) -> bool:
        return self.status in OPEN and self.due_date < today

    @property
    def code_display(self) -> str:
        return TrackingCode.parse(self.tracking_code).format()


@dataclass(frozen=True)
class EventView:
    at: dt.datetime
    username: str
    action: str
    from_status: str
    to_status: str
    text: str
    internal: bool


def holidays(session: Session) -> set[dt.date]:
    return set(session.scalars(select(Holiday.day)))


def due_date(session: Session, kind: str, registered: dt.date) -> dt.date:
    days = office.get(session, f"response_days_{kind}")
    return add_working_days(registered, days, holidays(session), office.get(session, "thursday_off"))


def _view(session: Session, r: ServiceRequest, actor: Actor, agency_name: str = "", *,
          answer_shown: bool = False) -> RequestView:
    """``answer_shown``: the requester proved who they are (``lookup``), so the answer written
    to them may be read out to them, whatever the role; their IDs stay masked. IDs are opened
    from their seal here (services.personal); where the key is not, nothing of them shows."""
    personal = actor.can(Permission.VIEW_PERSONAL_DATA)
    national_id = personal_data.reveal(session, r.national_id, personal_data.NATIONAL_ID)
    mobile = personal_data.reveal(session, r.mobile, personal_data.MOBILE)
    return RequestView(
        r.id, r.tracking_code, r.kind, r.channel, r.status, r.requester_name,
        personal_data.UNREADABLE if national_id is None else national_id if personal else mask_national_id(national_id),
        personal_data.UNREADABLE if mobile is None else mobile if personal else mask_mobile(mobile),
        agency_name, r.subject, r.body if personal else "", r.answer if personal or answer_shown else "",
        r.registered_at, r.registered_by, r.due_date, r.answered_at, r.closed_at, not personal,
    )


def _choice(value: object, table: dict[str, tuple[str, str]], fa: str, en: str) -> str:
    if value not in table:
        raise ValidationError(f"{fa} معتبر نیست.", f"The {en} is not valid.", code=en.replace(" ", "_"))
    return str(value)


def _as_validation(err: RasadError) -> ValidationError:
    return ValidationError(err.message_fa, err.message_en, code=err.code)


def register(session: Session, actor: Actor, new: NewRequest, *, workstation: int,
             now: dt.datetime | None = None) -> RequestView:
    """Register a request and give it its tracking code, unique across workstations."""
    now = now or utcnow()
    with writing(session, actor, Permission.MANAGE_REQUESTS) as audit:
        kind = _choice(new.kind, KINDS, "نوع درخواست", "request kind")
        channel = _choice(new.channel, CHANNELS, "شیوهٔ دریافت", "channel")
        name = validate.text(new.requester_name, "نام متقاضی", "Requester's name", max_len=200)
        try:
            national_id = validate_national_id(new.national_id or "")
            mobile = validate_mobile(new.mobile or "")
        except IdError as err:
            raise _as_validation(err) from None
        subject = validate.text(new.subject, "موضوع", "Subject", max_len=300)
        body = validate.text(new.body, "متن درخواست", "Text of the request", max_len=20_000, multiline=True)
        agency = find_agency(session, new.agency_code) if new.agency_code else None
        if not isinstance(workstation, int) or not 0 <= workstation <= 99:
            raise ValidationError("شمارهٔ ایستگاه کاری باید از ۰ تا ۹۹ باشد.",
                                  "The workstation number must be 0 to 99.", code="workstation")
        workstation = sync_node.tracking_station(session, workstation)  # an enrolled workstation's own number
        local_day = now.replace(tzinfo=dt.UTC).astimezone().date()
        j = to_jalali(local_day)
        day_key = f"{j.year:04d}{j.month:02d}{j.day:02d}"
        last = session.scalar(select(func.max(ServiceRequest.serial)).where(
            ServiceRequest.jalali_day == day_key, ServiceRequest.workstation == workstation))
        serial = (last or 0) + 1
        if serial > 9999:
            raise Conflict("ظرفیت کد پیگیری امروز این ایستگاه پر شده است.",
                           "This workstation has used all of today's tracking codes.", code="serial_full")
        code = TrackingCode(j.year, j.month, j.day, workstation, serial)
        sealed_id, sealed_mobile, factor = personal_data.seal(session, code.digits, national_id, mobile)
        row = ServiceRequest(
            tracking_code=code.digits, kind=kind, channel=channel, requester_name=name, national_id=sealed_id,
            mobile=sealed_mobile, mobile_factor=factor, agency_id=agency.id if agency else None, subject=subject, body=body, status="registered",
            answer="", registered_at=now, registered_by=actor.username,
            due_date=due_date(session, kind, local_day), jalali_day=day_key, workstation=workstation, serial=serial,
        )
        session.add(row)
        session.flush()
        session.add(RequestEvent(request_id=row.id, at=now, username=actor.username, action="registered",
                                 to_status="registered"))
        audit.record("request.register", "service_request", code.digits,
                     after={"kind": kind, "channel": channel, "subject": subject, "due_date": row.due_date})
        view = _view(session, row, actor, agency.name if agency else "")
    return view


def _find(session: Session, tracking_code: str) -> ServiceRequest:
    try:
        code = TrackingCode.parse(tracking_code)
    except IdError as err:
        raise _as_validation(err) from None
    row = session.scalar(select(ServiceRequest).where(ServiceRequest.tracking_code == code.digits))
    if row is None:
        raise NotFound(f"درخواستی با کد پیگیری {localize_digits(code.format())} ثبت نشده است.",
                       f"No request has the tracking code {code.format()}.", code="request_missing")
    return row


def _event(session: Session, row: ServiceRequest, actor: Actor, action: str, now: dt.datetime, *,
           to_status: str = "", text: str = "", internal: bool = False) -> None:
    session.add(RequestEvent(request_id=row.id, at=now, username=actor.username, action=action,
                             from_status=row.status if to_status else "", to_status=to_status, text=text,
                             internal=internal))


def move(session: Session, actor: Actor, tracking_code: str, to_status: str, *, text: str = "",
         now: dt.datetime | None = None) -> RequestView:
    """Change the status (review, close, reopen). Answering has its own function."""
    now = now or utcnow()
    with writing(session, actor, Permission.MANAGE_REQUESTS) as audit:
        row = _find(session, tracking_code)
        _choice(to_status, STATUSES, "وضعیت", "status")
        if to_status not in MOVES[row.status] or to_status == "answered":
            raise ValidationError(
                f"درخواست «{label(STATUSES, row.status)}» را نمی‌توان به «{label(STATUSES, to_status)}» برد.",
                f"A request that is {label(STATUSES, row.status, 'en')} cannot become "
                f"{label(STATUSES, to_status, 'en')}.",
                code="status_move",
            )
        note = validate.text(text, "توضیح", "Comment", max_len=5000, required=False, multiline=True)
        reopen = row.status in ("answered", "closed") and to_status == "in_review"
        _event(session, row, actor, "reopen" if reopen else "status", now, to_status=to_status, text=note)
        before = row.status
        row.status = to_status
        row.closed_at = now if to_status == "closed" else None
        audit.record("request.reopen" if reopen else "request.status", "service_request", row.tracking_code,
                     before={"status": before}, after={"status": to_status})
        view = _view(session, row, actor)
    return view


def answer(session: Session, actor: Actor, tracking_code: str, text: str, *,
           now: dt.datetime | None = None) -> RequestView:
    """Record the answer given to the requester; the request becomes answered."""
    now = now or utcnow()
    with writing(session, actor, Permission.MANAGE_REQUESTS) as audit:
        row = _find(session, tracking_code)
        if row.status not in ("registered", "in_review", "answered"):
            raise ValidationError("درخواست بسته را نمی‌توان پاسخ داد؛ نخست آن را بازگشایی کنید.",
                                  "A closed request cannot be answered; reopen it first.", code="answer_closed")
        reply = validate.text(text, "پاسخ", "Answer", max_len=20_000, multiline=True)
        _event(session, row, actor, "answer", now, to_status="answered", text=reply)
        before = {"status": row.status, "answer": row.answer}
        row.status, row.answer, row.answered_at = "answered", reply, now
        audit.record("request.answer", "service_request", row.tracking_code, before=before,
                     after={"status": "answered", "answer": reply})
        view = _view(session, row, actor)
    return view


def add_note(session: Session, actor: Actor, tracking_code: str, text: str, *,
             now: dt.datetime | None = None) -> None:
    """An internal note: part of the history, never part of the answer."""
    now = now or utcnow()
    with writing(session, actor, Permission.MANAGE_REQUESTS) as audit:
        row = _find(session, tracking_code)
        note = validate.text(text, "یادداشت", "Note", max_len=5000, multiline=True)
        _event(session, row, actor, "note", now, text=note, internal=True)
        audit.record("request.note", "service_request", row.tracking_code, after={"note": note})


# --------------------------------------------------------------------------- reading
def get(session: Session, actor: Actor, tracking_code: str) -> RequestView:
    require(actor, Permission.VIEW_REQUESTS)
    row = _find(session, tracking_code)
    return _view(session, row, actor, _agency_name(session, row))


def _agency_name(session: Session, row: ServiceRequest) -> str:
    if row.agency_id is None:
        return ""
    from rasad_desktop.db.models import Agency

    agency = session.get(Agency, row.agency_id)
    return agency.name if agency else ""


def history(session: Session, actor: Actor, tracking_code: str) -> list[EventView]:
    require(actor, Permission.VIEW_REQUESTS)
    row = _find(session, tracking_code)
    internal_ok = actor.can(Permission.MANAGE_REQUESTS)
    texts_ok = actor.can(Permission.VIEW_PERSONAL_DATA)  # an answer or a reason may name the requester
    q = select(RequestEvent).where(RequestEvent.request_id == row.id).order_by(RequestEvent.at, RequestEvent.id)
    return [EventView(e.at, e.username, e.action, e.from_status, e.to_status, e.text if texts_ok else "", e.internal)
            for e in session.scalars(q) if internal_ok or not e.internal]


@dataclass(frozen=True)
class PublicStatus:
    """What may be said about a request to anyone holding its code: not the answer, which is
    written to the requester and may hold personal details."""

    tracking_code: str
    kind: str
    status: str
    registered_at: dt.datetime
    due_date: dt.date


def lookup(session: Session, actor: Actor, tracking_code: str, mobile_last4: str | None = None, *,
           now: dt.datetime | None = None) -> PublicStatus | RequestView:
    """Look a request up by its code. Without the last four digits of the mobile only the
    status is told; with them (correct), the request itself, masked as the role requires,
    with its answer. Every lookup is audited; after ``LOOKUP_LIMITS`` wrong ones
    the code, or the user, is refused for a day, even with the right digits."""
    require(actor, Permission.VIEW_REQUESTS)
    row = _find(session, tracking_code)
    now = now or utcnow()
    code = row.tracking_code
    if mobile_last4 is None:
        with writing(session, actor, Permission.VIEW_REQUESTS, changes=False) as audit:
            audit.record("request.lookup", "service_request", code, after={"factor": "none"})
        return PublicStatus(row.tracking_code, row.kind, row.status, row.registered_at, row.due_date)
    digits = to_latin_digits(str(mobile_last4)).strip()
    right = len(digits) == 4 and digits.isdigit() and personal_data.factor_matches(session, row, digits)
    with writing(session, actor, Permission.VIEW_REQUESTS, changes=False) as audit:
        limited = _lookup_limited(session, actor, code, now)
        outcome = "limited" if limited else ("right" if right else "wrong")
        audit.record("request.lookup", "service_request", code, after={"factor": outcome})
    if limited:
        raise ValidationError(
            "برای این درخواست یا این کاربر، چهار رقم آخر همراه بیش از اندازه نادرست وارد شده است؛ "
            "تا ۲۴ ساعت دیگر جست‌وجو با این رقم‌ها پذیرفته نمی‌شود. درخواست‌کننده می‌تواند حضوری مراجعه کند.",
            "Too many wrong last-four digits for this request or this user; lookups with digits are refused "
            "for 24 hours. The requester may come in person.", code="lookup_limited")
    if not right:
        raise ValidationError("چهار رقم آخر شمارهٔ همراه با این درخواست نمی‌خواند.",
                              "The last four digits of the mobile do not match this request.", code="second_factor")
    return _view(session, row, actor, _agency_name(session, row), answer_shown=True)


LOOKUP_WINDOW = dt.timedelta(hours=24)
LOOKUP_LIMITS = {"per_code": 5, "per_user": 20}  # wrong factors within the window


def _lookup_limited(session: Session, actor: Actor, code: str, now: dt.datetime) -> bool:
    """Whether this code, or this user, has had its wrong tries for the window (read in the
    write that records the new try, so two workstations cannot both slip under a limit)."""
    from rasad_desktop.db.models import AuditLog

    wrong = select(func.count()).select_from(AuditLog).where(
        AuditLog.action == "request.lookup", AuditLog.at >= now - LOOKUP_WINDOW,
        AuditLog.after == '{"factor": "wrong"}')  # a refused try tells the guesser nothing: not counted
    per_code = session.scalar(wrong.where(AuditLog.entity_id == code)) or 0
    per_user = session.scalar(wrong.where(AuditLog.username == actor.username)) or 0
    return per_code >= LOOKUP_LIMITS["per_code"] or per_user >= LOOKUP_LIMITS["per_user"]


SEARCH_MAX = 300  # characters; a subject holds at most 300


def search(session: Session, actor: Actor, *, status: str | None = None, kind: str | None = None,
           text: str = "", overdue_on: dt.date | None = None, limit: int = 1000) -> list[RequestView]:
    """Requests, newest first, filtered; personal data masked as the role requires."""
    require(actor, Permission.VIEW_REQUESTS)
    q = select(ServiceRequest).order_by(ServiceRequest.registered_at.desc(), ServiceRequest.id.desc()).limit(limit)
    if status:
        q = q.where(ServiceRequest.status == status)
    if kind:
        q = q.where(ServiceRequest.kind == kind)
    if overdue_on is not None:
        q = q.where(ServiceRequest.status.in_(OPEN), ServiceRequest.due_date < overdue_on)
    wanted = normalize(text) if isinstance(text, str) else ""
    if len(wanted) > SEARCH_MAX:  # longer than any subject: nothing can match (and SQLite caps LIKE)
        return []
    if wanted:
        # «نامه ۱۲» finds a subject typed «نامه 12» and the other way round
        needles = {_like(v) for v in (wanted, to_latin_digits(wanted), to_persian_digits(wanted))}
        code = _like(to_latin_digits(wanted).replace("-", ""))
        q = q.where(or_(*(column.like(n, escape="\\") for n in needles
                          for column in (ServiceRequest.subject, ServiceRequest.requester_name)),
                        ServiceRequest.tracking_code.like(code, escape="\\")))
    return [_view(session, r, actor) for r in session.scalars(q)]


def _like(text: str) -> str:
    """A LIKE pattern for "contains ``text``", with % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def overdue(session: Session, actor: Actor, today: dt.date) -> list[RequestView]:
    return sorted(search(session, actor, overdue_on=today), key=lambda r: r.due_date)
