"""The entities that travel between databases, each by its natural key — the same on every
database, unlike row ids — with the values that travel (JSON-able) and those that decide
whether two values are the same (``compared``; the rest say who and when).

``Refs`` turns row ids into natural keys and back, with caches for one write."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.text import search_key
from rasad_desktop.db.models import (
    Agency,
    Assignment,
    Base,
    ClassificationNode,
    Collection,
    FiscalYear,
    Holiday,
    IssuedReport,
    MonthlySchedule,
    Notice,
    OfficeSetting,
    PeriodLock,
    RequestAttachment,
    RequestEvent,
    ServiceRequest,
    User,
)
from rasad_desktop.services import personal

Key = list[Any]
Values = dict[str, Any]
LOCAL_SETTINGS = frozenset({"restore_in_progress"})  # this database's state, not the office's


class MissingReference(Exception):
    """A change names something this database does not have (an agency, a line, a year)."""


def _when(value: dt.datetime | dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _datetime(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def _at(text: str) -> dt.datetime:
    """A time that must be there (a column that is never empty)."""
    return dt.datetime.fromisoformat(text)


class Refs:
    """Row ids ↔ natural keys for one session, cached (a write touches the same few)."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self._years: dict[int, int] = {}
        self._year_ids: dict[int, int] = {}
        self._agencies: dict[int, str] = {}
        self._agency_ids: dict[str, int] = {}
        self._lines: dict[int, tuple[int, int, str]] = {}
        self._line_ids: dict[tuple[int, int, str], int] = {}
        self._requests: dict[int, str] = {}

    # -------------------------------------------------------------- id → key
    def year(self, fiscal_year_id: int) -> int:
        if fiscal_year_id not in self._years:
            fy = self.s.get(FiscalYear, fiscal_year_id)
            assert fy is not None
            self._years[fiscal_year_id] = fy.year
        return self._years[fiscal_year_id]

    def agency(self, agency_id: int | None) -> str | None:
        if agency_id is None:
            return None
        if agency_id not in self._agencies:
            a = self.s.get(Agency, agency_id)
            assert a is not None
            self._agencies[agency_id] = a.code
        return self._agencies[agency_id]

    def line(self, line_id: int | None) -> tuple[int, int, str] | None:
        """(year, table, code) of a classification node."""
        if line_id is None:
            return None
        if line_id not in self._lines:
            n = self.s.get(ClassificationNode, line_id)
            assert n is not None
            self._lines[line_id] = (self.year(n.fiscal_year_id), n.table_no, n.code)
        return self._lines[line_id]

    def request(self, request_id: int) -> str:
        if request_id not in self._requests:
            r = self.s.get(ServiceRequest, request_id)
            assert r is not None
            self._requests[request_id] = r.tracking_code
        return self._requests[request_id]

    # -------------------------------------------------------------- key → id
    def year_id(self, year: int) -> int:
        if year not in self._year_ids:
            found = self.s.scalar(select(FiscalYear.id).where(FiscalYear.year == year))
            if found is None:
                raise MissingReference(f"fiscal year {year}")
            self._year_ids[year] = found
        return self._year_ids[year]

    def agency_id(self, code: str | None) -> int | None:
        if code is None:
            return None
        if code not in self._agency_ids:
            found = self.s.scalar(select(Agency.id).where(Agency.code == code))
            if found is None:
                raise MissingReference(f"agency {code}")
            self._agency_ids[code] = found
        return self._agency_ids[code]

    def line_id(self, year: int, table: int, code: str) -> int:
        k = (year, table, code)
        if k not in self._line_ids:
            found = self.s.scalar(select(ClassificationNode.id).where(
                ClassificationNode.fiscal_year_id == self.year_id(year), ClassificationNode.table_no == table,
                ClassificationNode.code == code))
            if found is None:
                raise MissingReference(f"line {code} of {year}")
            self._line_ids[k] = found
        return self._line_ids[k]

    def request_id(self, tracking_code: str) -> int:
        found = self.s.scalar(select(ServiceRequest.id).where(ServiceRequest.tracking_code == tracking_code))
        if found is None:
            raise MissingReference(f"request {tracking_code}")
        return found

    def forget(self) -> None:
        """After rows were added or removed under the caches (an import)."""
        self.__init__(self.s)  # type: ignore[misc]  # (re-initialise the caches in place)


