"""Reading and verifying the audit trail (who, when, what, before → after)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.core.audit_hash import FIELDS, keyed_match
from rasad_desktop.db.models import AuditHead, AuditLog
from rasad_desktop.services import personal
from rasad_desktop.services.roles import Actor, Permission, require

if TYPE_CHECKING:
    from rasad_desktop.services.reconcile import StateProblem


@dataclass(frozen=True)
class ChainProblem:
    audit_id: int
    kind: str  # "edited", "missing_before", "head", "anchor", "unkeyed"

    def message(self, language: str = "fa") -> str:
        from rasad_desktop.core.digits import localize_digits

        n = str(self.audit_id) if language == "en" else localize_digits(str(self.audit_id))
        if self.kind == "edited":
            return (f"Audit row {n} was changed after it was written." if language == "en"
                    else f"ردیف {n} گزارش رویدادها پس از ثبت تغییر کرده است.")
        if self.kind == "missing_before":
            return (f"Audit rows before row {n} were deleted or reordered." if language == "en"
                    else f"ردیف‌هایی پیش از ردیف {n} گزارش رویدادها حذف یا جابه‌جا شده‌اند.")
        if self.kind == "unkeyed":
            return (f"Audit row {n} was not sealed with this office's key: the trail was rewritten from there "
                    "by someone without it." if language == "en"
                    else f"ردیف {n} گزارش رویدادها با کلید این اداره مهر نشده است: زنجیره از آن‌جا به دست کسی "
                    "که کلید را نداشته از نو نوشته شده است.")
        if self.kind == "anchor":
            return (f"Audit row {n} differs from the anchor written down earlier: the trail was rewritten "
                    "(or the anchor was copied wrongly)." if language == "en"
                    else f"ردیف {n} گزارش رویدادها با لنگری که پیش‌تر یادداشت شده یکی نیست: زنجیره از نو "
                    "نوشته شده است (یا لنگر نادرست رونویسی شده).")
        return (f"The newest audit rows (after row {n}) were deleted." if language == "en"
                else f"آخرین ردیف‌های گزارش رویدادها (پس از ردیف {n}) حذف شده‌اند.")


ANCHOR_HEX = 16  # hex digits of a row's hash kept in an anchor: short to copy, long enough to forge


@dataclass(frozen=True)
class Anchor:
    """A row of the chain as written down outside the database («1234:9f8e…»). Someone able
    to write to the database can recompute the whole chain; they cannot change an anchor
    already printed or filed, so a rewritten trail no longer matches it."""

    audit_id: int
    hash_prefix: str

    def __str__(self) -> str:
        return f"{self.audit_id}:{self.hash_prefix}"

    @classmethod
    def parse(cls, text: str) -> Anchor:
        from rasad_desktop.core.digits import to_latin_digits
        from rasad_desktop.services.errors import ValidationError

        number, _, prefix = to_latin_digits(text.strip()).partition(":")
        prefix = prefix.strip().lower()
        if not (number.strip().isdecimal() and len(prefix) >= 8 and all(c in "0123456789abcdef" for c in prefix)):
            raise ValidationError(
                f"لنگر «{text}» معتبر نیست؛ به شکل «شمارهٔ ردیف:رقم‌های هگز» است، مانند 1234:9f8e7d6c5b4a3921.",
                f"Anchor '{text}' is not valid; it looks like ROW:HEX, e.g. 1234:9f8e7d6c5b4a3921.", code="anchor")
        return cls(int(number), prefix)


def chain_head(session: Session) -> Anchor | None:
    """The newest row of the chain as an anchor to write down (None for an empty trail)."""
    row = session.execute(select(AuditLog.id, AuditLog.hash).order_by(AuditLog.id.desc()).limit(1)).first()
    return None if row is None else Anchor(row.id, row.hash[:ANCHOR_HEX])


def verify_chain(session: Session, anchors: Sequence[Anchor] = ()) -> tuple[int, list[ChainProblem]]:
    """(rows checked, problems). Reads the whole trail in id order, in batches; each anchor
    must still match its row."""
    problems: list[ChainProblem] = []
    prev, last_id, count = "", 0, 0
    wanted = {a.audit_id: a.hash_prefix for a in anchors}
    key = personal.chain_key(session)
    keyed = False  # once the chain is keyed, every later row must be
    q = select(AuditLog).order_by(AuditLog.id).execution_options(yield_per=5000)
    for row in session.scalars(q):
        count += 1
        if row.id in wanted and not row.hash.startswith(wanted.pop(row.id)):
            problems.append(ChainProblem(row.id, "anchor"))
        if row.prev_hash != prev:
            problems.append(ChainProblem(row.id, "missing_before"))
        match = keyed_match(row.prev_hash, {f: getattr(row, f) for f in FIELDS}, row.hash, key)
        if match is None:
            problems.append(ChainProblem(row.id, "edited"))
        elif not match and keyed:
            problems.append(ChainProblem(row.id, "unkeyed"))  # recomputed by someone without the key
        keyed = keyed or bool(match)
        prev, last_id = row.hash, row.id
    if key is not None and count and not keyed:
        problems.append(ChainProblem(last_id, "unkeyed"))  # the whole trail rewritten without the key
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_id != last_id or head.last_hash != prev):
        problems.append(ChainProblem(last_id, "head"))
    problems.extend(ChainProblem(audit_id, "anchor") for audit_id in sorted(wanted))  # its row is gone
    return count, problems


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: str
    before: str | None
    after: str | None


def search(session: Session, actor: Actor, *, username: str = "", action: str = "", entity: str = "",
           since: dt.datetime | None = None, until: dt.datetime | None = None, limit: int = 500) -> list[AuditEntry]:
    """The newest audit rows matching the filters (administrator only)."""
    require(actor, Permission.VIEW_AUDIT)
    q = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if username:
        q = q.where(AuditLog.username.contains(username.strip()))
    if action:
        q = q.where(AuditLog.action.startswith(action.strip()))
    if entity:
        q = q.where(AuditLog.entity == entity.strip())
    if since is not None:
        q = q.where(AuditLog.at >= since)
    if until is not None:
        q = q.where(AuditLog.at < until)
    return [AuditEntry(r.id, r.at, r.username, r.action, r.entity, r.entity_id, r.before, r.after)
            for r in session.scalars(q)]


def changed_parts(before: str | None, after: str | None) -> tuple[str | None, str | None]:
    """Before and after (JSON). When both are objects, only the keys whose values differ are
    kept, so a change of one field in a long record shows that field."""
    try:
        old = json.loads(before) if before is not None else None
        new = json.loads(after) if after is not None else None
    except ValueError:
        return before, after
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return before, after
    missing = object()
    keys = {k for k in old.keys() | new.keys() if old.get(k, missing) != new.get(k, missing)}
    if not keys:
        return before, after

    def dump(value: dict[str, object]) -> str:
        return json.dumps({k: v for k, v in value.items() if k in keys}, ensure_ascii=False, sort_keys=True)

    return dump(old), dump(new)


@dataclass(frozen=True)
class FilterChoices:
    actions: list[str]  # the actions in the trail and their families ("user.")
    entities: list[str]


def filter_choices(session: Session, actor: Actor) -> FilterChoices:
    """What the audit page offers in its filters (administrator only)."""
    require(actor, Permission.VIEW_AUDIT)
    actions = set(session.scalars(select(AuditLog.action).distinct()))
    families = {a.split(".")[0] + "." for a in actions if "." in a}
    return FilterChoices(sorted(actions | families), sorted(set(session.scalars(select(AuditLog.entity).distinct()))))


@dataclass(frozen=True)
class TrailCheck:
    checked: int
    problems: list[ChainProblem]
    head: Anchor | None  # the anchor to write down when the trail is intact
    buckets: int = 0  # parts of the data compared with the trail's seals
    state: tuple[StateProblem, ...] = ()  # the data changed outside Rasad

    @property
    def intact(self) -> bool:
        return not self.problems and not self.state


def check_trail(session: Session, actor: Actor) -> TrailCheck:
    """The audit page's check (administrator only): the hash chain, then the data against
    the trail's seals (services.reconcile)."""
    from rasad_desktop.services.reconcile import reconcile

    require(actor, Permission.VIEW_AUDIT)
    count, problems = verify_chain(session)
    state = reconcile(session)
    return TrailCheck(count, problems, chain_head(session), state.buckets, tuple(state.problems))


