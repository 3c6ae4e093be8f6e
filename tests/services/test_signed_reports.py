"""Signed reports: the PAdES signature as pdfsig and pyHanko read it, and the honest
``verify`` (valid, changed after signing, altered, unknown, untrusted) against the audit
trail's record — never against ``issued_reports`` alone."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess

import pytest
from sqlalchemy import func, select, text, update

from rasad_desktop.core.amounts import Unit
from rasad_desktop.db.models import AuditLog, IssuedReport, SigningCertificate
from rasad_desktop.reports import signature
from rasad_desktop.reports.common import RenderOptions
from rasad_desktop.services import reporting, signing
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.signing import Credentials
from tests.needs import Need

OPTS = RenderOptions(unit=Unit.RIAL, office="اداره کل آزمایشی", province="آزمایش")
TODAY = dt.date(2026, 11, 25)
MONITORING = reporting.ReportRequest("monitoring", 1404, 6, unit=Unit.RIAL)
SIGN = Credentials("test signing passphrase")
POPPLER = Need("poppler's pdfsig is absent", "install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils)")
needs_pdfsig = POPPLER.unless(shutil.which("pdfsig") is not None)


def pdfsig(pdf: bytes, tmp_path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / f"sig-{hashlib.sha256(pdf).hexdigest()[:8]}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def pyhanko_status(pdf: bytes, trusted: list[bytes]):  # type: ignore[no-untyped-def]
    """pyHanko's own validator, as a recipient would run it (``pyhanko sign validate``)."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    sig = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    roots = [asn1_x509.Certificate.load(der) for der in trusted]
    return validate_pdf_signature(sig, ValidationContext(trust_roots=roots, allow_fetching=False))


def append_revision(pdf: bytes) -> bytes:
    """What a viewer does when someone adds a comment: an incremental update."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    note = generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/Text"),
        generic.NameObject("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (50, 50, 70, 70)]),
        generic.NameObject("/Contents"): generic.TextStringObject("یادداشت خواننده"),
    })
    page[generic.NameObject("/Annots")] = generic.ArrayObject([w.add_object(note)])
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def test_an_issued_report_is_signed_with_the_office_certificate_made_at_the_first_issue(session, tiny, admin):
    assert signing.office_certificate(session) is None
    first = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    cert = signing.office_certificate(session)
    assert cert is not None and cert.sealed_key and cert.sealed_key.find(b"rasad-office") == -1  # sealed, not plain
    found = signature.inspect(first.pdf, signing.trusted(session))
    assert (found.signed, found.intact, found.whole_file, found.trusted) == (True, True, True, True)
    assert found.signer.fingerprint == cert.fingerprint and found.signer.subject == OPTS.office
    assert found.signed_bytes == first.pdf  # the signature covers the whole file as issued
    # the second report is signed with the same certificate, opened with the same passphrase
    second = reporting.issue(session, admin, reporting.ReportRequest("letter", 1404, 6), OPTS, today=TODAY,
                             credentials=SIGN)
    assert signature.inspect(second.pdf).signer.fingerprint == cert.fingerprint
    assert session.scalar(select(func.count()).select_from(SigningCertificate)) == 1
    # the footer prints the fingerprint the recipients compare
    assert signature.grouped(cert.fingerprint)[:9].encode() not in first.pdf  # drawn as glyphs, not raw text…
    made = session.scalar(select(AuditLog).where(AuditLog.action == "signing.certificate"))
    assert made is not None and made.entity_id == cert.fingerprint  # …and the audit trail names it


def test_a_wrong_passphrase_issues_nothing(session, tiny, admin):
    reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    before = session.scalar(select(func.count()).select_from(AuditLog))
    with pytest.raises(ValidationError) as err:
        reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=Credentials("not the passphrase"))
    assert err.value.code == "signing_passphrase"
    assert session.scalar(select(func.count()).select_from(IssuedReport)) == 1
    assert session.scalar(select(func.count()).select_from(AuditLog)) == before


def test_a_sealed_key_swapped_in_the_database_signs_nothing(session, tiny, admin):
    """Someone with write access puts another key (sealed with a passphrase they know) in
    the office certificate's row: the key opened beside the render is checked against it."""
    from rasad_desktop.formats import backup_container

    reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    theirs = backup_container.encrypt(signature.new_certificate("دفتر جعلی"), "their own passphrase", compress=False)
    session.execute(update(SigningCertificate).values(sealed_key=theirs))
    session.commit()
    with pytest.raises(ValidationError) as err:
        reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=Credentials("their own passphrase"))
    assert err.value.code == "signing_key_mismatch"
    assert session.scalar(select(func.count()).select_from(IssuedReport)) == 1


