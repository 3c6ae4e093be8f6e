"""The certificates reports are signed with and verified against.

By default an issued report is signed with the office certificate: Rasad makes it the
first time a report is issued, and seals its key with the passphrase the person issuing
types (scrypt and AES-GCM, as a backup is sealed: ``backup_container``). An official may
sign with their own certificate instead (a PKCS#12 file and its password). Verifying
trusts the office's certificates and the ones imported (another office's, or the CA that
issued an official's certificate).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import to_persian_digits
from rasad_desktop.db.models import SigningCertificate
from rasad_desktop.reports import signature
from rasad_desktop.services.errors import NotFound, ValidationError
from rasad_desktop.services.roles import Actor, Permission, require
from rasad_desktop.services.uow import Audit, writing

MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class Credentials:
    """What the person issuing brings: the passphrase of the office certificate, or an
    official's own PKCS#12 file with its password."""

    passphrase: str
    pkcs12: bytes | None = None

    def __repr__(self) -> str:  # never print a passphrase into a log or a traceback
        return f"Credentials(pkcs12={'yes' if self.pkcs12 else 'no'})"


def wrong_passphrase() -> ValidationError:
    return ValidationError("عبارت عبور امضا نادرست است؛ گزارشی صادر نشد.",
                           "The signing passphrase is wrong; no report was issued.", code="signing_passphrase")


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise ValidationError(
            f"عبارت عبور امضا باید دست‌کم {to_persian_digits(str(MIN_PASSPHRASE))} نویسه باشد.",
            f"A signing passphrase has at least {MIN_PASSPHRASE} characters.", code="signing_passphrase_short")


def office_certificate(session: Session) -> SigningCertificate | None:
    """The certificate reports are signed with by default (None before the first issue)."""
    return session.scalar(select(SigningCertificate).where(SigningCertificate.source == "office",
                                                           SigningCertificate.active.is_(True)))


def trusted(session: Session) -> list[bytes]:
    """Every certificate a signature is checked against (DER): those whose adding the audit
    trail records intact, so a row slipped into the table by hand is not trusted."""
    from rasad_desktop.services.audit import intact_record

    rows = session.execute(select(SigningCertificate.fingerprint, SigningCertificate.certificate)
                           .order_by(SigningCertificate.id)).all()
    return [r.certificate for r in rows
            if intact_record(session, "signing.certificate", "signing_certificate", r.fingerprint,
                             newest=True) is not None]


@dataclass(frozen=True)
class Opening:
    """The office key being opened (scrypt, ~0.15 s) on a thread of its own while the
    report renders: the footer needs only the certificate's fingerprint, known at once."""

    fingerprint: str
    future: Future[signature.Identity]


def start_opening(session: Session, credentials: Credentials) -> Opening | None:
    """Begin opening the office key; None when there is none yet (the first issue makes
    it) or an official signs with their own certificate."""
    row = office_certificate(session) if credentials.pkcs12 is None else None
    if row is None:
        return None
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rasad-signing-key")
    future = pool.submit(_unseal, row.sealed_key or b"", credentials.passphrase)
    pool.shutdown(wait=False)  # the thread ends with its one task
    return Opening(row.fingerprint, future)


def identity(session: Session, actor: Actor, audit: Audit, credentials: Credentials,
             office_name: str, *, opening: Opening | None = None) -> signature.Identity:
    """The signing identity for a report being issued in the write ``audit`` belongs to.
    The office certificate is made here the first time, sealed with this passphrase.
    ``opening``: the office key already being opened (``start_opening``)."""
    if opening is not None:
        ident = opening.future.result()
        if ident.certificate.fingerprint != opening.fingerprint:  # the sealed key and its row disagree
            raise ValidationError("کلید امضای ذخیره‌شده با گواهی دفتر نمی‌خواند؛ گزارشی صادر نشد.",
                                  "The stored signing key does not match the office certificate; no report "
                                  "was issued.", code="signing_key_mismatch")
        return ident
    if credentials.pkcs12 is not None:
        try:
            ident = signature.open_identity(credentials.pkcs12, credentials.passphrase)
        except signature.WrongPassphrase:
            raise ValidationError("فایل گواهی امضا با این رمز باز نشد؛ گزارشی صادر نشد.",
                                  "The certificate file does not open with this password; no report was issued.",
                                  code="pkcs12_password") from None
        _remember(session, actor, audit, ident.certificate, "official")
        return ident
    row = office_certificate(session)
    if row is None:
        check_passphrase(credentials.passphrase)
        return _new_office(session, actor, audit, credentials.passphrase, office_name)
    return _unseal(row.sealed_key or b"", credentials.passphrase)


