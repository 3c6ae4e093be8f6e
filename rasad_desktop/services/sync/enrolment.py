"""Enrolling workstations (at the office) and joining (on the workstation).

``add`` gives a workstation its number (1–99, never used before by a workstation or in a
tracking code here), its signing key and the key its packages are sealed with, and writes
the enrolment file: the office's data as it stands (reference data, figures, users'
accounts, requests, the registry of issued reports) and how far the office's log reached,
sealed with a key derived from the enrolment code it prints. ``join`` takes that file into
an empty database, which becomes the workstation."""

from __future__ import annotations

import base64
import datetime as dt
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.ids import MAX_STATION
from rasad_desktop.db.models import (
    Agency,
    ClassificationNode,
    FiscalYear,
    IssuedReport,
    ServiceRequest,
    SyncChange,
    SyncNode,
    SyncWorkstation,
    User,
    utcnow,
)
from rasad_desktop.formats.sync_package import (
    Contents,
    PackageError,
    key_from_code,
    new_enrolment_code,
    new_package_key,
    new_signing_key,
    normal_code,
    public_key,
    seal,
    split,
)
from rasad_desktop.services import personal, validate
from rasad_desktop.services.errors import Conflict, NotFound, ValidationError
from rasad_desktop.services.roles import Actor, Permission, require
from rasad_desktop.services.sync import node as nodes
from rasad_desktop.services.sync import state
from rasad_desktop.services.sync.entities import Files, Refs, kinds
from rasad_desktop.services.sync.packages import files_for
from rasad_desktop.services.uow import writing


@dataclass(frozen=True)
class Enrolment:
    number: int
    name: str
    code: str  # give it to the workstation apart from the file
    data: bytes
    rows: int
    files: int


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def free_number(session: Session, office_station: int | None) -> int:
    used = nodes.enrolled_numbers(session)
    used |= {int(n) for n in session.scalars(select(ServiceRequest.workstation).distinct())}
    if office_station:
        used.add(office_station)
    for n in range(1, MAX_STATION + 1):
        if n not in used:
            return n
    raise Conflict("همهٔ شماره‌های ایستگاه (۱ تا ۹۹) به کار رفته است.",
                   "Every workstation number (1 to 99) is taken.", code="stations_full")


def snapshot(session: Session, data_dir: Path) -> tuple[list[list[Any]], dict[str, bytes]]:
    """Every entity that travels, as [kind, key, values], in an order they can be rebuilt
    in (a line's parent before it), with the files they carry."""
    refs = Refs(session)
    rows: list[list[Any]] = []
    carried: dict[str, bytes] = {}
    for kind in kinds(files_for(data_dir)).values():
        order = [ClassificationNode.level, ClassificationNode.id] if kind.model is ClassificationNode \
            else list(inspect(kind.model).primary_key)
        for row in session.scalars(select(kind.model).order_by(*order)):
            if kind.syncs(row):
                rows.append([kind.name, kind.key(refs, row), kind.values(refs, row)])
                if kind.blob is not None and (blob := kind.blob(row)) is not None:
                    carried[blob[0]] = blob[1]
    return rows, carried


def add(session: Session, actor: Actor, name: str, data_dir: Path, *, office_station: int | None = None) -> Enrolment:
    """Enrol a workstation: its number, its keys and the office's data, in one file."""
    with writing(session, actor, Permission.MANAGE_WORKSTATIONS, changes=False) as audit:
        name = validate.text(name, "نام ایستگاه", "Workstation name", max_len=100)
        node = nodes.this(session, for_update=True)
        if node.role != "office":
            raise Conflict("ایستگاه کاری را فقط دفتر عضو می‌کند.", "Only the office enrols workstations.",
                           code="not_office")
        number = free_number(session, office_station)
        signing, package = new_signing_key(), new_package_key()
        session.add(SyncWorkstation(number=number, name=name, public_key=public_key(signing), package_key=package,
                                    enrolled_by=actor.username, retired=False))
        heads = state.heads(session)
        heads[nodes.OFFICE] = max(heads.get(nodes.OFFICE, 0), node.last_seq)
        state.set_have(session, number, heads)  # the file holds all this: the first package starts after it
        rows, carried = snapshot(session, data_dir)
        doc = {"office_public_key": _b64(node.office_public_key), "number": number, "name": name,
               "signing_key": _b64(signing), "package_key": _b64(package),
               "personal_key": _b64(personal.ensure(session)),  # the requesters' IDs travel sealed with it
               "heads": {str(o): s for o, s in heads.items()}, "entities": rows}
        code, salt = new_enrolment_code(), secrets.token_bytes(16)
        header = {"kind": "enrolment", "office_id": node.office_id, "recipient": number, "name": name,
                  "salt": _b64(salt), "office_public_key": _b64(node.office_public_key),
                  "created_at": utcnow().isoformat()}
        data = seal(header, Contents(doc, carried), key_from_code(code, salt), node.signing_key)
        audit.record("sync.enrol", "workstation", number, after={"name": name, "rows": len(rows), "files": len(carried)})
    return Enrolment(number, name, code, data, len(rows), len(carried))


