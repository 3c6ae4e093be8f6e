"""Producing reports: drafts, issuing (numbered, frozen, stored) and verifying a file.

An issued report is never changed: it keeps its snapshot, its PDF bytes and their
SHA-256. A correction is issued as the next version of the same number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from rasad_desktop.core.amounts import Unit
from rasad_desktop.core.digits import localize_digits
from rasad_desktop.core.jalali import fiscal_month_of, format_jalali
from rasad_desktop.core.metrics import Thresholds
from rasad_desktop.db.models import AuditHead, IssuedReport, utcnow
from rasad_desktop.reports import signature
from rasad_desktop.reports.common import RenderOptions, signatories
from rasad_desktop.reports.page import Claim, PageInfo
from rasad_desktop.services import office, report_kinds, signing
from rasad_desktop.services.errors import Conflict, NotFound, ValidationError
from rasad_desktop.services.report_kinds import ReportRequest
from rasad_desktop.services.roles import Actor, Permission, require
from rasad_desktop.services.signing import Credentials
from rasad_desktop.services.sync import node as sync_node
from rasad_desktop.services.uow import writing


def render_options(session: Session, unit: Unit = Unit.MILLION, *, prepared_by: tuple[str, str] | None = None,
                   approved_by: tuple[str, str] | None = None,
                   signature_image: bytes | str | Path | None = None, issuer: Actor | None = None) -> RenderOptions:
    """What every report prints from the office settings (office and province, signature
    block with the approver's scan, status thresholds), in ``unit``. The preparer is the
    ``issuer`` (their full name and title) when they have a name, else the office's
    preparer setting. ``prepared_by`` / ``approved_by`` (name, title) and
    ``signature_image`` (the bytes, or a PNG/JPEG file) replace these for one report (the
    command line's overrides)."""
    values = office.read_settings(session, ("office_fa", "province_fa", "prepared_by_name", "prepared_by_title",
                                            "approved_by_name", "approved_by_title", "signature_image",
                                            "status_good", "status_watch"))
    image = values["signature_image"]
    if signature_image is not None:
        image = signature_image if isinstance(signature_image, bytes) else _image_file(signature_image)
        office.check_image(image)
    return RenderOptions(
        unit=unit,
        thresholds=Thresholds(values["status_good"], values["status_watch"]),
        office=values["office_fa"],
        province=values["province_fa"],
        signatories=signatories(prepared_by or _issuer(session, issuer)
                                or (values["prepared_by_name"], values["prepared_by_title"]),
                                approved_by or (values["approved_by_name"], values["approved_by_title"]), image),
        office_id=sync_node.office_id(session),
    )


def _issuer(session: Session, actor: Actor | None) -> tuple[str, str] | None:
    """(full name, title) of the user issuing, when they have a name on record."""
    from rasad_desktop.db.models import User

    if actor is None:
        return None
    user = session.scalar(select(User).where(User.username == actor.username))
    if user is None or not user.full_name.strip():
        return None
    return user.full_name.strip(), user.title.strip()


def _image_file(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        raise ValidationError(f"تصویر امضا «{path}» خوانده نشد.", f"The signature image '{path}' cannot be read.",
                              code="signature_image") from None


def content_hash(params: dict[str, Any], snapshot: dict[str, Any], number: str | None, version: int) -> str:
    canonical = json.dumps({"params": params, "snapshot": snapshot, "number": number, "version": version},
                           ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def verification_code(digest: str) -> str:
    """Twelve hex digits of the content hash in three groups: short enough to read out."""
    d = digest[:12].upper()
    return f"{d[:4]}-{d[4:8]}-{d[8:12]}"


def render(request: ReportRequest, snapshot: dict[str, Any], opts: RenderOptions, *,
           number: str | None = None, version: int = 1, issued_on: dt.date | None = None,
           signer_fingerprint: str = "", audit_anchor: str = "") -> bytes:
    """The PDF of a report; a draft (``number`` None) has no verification code or QR."""
    params = request.params()
    digest = content_hash(params, snapshot, number, version)
    info = PageInfo(
        office=opts.office,
        title=report_kinds.kind(request.kind).title_fa,
        issue_date=format_jalali(issued_on or dt.date.today()),
        number=number,
        version=version,
        verification=verification_code(digest) if number else "",
        qr_payload=f"RASAD|{number}|v{version}|{digest}" if number else "",
        content_hash=digest,
        office_id=opts.office_id,
        signer_fingerprint=signer_fingerprint,
        audit_anchor=audit_anchor,
    )
    return report_kinds.kind(request.kind).render(snapshot, info, _with_unit(opts, request.unit))


def _with_unit(opts: RenderOptions, unit: Unit) -> RenderOptions:
    from dataclasses import replace

    return replace(opts, unit=unit)


def draft(session: Session, request: ReportRequest, opts: RenderOptions | None = None, *,
          today: dt.date | None = None, issuer: Actor | None = None) -> bytes:
    """A report from the current data, not numbered and not stored; ``opts`` None: as the
    office settings say (``render_options``), with ``issuer`` as the preparer."""
    if opts is None:
        opts = render_options(session, request.unit, issuer=issuer)
    snapshot = report_kinds.gather(session, request)
    session.rollback()
    return render(request, snapshot, opts, issued_on=today)


def issue(session: Session, actor: Actor, request: ReportRequest, opts: RenderOptions | None = None, *,
          credentials: Credentials, correction_of: str | None = None, today: dt.date | None = None) -> IssuedReport:
    """Issue a report: a new number (or the next version of ``correction_of``), the
    figures frozen, the PDF signed (``credentials``: ``services.signing``) and stored with
    its SHA-256, all in one transaction; ``opts`` None: as the office settings say, read in
    that transaction. The PDF carries the audit chain's head before this write."""
    today = today or dt.date.today()
    with writing(session, actor, Permission.ISSUE_REPORTS) as audit:
        if sync_node.is_workstation(session):
            raise Conflict(
                "گزارش‌ها فقط در دفتر صادر می‌شوند تا شمارهٔ هر گزارش در همهٔ دفتر یکتا بماند؛ این‌جا پیش‌نویس "
                "بسازید یا گزارش را در دفتر صادر کنید.",
                "Reports are issued at the office only, so that every number stays unique office-wide; make a "
                "draft here, or issue the report at the office.", code="issue_at_office")
        opening = signing.start_opening(session, credentials)  # the key opens while the report renders
        if opts is None:
            opts = render_options(session, request.unit, issuer=actor)
        from dataclasses import replace

        opts = replace(opts, office_id=sync_node.office_id(session))  # the file names the office that issued it
        snapshot = report_kinds.gather(session, request)
        supersedes = None
        if correction_of:
            supersedes = latest_version(session, correction_of)
            if supersedes.kind != request.kind:
                raise ValidationError(
                    "اصلاحیه باید از همان نوع گزارش اصلی باشد.",
                    "A correction must be of the same kind as the report it corrects.",
                    code="correction_kind",
                )
            issue_year, serial, version = supersedes.issue_year, supersedes.serial, supersedes.version + 1
        else:
            issue_year = fiscal_month_of(today)[0]
            last = session.scalar(select(func.max(IssuedReport.serial)).where(IssuedReport.issue_year == issue_year))
            serial, version = (last or 0) + 1, 1
        number = f"{issue_year}/{serial:04d}"
        params = request.params()
        office_name = opts.office or office.office_name(session)
        if opening is None:  # made now (the first issue), or an official's own
            early = signing.identity(session, actor, audit, credentials, office_name)
            fingerprint = early.certificate.fingerprint
        else:
            fingerprint = opening.fingerprint
        head = session.get(AuditHead, 1)
        anchor = f"{head.last_id}:{head.last_hash}" if head is not None and head.last_hash else ""
        pdf = render(request, snapshot, opts, number=number, version=version, issued_on=today,
                     signer_fingerprint=fingerprint, audit_anchor=anchor)
        ident = early if opening is None else signing.identity(session, actor, audit, credentials, office_name,
                                                               opening=opening)
        pdf = signature.sign(pdf, ident, reason=f"صدور گزارش {localize_digits(number)}", location=opts.province)
        digest = content_hash(params, snapshot, number, version)
        row = IssuedReport(
            number=number, issue_year=issue_year, serial=serial, version=version, kind=request.kind,
            params=json.dumps(params, ensure_ascii=False, sort_keys=True),
            snapshot=json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
            content_hash=digest, pdf=pdf, pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            verification_code=verification_code(digest), issued_by=actor.username, issued_at=utcnow(),
            supersedes_id=supersedes.id if supersedes else None,
        )
        session.add(row)
        session.flush()
        audit.record("report.issue", "issued_report", f"{number} v{version}",
                     after={"kind": request.kind, "params": params, "pdf_sha256": row.pdf_sha256,
                            "signer": ident.certificate.fingerprint})
    return row


def latest_version(session: Session, number: str) -> IssuedReport:
    number = localize_digits(number.strip(), "latin")
    row = session.scalar(select(IssuedReport).where(IssuedReport.number == number)
                         .order_by(IssuedReport.version.desc()))
    if row is None:
        raise NotFound(f"گزارشی با شمارهٔ {localize_digits(number)} صادر نشده است.",
                       f"No report with number {number} was issued.", code="report_missing")
    return row


def issued_pdf(session: Session, actor: Actor, report_id: int) -> bytes:
    """The exact bytes of an issued report, as it was issued."""
    require(actor, Permission.VIEW)
    pdf = session.scalar(select(IssuedReport.pdf).where(IssuedReport.id == report_id))
    if pdf is None:
        raise NotFound("این گزارش صادرشده پیدا نشد.", "This issued report was not found.", code="report_missing")
    return pdf


@dataclass(frozen=True)
class IssuedRow:
    """One issued report as lists show it: number, version, kind, period, who and when."""

    id: int
    number: str
    version: int
    kind: str
    issued_at: dt.datetime  # UTC, as stored
    issued_by: str
    verification_code: str
    year: int | None = None
    through_month: int | None = None
    agency: str | None = None

    @classmethod
    def of(cls, report: IssuedReport) -> IssuedRow:
        """An issued report's row (its PDF is not touched)."""
        try:
            params = json.loads(report.params or "{}")
        except ValueError:
            params = {}
        return cls(report.id, report.number, report.version, report.kind, report.issued_at, report.issued_by,
                   report.verification_code, params.get("year"), params.get("through_month"), params.get("agency"))

    @property
    def local_issued_at(self) -> dt.datetime:
        return self.issued_at.replace(tzinfo=dt.UTC).astimezone()

    @property
    def file_name(self) -> str:
        return f"report-{self.number.replace('/', '-')}-v{self.version}.pdf"



def issued_rows(session: Session) -> list[IssuedRow]:
    """Every issued report as a row, newest first."""
    return [IssuedRow.of(r) for r in issued_reports(session)]


def issued_reports(session: Session) -> list[IssuedReport]:
    """All issued reports, newest first, without loading their PDF bytes."""
    return list(session.scalars(select(IssuedReport).options(defer(IssuedReport.pdf))
                                .order_by(IssuedReport.issued_at.desc(), IssuedReport.id.desc())))


STATUSES = ("valid", "changed_after_signing", "altered", "unknown", "untrusted")


@dataclass(frozen=True)
class Verification:
    """What ``verify`` found. ``status``: valid; changed_after_signing (the signed content is
    intact, something was appended after it: a viewer's comment, or a page drawn over it);
    altered; unknown (not a report this database or a trusted certificate knows); untrusted
    (intact, but signed with a certificate not trusted here)."""

    status: str
    report: IssuedReport | None  # this database's record of it, when it has one
    claimed: str | None  # what the file says it is, e.g. "1405/0012 v1"
    latest_version: int | None = None
    signer: signature.Certificate | None = None
    signed_at: dt.datetime | None = None
    anchor: str | None = None  # the audit chain's head it carries, «row:hash»
    registry_edited: bool = False  # issued_reports disagrees with the audit trail's record
    file: str = "pdf"  # for "unknown", what the file is: pdf, not_pdf, damaged (cut short), draft


def _what_file(pdf: bytes) -> str:
    if b"%PDF-" not in pdf[:1024]:
        return "not_pdf"
    if b"%%EOF" not in pdf[-1024:]:
        return "damaged"  # a PDF ends with %%EOF: this one was cut short (or is not whole)
    return "draft" if re.search(rb"rasad:draft:v[0-9]+:[0-9a-f]{64}", pdf) else "pdf"


def verify(session: Session, pdf: bytes) -> Verification:
    """Is this file a report as it was issued? Its signature is checked against the
    trusted certificates, and the file as signed against the SHA-256 that the audit
    trail's hash-chained ``report.issue`` row holds (never against ``issued_reports``
    alone, which anyone able to write to the database could change)."""
    from dataclasses import replace

    found = signature.inspect(pdf, signing.trusted(session))
    claim = Claim.find(found.signed_bytes)
    record = _issued_record(session, claim) if claim else None
    base = Verification("unknown", None, claim.label if claim else None, signer=found.signer,
                        signed_at=found.signed_at, anchor=claim.anchor if claim else None)
    if claim is not None and record is not None:
        latest = session.scalar(select(func.max(IssuedReport.version)).where(IssuedReport.number == claim.number))
        base = replace(base, report=record.report, latest_version=latest, registry_edited=record.registry_edited)
    if found.signed and not found.intact:
        return replace(base, status="altered")
    if claim is None:  # not an issued report (a draft, another PDF), whoever signed it
        return replace(base, file=_what_file(pdf))
    if record is not None:  # this database issued it: the file must be that file
        if hashlib.sha256(found.signed_bytes).hexdigest() != record.sha256:
            return replace(base, status="altered")
        return replace(base, status="valid" if not found.signed or found.whole_file else "changed_after_signing")
    if not found.signed:
        return replace(base, file=_what_file(pdf))
    if not found.trusted:
        return replace(base, status="untrusted")
    return replace(base, status="valid" if found.whole_file else "changed_after_signing")


@dataclass(frozen=True)
class _Record:
    report: IssuedReport | None
    sha256: str  # of the file as issued
    registry_edited: bool


def _issued_record(session: Session, claim: Claim) -> _Record | None:
    """This database's record of the claimed report: the SHA-256 from the audit trail's
    ``report.issue`` row when that row is intact; on a workstation, which holds the
    office's reports but not its audit trail, the registry copy it was sent."""
    from rasad_desktop.services.audit import issue_record

    if claim.office_id is not None and claim.office_id != sync_node.office_id(session):
        return None
    report = session.scalar(select(IssuedReport).options(defer(IssuedReport.pdf)).where(
        IssuedReport.number == claim.number, IssuedReport.version == claim.version)
        .execution_options(populate_existing=True))
    audited = issue_record(session, claim.label)
    if audited is not None:
        return _Record(report, audited, report is None or report.pdf_sha256 != audited)
    if report is not None and sync_node.is_workstation(session):
        return _Record(report, report.pdf_sha256, False)
    return None  # a registry row with no intact audit record is not evidence