# An attachment's or a report's file content travels beside the change, by its SHA-256.
Blobs = dict[str, bytes]
BlobSource = Callable[[str], bytes]


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[Base]
    key: Callable[[Refs, Any], Key]
    values: Callable[[Refs, Any], Values]
    compared: tuple[str, ...]  # a change is a change of these; the others say who and when
    find: Callable[[Refs, Key], Any]
    build: Callable[[Refs, Key, Values], Any]  # a new row for key with values (not yet added)
    update: Callable[[Refs, Any, Values], None]  # looks up what it needs before it changes anything
    blob: Callable[[Any], tuple[str, bytes] | None] | None = None  # the file a row carries
    syncs: Callable[[Any], bool] = lambda row: True  # rows of the model that stay local (a flag)
    # every row of these years, by key text: one query instead of one per change (many changes)
    preload: Callable[[Refs, set[int]], dict[str, Any]] | None = None

    # values in the form they are compared in (a request's IDs sealed here and in clear there)
    canonical: Callable[[Refs, Values], Values] | None = None

    def same(self, a: Values | None, b: Values | None, refs: Refs | None = None) -> bool:
        """Do two values (None: no such entity) count as one and the same?"""
        if a is None or b is None:
            return a is None and b is None
        if self.canonical is not None and refs is not None:
            a, b = self.canonical(refs, a), self.canonical(refs, b)
        return all(a.get(f) == b.get(f) for f in self.compared)

    def read(self, refs: Refs, key: Key) -> Values | None:
        row = self.find(refs, key)
        return None if row is None else self.values(refs, row)

    def put(self, refs: Refs, key: Key, values: Values | None) -> None:
        """Make the entity ``key`` hold ``values`` (None: make it not exist)."""
        self.put_row(refs, key, self.find(refs, key), values)

    def put_row(self, refs: Refs, key: Key, found: Any, values: Values | None) -> Any:
        """``put`` with the row already found (None: there is none); returns the row now."""
        if values is None:
            if found is not None:
                refs.s.delete(found)
                refs.s.flush()
                refs.forget()
            return None
        if found is None:
            found = self.build(refs, key, values)
            refs.s.add(found)
            return found
        self.update(refs, found, values)
        return found


def _line_key(refs: Refs, line_id: int) -> tuple[int, str]:
    found = refs.line(line_id)
    assert found is not None
    _year, table, code = found
    return table, code


def _one(session: Session, statement: Any) -> Any:
    return session.scalars(statement).first()


# -------------------------------------------------------------------------- the kinds
def _cell_find(refs: Refs, key: Key, model: Any) -> Any:
    year, agency, line, column = key[:4]
    q = select(model).where(model.agency_id == refs.agency_id(agency),
                            model.line_id == refs.line_id(year, 5, line), model.budget_column == column)
    if model is Collection:
        q = q.where(Collection.month == key[4])
    return _one(refs.s, q)


def _fiscal_year() -> Kind:
    return Kind(
        "fiscal_year", FiscalYear,
        key=lambda r, o: [o.year],
        values=lambda r, o: {"note": o.note, "created_at": _when(o.created_at)},
        compared=("note",),
        find=lambda r, k: _one(r.s, select(FiscalYear).where(FiscalYear.year == k[0])),
        build=lambda r, k, v: FiscalYear(year=k[0], note=v["note"], created_at=_datetime(v["created_at"])),
        update=lambda r, o, v: setattr(o, "note", v["note"]),
    )


def _line_values(r: Refs, o: ClassificationNode) -> Values:
    parent = r.line(o.parent_id)
    return {"title": o.title, "level": o.level, "part": o.part, "earmarked": o.earmarked,
            "parent": None if parent is None else parent[2]}


def _line_set(r: Refs, o: ClassificationNode, k: Key, v: Values) -> None:
    parent = None if v["parent"] is None else r.line_id(k[0], k[1], v["parent"])  # first: it may be missing
    o.title, o.level, o.part, o.earmarked, o.parent_id = v["title"], v["level"], v["part"], v["earmarked"], parent


def _line_build(r: Refs, k: Key, v: Values) -> ClassificationNode:
    node = ClassificationNode(fiscal_year_id=r.year_id(k[0]), table_no=k[1], code=k[2])
    _line_set(r, node, k, v)
    return node


