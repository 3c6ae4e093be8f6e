"""The merge rules, for the changes a package brings.

Each origin's changes are taken in the order they were made there: one whose predecessor
has not arrived is *held* until it does. A change then *applies* where this database still
holds its *before*, is *already present* where it holds its *after*, and is otherwise a
*conflict*: kept, not applied, for the administrator to decide. A change that arrives
again is counted once; one that arrives again with other contents means two copies of one
database are in use, and the whole package is refused."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select, tuple_
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.models import SyncChange, utcnow
from rasad_desktop.services.errors import Conflict
from rasad_desktop.services.sync import remit, state
from rasad_desktop.services.sync.entities import Files, Kind, MissingReference, Refs, kinds
from rasad_desktop.services.sync.node import OFFICE

LIMIT = 2 ** 53  # no number this program writes in a package comes near it; a larger one is forged
# kinds whose rows other rows refer to by id: removing one clears the id caches
REFERRED_TO = frozenset({"fiscal_year", "line", "agency", "assignment", "request"})


@dataclass(frozen=True)
class Incoming:
    """One change as a package carries it (``key``, ``before``, ``after``: their JSON text)."""

    origin: int
    seq: int
    kind: str
    key: str
    before: str | None
    after: str | None
    username: str
    at: str
    # "" | "withheld": the office keeps it back while it decides a conflict (no values) |
    # "present": the office had this value already, and keeps its own record of who entered it |
    # "settled": the recipient's own later change set this entity at the office: not taken there
    flag: str = ""

    @property
    def withheld(self) -> bool:
        return self.flag == "withheld"

    def as_list(self) -> list[Any]:
        return [self.origin, self.seq, self.kind, self.key, self.before, self.after, self.username, self.at,
                self.flag]

    @classmethod
    def from_list(cls, item: Any) -> Incoming:
        origin, seq, kind, key, before, after, username, at, flag = item
        for value, kinds_ in ((origin, int), (seq, int), (kind, str), (key, str), (username, str), (at, str),
                              (flag, str)):
            if not isinstance(value, kinds_) or isinstance(value, bool):
                raise ValueError("a change of the wrong shape")
        if not all(v is None or isinstance(v, str) for v in (before, after)) or not 1 <= seq < LIMIT \
                or not 0 <= origin <= 99 or flag not in ("", "withheld", "present", "settled"):
            raise ValueError("a change of the wrong shape")
        parsed = json.loads(key)
        if not isinstance(parsed, list) or not parsed or not all(
                v is None or isinstance(json.loads(v), dict) for v in (before, after)):
            raise ValueError("a change of the wrong shape")
        dt.datetime.fromisoformat(at)
        return cls(origin, seq, kind, key, before, after, username, at, flag)

    @classmethod
    def of(cls, row: SyncChange, flag: str = "") -> Incoming:
        withheld = flag == "withheld"
        return cls(row.origin, row.seq, row.kind, row.key, None if withheld else row.before,
                   None if withheld else row.after, row.username, row.at.isoformat(), flag)

    def digest(self) -> str:
        """What identifies this change's contents (its flag aside)."""
        import hashlib

        text = json.dumps(self.as_list()[:8], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def same_as(self, row: SyncChange) -> bool:
        return (self.kind, self.key, self.username, self.at) == (row.kind, row.key, row.username, row.at.isoformat()) \
            and (self.withheld or row.status == "withheld" or (self.before, self.after) == (row.before, row.after))


@dataclass
class Outcome:
    applied: int = 0
    present: int = 0  # the value was already so
    repeated: int = 0  # the change had been received before
    held: int = 0
    conflicts: int = 0  # still undecided when the package was taken
    withheld: int = 0
    waiting: list[tuple[int, int, int]] = field(default_factory=list)  # origin, first and last seq missing
    conflict_ids: list[int] = field(default_factory=list)
    decided: list[tuple[str, SyncChange]] = field(default_factory=list)  # (status, change), when asked for


def repeated_differently(origin: int, seq: int) -> Conflict:
    who = "دفتر" if origin == OFFICE else f"ایستگاه {localize_digits(str(origin))}"
    who_en = "the office" if origin == OFFICE else f"workstation {origin}"
    return Conflict(
        f"تغییر شمارهٔ {localize_digits(str(seq))} از {who} پیش‌تر با محتوای دیگری رسیده است: دو نسخه از یک "
        "پایگاه داده (بازگردانی نسخهٔ پشتیبان قدیمی یا رونوشت) به کار رفته است. بسته پذیرفته نشد و چیزی "
        "نوشته نشد؛ ایستگاه را دوباره عضو کنید.",
        f"Change {seq} from {who_en} arrived before with other contents: two copies of one database are in use "
        "(an older backup restored, or a copy). The package was refused and nothing was written; enrol the "
        "workstation again.", code="sync_repeated_differently")


class Merge:
    """Applies the changes of one package inside the caller's write."""

    def __init__(self, session: Session, files: Files, *, here: int, keep_decided: bool = False) -> None:
        self.s = session
        self.keep_decided = keep_decided
        self.kinds: dict[str, Kind] = kinds(files)
        self.refs = Refs(session)
        self.here = here
        self.now = utcnow()
        self.heads = state.heads(session)
        self.remit = remit.Remit(session, files.blobs) if here == OFFICE else None  # what a workstation may change
        self.out = Outcome()
        self.held: dict[int, dict[int, SyncChange]] = defaultdict(dict)
        self.mine: set[int] = set()  # ids of rows this package brought
        self.kept_by_office: set[int] = set()  # ids of rows whose value the office already had
        self.settled: set[int] = set()  # ids of rows this database's own later change made the office's past
        self.pending: dict[tuple[str, str], list[SyncChange]] = defaultdict(list)
        self.found: dict[tuple[str, str], Any] = {}  # (kind, key text) → its row here, or None
        self.removed: set[tuple[str, str]] = set()  # deleted, not yet flushed
        self.preloaded: dict[str, set[Any]] = {}  # kind → the years read whole
        self.keys_by_kind: dict[str, list[list[Any]]] = defaultdict(list)
        self.decided = 0
        for row in session.scalars(select(SyncChange).where(SyncChange.status == "conflict",
                                                            SyncChange.resolution.is_(None))):
            self.pending[(row.kind, row.key)].append(row)

    def run(self, changes: list[Incoming]) -> Outcome:
        known = self._known(changes)
        for c in changes:
            if c.kind == "collection":
                self.keys_by_kind[c.kind].append(json.loads(c.key))
        for c in changes:
            if c.origin == self.here:
                continue  # this database's own change, echoed back
            row = known.get((c.origin, c.seq))
            if row is not None:
                if not c.same_as(row):
                    raise repeated_differently(c.origin, c.seq)
                if row.status != "held":
                    self.out.repeated += 1
                    continue
            else:
                row = SyncChange(origin=c.origin, seq=c.seq, kind=c.kind, key=c.key, before=c.before, after=c.after,
                                 username=c.username, at=dt.datetime.fromisoformat(c.at),
                                 status="withheld" if c.withheld else "held", received_at=self.now)
                self.s.add(row)
                known[(c.origin, c.seq)] = row
            self.held[c.origin][c.seq] = row
            self.mine.add(id(row))
            if c.flag == "present":
                self.kept_by_office.add(id(row))
            elif c.flag == "settled" and self.here != OFFICE:
                self.settled.add(id(row))
            self._drain(c.origin)
        for origin, rows in self.held.items():
            if rows:
                self.out.held += sum(1 for r in rows.values() if id(r) in self.mine)
                self.out.waiting.append((origin, self.heads.get(origin, 0) + 1, min(rows) - 1))
        self.s.flush()
        self.out.conflict_ids = [r.id for rows in self.pending.values() for r in rows
                                 if id(r) in self.mine and r.status == "conflict" and r.resolution is None]
        self.out.conflicts = len(self.out.conflict_ids)  # those a later change of the package settled are not
        return self.out

    def _known(self, changes: list[Incoming]) -> dict[tuple[int, int], SyncChange]:
        """The rows already here for these changes, and every held row of their origins."""
        out: dict[tuple[int, int], SyncChange] = {}
        pairs = [(c.origin, c.seq) for c in changes]
        for i in range(0, len(pairs), 500):
            for row in self.s.scalars(select(SyncChange).where(
                    tuple_(SyncChange.origin, SyncChange.seq).in_(pairs[i:i + 500]))):
                out[(row.origin, row.seq)] = row
        origins = {c.origin for c in changes}
        for row in self.s.scalars(select(SyncChange).where(SyncChange.status == "held",
                                                           SyncChange.origin.in_(origins))):
            out[(row.origin, row.seq)] = row
            self.held[row.origin][row.seq] = row
        return out

    def _drain(self, origin: int) -> None:
        waiting = self.held[origin]
        while (nxt := self.heads.get(origin, 0) + 1) in waiting:
            row = waiting.pop(nxt)
            self._decide(row)
            self.heads[origin] = nxt
            if self.keep_decided:
                self.out.decided.append((row.status, row))

    # ---------------------------------------------------------------------- one change
    def _decide(self, row: SyncChange) -> None:
        if row.status == "withheld":
            self.out.withheld += 1
            return
        if id(row) in self.settled:  # what the office holds here came after it: this database's own value
            row.status = "present"
            self.out.present += 1
            return
        kind = self.kinds.get(row.kind)
        if kind is None:
            self._conflict(row, f"unknown kind {row.kind}")
            return
        key = json.loads(row.key)
        before = None if row.before is None else json.loads(row.before)
        after = None if row.after is None else json.loads(row.after)
        try:  # what is looked up comes before any change: a refusal leaves nothing half-done
            outside = None if self.remit is None else self.remit.problem(row.origin, row.kind, key, before, after)
            if outside is not None:
                self._conflict(row, outside)
                return
            found = self._find(kind, key, row.key)
            current = None if found is None else kind.values(self.refs, found)
            authored = self.here != OFFICE and row.origin == OFFICE and remit.office_authored(row.kind)
            if kind.same(current, after, self.refs):
                row.status = "present"
                self.out.present += 1
                if self.here != OFFICE and id(row) not in self.kept_by_office and current != after:
                    self._put(kind, key, row.key, found, after)  # the same value: who entered it as the office says
            elif authored or kind.same(current, before, self.refs):  # the office's own kinds: its value holds
                self._put(kind, key, row.key, found, after)
                row.status = "applied"
                self.out.applied += 1
            else:
                self._conflict(row, None)
                return
        except (MissingReference, ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError) as err:
            self.refs.forget()
            self._conflict(row, str(err))
            return
        self._settle(row)
        self.decided += 1
        if self.decided % 1000 == 0:
            self.s.flush()  # what was written can leave memory; the transaction stays open

    def _find(self, kind: Kind, key: list[Any], text: str) -> Any:
        slot = (kind.name, text)
        if slot in self.found:
            return self.found[slot]
        if kind.preload is not None and kind.name not in self.preloaded:
            self.preloaded[kind.name] = years = {k[0] for k in self.keys_by_kind.get(kind.name, [])}
            self.found.update({(kind.name, t): r for t, r in kind.preload(self.refs, years).items()})
        if key[0] in self.preloaded.get(kind.name, ()):
            return self.found.get(slot)  # the whole year was read: not there is not there
        found = kind.find(self.refs, key)  # its query flushes what this package added before it
        self.found[slot] = found
        return found

    def _put(self, kind: Kind, key: list[Any], text: str, found: Any, values: dict[str, Any] | None) -> None:
        slot = (kind.name, text)
        if values is None:
            if found is not None and inspect(found).pending:
                self.s.expunge(found)  # made earlier in this package, never written
            elif found is not None:
                self.s.delete(found)
                self.removed.add(slot)
                if kind.name in REFERRED_TO:  # the caches of ids may name it
                    self.s.flush()
                    self.refs.forget()
            self.found[slot] = None
            return
        if found is None and slot in self.removed:
            self.s.flush()  # the removal first: the new row takes the same unique key
            self.removed.discard(slot)
        self.found[slot] = kind.put_row(self.refs, key, found, values)

    def _conflict(self, row: SyncChange, problem: str | None) -> None:
        row.status, row.problem = "conflict", problem
        slot = self.pending[(row.kind, row.key)]
        for earlier in slot:  # the same side's newer value replaces its older one
            if earlier.origin == row.origin and earlier.resolution is None:
                self._supersede(earlier)
        slot.append(row)

    def _settle(self, row: SyncChange) -> None:
        """A value that applied or was already so ends the conflicts it answers: at the
        office, that side's earlier ones; at a workstation, all of them when the office spoke."""
        for earlier in self.pending.get((row.kind, row.key), []):
            if earlier.resolution is None and (earlier.origin == row.origin or row.origin == OFFICE):
                self._supersede(earlier)

    def _supersede(self, row: SyncChange) -> None:
        row.resolution, row.resolved_by, row.resolved_at = "superseded", "sync", self.now