def test_a_short_first_passphrase_is_refused_before_anything_is_made(session, tiny, admin):
    with pytest.raises(ValidationError) as err:
        reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=Credentials("short"))
    assert err.value.code == "signing_passphrase_short"
    assert signing.office_certificate(session) is None


@needs_pdfsig
def test_pdfsig_and_pyhanko_call_a_fresh_file_signed_and_any_change_not(session, tiny, admin, tmp_path):
    issued = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    out = pdfsig(issued.pdf, tmp_path)
    assert "Signature is Valid." in out and "Total document signed" in out, out
    assert f"Signer Certificate Common Name: {OPTS.office}" in out
    status = pyhanko_status(issued.pdf, signing.trusted(session))
    assert status.bottom_line and status.intact and status.valid and status.trusted
    # a byte of the content changed: both call the signature broken
    changed = bytearray(issued.pdf)
    at = issued.pdf.index(b"stream") + 20
    changed[at] ^= 0x01
    out = pdfsig(bytes(changed), tmp_path)
    assert "Signature is Valid." not in out, out
    assert not pyhanko_status(bytes(changed), signing.trusted(session)).intact
    # an appended revision: both say the signature no longer covers the whole file
    annotated = append_revision(issued.pdf)
    out = pdfsig(annotated, tmp_path)
    assert "Total document signed" not in out and "Signature is Valid." in out, out
    later = pyhanko_status(annotated, signing.trusted(session))
    assert later.intact and later.coverage.name == "ENTIRE_REVISION"


EVERY_KIND = [
    reporting.ReportRequest("monitoring", 1404, 6, unit=Unit.RIAL),
    reporting.ReportRequest("agency", 1404, 6, agency_code="1", unit=Unit.RIAL),
    reporting.ReportRequest("letter", 1404, 6),
    reporting.ReportRequest("circular", 1404),
    reporting.ReportRequest("comparison", 1404),
    reporting.ReportRequest("responses", 1404),
]


def test_every_issuable_kind_is_in_the_list_below():
    from rasad_desktop.services import report_kinds

    assert {r.kind for r in EVERY_KIND} == {k.key for k in report_kinds.kinds()}