def intact_record(session: Session, action: str, entity: str, entity_id: str, *,
                  newest: bool = False) -> AuditLog | None:
    """The first (or ``newest``) audit row of ``action`` on ``entity_id``, if it still
    matches its hash and its successor's link (None when there is none, or it was edited)."""
    order = AuditLog.id.desc() if newest else AuditLog.id
    row = session.scalar(select(AuditLog).where(AuditLog.action == action, AuditLog.entity == entity,
                                                AuditLog.entity_id == entity_id)
                         .order_by(order).limit(1).execution_options(populate_existing=True))
    if row is None or keyed_match(row.prev_hash, {f: getattr(row, f) for f in FIELDS}, row.hash,
                                  personal.chain_key(session)) is None:
        return None
    following = session.scalar(select(AuditLog.prev_hash).where(AuditLog.id > row.id).order_by(AuditLog.id).limit(1))
    if following is None:
        head = session.get(AuditHead, 1)
        if head is not None and head.last_hash != row.hash:
            return None
    elif following != row.hash:
        return None
    return row


def issue_record(session: Session, label: str) -> str | None:
    """The SHA-256 of the file issued as report ``label`` («1405/0012 v1»), as the audit
    trail's intact ``report.issue`` row holds it (None: no such row, or it was edited)."""
    row = intact_record(session, "report.issue", "issued_report", label)
    if row is None:
        return None
    try:
        sha = json.loads(row.after or "{}").get("pdf_sha256")
    except ValueError:
        return None
    return sha if isinstance(sha, str) else None


def report_anchor(pdf: bytes) -> Anchor | None:
    """The audit chain's head an issued report carries in its signed content (None for a
    draft, a report issued before reports carried one, or another file)."""
    from rasad_desktop.reports.page import Claim
    from rasad_desktop.reports.signature import inspect

    found = inspect(pdf)
    if found.signed and not found.intact:
        return None  # a broken signature: what it carries is not evidence
    claim = Claim.find(found.signed_bytes)
    if claim is None or claim.anchor is None:
        return None
    row, _, digest = claim.anchor.partition(":")
    return Anchor(int(row), digest)