def _line() -> Kind:
    return Kind(
        "line", ClassificationNode,
        key=lambda r, o: [r.year(o.fiscal_year_id), o.table_no, o.code],
        values=_line_values,
        compared=("title", "level", "part", "earmarked", "parent"),
        find=lambda r, k: _one(r.s, select(ClassificationNode).where(
            ClassificationNode.fiscal_year_id == r.year_id(k[0]), ClassificationNode.table_no == k[1],
            ClassificationNode.code == k[2])),
        build=_line_build,
        update=lambda r, o, v: _line_set(r, o, [r.year(o.fiscal_year_id), o.table_no, o.code], v),
    )


def _agency_set(o: Agency, v: Values) -> None:
    o.name, o.search_key, o.active, o.owner_station = v["name"], search_key(v["name"]), v["active"], v["owner_station"]


def _agency() -> Kind:
    def build(r: Refs, k: Key, v: Values) -> Agency:
        a = Agency(code=k[0])
        _agency_set(a, v)
        return a

    return Kind(
        "agency", Agency,
        key=lambda r, o: [o.code],
        values=lambda r, o: {"name": o.name, "active": o.active, "owner_station": o.owner_station},
        compared=("name", "active", "owner_station"),
        find=lambda r, k: _one(r.s, select(Agency).where(Agency.code == k[0])),
        build=build,
        update=lambda r, o, v: _agency_set(o, v),
    )


def _assignment() -> Kind:
    def key(r: Refs, o: Assignment) -> Key:
        return [r.year(o.fiscal_year_id), r.agency(o.agency_id), _line_key(r, o.line_id)[1], o.budget_column]

    def build(r: Refs, k: Key, v: Values) -> Assignment:
        return Assignment(fiscal_year_id=r.year_id(k[0]), agency_id=r.agency_id(k[1]), line_id=r.line_id(k[0], 5, k[2]),
                          budget_column=k[3], approved=v["approved"], revised=v["revised"], note=v["note"])

    def update(r: Refs, o: Assignment, v: Values) -> None:
        o.approved, o.revised, o.note = v["approved"], v["revised"], v["note"]

    return Kind(
        "assignment", Assignment, key=key,
        values=lambda r, o: {"approved": o.approved, "revised": o.revised, "note": o.note},
        compared=("approved", "revised", "note"),
        find=lambda r, k: _cell_find(r, k, Assignment), build=build, update=update,
    )


def _schedule() -> Kind:
    def key(r: Refs, o: MonthlySchedule) -> Key:
        a = r.s.get(Assignment, o.assignment_id)
        assert a is not None
        return [*_assignment().key(r, a), o.month]

    def find(r: Refs, k: Key) -> MonthlySchedule | None:
        a = _cell_find(r, k[:4], Assignment)
        if a is None:
            return None
        return _one(r.s, select(MonthlySchedule).where(MonthlySchedule.assignment_id == a.id,
                                                       MonthlySchedule.month == k[4]))

    def build(r: Refs, k: Key, v: Values) -> MonthlySchedule:
        a = _cell_find(r, k[:4], Assignment)
        if a is None:
            raise MissingReference(f"approved amount {k[:4]}")
        return MonthlySchedule(assignment_id=a.id, month=k[4], amount=v["amount"])

    return Kind(
        "schedule", MonthlySchedule, key=key, values=lambda r, o: {"amount": o.amount}, compared=("amount",),
        find=find, build=build, update=lambda r, o, v: setattr(o, "amount", v["amount"]),
    )