def is_empty(session: Session) -> bool:
    """Nothing entered here yet (settings adopted from an old settings.json do not count)."""
    for model in (FiscalYear, Agency, ServiceRequest, User, IssuedReport, SyncChange):
        if session.scalar(select(func.count()).select_from(model)):
            return False
    found = session.get(SyncNode, 1)
    return found is None or found.role == "office"


def join(session: Session, actor: Actor, data: bytes, code: str, data_dir: Path) -> NodeInfo:
    """Make this empty database the workstation an enrolment file was made for."""
    require(actor, Permission.SYNC)
    sealed = split(data)
    h = sealed.header
    if h.get("kind") != "enrolment":
        raise PackageError("این فایل، فایل عضویت ایستگاه کاری نیست.", "This file is not a workstation enrolment file.",
                           code="package_kind")
    if len(normal_code(code)) != 20:
        raise ValidationError("کد عضویت بیست رقم است (همان که هنگام عضو کردن چاپ شد).",
                              "The enrolment code has twenty digits (the one printed at enrolment).",
                              code="enrolment_code")
    try:
        office_public, salt = _unb64(h["office_public_key"]), _unb64(h["salt"])
    except (KeyError, ValueError, TypeError):
        raise PackageError("فایل عضویت خراب است.", "The enrolment file is damaged.", code="package_damaged") from None
    sealed.check_signature(office_public)
    try:
        contents = sealed.open(key_from_code(code, salt))
    except PackageError as err:
        if err.code != "package_key":
            raise
        raise ValidationError("کد عضویت با این فایل نمی‌خواند.", "The enrolment code does not match this file.",
                              code="enrolment_code") from None
    doc = contents.doc
    session.rollback()
    files = files_for(data_dir, contents.files)
    try:
        return _join(session, actor, doc, h, office_public, files, data_dir)
    except BaseException:
        files.discard()  # a join that failed leaves no files behind
        raise


def _join(session: Session, actor: Actor, doc: Any, h: Any, office_public: bytes, files: Files,
          data_dir: Path) -> NodeInfo:
    with writing(session, actor, Permission.SYNC, changes=False) as audit:
        if not is_empty(session):
            raise Conflict("این پایگاه داده خالی نیست؛ ایستگاه کاری فقط در پایگاه تازه عضو می‌شود "
                           "(پوشهٔ دادهٔ تازه‌ای بسازید).",
                           "This database is not empty; a workstation joins only into a new one (use a new data "
                           "folder).", code="join_not_empty")
        try:
            number = int(doc["number"])
            heads = {int(o): int(s) for o, s in doc["heads"].items()}
            entities = doc["entities"]
            keys = _unb64(doc["signing_key"]), _unb64(doc["package_key"])
        except (KeyError, ValueError, TypeError, AttributeError):
            raise PackageError("فایل عضویت خراب است.", "The enrolment file is damaged.", code="package_damaged") from None
        if _unb64(doc["office_public_key"]) != office_public or not 1 <= number <= MAX_STATION:
            raise PackageError("فایل عضویت خراب است.", "The enrolment file is damaged.", code="package_damaged")
        if isinstance(doc.get("personal_key"), str):  # from an office of this version on
            personal.install(session, _unb64(doc["personal_key"]))
        _load(session, entities, files)
        node = nodes.this(session, for_update=True)
        node.role, node.office_id, node.station, node.name = "workstation", str(h["office_id"]), number, str(doc["name"])
        node.instance_id, node.signing_key, node.office_public_key = str(uuid.uuid4()), keys[0], office_public
        node.package_key, node.last_seq, node.packages_made, node.copy_detected_at = keys[1], 0, 0, None
        state.set_have(session, state.BASELINE, heads)
        state.set_have(session, nodes.OFFICE, {number: 0})
        audit.record("sync.join", "sync_node", number,
                     after={"office_id": node.office_id, "name": node.name, "rows": len(entities)})
        session.flush()
        nodes.write_marker(data_dir, node)
        info = NodeInfo.of(node)
    return info


def _load(session: Session, entities: Any, files: Any) -> None:
    ks = kinds(files)
    refs = Refs(session)
    for n, item in enumerate(entities):
        name, key, values = item
        kind = ks[name]
        existing = kind.find(refs, key) if kind.name == "setting" else None
        if existing is not None:
            kind.update(refs, existing, values)
        else:
            session.add(kind.build(refs, key, values))
        if n % 1000 == 999:
            session.flush()  # what later rows refer to is found by a query, which flushes too


# -------------------------------------------------------------------------- the office's list
@dataclass(frozen=True)
class WorkstationRow:
    number: int
    name: str
    enrolled_at: dt.datetime
    enrolled_by: str
    last_package_at: dt.datetime | None
    pending_conflicts: int
    retired: bool
    owned_agencies: int


