"""What a write changed, entity by entity, recorded in the change log in the write's own
transaction (``uow.writing`` starts and finishes it).

The session tells which rows a flush inserts, updates or deletes; their values before the
write are taken the first time each row is seen (a write may flush several times), their
values after it once it is done. Rows written around the session (bulk inserts) are
recorded by the service that wrote them (``record_rows``), and a change with no row behind
it (an administrator's decision to keep the office's value) by ``record``."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Mapper, Session

from rasad_desktop.db.models import SyncChange
from rasad_desktop.services.sync import node as nodes
from rasad_desktop.services.sync import remit
from rasad_desktop.services.sync.entities import KIND_OF_MODEL, Key, Kind, Refs, Values, dumps, kinds

SESSION_KEY = "rasad.sync.capture"
_KINDS = kinds()
_RANK = {name: i for i, name in enumerate(_KINDS)}


class _Seen:
    __slots__ = ("obj", "kind", "key", "before")

    def __init__(self, obj: Any, kind: Kind, key: Key | None, before: Values | None) -> None:
        self.obj, self.kind, self.key, self.before = obj, kind, key, before


class Capture:
    """The rows one write touched, and the changes recorded by hand."""

    def __init__(self, session: Session) -> None:
        self.refs = Refs(session)
        self.seen: dict[int, _Seen] = {}
        self.late: list[tuple[Any, Kind, SimpleNamespace]] = []  # seen only inside a flush (cascades)
        self.extra: list[tuple[str, Key, Values | None, Values | None]] = []

    def see(self, obj: Any, new: bool) -> None:
        kind = _kind_of(obj)
        if kind is None or id(obj) in self.seen or not kind.syncs(obj):
            return
        if new:
            self.seen[id(obj)] = _Seen(obj, kind, None, None)
            return
        old = _as_committed(obj)
        with self.refs.s.no_autoflush:
            self.seen[id(obj)] = _Seen(obj, kind, kind.key(self.refs, old), kind.values(self.refs, old))

    def changes(self) -> list[tuple[str, Key, Values | None, Values | None]]:
        """(kind, key, before, after) of every entity the write changed, in an order a
        receiver can apply them in (what a row refers to first; removals last, reversed)."""
        for obj, kind, old in self.late:
            if id(obj) not in self.seen:
                self.seen[id(obj)] = _Seen(obj, kind, kind.key(self.refs, old), kind.values(self.refs, old))
        merged: dict[tuple[str, str], list[Any]] = {}
        for seen in self.seen.values():
            state = inspect(seen.obj)
            gone = state.deleted or state.was_deleted or state.transient
            after = None if gone else seen.kind.values(self.refs, seen.obj)
            key = seen.key if gone else seen.kind.key(self.refs, seen.obj)
            if key is None:
                continue
            if seen.key is not None and key != seen.key:  # a key that changed: one removed, one made
                _merge(merged, seen.kind.name, seen.key, seen.before, None)
                _merge(merged, seen.kind.name, key, None, after)
            else:
                _merge(merged, seen.kind.name, key, seen.before, after)
        for name, key, before, after in self.extra:
            _merge(merged, name, key, before, after)
        out = [(name, key, before, after) for (name, _k), (key, before, after) in merged.items()
               if dumps(before) != dumps(after)]
        made = sorted((c for c in out if c[3] is not None), key=lambda c: _RANK[c[0]])
        removed = sorted((c for c in out if c[3] is None), key=lambda c: -_RANK[c[0]])
        return made + removed


def _merge(merged: dict[tuple[str, str], list[Any]], name: str, key: Key, before: Values | None,
           after: Values | None) -> None:
    slot = merged.get((name, dumps(key)))
    if slot is None:
        merged[(name, dumps(key))] = [key, before, after]
    else:
        slot[2] = after  # the first before, the last after


def _kind_of(obj: Any) -> Kind | None:
    name = KIND_OF_MODEL.get(type(obj))
    return None if name is None else _KINDS[name]


def _as_committed(obj: Any, connection: Any = None) -> SimpleNamespace:
    """The row as the database holds it before this write's changes reach it."""
    state = inspect(obj)
    values: dict[str, Any] = {}
    missing = False
    for attr in state.mapper.column_attrs:
        k = attr.key
        if k in state.committed_state:
            values[k] = state.committed_state[k]
        elif k in state.dict:
            values[k] = state.dict[k]
        else:
            missing = True
    if missing and state.identity is not None:  # a column never loaded: read the stored row
        table = state.mapper.local_table
        pk = dict(zip([c.key for c in state.mapper.primary_key], state.identity, strict=True))
        row = (connection or state.session.connection()).execute(
            select(table).where(*[table.c[c] == v for c, v in pk.items()])).mappings().first()
        if row is not None:
            values = {attr.key: row[attr.columns[0].name] for attr in state.mapper.column_attrs}
    return SimpleNamespace(**values)