def _collection() -> Kind:
    def key(r: Refs, o: Collection) -> Key:
        return [r.year(o.fiscal_year_id), r.agency(o.agency_id), _line_key(r, o.line_id)[1], o.budget_column, o.month]

    def values(r: Refs, o: Collection) -> Values:
        return {"amount": o.amount, "document_ref": o.document_ref, "source": o.source, "note": o.note,
                "entered_by": o.entered_by, "entered_at": _when(o.entered_at)}

    def build(r: Refs, k: Key, v: Values) -> Collection:
        return Collection(fiscal_year_id=r.year_id(k[0]), agency_id=r.agency_id(k[1]),
                          line_id=r.line_id(k[0], 5, k[2]), budget_column=k[3], month=k[4], amount=v["amount"],
                          document_ref=v["document_ref"], source=v["source"], note=v.get("note", ""),
                          entered_by=v["entered_by"], entered_at=_datetime(v["entered_at"]))

    def update(r: Refs, o: Collection, v: Values) -> None:
        o.amount, o.document_ref, o.source = v["amount"], v["document_ref"], v["source"]
        o.note = v.get("note", "")  # a package from before notes holds none
        o.entered_by, o.entered_at = v["entered_by"], _at(v["entered_at"])

    def preload(r: Refs, years: set[int]) -> dict[str, Any]:
        ids = [r.year_id(y) for y in years]
        return {dumps(key(r, o)): o for o in r.s.scalars(select(Collection).where(Collection.fiscal_year_id.in_(ids)))}

    return Kind("collection", Collection, key=key, values=values, compared=("amount", "document_ref"),
                find=lambda r, k: _cell_find(r, k, Collection), build=build, update=update, preload=preload)


def _lock() -> Kind:
    def update(r: Refs, o: PeriodLock, v: Values) -> None:
        o.locked_by, o.locked_at, o.reason = v["locked_by"], _at(v["locked_at"]), v["reason"]

    return Kind(
        "lock", PeriodLock,
        key=lambda r, o: [r.year(o.fiscal_year_id), o.month],
        values=lambda r, o: {"locked_by": o.locked_by, "locked_at": _when(o.locked_at), "reason": o.reason},
        compared=(),  # a month is locked or not
        find=lambda r, k: _one(r.s, select(PeriodLock).where(PeriodLock.fiscal_year_id == r.year_id(k[0]),
                                                             PeriodLock.month == k[1])),
        build=lambda r, k, v: PeriodLock(fiscal_year_id=r.year_id(k[0]), month=k[1], locked_by=v["locked_by"],
                                         locked_at=_datetime(v["locked_at"]), reason=v["reason"]),
        update=update,
    )


def _holiday() -> Kind:
    return Kind(
        "holiday", Holiday,
        key=lambda r, o: [o.day.isoformat()],
        values=lambda r, o: {"title": o.title},
        compared=("title",),
        find=lambda r, k: _one(r.s, select(Holiday).where(Holiday.day == dt.date.fromisoformat(k[0]))),
        build=lambda r, k, v: Holiday(day=dt.date.fromisoformat(k[0]), title=v["title"]),
        update=lambda r, o, v: setattr(o, "title", v["title"]),
    )


def _setting() -> Kind:
    return Kind(
        "setting", OfficeSetting,
        key=lambda r, o: [o.key],
        values=lambda r, o: {"value": o.value},
        compared=("value",),
        find=lambda r, k: r.s.get(OfficeSetting, k[0]),
        build=lambda r, k, v: OfficeSetting(key=k[0], value=v["value"]),
        update=lambda r, o, v: setattr(o, "value", v["value"]),
        syncs=lambda o: o.key not in LOCAL_SETTINGS,
    )


USER_FIELDS = ("full_name", "role", "password_hash", "must_change_password", "locked", "active")


def _user_values(r: Refs, o: User) -> Values:
    # the title only when set: a user without one has the same values as in a package
    # from a version that had no titles
    values: Values = {f: getattr(o, f) for f in USER_FIELDS}
    if o.title:
        values["title"] = o.title
    return values


def _user() -> Kind:
    def update(r: Refs, o: User, v: Values) -> None:
        for f in USER_FIELDS:
            setattr(o, f, v[f])
        o.title = v.get("title", "")

    return Kind(
        "user", User,
        key=lambda r, o: [o.username],
        # sign-in counters and the temporary lockout stay on the database where they happened
        values=_user_values,
        compared=(*USER_FIELDS, "title"),
        find=lambda r, k: _one(r.s, select(User).where(User.username == k[0])),
        build=lambda r, k, v: User(username=k[0], title=v.get("title", ""), **{f: v[f] for f in USER_FIELDS}),
        update=update,
    )