def workstations(session: Session, actor: Actor) -> list[WorkstationRow]:
    require(actor, Permission.VIEW)
    conflicts = dict(session.execute(select(SyncChange.origin, func.count()).where(
        SyncChange.status == "conflict", SyncChange.resolution.is_(None)).group_by(SyncChange.origin)).all())
    owned = dict(session.execute(select(Agency.owner_station, func.count()).where(
        Agency.owner_station.is_not(None)).group_by(Agency.owner_station)).all())
    return [WorkstationRow(w.number, w.name, w.enrolled_at, w.enrolled_by, w.last_package_at,
                           int(conflicts.get(w.number, 0)), w.retired, int(owned.get(w.number, 0)))
            for w in session.scalars(select(SyncWorkstation).order_by(SyncWorkstation.number))]


def _workstation(session: Session, number: int) -> SyncWorkstation:
    ws = session.get(SyncWorkstation, number) if isinstance(number, int) else None
    if ws is None:
        raise NotFound(f"ایستگاه کاری {localize_digits(str(number))} عضو این دفتر نیست.",
                       f"Workstation {number} is not enrolled in this office.", code="workstation_unknown")
    return ws


def assign(session: Session, actor: Actor, number: int | None, agency_codes: list[str]) -> int:
    """Give agencies to workstation ``number`` (None: to none, any workstation may enter
    them); relayed to every workstation with the next packages. Returns how many changed."""
    from rasad_desktop.services.budget import find_agency

    with writing(session, actor, Permission.MANAGE_WORKSTATIONS) as audit:
        if nodes.is_workstation(session):
            raise Conflict("دستگاه‌ها را فقط دفتر به ایستگاه‌ها می‌سپارد.", "Only the office assigns agencies.",
                           code="not_office")
        if number is not None:
            _workstation(session, number)
        changed = sum(_give(audit, find_agency(session, code), number) for code in agency_codes)
        if not changed:
            audit.nothing_changed()
    return changed


def _give(audit: Any, agency: Agency, owner: int | None) -> bool:
    """The one way an agency changes hands (audited); False when it was so already."""
    if agency.owner_station == owner:
        return False
    audit.record("agency.owner", "agency", agency.code,
                 before={"owner_station": agency.owner_station}, after={"owner_station": owner})
    agency.owner_station = owner
    return True


def assign_exactly(session: Session, actor: Actor, number: int, agency_codes: list[str]) -> int:
    """Workstation ``number`` enters exactly these agencies' figures: they are given to it,
    and any other it had goes back to none; one transaction. Returns how many changed."""
    from rasad_desktop.services.budget import find_agency

    with writing(session, actor, Permission.MANAGE_WORKSTATIONS) as audit:
        if nodes.is_workstation(session):
            raise Conflict("دستگاه‌ها را فقط دفتر به ایستگاه‌ها می‌سپارد.", "Only the office assigns agencies.",
                           code="not_office")
        _workstation(session, number)
        wanted = {find_agency(session, code).code for code in agency_codes}
        changed = sum(_give(audit, agency, number if agency.code in wanted else None) for agency in list(
            session.scalars(select(Agency).where((Agency.owner_station == number) | Agency.code.in_(wanted)))))
        if not changed:
            audit.nothing_changed()
    return changed


def retire(session: Session, actor: Actor, number: int) -> None:
    """A lost or re-installed workstation: its packages are refused from now on; its number
    stays used (a new enrolment gets another)."""
    with writing(session, actor, Permission.MANAGE_WORKSTATIONS) as audit:
        ws = _workstation(session, number)
        if ws.retired:
            audit.nothing_changed()
            return
        ws.retired = True
        for agency in list(session.scalars(select(Agency).where(Agency.owner_station == number))):
            _give(audit, agency, None)  # no one would enter them at a workstation any more
        audit.record("sync.retire", "workstation", number, after={"name": ws.name})


@dataclass(frozen=True)
class NodeInfo:
    """What this database is, for a screen or a command to say."""

    role: str  # "office" | "workstation"
    station: int | None  # a workstation's number
    name: str
    copy: bool  # a workstation's database found where it was not enrolled: it records nothing
    last_seq: int  # changes made here

    @property
    def is_workstation(self) -> bool:
        return self.role == "workstation"

    @classmethod
    def of(cls, node: SyncNode | None) -> NodeInfo:
        if node is None:  # nothing written yet: an office
            return cls("office", None, "", False, 0)
        return cls(node.role, node.station, node.name, node.copy_detected_at is not None, node.last_seq)


def describe_node(session: Session) -> NodeInfo:
    """This database's role, read only (a database that never wrote is an office)."""
    return NodeInfo.of(session.get(SyncNode, 1))


def assignable_agencies(session: Session, actor: Actor) -> list[tuple[str, str, int | None]]:
    """(code, name, the workstation it belongs to or None) of every agency, by code."""
    require(actor, Permission.VIEW)
    return [(c, n, o) for c, n, o in session.execute(
        select(Agency.code, Agency.name, Agency.owner_station).order_by(Agency.code))]