def _new_office(session: Session, actor: Actor, audit: Audit, passphrase: str, office_name: str) -> signature.Identity:
    bundle = signature.new_certificate(office_name)
    ident = signature.open_bundle(bundle)
    _remember(session, actor, audit, ident.certificate, "office", sealed=_seal(bundle, passphrase))
    return ident


def _row(session: Session, fingerprint: str) -> SigningCertificate:
    return session.scalars(select(SigningCertificate).where(SigningCertificate.fingerprint == fingerprint)).one()


def _seal(bundle: bytes, passphrase: str) -> bytes:
    from rasad_desktop.formats import backup_container

    return backup_container.encrypt(bundle, passphrase, compress=False)


def _unseal(sealed: bytes, passphrase: str) -> signature.Identity:
    from rasad_desktop.formats import backup_container

    try:
        _, bundle = backup_container.decrypt(sealed, passphrase)
    except backup_container.BackupError:
        raise wrong_passphrase() from None
    return signature.open_bundle(bundle)


def _remember(session: Session, actor: Actor, audit: Audit, cert: signature.Certificate, source: str,
              *, sealed: bytes | None = None) -> SigningCertificate:
    row = session.scalar(select(SigningCertificate).where(SigningCertificate.fingerprint == cert.fingerprint))
    if row is not None:
        return row  # already known: an official signing again
    row = SigningCertificate(fingerprint=cert.fingerprint, certificate=cert.der, subject=cert.subject[:300],
                             source=source, sealed_key=sealed, active=sealed is not None, added_by=actor.username)
    session.add(row)
    audit.record("signing.certificate", "signing_certificate", cert.fingerprint,
                 after={"subject": row.subject, "source": source})
    return row


def new_office_certificate(session: Session, actor: Actor, passphrase: str, office_name: str) -> SigningCertificate:
    """Replace the office certificate (a forgotten passphrase, a key that may have leaked).
    The old one stays trusted, so the reports it signed still verify."""
    check_passphrase(passphrase)
    with writing(session, actor, Permission.MANAGE_SETTINGS) as audit:
        session.execute(update(SigningCertificate).where(SigningCertificate.source == "office")
                        .values(active=False))
        ident = _new_office(session, actor, audit, passphrase, office_name)
    return _row(session, ident.certificate.fingerprint)


def import_certificate(session: Session, actor: Actor, data: bytes) -> SigningCertificate:
    """Trust a certificate (PEM or DER): another office's, or an official's CA."""
    try:
        cert = signature.Certificate.load(data)
    except ValueError:
        raise ValidationError("این فایل گواهی (PEM یا DER) نیست.", "This file is not a certificate (PEM or DER).",
                              code="certificate_file") from None
    from rasad_desktop.services.audit import intact_record

    with writing(session, actor, Permission.MANAGE_SETTINGS) as audit:
        existing = session.scalar(select(SigningCertificate)
                                  .where(SigningCertificate.fingerprint == cert.fingerprint))
        if existing is None:
            return _remember(session, actor, audit, cert, "imported")
        if intact_record(session, "signing.certificate", "signing_certificate", cert.fingerprint,
                         newest=True) is None:
            # a row with no (intact) record of who added it is trusted only once someone vouches for it
            audit.record("signing.certificate", "signing_certificate", cert.fingerprint,
                         after={"subject": existing.subject, "source": existing.source, "vouched": True})
        else:
            audit.nothing_changed()
        return existing


def export_certificate(session: Session, actor: Actor) -> bytes:
    """The office certificate in PEM, to send to the reports' recipients."""
    require(actor, Permission.VIEW)
    row = office_certificate(session)
    if row is None:
        raise NotFound("این دفتر هنوز گواهی امضا ندارد؛ با صدور نخستین گزارش ساخته می‌شود.",
                       "This office has no signing certificate yet; it is made when the first report is issued.",
                       code="no_certificate")
    return signature.Certificate.load(row.certificate).pem