def _notice() -> Kind:
    fields = ("kind", "title", "body")

    def values(r: Refs, o: Notice) -> Values:
        return {**{f: getattr(o, f) for f in fields}, "starts_at": _when(o.starts_at), "ends_at": _when(o.ends_at)}

    def update(r: Refs, o: Notice, v: Values) -> None:
        o.kind, o.title, o.body = v["kind"], v["title"], v["body"]
        o.starts_at, o.ends_at = _at(v["starts_at"]), _at(v["ends_at"])

    def build(r: Refs, k: Key, v: Values) -> Notice:
        n = Notice(created_at=_datetime(k[0]), created_by=k[1])
        update(r, n, v)
        return n

    return Kind(
        "notice", Notice,
        key=lambda r, o: [_when(o.created_at), o.created_by],
        values=values, compared=(*fields, "starts_at", "ends_at"),
        find=lambda r, k: _one(r.s, select(Notice).where(Notice.created_at == _datetime(k[0]),
                                                         Notice.created_by == k[1])),
        build=build, update=update,
    )


REQUEST_TEXT = ("kind", "channel", "requester_name", "national_id", "mobile", "subject", "body", "status", "answer",
                "registered_by", "jalali_day", "workstation", "serial")
REQUEST_TIMES = ("registered_at", "answered_at", "closed_at")


def _request() -> Kind:
    def values(r: Refs, o: ServiceRequest) -> Values:
        return {**{f: getattr(o, f) for f in REQUEST_TEXT}, **{f: _when(getattr(o, f)) for f in REQUEST_TIMES},
                "due_date": o.due_date.isoformat(), "agency": r.agency(o.agency_id)}

    def update(r: Refs, o: ServiceRequest, v: Values) -> None:
        agency_id = r.agency_id(v["agency"])  # first: it may be missing, and nothing is half-set
        for f in REQUEST_TEXT:
            setattr(o, f, v[f])
        for f in REQUEST_TIMES:
            setattr(o, f, _datetime(v[f]))
        o.due_date = dt.date.fromisoformat(v["due_date"])
        o.agency_id = agency_id
        o.mobile_factor = personal.factor_of(r.s, o.tracking_code, o.mobile)

    def canonical(r: Refs, v: Values) -> Values:
        """IDs in clear where the key is here: sealed by one database and not yet by the
        other (written before sealing) they are still the same."""
        out = dict(v)
        for f in (personal.NATIONAL_ID, personal.MOBILE):
            if isinstance(out.get(f), str):
                out[f] = personal.reveal(r.s, out[f], f) or out[f]
        return out

    def build(r: Refs, k: Key, v: Values) -> ServiceRequest:
        row = ServiceRequest(tracking_code=k[0])
        update(r, row, v)
        return row

    return Kind(
        "request", ServiceRequest,
        key=lambda r, o: [o.tracking_code], values=values,
        compared=(*REQUEST_TEXT, *REQUEST_TIMES, "due_date", "agency"),
        find=lambda r, k: _one(r.s, select(ServiceRequest).where(ServiceRequest.tracking_code == k[0])),
        build=build, update=update, canonical=canonical,
    )


def _event() -> Kind:
    fields = ("from_status", "to_status", "text", "internal")

    def update(r: Refs, o: RequestEvent, v: Values) -> None:
        for f in fields:
            setattr(o, f, v[f])

    def build(r: Refs, k: Key, v: Values) -> RequestEvent:
        e = RequestEvent(request_id=r.request_id(k[0]), at=_datetime(k[1]), username=k[2], action=k[3])
        update(r, e, v)
        return e

    return Kind(
        "request_event", RequestEvent,
        key=lambda r, o: [r.request(o.request_id), _when(o.at), o.username, o.action],
        values=lambda r, o: {f: getattr(o, f) for f in fields}, compared=fields,
        find=lambda r, k: _one(r.s, select(RequestEvent).where(
            RequestEvent.request_id == r.request_id(k[0]), RequestEvent.at == _datetime(k[1]),
            RequestEvent.username == k[2], RequestEvent.action == k[3])),
        build=build, update=update,
    )