# -------------------------------------------------------------------------- session events
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    cap = session.info.get(SESSION_KEY)
    if cap is None:
        return
    for obj in list(session.new):
        cap.see(obj, True)
    for obj in list(session.dirty) + list(session.deleted):
        cap.see(obj, False)


def _in_flush(mapper: Mapper[Any], connection: Any, target: Any) -> None:
    """A row a flush reaches that ``before_flush`` did not list (a cascade, an orphan)."""
    session = inspect(target).session
    cap = session.info.get(SESSION_KEY) if session is not None else None
    if cap is None or id(target) in cap.seen:
        return
    kind = _kind_of(target)
    if kind is not None and kind.syncs(target):
        cap.late.append((target, kind, _as_committed(target, connection)))


def _new_in_flush(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    session = inspect(target).session
    cap = session.info.get(SESSION_KEY) if session is not None else None
    if cap is not None and id(target) not in cap.seen:
        cap.see(target, True)


event.listen(Session, "before_flush", _before_flush)
for _model in KIND_OF_MODEL:
    event.listen(_model, "before_update", _in_flush)
    event.listen(_model, "before_delete", _in_flush)
    event.listen(_model, "after_insert", _new_in_flush)


# -------------------------------------------------------------------------- one write
def start(session: Session) -> None:
    session.info[SESSION_KEY] = Capture(session)


def stop(session: Session) -> None:
    session.info.pop(SESSION_KEY, None)


def record(session: Session, kind: str, key: Key, before: Values | None, after: Values | None) -> None:
    """A change with no row of this write behind it."""
    session.info[SESSION_KEY].extra.append((kind, key, before, after))


def record_rows(session: Session, kind: str, rows: list[dict[str, Any]]) -> None:
    """New rows a service inserted around the session (column values as inserted)."""
    cap: Capture = session.info[SESSION_KEY]
    k = _KINDS[kind]
    for values in rows:
        row = SimpleNamespace(**values)
        cap.extra.append((kind, k.key(cap.refs, row), None, k.values(cap.refs, row)))


def finish(session: Session, username: str, at: dt.datetime) -> int:
    """Write the changes of this write to the log, numbered after the last one made here."""
    cap: Capture | None = session.info.get(SESSION_KEY)
    if cap is None:
        return 0
    session.flush()
    changes = cap.changes()
    stop(session)
    if not changes:
        return 0
    node = nodes.this(session, for_update=True)
    if node.copy_detected_at is not None:
        raise nodes.copy_refusal(node)
    if node.role == "workstation":
        changes = remit.check_entry(changes, int(node.station or 0))
        if not changes:
            return 0
    first = node.last_seq + 1
    node.last_seq += len(changes)
    origin = nodes.origin(node)
    session.execute(insert(SyncChange), [
        {"origin": origin, "seq": first + i, "kind": kind, "key": dumps(key),
         "before": None if before is None else dumps(before), "after": None if after is None else dumps(after),
         "username": username, "at": at, "status": "applied", "received_at": None}
        for i, (kind, key, before, after) in enumerate(changes)])
    return len(changes)
