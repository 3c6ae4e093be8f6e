"""What a workstation may change: the one home of that rule.

A package's signature proves which workstation sent it, not who sat at it; whoever can
write to a workstation's database file can put any change in its log. So the office takes
from a workstation only what a workstation is for: figures for its own agencies (or
unassigned ones), requests with its own tracking codes, their events and attachments.
Anything else it brings (accounts, roles, settings, approved amounts, locks, holidays,
notices, reports) is kept as a conflict for the administrator, never applied. On a
workstation the same rule refuses such writes at entry, and the office's values of
those kinds always apply there: the office is their only author."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.ids import TrackingCode
from rasad_desktop.db.models import Agency, FiscalYear, PeriodLock
from rasad_desktop.services import validate
from rasad_desktop.services.errors import PermissionDenied
from rasad_desktop.services.roles import Permission
from rasad_desktop.services.sync.entities import REQUEST_TEXT, REQUEST_TIMES, Key, Values

FROM_WORKSTATION = frozenset({"collection", "request", "request_event", "attachment"})
# what the screens of a workstation do not offer, as the changes they make are the office's
OFFICE_PERMISSIONS = frozenset({Permission.MANAGE_BUDGET, Permission.LOCK_PERIODS, Permission.MANAGE_USERS,
                                Permission.POST_NOTICES, Permission.MANAGE_SETTINGS, Permission.LOAD_DEMO,
                                Permission.MANAGE_WORKSTATIONS})
# a password changed on a workstation (or a hash renewed at sign-in there) stays on it;
# the administrator's reset at the office replaces it everywhere
LOCAL_PASSWORD = frozenset({"password_hash", "must_change_password"})

# why the office did not take a change (``SyncChange.problem``), in both languages
PROBLEMS = {
    "office_only": ("این نوع تغییر را فقط دفتر انجام می‌دهد؛ از ایستگاه کاری پذیرفته نمی‌شود",
                    "only the office makes this kind of change; it is not taken from a workstation"),
    "agency_owner": ("ارقام این دستگاه را ایستگاه کاری دیگری وارد می‌کند",
                     "this agency's figures are entered at another workstation"),
    "invalid": ("مقدار این تغییر با قاعده‌های ورود جور نیست (مبلغ، ستون، ماه، شمارهٔ سند، متن یا فایل پیوست "
                "نادرست)", "its value breaks the rules of entry (a wrong amount, column, month, document number, "
                "text or attached file)"),
    "locked": ("این ماه در دفتر بسته شده است؛ رقم آن را فقط مدیر می‌تواند بپذیرد",
               "the office has locked this month; only the administrator can accept its figure"),
    "foreign_code": ("کد رهگیری این درخواست شمارهٔ ایستگاه دیگری را دارد",
                     "this request's tracking code carries another workstation's number"),
}


def office_authored(kind: str) -> bool:
    """Kinds only the office writes: at a workstation its values always apply."""
    return kind not in FROM_WORKSTATION


class Remit:
    """At the office: why a change from a workstation is outside what it may change (a
    ``PROBLEMS`` code), or None. What it looks up (owners, locked months) is read once per
    package: a workstation's package cannot change either."""

    def __init__(self, session: Session, blobs: Callable[[str], bytes]) -> None:
        from rasad_desktop.services import attachments, collections, office  # they write through uow, as capture

        self.s = session
        self.blobs = blobs
        self.sources, self.attachment_type = collections.SOURCES, attachments.attachment_type
        self.max_bytes = office.get(session, "attachment_max_mb") * 1024 * 1024
        self.owners: dict[str, int | None] = {}
        self.locked: dict[int, set[int]] = {}

    def problem(self, origin: int, kind: str, key: Key, before: Values | None, after: Values | None) -> str | None:
        if kind not in FROM_WORKSTATION:
            return "office_only"
        try:
            if kind == "collection":
                return self._figure(origin, key, after)
            if _station(key[0]) != origin or (after is not None and kind == "request" and (
                    after.get("workstation"), after.get("serial")) != _code_parts(key[0])):
                return "foreign_code"  # its requests, their follow-ups and attachments only
            if after is not None and not self._valid(kind, key, after):
                return "invalid"
        except (RasadError, TypeError, ValueError, IndexError, KeyError, AttributeError, OverflowError):
            return "invalid"  # not a value this program writes (a tracking code that does not parse, say)
        return None

    def _figure(self, origin: int, key: Key, after: Values | None) -> str | None:
        year, agency, _line, column, month = key
        validate.year(year)
        validate.month(month)
        validate.budget_column(column)
        if not isinstance(agency, str):
            return "invalid"
        if agency not in self.owners:
            self.owners[agency] = self.s.scalar(select(Agency.owner_station).where(Agency.code == agency))
        if self.owners[agency] not in (None, origin):
            return "agency_owner"
        if year not in self.locked:
            self.locked[year] = set(self.s.scalars(select(PeriodLock.month).join(
                FiscalYear, FiscalYear.id == PeriodLock.fiscal_year_id).where(FiscalYear.year == year)))
        if month in self.locked[year]:
            return "locked"
        if after is None:
            return None
        amount = after["amount"]
        if isinstance(amount, str | bool) or after["source"] not in self.sources:
            return "invalid"
        validate.amount(amount, "مبلغ", "Amount", allow_negative=True)
        validate.text(after["document_ref"], "شمارهٔ سند", "Document reference", max_len=100, required=False)
        validate.text(after.get("note", ""), "دلیل تأیید", "Reason", max_len=200, required=False)
        _texts(after, "entered_by")
        dt.datetime.fromisoformat(after["entered_at"])
        return None

    def _valid(self, kind: str, key: Key, after: Values) -> bool:
        if kind == "request":
            _texts(after, *REQUEST_TEXT_FIELDS)
            for f in REQUEST_TIMES:
                if after[f] is not None:
                    dt.datetime.fromisoformat(after[f])
            dt.date.fromisoformat(after["due_date"])
            return after["agency"] is None or isinstance(after["agency"], str)
        if kind == "request_event":
            _code, at, username, action = key
            dt.datetime.fromisoformat(at)
            _texts({"u": username, "a": action, **after}, "u", "a", "from_status", "to_status", "text")
            return isinstance(after["internal"], bool)
        # an attachment: the checks a file added at the office passes, on the file itself
        _code, digest = key
        data = self.blobs(digest)
        name = after["file_name"]
        if not isinstance(name, str) or Path(name).name != name or "\\" in name or after["size"] != len(data) \
                or not data or len(data) > self.max_bytes:
            return False
        validate.text(name, "نام فایل", "File name", max_len=255)
        _texts(after, "added_by")
        dt.datetime.fromisoformat(after["added_at"])
        return self.attachment_type(name, data[:16], data) == after["media_type"]