def _attachment(blob_of: Callable[[RequestAttachment], bytes], store: Callable[[Values, bytes], str],
                blobs: Callable[[str], bytes]) -> Kind:
    fields = ("file_name", "size", "media_type", "added_by")

    def values(r: Refs, o: RequestAttachment) -> Values:
        return {**{f: getattr(o, f) for f in fields}, "added_at": _when(o.added_at)}

    def build(r: Refs, k: Key, v: Values) -> RequestAttachment:
        stored = store(v, blobs(k[1]))
        return RequestAttachment(request_id=r.request_id(k[0]), sha256=k[1], stored_name=stored,
                                 added_at=_datetime(v["added_at"]), **{f: v[f] for f in fields})

    def update(r: Refs, o: RequestAttachment, v: Values) -> None:
        for f in fields:
            setattr(o, f, v[f])

    return Kind(
        "attachment", RequestAttachment,
        key=lambda r, o: [r.request(o.request_id), o.sha256], values=values, compared=("file_name", "size"),
        find=lambda r, k: _one(r.s, select(RequestAttachment).where(
            RequestAttachment.request_id == r.request_id(k[0]), RequestAttachment.sha256 == k[1])),
        build=build, update=update,
        blob=lambda o: (o.sha256, blob_of(o)),
    )


REPORT_FIELDS = ("issue_year", "serial", "kind", "params", "snapshot", "content_hash", "pdf_sha256",
                 "verification_code", "issued_by")


def _report(blobs: Callable[[str], bytes]) -> Kind:
    def values(r: Refs, o: IssuedReport) -> Values:
        sup = r.s.get(IssuedReport, o.supersedes_id) if o.supersedes_id else None
        return {**{f: getattr(o, f) for f in REPORT_FIELDS}, "issued_at": _when(o.issued_at),
                "supersedes": None if sup is None else [sup.number, sup.version]}

    def supersedes(r: Refs, v: Values) -> int | None:
        if v["supersedes"] is None:
            return None
        found = _one(r.s, select(IssuedReport.id).where(IssuedReport.number == v["supersedes"][0],
                                                         IssuedReport.version == v["supersedes"][1]))
        if found is None:
            raise MissingReference(f"report {v['supersedes']}")
        return int(found)

    def build(r: Refs, k: Key, v: Values) -> IssuedReport:
        pdf = blobs(v["pdf_sha256"])
        if hashlib.sha256(pdf).hexdigest() != v["pdf_sha256"]:
            raise ValueError("the report's PDF does not match its hash")
        return IssuedReport(number=k[0], version=k[1], pdf=pdf, issued_at=_datetime(v["issued_at"]),
                            supersedes_id=supersedes(r, v), **{f: v[f] for f in REPORT_FIELDS})

    def update(r: Refs, o: IssuedReport, v: Values) -> None:
        raise ValueError("an issued report never changes")

    return Kind(
        "report", IssuedReport,
        key=lambda r, o: [o.number, o.version], values=values, compared=("pdf_sha256",),
        find=lambda r, k: _one(r.s, select(IssuedReport).where(IssuedReport.number == k[0],
                                                                IssuedReport.version == k[1])),
        build=build, update=update, blob=lambda o: (o.pdf_sha256, o.pdf),
    )


@dataclass(frozen=True)
class Files:
    """Where attachment files are, for a kind to read and write them."""

    read: Callable[[RequestAttachment], bytes]  # an attachment's stored file
    store: Callable[[Values, bytes], str]  # keep this content; returns its stored name
    blobs: BlobSource  # a file a package or an enrolment carries, by its SHA-256
    written: list[Path] = field(default_factory=list)  # files stored: removed again if the write fails

    def discard(self) -> None:
        """After a write that failed: its stored files go (the database has no row for them)."""
        for path in self.written:
            path.unlink(missing_ok=True)
        self.written.clear()


def kinds(files: Files | None = None) -> dict[str, Kind]:
    """Every kind, in an order in which a database can be rebuilt from them (what a row
    refers to comes before it)."""
    def no_files(*_: Any) -> Any:
        raise MissingReference("attachment files are not available here")

    f = files or Files(no_files, no_files, no_files)
    ordered = [_fiscal_year(), _line(), _agency(), _assignment(), _schedule(), _collection(), _lock(), _holiday(),
               _setting(), _user(), _notice(), _request(), _event(), _attachment(f.read, f.store, f.blobs),
               _report(f.blobs)]
    return {k.name: k for k in ordered}


KIND_OF_MODEL: dict[type, str] = {k.model: k.name for k in kinds().values()}


def dumps(value: Any) -> str:
    """The one JSON form of keys and values (sorted, so equal values give equal text)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