@needs_pdfsig
@pytest.mark.parametrize("request_", EVERY_KIND, ids=lambda r: r.kind)
def test_every_kind_issues_signed_and_any_byte_changed_fails_both_validators(session, tiny, admin, tmp_path,
                                                                            request_):
    issued = reporting.issue(session, admin, request_, OPTS, today=TODAY, credentials=SIGN)
    out = pdfsig(issued.pdf, tmp_path)
    assert "Signature is Valid." in out and "Total document signed" in out, out
    assert pyhanko_status(issued.pdf, signing.trusted(session)).bottom_line
    assert reporting.verify(session, issued.pdf).status == "valid"
    # a byte in the middle of the signed content before the signature (the pages)
    first_range_end = int(re.search(rb"/ByteRange \[\s*0\s+([0-9]+)", issued.pdf).group(1))
    changed = bytearray(issued.pdf)
    changed[first_range_end // 2] ^= 0x20
    assert "Signature is Valid." not in pdfsig(bytes(changed), tmp_path)
    assert not pyhanko_status(bytes(changed), signing.trusted(session)).intact
    assert reporting.verify(session, bytes(changed)).status != "valid"


def test_verify_tells_every_outcome(session, tiny, admin):
    issued = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    assert reporting.verify(session, issued.pdf).status == "valid"
    assert reporting.verify(session, append_revision(issued.pdf)).status == "changed_after_signing"
    for offset in (100, len(issued.pdf) // 2, len(issued.pdf) - 40):
        tampered = bytearray(issued.pdf)
        tampered[offset] ^= 0x01
        v = reporting.verify(session, bytes(tampered))
        assert v.status != "valid", offset
    draft = reporting.draft(session, MONITORING, OPTS, today=TODAY)
    assert reporting.verify(session, draft).status == "unknown"
    assert reporting.verify(session, b"%PDF-1.4 not really").status == "unknown"


def test_the_forged_hash_attack_is_caught(session, tiny, admin):
    """Someone with write access to the database points issued_reports at a forged file."""
    issued = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    forged = bytearray(issued.pdf)
    forged[len(forged) // 3] ^= 0x01
    forged_sha = hashlib.sha256(bytes(forged)).hexdigest()
    session.execute(text("UPDATE issued_reports SET pdf_sha256 = :h WHERE id = :i"), {"h": forged_sha, "i": issued.id})
    session.commit()
    assert reporting.verify(session, bytes(forged)).status == "altered"
    genuine = reporting.verify(session, issued.pdf)
    assert genuine.status == "valid" and genuine.registry_edited
    # an unsigned forgery that names the report: the audit trail's hash decides
    unsigned = signature.inspect(issued.pdf).signed_bytes.replace(b"/ByteRange", b"/ByteRangX")
    assert reporting.verify(session, unsigned).status == "altered"


def test_editing_the_audit_record_makes_the_database_no_witness(session, tiny, admin):
    issued = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    row = session.scalar(select(AuditLog).where(AuditLog.action == "report.issue"))
    session.execute(text("UPDATE audit_log SET after = :a WHERE id = :i"),
                    {"a": row.after.replace(issued.pdf_sha256, "0" * 64), "i": row.id})
    session.commit()
    # the signature still speaks for the genuine file; the edited row is not believed
    v = reporting.verify(session, issued.pdf)
    assert v.status == "valid" and v.report is None


def test_a_fresh_install_with_only_the_certificate_verifies_a_genuine_file(session, tiny, admin, database, tmp_path):
    from rasad_desktop.db.database import Database

    issued = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    pem = signing.export_certificate(session, admin)
    other = Database.open(f"sqlite:///{(tmp_path / 'elsewhere.db').as_posix()}")
    try:
        with other.session() as s:
            assert reporting.verify(s, issued.pdf).status == "untrusted"  # signed, but by whom?
            signing.import_certificate(s, admin, pem)
            v = reporting.verify(s, issued.pdf)
            assert v.status == "valid" and v.report is None and v.signer.subject == OPTS.office
            assert v.claimed == f"{issued.number} v1" and v.anchor
            assert reporting.verify(s, append_revision(issued.pdf)).status == "changed_after_signing"
            broken = bytearray(issued.pdf)
            broken[len(broken) // 2] ^= 0x01
            assert reporting.verify(s, bytes(broken)).status == "altered"
    finally:
        other.close()


def _official_pkcs12(password: str) -> tuple[bytes, bytes]:
    """A CA (as a government CA) and an official's certificate it issued, as a PKCS#12."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Government Root CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=900))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Maryam Ahmadi")])
    leaf = (x509.CertificateBuilder().subject_name(name).issuer_name(ca_name).public_key(key.public_key())
            .serial_number(2).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=300))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(ca_key, hashes.SHA256()))
    p12 = pkcs12.serialize_key_and_certificates(b"official", key, leaf, [ca],
                                                serialization.BestAvailableEncryption(password.encode()))
    return p12, ca.public_bytes(serialization.Encoding.PEM)


def test_an_official_signs_with_their_own_certificate(session, tiny, admin, tmp_path):
    from rasad_desktop.db.database import Database

    p12, ca_pem = _official_pkcs12("official's password")
    with pytest.raises(ValidationError) as err:
        reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=Credentials("wrong", p12))
    assert err.value.code == "pkcs12_password"
    issued = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY,
                             credentials=Credentials("official's password", p12))
    v = reporting.verify(session, issued.pdf)
    assert v.status == "valid" and v.signer.subject == "Maryam Ahmadi"
    assert signing.office_certificate(session) is None  # no office certificate was needed
    other = Database.open(f"sqlite:///{(tmp_path / 'ministry.db').as_posix()}")
    try:
        with other.session() as s:
            assert reporting.verify(s, issued.pdf).status == "untrusted"
            signing.import_certificate(s, admin, ca_pem)  # the CA, not the official's own certificate
            assert reporting.verify(s, issued.pdf).status == "valid"
    finally:
        other.close()


def test_a_changed_copy_of_the_trusted_certificate_is_not_trusted():
    """pyHanko matches a self-signed root by name and key: a copy with another validity
    period (same name, same key) must still not pass for the office's certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization

    bundle = signature.new_certificate("دفتر")
    key = serialization.load_pem_private_key(bundle, None)
    original = x509.load_pem_x509_certificate(bundle[bundle.index(b"-----BEGIN CERTIFICATE-----"):])
    twin = (x509.CertificateBuilder().subject_name(original.subject).issuer_name(original.issuer)
            .public_key(key.public_key()).serial_number(original.serial_number)
            .not_valid_before(original.not_valid_before_utc)
            .not_valid_after(original.not_valid_after_utc + dt.timedelta(days=1))
            .sign(key, hashes.SHA256()))
    signer = signature.Identity(signature.Certificate.of(twin), signature._signer(key, twin, []))
    signed = signature.sign(plain_pdf(), signer, reason="test")
    trusted_der = original.public_bytes(serialization.Encoding.DER)
    found = signature.inspect(signed, [trusted_der])
    assert found.intact and not found.trusted
    assert signature.inspect(signed, [signer.certificate.der]).trusted


def test_a_certificate_slipped_into_the_table_by_hand_is_not_trusted(session, tiny, admin, database):
    """Someone with write access to the database adds their own certificate to trust."""
    from rasad_desktop.db.models import SigningCertificate

    forger = signature.open_bundle(signature.new_certificate(OPTS.office))
    session.add(SigningCertificate(fingerprint=forger.certificate.fingerprint, certificate=forger.certificate.der,
                                   subject=forger.certificate.subject, source="imported", added_by="nobody"))
    session.commit()
    assert forger.certificate.der not in signing.trusted(session)
    from rasad_desktop.services import report_kinds

    snapshot = report_kinds.gather(session, MONITORING)
    session.rollback()
    forged = signature.sign(reporting.render(MONITORING, snapshot, OPTS, number="1405/0099", issued_on=TODAY),
                            forger, reason="forged")
    assert reporting.verify(session, forged).status == "untrusted"
    draft = signature.sign(reporting.draft(session, MONITORING, OPTS, today=TODAY), forger, reason="forged")
    signing.import_certificate(session, admin, forger.certificate.pem)  # an administrator vouches for it
    assert forger.certificate.der in signing.trusted(session)
    assert reporting.verify(session, forged).status == "valid"  # now it is trusted: by the administrator
    assert reporting.verify(session, draft).status == "unknown"  # trusted, but a draft is no issued report


def plain_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(10, 10, "x")
    c.save()
    return buf.getvalue()


def test_a_file_that_cannot_be_a_report_is_told_as_what_it_is(session, tiny, admin):
    from rasad_desktop.services.verification_text import verification_lines

    issued = reporting.issue(session, admin, MONITORING, OPTS, today=TODAY, credentials=SIGN)
    draft = reporting.draft(session, MONITORING, OPTS, today=TODAY)
    cases = {"not_pdf": "یک نامهٔ معمولی".encode(), "damaged": issued.pdf[:len(issued.pdf) // 3],
             "draft": draft, "pdf": plain_pdf()}
    for expected, data in cases.items():
        found = reporting.verify(session, data)
        assert (found.status, found.file) == ("unknown", expected), expected
        head = verification_lines("fa", found)[0]
        assert head.startswith("ناشناخته"), head
    said = {k: verification_lines("en", reporting.verify(session, v))[0] for k, v in cases.items()}
    assert "not a PDF" in said["not_pdf"] and "incomplete" in said["damaged"] and "draft" in said["draft"]
    assert "another office" in said["pdf"]  # an ordinary PDF: perhaps from elsewhere