REQUEST_TEXT_FIELDS = tuple(f for f in REQUEST_TEXT if f not in ("workstation", "serial"))  # those two: the code's


def _texts(values: Values, *fields: str) -> None:
    for f in fields:
        if not isinstance(values[f], str) or len(values[f]) > 20_000:
            raise ValueError(f"{f}: not a text")


def may_follow_up(station: int | None, tracking_code: Any) -> bool:
    """Whether workstation ``station`` (None: the office) may answer, note or attach to the
    request with this code: the office any, a workstation its own."""
    if station is None:
        return True
    try:
        return _station(tracking_code) == station
    except (RasadError, ValueError):
        return False


def _code_parts(code: Any) -> tuple[int, int]:
    parsed = TrackingCode.parse(code)
    return parsed.station, parsed.serial


def _station(code: Any) -> int:
    """The workstation number a tracking code carries."""
    if not isinstance(code, str):
        raise ValueError("not a tracking code")
    return _code_parts(code)[0]


def problem_text(code: str, lang: str = "fa") -> str | None:
    found = PROBLEMS.get(code)
    return None if found is None else found[0 if lang == "fa" else 1]


def check_entry(changes: list[tuple[str, Key, Values | None, Values | None]], station: int
                ) -> list[tuple[str, Key, Values | None, Values | None]]:
    """On workstation ``station``: the changes of a write that go to the office; a write
    that changes what only the office may is refused whole."""
    for kind, key, before, after in changes:
        if kind in FROM_WORKSTATION and kind != "collection" and not may_follow_up(station, key[0]):
            raise PermissionDenied(
                "این درخواست را جای دیگری ثبت کرده است (شمارهٔ ایستگاه در کد رهگیری آن)؛ پیگیری، پاسخ و پیوست آن "
                "در دفتر انجام می‌شود.",
                "This request was registered elsewhere (the station number in its tracking code); its follow-up, "
                "answer and attachments are made at the office.", code="request_elsewhere")
        if kind not in FROM_WORKSTATION and not _own_password(kind, before, after):
            n = localize_digits(str(station))
            raise PermissionDenied(
                f"این تغییر را فقط دفتر انجام می‌دهد؛ در ایستگاه کاری {n} ثبت نمی‌شود. ارقام وصول و درخواست‌ها "
                "را این‌جا وارد کنید؛ بقیه را در دفتر.",
                f"Only the office makes this change; it is not recorded at workstation {station}. Enter collected "
                "figures and requests here; everything else at the office.", code="office_only")
    return [c for c in changes if c[0] in FROM_WORKSTATION]


def _own_password(kind: str, before: Values | None, after: Values | None) -> bool:
    """A change of an account's password only (not its role, name or lock)."""
    return kind == "user" and before is not None and after is not None and \
        all(before.get(f) == after.get(f) for f in set(before) | set(after) if f not in LOCAL_PASSWORD)
