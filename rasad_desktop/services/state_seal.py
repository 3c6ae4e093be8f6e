"""Seals: the audit trail vouches for the data itself, not only for its own rows.

The data the reports stand on is split into buckets (an agency's collections in a year, its
approved amounts with their monthly schedules, a year's closed months, a user's role and
lock state, an issued report). Every write (``uow.writing``) notes the buckets it touched
and, before it commits, records their new digests in one ``state.seal`` audit row, which
the hash chain then covers. ``audit verify`` recomputes every bucket and compares
(services.reconcile): a row edited, added or deleted outside Rasad no longer matches its
bucket's latest seal, and a bucket with data but no seal was never written by Rasad.

Rows are watched through the session (mapper events) and through bulk ``insert()``
statements (``do_orm_execute``), so no service has to remember to seal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import and_, event, inspect, or_, select
from sqlalchemy.orm import Mapper, ORMExecuteState, Session

from rasad_desktop.db.models import Assignment, Collection, IssuedReport, MonthlySchedule, PeriodLock, User

SESSION_KEY = "rasad.state_seal"
ACTION = "state.seal"
BASELINE = "state.baseline"
ALL = "*"  # a family whose rows were changed by a statement that names no bucket

# family → the columns whose change re-seals a row's bucket (others, e.g. a user's last
# sign-in, are not vouched for)
WATCHED: dict[type[Any], tuple[str, ...]] = {
    Collection: ("fiscal_year_id", "agency_id", "line_id", "budget_column", "month", "amount"),
    Assignment: ("fiscal_year_id", "agency_id", "line_id", "budget_column", "approved", "revised"),
    MonthlySchedule: ("assignment_id", "month", "amount"),
    PeriodLock: ("fiscal_year_id", "month"),
    User: ("username", "role", "locked", "active", "password_hash"),
    IssuedReport: ("number", "version", "pdf_sha256", "content_hash"),
}
FAMILIES = ("c", "b", "l", "u", "r")  # collections, budget (approved + schedules), locks, users, reports


@dataclass(frozen=True)
class Seal:
    digest: str  # 32 hex digits of SHA-256 over the bucket's rows, sorted
    rows: int
    total: int | None = None  # collections and approved amounts: the sum, to say by how much
    label: str = ""  # a user's name, a report's number: to name it once its row is gone

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"d": self.digest, "n": self.rows}
        if self.total is not None:
            out["t"] = self.total
        if self.label:
            out["k"] = self.label
        return out

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Seal:
        total = value.get("t")
        return cls(str(value.get("d", "")), int(value.get("n", 0)) if str(value.get("n", 0)).isdigit() else 0,
                   total if isinstance(total, int) else None, str(value.get("k", "")))


def _digest(rows: list[tuple[Any, ...]]) -> str:
    rows.sort()
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:32]


# ---------------------------------------------------------------------- reading buckets
def _collections(session: Session, where: Any = None) -> Iterator[tuple[str, Seal]]:
    q = select(Collection.fiscal_year_id, Collection.agency_id, Collection.line_id, Collection.budget_column,
               Collection.month, Collection.amount).order_by(Collection.fiscal_year_id, Collection.agency_id)
    if where is not None:
        q = q.where(where)
    rows = session.execute(q.execution_options(yield_per=50_000))
    for (fy, agency), group in groupby(rows, key=lambda r: (r[0], r[1])):
        cells = [(r[2], r[3], r[4], r[5]) for r in group]
        yield f"c/{fy}/{agency}", Seal(_digest(cells), len(cells), sum(c[3] for c in cells))


def _budget(session: Session, where: Any = None) -> Iterator[tuple[str, Seal]]:
    sq = select(MonthlySchedule.assignment_id, MonthlySchedule.month, MonthlySchedule.amount)
    aq = select(Assignment.id, Assignment.fiscal_year_id, Assignment.agency_id, Assignment.line_id,
                Assignment.budget_column, Assignment.approved, Assignment.revised) \
        .order_by(Assignment.fiscal_year_id, Assignment.agency_id)
    if where is not None:
        aq = aq.where(where)
        sq = sq.join(Assignment, Assignment.id == MonthlySchedule.assignment_id).where(where)
    schedules: dict[int, list[tuple[int, int]]] = {}
    for aid, month, amount in session.execute(sq):
        schedules.setdefault(aid, []).append((month, amount))
    for (fy, agency), group in groupby(session.execute(aq), key=lambda r: (r[1], r[2])):
        cells = [(r[3], r[4], r[5], r[6], tuple(sorted(schedules.get(r[0], ())))) for r in group]
        yield f"b/{fy}/{agency}", Seal(_digest(cells), len(cells), sum(c[2] for c in cells))


def _locks(session: Session, where: Any = None) -> Iterator[tuple[str, Seal]]:
    q = select(PeriodLock.fiscal_year_id, PeriodLock.month).order_by(PeriodLock.fiscal_year_id)
    if where is not None:
        q = q.where(where)
    for fy, group in groupby(session.execute(q), key=lambda r: r[0]):
        months = [(r[1],) for r in group]
        yield f"l/{fy}", Seal(_digest(months), len(months))


def _users(session: Session, where: Any = None) -> Iterator[tuple[str, Seal]]:
    q = select(User.id, User.username, User.role, User.locked, User.active, User.password_hash)
    if where is not None:
        q = q.where(where)
    for row in session.execute(q):
        yield f"u/{row[0]}", Seal(_digest([tuple(row[1:])]), 1, label=row[1])


def _reports(session: Session, where: Any = None) -> Iterator[tuple[str, Seal]]:
    q = select(IssuedReport.id, IssuedReport.number, IssuedReport.version, IssuedReport.pdf_sha256,
               IssuedReport.content_hash)
    if where is not None:
        q = q.where(where)
    for row in session.execute(q):
        yield f"r/{row[0]}", Seal(_digest([tuple(row[1:])]), 1, label=f"{row[1]} v{row[2]}")


def current(session: Session) -> dict[str, Seal]:
    """Every bucket that holds data, as the database holds it now."""
    out: dict[str, Seal] = {}
    for reader in (_collections, _budget, _locks, _users, _reports):
        out.update(reader(session))
    return out


def seals_of(session: Session, buckets: Iterable[str]) -> dict[str, Seal]:
    """The seals of ``buckets`` now (an emptied bucket seals as 0 rows)."""
    wanted = set(buckets)
    by_family: dict[str, list[list[str]]] = {}
    for bucket in wanted:
        family, *parts = bucket.split("/")
        by_family.setdefault(family, []).append(parts)
    out: dict[str, Seal] = {}
    for family, ids in by_family.items():
        if [ALL] in ids:
            found = dict(_READERS[family](session, None))
            wanted.discard(f"{family}/{ALL}")
            wanted |= set(found)
            out.update(found)
            continue
        out.update(_READERS[family](session, _where(family, ids)))
    empty = Seal(_digest([]), 0)
    return {b: out.get(b, empty) for b in wanted}


def _where(family: str, ids: list[list[str]]) -> Any:
    if family in ("c", "b"):
        model: Any = Collection if family == "c" else Assignment
        years: dict[int, list[int]] = {}
        for fy, agency in ids:
            years.setdefault(int(fy), []).append(int(agency))
        return or_(*(and_(model.fiscal_year_id == fy, model.agency_id.in_(agencies))
                     for fy, agencies in years.items()))
    if family == "l":
        return PeriodLock.fiscal_year_id.in_([int(i[0]) for i in ids])
    model = User if family == "u" else IssuedReport
    return model.id.in_([int(i[0]) for i in ids])


_READERS = {"c": _collections, "b": _budget, "l": _locks, "u": _users, "r": _reports}


# ---------------------------------------------------------------------- watching a write
def start(session: Session) -> None:
    session.info[SESSION_KEY] = set()


def stop(session: Session) -> None:
    session.info.pop(SESSION_KEY, None)


def finish(session: Session) -> dict[str, dict[str, Any]]:
    """The seals of the buckets this write touched, for its ``state.seal`` row ({} when none)."""
    touched: set[str] | None = session.info.get(SESSION_KEY)
    if touched is None:
        return {}
    session.flush()
    stop(session)
    if not touched:
        return {}
    return {bucket: seal.as_json() for bucket, seal in sorted(seals_of(session, touched).items())}


def _bucket(target: Any, connection: Any, values: dict[str, Any] | None = None) -> str | None:
    v = values if values is not None else {c: getattr(target, c) for c in WATCHED[type(target)]}
    kind = type(target)
    if kind is Collection:
        return f"c/{v['fiscal_year_id']}/{v['agency_id']}"
    if kind is Assignment:
        return f"b/{v['fiscal_year_id']}/{v['agency_id']}"
    if kind is MonthlySchedule:
        row = connection.execute(select(Assignment.fiscal_year_id, Assignment.agency_id)
                                 .where(Assignment.id == v["assignment_id"])).first()
        return None if row is None else f"b/{row[0]}/{row[1]}"
    if kind is PeriodLock:
        return f"l/{v['fiscal_year_id']}"
    return f"{'u' if kind is User else 'r'}/{target.id}"


def _touched(target: Any) -> set[str] | None:
    session = inspect(target).session
    return None if session is None else session.info.get(SESSION_KEY)


def _written(_mapper: Mapper[Any], connection: Any, target: Any) -> None:
    touched = _touched(target)
    if touched is not None and (bucket := _bucket(target, connection)) is not None:
        touched.add(bucket)


def _updated(_mapper: Mapper[Any], connection: Any, target: Any) -> None:
    touched = _touched(target)
    if touched is None:
        return
    state = inspect(target)
    changed = [c for c in WATCHED[type(target)] if state.attrs[c].history.has_changes()]
    if not changed:
        return
    for bucket in (_bucket(target, connection), _bucket(target, connection, _old_values(target))):
        if bucket is not None:
            touched.add(bucket)


def _old_values(target: Any) -> dict[str, Any]:
    state = inspect(target)
    out = {}
    for c in WATCHED[type(target)]:
        history = state.attrs[c].history
        out[c] = history.deleted[0] if history.deleted else getattr(target, c)
    return out


_TABLES = {model.__table__.name: model for model in WATCHED}


def _statement(state: ORMExecuteState) -> None:
    """Bulk ``insert()`` (and any ``update()``/``delete()``) on a watched table."""
    touched = state.session.info.get(SESSION_KEY)
    if touched is None or not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    model = _TABLES.get(getattr(table, "name", ""))
    if model is None:
        return
    family = {Collection: "c", Assignment: "b", MonthlySchedule: "b", PeriodLock: "l", User: "u",
              IssuedReport: "r"}[model]
    params: Any = state.parameters
    rows: list[dict[str, Any]] = params if isinstance(params, list) else [params] if params else []
    if state.is_insert and model in (Collection, Assignment) and rows and all(
            "fiscal_year_id" in r and "agency_id" in r for r in rows):
        touched.update(f"{family}/{r['fiscal_year_id']}/{r['agency_id']}" for r in rows)
    else:
        touched.add(f"{family}/{ALL}")


for _model in WATCHED:
    event.listen(_model, "after_insert", _written)
    event.listen(_model, "after_delete", _written)
    event.listen(_model, "after_update", _updated)
event.listen(Session, "do_orm_execute", _statement)
