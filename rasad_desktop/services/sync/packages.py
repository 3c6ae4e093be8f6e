"""``sync export`` and ``sync import``: a package holds what the other side has not said it
holds; taking one checks it whole before anything is written, then merges it in one
transaction (``merge``)."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.models import IssuedReport, RequestAttachment, SyncChange, SyncNode, SyncWorkstation, utcnow
from rasad_desktop.formats import atomic, sync_package
from rasad_desktop.formats.sync_package import Contents, PackageError, Sealed, seal, split
from rasad_desktop.services import personal
from rasad_desktop.services.attachments import folder
from rasad_desktop.services.errors import Conflict, NotFound, ValidationError
from rasad_desktop.services.roles import Actor, Permission, require
from rasad_desktop.services.sync import node as nodes
from rasad_desktop.services.sync import state
from rasad_desktop.services.sync.entities import Files, MissingReference, Refs, Values
from rasad_desktop.services.sync.merge import LIMIT, Incoming, Merge, Outcome
from rasad_desktop.services.uow import writing


def place(n: int, lang: str = "fa") -> str:
    """The office or workstation N, for a message."""
    if lang == "en":
        return "the office" if n == nodes.OFFICE else f"workstation {n}"
    return "دفتر" if n == nodes.OFFICE else f"ایستگاه {localize_digits(str(n))}"


# -------------------------------------------------------------------------- files of attachments
def files_for(data_dir: Path, carried: dict[str, bytes] | None = None) -> Files:
    """How a kind reads and stores attachment files here; ``carried``: those a package holds."""
    base = folder(Path(data_dir))

    def read(att: RequestAttachment) -> bytes:
        try:
            data = (base / att.stored_name).read_bytes()
        except OSError:
            data = b""
        if hashlib.sha256(data).hexdigest() != att.sha256:
            raise MissingReference(f"the file of attachment {att.file_name!r} is missing or changed")
        return data

    def store(values: Values, data: bytes) -> str:
        name = f"{uuid.uuid4().hex}{Path(str(values['file_name'])).suffix.lower()[:10]}"
        atomic.write_bytes(base / name, data)
        files.written.append(base / name)
        return name

    def blobs(digest: str) -> bytes:
        if carried is None or digest not in carried:
            raise MissingReference(f"the file {digest[:12]} is not in the package")
        return carried[digest]

    files = Files(read, store, blobs)
    return files


def _carried_file(session: Session, refs: Refs, files: Files, row: SyncChange) -> tuple[str, bytes] | None:
    if row.after is None or row.kind not in ("attachment", "report"):
        return None
    key = json.loads(row.key)
    if row.kind == "attachment":
        att = session.scalar(select(RequestAttachment).where(
            RequestAttachment.request_id == refs.request_id(key[0]), RequestAttachment.sha256 == key[1]))
        return None if att is None else (att.sha256, files.read(att))
    report = session.scalar(select(IssuedReport).where(IssuedReport.number == key[0], IssuedReport.version == key[1]))
    return None if report is None else (report.pdf_sha256, report.pdf)


# -------------------------------------------------------------------------- export
@dataclass(frozen=True)
class Exported:
    data: bytes
    recipient: int
    changes: int
    files: int
    number: int

    def write(self, target: Path) -> None:
        """The package file; a failure is told in Persian and English."""
        atomic.write_user_file(target, self.data, cls=PackageError)


def _to_send(session: Session, node: SyncNode, to: int) -> list[tuple[SyncChange, str]]:
    """(row, flag) of what ``to`` has not said it holds, in the order they happened here
    (the flag: ``Incoming.flag``)."""
    here = nodes.origin(node)
    acked = state.have(session, to)
    if node.role == "workstation":
        q = select(SyncChange).where(SyncChange.origin == here, SyncChange.seq > acked.get(here, 0))
        return [(r, "") for r in session.scalars(q.order_by(SyncChange.seq))]
    rows: list[SyncChange] = []
    origins = set(session.scalars(select(SyncChange.origin).distinct())) - {to}
    for origin in origins:
        rows.extend(session.scalars(select(SyncChange).where(
            SyncChange.origin == origin, SyncChange.seq > acked.get(origin, 0), SyncChange.status != "held")))
    rows.sort(key=lambda r: r.id)
    # an entity the workstation's own change set here after these: their values are behind it
    # (the office went x → y → x while the workstation went x → y: taking them would undo its y)
    own = {(kind, key): last for kind, key, last in session.execute(
        select(SyncChange.kind, SyncChange.key, func.max(SyncChange.id))
        .where(SyncChange.origin == to, SyncChange.status == "applied").group_by(SyncChange.kind, SyncChange.key))}

    def flag(r: SyncChange) -> str:
        if r.status == "conflict":
            return "withheld"
        if own.get((r.kind, r.key), 0) > r.id:
            return "settled"
        return "present" if r.status == "present" else ""
    return [(r, flag(r)) for r in rows]


def export_package(session: Session, actor: Actor, data_dir: Path, to: int | None = None) -> Exported:
    """A package of what the other side lacks: from a workstation for the office; from the
    office for workstation ``to``."""
    with writing(session, actor, Permission.SYNC, changes=False) as audit:
        node = nodes.this(session, for_update=True)
        if node.copy_detected_at is not None:
            raise nodes.copy_refusal(node)
        if node.role == "workstation":
            if to not in (None, nodes.OFFICE):
                raise ValidationError("ایستگاه کاری فقط برای دفتر بسته می‌فرستد.",
                                      "A workstation sends packages to the office only.", code="sync_recipient")
            recipient, key = nodes.OFFICE, node.package_key
        else:
            if to is None:
                raise ValidationError("شمارهٔ ایستگاهی که بسته برای آن است را بدهید (--to).",
                                      "Give the number of the workstation the package is for (--to).",
                                      code="sync_recipient")
            ws = session.get(SyncWorkstation, to)
            if ws is None or ws.retired:
                raise NotFound(f"ایستگاه کاری {localize_digits(str(to))} عضو این دفتر نیست.",
                               f"Workstation {to} is not enrolled in this office.", code="workstation_unknown")
            recipient, key = to, ws.package_key
        assert key is not None
        rows = _to_send(session, node, recipient)
        refs, files = Refs(session), files_for(data_dir)
        carried: dict[str, bytes] = {}
        for row, flag in rows:
            found = None if flag == "withheld" else _carried_file(session, refs, files, row)
            if found is not None:
                carried[found[0]] = found[1]
        node.packages_made += 1
        number = node.packages_made
        doc = {"instance": node.instance_id, "last_seq": node.last_seq,
               "have": {str(o): s for o, s in state.heads(session).items()},
               "yours": _yours(session, recipient),
               "changes": [Incoming.of(r, flag).as_list() for r, flag in rows]}
        if node.role == "office":  # a workstation enrolled before IDs were sealed gets the key so
            doc["personal_key"] = base64.b64encode(personal.ensure(session)).decode("ascii")
        here = nodes.origin(node)
        header = {"kind": "package", "office_id": node.office_id, "sender": here, "recipient": recipient,
                  "number": number, "created_at": utcnow().isoformat(), "changes": len(rows)}
        data = seal(header, Contents(doc, carried), key, node.signing_key)
        audit.record("sync.export", "sync_package", f"{here}->{recipient}#{number}",
                     after={"changes": len(rows), "files": len(carried), "bytes": len(data)})
    return Exported(data, recipient, len(rows), len(carried), number)


# -------------------------------------------------------------------------- import
@dataclass(frozen=True)
class Opened:
    """A package checked (signature, office, recipient) and opened, not yet merged."""

    sender: int
    number: int
    created_at: str
    changes: list[Incoming]
    have: dict[int, int]
    yours: tuple[int, str]  # the last change the sender holds from the recipient: (seq, digest)
    instance: str
    last_seq: int
    files: dict[str, bytes]
    personal_key: bytes | None = None  # from the office: its key for the requesters' IDs


def _refuse(fa: str, en: str, code: str) -> PackageError:
    return PackageError(fa + " چیزی نوشته نشد.", en + " Nothing was written.", code=code)


def open_package(session: Session, data: bytes) -> Opened:
    """Check a package whole, before anything of it is used."""
    sealed: Sealed = split(data)
    node = nodes.this(session)
    h = sealed.header
    if h.get("kind") != "package":
        raise _refuse("این فایل بستهٔ همگام‌سازی نیست (شاید فایل عضویت است).",
                      "This file is not a synchronisation package (an enrolment file?).", "package_kind")
    if h.get("office_id") != node.office_id:
        raise _refuse("این بسته از دفتر دیگری است.", "This package is from another office.", "package_office")
    here, sender = nodes.origin(node), h.get("sender")
    if not isinstance(sender, int) or isinstance(sender, bool) or not 0 <= sender <= 99:
        raise _refuse("فرستندهٔ این بسته ایستگاه کاری عضو این دفتر نیست.",
                      "The sender of this package is not a workstation enrolled in this office.", "package_sender")
    if h.get("recipient") != here:
        r = h.get("recipient")
        r_fa, r_en = (place(r), place(r, "en")) if isinstance(r, int) else ("؟", "?")
        raise _refuse(f"این بسته برای {r_fa} است، نه این‌جا.", f"This package is for {r_en}, not here.",
                      "package_recipient")
    if node.role == "workstation":
        if sender != nodes.OFFICE or node.package_key is None:
            raise _refuse("ایستگاه کاری فقط بستهٔ دفتر را می‌پذیرد.", "A workstation takes packages from the office only.",
                          "package_sender")
        public, key = node.office_public_key, node.package_key
    else:
        ws = session.get(SyncWorkstation, sender) if isinstance(sender, int) else None
        if ws is None:
            raise _refuse("فرستندهٔ این بسته ایستگاه کاری عضو این دفتر نیست.",
                          "The sender of this package is not a workstation enrolled in this office.", "package_sender")
        if ws.retired:
            raise _refuse(f"{place(ws.number)} کنار گذاشته شده است؛ بسته‌های آن پذیرفته نمی‌شود.",
                          f"{place(ws.number, 'en').capitalize()} was retired; its packages are not taken.",
                          "package_retired")
        public, key = ws.public_key, ws.package_key
    sealed.check_signature(public)
    contents = sealed.open(key)
    try:
        doc = contents.doc
        changes = [Incoming.from_list(item) for item in doc["changes"]]
        have = {int(o): int(s) for o, s in doc["have"].items()}
        yours = (int(doc["yours"][0]), str(doc["yours"][1]))
        instance, last_seq = str(doc["instance"]), int(doc["last_seq"])
        number, created = int(h["number"]), str(h["created_at"])
        carried_key = base64.b64decode(doc["personal_key"], validate=True) if "personal_key" in doc else None
        if carried_key is not None and len(carried_key) != 32:
            raise ValueError("a key of the wrong size")
        if not all(0 <= n < LIMIT for n in (*have, *have.values(), yours[0], last_seq, number)):
            raise ValueError("a number out of range")
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _refuse("محتوای بسته خراب است.", "The package's contents are damaged.", "package_damaged") from None
    if node.role == "office" and any(c.origin != sender for c in changes):
        raise _refuse("بستهٔ ایستگاه کاری تغییری از جای دیگر دارد.",
                      "A workstation's package holds a change from somewhere else.", "package_damaged")
    assert isinstance(sender, int)
    return Opened(sender, number, created, changes, have, yours, instance, last_seq, contents.files,
                  carried_key if node.role == "workstation" else None)


def import_package(session: Session, actor: Actor, data: bytes, data_dir: Path) -> Outcome:
    """Take a package: everything in it, or (refused, damaged) nothing."""
    require(actor, Permission.SYNC)
    opened = open_package(session, data)
    session.rollback()
    files = files_for(data_dir, opened.files)
    try:
        return _take(session, actor, opened, files)
    except BaseException:
        files.discard()  # nothing of a package that was not taken stays, not even its files
        raise


def _take(session: Session, actor: Actor, opened: Opened, files: Files) -> Outcome:
    with writing(session, actor, Permission.SYNC, changes=False) as audit:
        node = nodes.this(session, for_update=True)
        here = nodes.origin(node)
        if node.role == "workstation":
            if node.copy_detected_at is not None:
                raise nodes.copy_refusal(node)
            if not _holds(session, here, opened.yours):
                raise _older_copy(node)
        else:
            ws = session.get(SyncWorkstation, opened.sender)
            assert ws is not None
            if ws.instance_id is None:
                ws.instance_id = opened.instance
            elif ws.instance_id != opened.instance:
                raise _refuse(f"این بسته از نسخهٔ دیگری از پایگاه {place(ws.number)} است (رونوشت یا بازگردانی).",
                              f"This package is from another copy of {place(ws.number, 'en')}'s database "
                              "(a copy, or a restored backup).", "package_copy")
            if not _holds(session, nodes.OFFICE, opened.yours):
                raise Conflict(
                    f"{place(ws.number)} تغییرهایی از دفتر دارد که در این پایگاه نیست: پایگاه دفتر از نسخهٔ پشتیبانی "
                    "قدیمی‌تر بازگردانده شده است. ایستگاه‌ها را دوباره عضو کنید (راهنمای فناوری اطلاعات). چیزی نوشته نشد.",
                    f"{place(ws.number, 'en').capitalize()} holds changes from the office that this database does not: "
                    "the office was restored from an older backup. Enrol the workstations again (see the IT guide). "
                    "Nothing was written.", code="sync_office_older")
            ws.last_package_at = utcnow()
        if node.role == "workstation" and opened.personal_key is not None and personal.key(session) is None:
            personal.install(session, opened.personal_key)
            personal.seal_legacy(session)  # what was written here before, sealed as the office seals it
        outcome = Merge(session, files, here=here).run(opened.changes)
        if opened.number > state.last_package(session, opened.sender):
            state.set_last_package(session, opened.sender, opened.number)
            state.set_have(session, opened.sender, opened.have)
        audit.record("sync.import", "sync_package", f"{opened.sender}->{here}#{opened.number}",
                     after=_summary(outcome))
    return outcome


@dataclass(frozen=True)
class PreviewLine:
    status: str  # applied | present | conflict | withheld
    what_fa: str
    what_en: str
    value_fa: str  # the value the change brings
    value_en: str
    username: str
    origin: int


@dataclass(frozen=True)
class Preview:
    sender: int
    outcome: Outcome
    lines: list[PreviewLine]  # the first ``limit`` changes that would be decided


def preview_package(session: Session, actor: Actor, data: bytes, data_dir: Path, *, limit: int = 500) -> Preview:
    """What taking a package would do, decided exactly as ``import_package`` would, and then
    undone: nothing is kept, no file is written."""
    from rasad_desktop.services.sync.conflicts import describe_key, describe_values
    from rasad_desktop.services.sync.entities import kinds

    require(actor, Permission.SYNC)
    opened = open_package(session, data)
    session.rollback()
    files = files_for(data_dir, opened.files)
    dry = Files(files.read, lambda values, data: "preview", files.blobs)  # writes no attachment file
    try:
        node = nodes.this(session)
        outcome = Merge(session, dry, here=nodes.origin(node), keep_decided=True).run(opened.changes)
        ks, lines = kinds(), []
        for status, row in outcome.decided[:limit]:
            key = json.loads(row.key)
            after = None if row.after is None else json.loads(row.after)
            kind = ks.get(row.kind)
            lines.append(PreviewLine(
                status, describe_key(session, row.kind, key), describe_key(session, row.kind, key, "en"),
                describe_values(kind, after) if kind else "?", describe_values(kind, after, "en") if kind else "?",
                row.username, row.origin))
    finally:
        session.rollback()
    outcome.decided = []
    return Preview(opened.sender, outcome, lines)


def _yours(session: Session, origin: int) -> list[Any]:
    """The last change held here from ``origin``, by seq and digest: lets it see it is an
    older copy of itself (a backup restored) before it is told things it no longer has."""
    row = session.scalar(select(SyncChange).where(SyncChange.origin == origin, SyncChange.status != "held")
                         .order_by(SyncChange.seq.desc()).limit(1))
    return [0, ""] if row is None else [row.seq, Incoming.of(row).digest()]


def _holds(session: Session, origin: int, yours: tuple[int, str]) -> bool:
    seq, digest = yours
    if seq == 0:
        return True
    row = session.scalar(select(SyncChange).where(SyncChange.origin == origin, SyncChange.seq == seq))
    return row is not None and Incoming.of(row).digest() == digest


def _older_copy(node: SyncNode) -> Conflict:
    return Conflict(
        "دفتر تغییرهایی از این ایستگاه دارد که در این پایگاه نیست: این پایگاه از نسخهٔ پشتیبانی قدیمی‌تر "
        "بازگردانده شده است. برای این‌که شماره‌ها تکراری نشوند، این ایستگاه باید دوباره عضو شود. "
        "چیزی نوشته نشد.",
        "The office holds changes from this workstation that this database does not: it was restored from an "
        "older backup. So that numbers do not repeat, this workstation must be enrolled again. Nothing was "
        "written.", code="sync_older_copy")


def _summary(o: Outcome) -> dict[str, Any]:
    return {"applied": o.applied, "present": o.present, "repeated": o.repeated, "held": o.held,
            "conflicts": o.conflicts, "withheld": o.withheld,
            "waiting": [list(w) for w in o.waiting]}


def read_package(path: Path) -> bytes:
    return sync_package.read_bytes(Path(path))


def package_header(data: bytes) -> dict[str, Any]:
    return split(data).header
