"""Files attached to requests and complaints: checked (size, and the whole structure of
their type — ``formats.attachment_check`` —, not just the name or the first bytes), copied
into the data folder under a random name and flushed to the disk before the commit (and
removed if the commit fails), recorded with their SHA-256."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.config import attachments_dir
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.models import RequestAttachment, RequestEvent, ServiceRequest, utcnow
from rasad_desktop.formats import atomic, attachment_check
from rasad_desktop.services import office, validate
from rasad_desktop.services.errors import NotFound, ValidationError
from rasad_desktop.services.requests import _find
from rasad_desktop.services.roles import Actor, Permission, require
from rasad_desktop.services.uow import writing

# extension → (media type, how the file must begin)
TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".txt": ("text/plain", ()),
}


@dataclass(frozen=True)
class AttachmentView:
    id: int
    file_name: str
    size: int
    sha256: str
    media_type: str
    added_at: dt.datetime
    added_by: str
    path: Path


def folder(data_dir: Path) -> Path:
    return attachments_dir(Path(data_dir))


def attachment_type(name: str, head: bytes, data: bytes) -> str:
    """The media type of an acceptable file (by its name, its first bytes and then its whole
    structure: ``formats.attachment_check``); refuses others with a ValidationError."""
    ext = Path(name).suffix.lower()
    if ext not in TYPES:
        raise ValidationError(
            "نوع این فایل پذیرفته نیست؛ فقط PDF، تصویر PNG یا JPEG، Word (docx)، Excel (xlsx) و متن (txt).",
            "This kind of file is not accepted: only PDF, PNG or JPEG images, Word (docx), Excel (xlsx) and text.",
            code="attachment_type",
        )
    media, magics = TYPES[ext]
    if magics and not any(head.startswith(m) for m in magics):
        raise ValidationError(
            f"محتوای فایل «{name}» با پسوند آن ({ext}) نمی‌خواند؛ فایل پذیرفته نشد.",
            f"The content of '{name}' does not match its extension ({ext}); it was not accepted.",
            code="attachment_content",
        )
    try:
        attachment_check.check(ext, name, data)
    except attachment_check.Refused as err:
        raise ValidationError(err.message_fa, err.message_en, code=err.code) from None
    return media


def add_attachment(session: Session, actor: Actor, tracking_code: str, source: Path, data_dir: Path,
                   *, now: dt.datetime | None = None) -> AttachmentView:
    """Copy ``source`` into the data folder and attach it to the request. The copy (one, under
    a random name) is on the disk before the commit; if anything fails after it was written —
    the audit, the flush, the commit — it is removed again."""
    now = now or utcnow()
    stored_path: Path | None = None
    committed = False
    try:
        with writing(session, actor, Permission.MANAGE_REQUESTS) as audit:
            row = _find(session, tracking_code)
            source = Path(source)
            name = validate.text(source.name, "نام فایل", "File name", max_len=255)
            limit = office.get(session, "attachment_max_mb") * 1024 * 1024
            try:
                size = source.stat().st_size
                if size > limit:
                    raise _too_large(limit)
                data = source.read_bytes()
            except OSError as err:
                raise ValidationError(f"فایل «{name}» خوانده نشد.", f"'{name}' could not be read: {err}",
                                      code="attachment_read") from None
            if not data:
                raise ValidationError("فایل خالی است.", "The file is empty.", code="attachment_empty")
            if len(data) > limit:  # grew between stat and read
                raise _too_large(limit)
            media = attachment_type(name, data[:16], data)
            stored = f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"
            target_dir = folder(data_dir)
            stored_path = target_dir / stored
            atomic.write_bytes(stored_path, data)  # flushed (file and folder) before the commit
            digest = hashlib.sha256(data).hexdigest()
            att = RequestAttachment(request_id=row.id, file_name=name, stored_name=stored, size=len(data),
                                    sha256=digest, media_type=media, added_at=now, added_by=actor.username)
            session.add(att)
            session.add(RequestEvent(request_id=row.id, at=now, username=actor.username, action="attachment",
                                     text=name))
            session.flush()
            audit.record("request.attachment", "service_request", row.tracking_code,
                         after={"file": name, "size": len(data), "sha256": digest})
            view = AttachmentView(att.id, name, len(data), digest, media, now, actor.username, stored_path)
        committed = True  # ``writing`` commits as its block ends
    except BaseException:
        if stored_path is not None and not committed:
            _remove(stored_path)
        raise
    return view


def _too_large(limit: int) -> ValidationError:
    return ValidationError(f"حجم فایل بیش از {localize_digits(str(limit // (1024 * 1024)))} مگابایت است.",
                           f"The file is larger than {limit // (1024 * 1024)} MB.", code="attachment_size")


def _remove(path: Path) -> None:
    """Delete a copy whose database row was not committed (an orphan otherwise)."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        return
    atomic.fsync_dir(path.parent)


def attachments(session: Session, actor: Actor, tracking_code: str, data_dir: Path) -> list[AttachmentView]:
    require(actor, Permission.VIEW_REQUESTS)
    row = _find(session, tracking_code)
    q = select(RequestAttachment).where(RequestAttachment.request_id == row.id).order_by(RequestAttachment.id)
    return [AttachmentView(a.id, a.file_name, a.size, a.sha256, a.media_type, a.added_at, a.added_by,
                           folder(data_dir) / a.stored_name) for a in session.scalars(q)]


def open_attachment(session: Session, actor: Actor, attachment_id: int, data_dir: Path) -> bytes:
    """The attachment's bytes, checked against the SHA-256 recorded when it was added.
    Attachments may hold personal data: staff only."""
    require(actor, Permission.VIEW_PERSONAL_DATA)
    att = session.get(RequestAttachment, attachment_id)
    if att is None or session.get(ServiceRequest, att.request_id) is None:
        raise NotFound("پیوست پیدا نشد.", "Attachment not found.", code="attachment_missing")
    try:
        data = (folder(data_dir) / att.stored_name).read_bytes()
    except OSError:
        raise NotFound(f"فایل پیوست «{att.file_name}» در پوشهٔ داده نیست.",
                       f"The attachment '{att.file_name}' is missing from the data folder.",
                       code="attachment_file") from None
    if hashlib.sha256(data).hexdigest() != att.sha256:
        raise ValidationError(f"فایل پیوست «{att.file_name}» پس از ثبت تغییر کرده است.",
                              f"The attachment '{att.file_name}' was changed after it was added.",
                              code="attachment_changed")
    return data
