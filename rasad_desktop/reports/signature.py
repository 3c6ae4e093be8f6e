"""PAdES signatures on issued reports (pyHanko), and what a signed file says of itself.

An issued report is signed with a certificate from a PKCS#12 file: an official's own, or
the office certificate Rasad creates once (``new_certificate``), its key protected by a
passphrase. The signature covers the whole file as issued; a later change either breaks
it (``intact`` False) or is an incremental update after it (``whole_file`` False), and
the bytes the signature covers are the file as issued (``signed_bytes``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

FIELD = "RasadSignature"
MAX_VERIFY_BYTES = 64 * 1024 * 1024  # a report is well under 5 MB; a larger file is not parsed
_CN_CHARS = 64  # RFC 5280 ub-common-name, in characters


class WrongPassphrase(Exception):
    """The PKCS#12 file could not be opened with this passphrase (or is not one)."""


@dataclass(frozen=True)
class Certificate:
    der: bytes
    subject: str  # the common name (or the whole subject when it has none)
    not_after: dt.datetime

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate, as pdfsig and pyHanko print it (lower-case hex)."""
        return hashlib.sha256(self.der).hexdigest()

    @property
    def pem(self) -> bytes:
        return x509.load_der_x509_certificate(self.der).public_bytes(serialization.Encoding.PEM)

    @classmethod
    def load(cls, data: bytes) -> Certificate:
        """A certificate from PEM or DER bytes; ValueError if it is neither."""
        cert = (x509.load_pem_x509_certificate(data) if data.lstrip().startswith(b"-----BEGIN")
                else x509.load_der_x509_certificate(data))
        return cls.of(cert)

    @classmethod
    def of(cls, cert: x509.Certificate) -> Certificate:
        import warnings

        with warnings.catch_warnings():  # a common name over 64 UTF-8 bytes (see _common_name)
            warnings.simplefilter("ignore", UserWarning)
            names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
            subject = str(names[0].value) if names else cert.subject.rfc4514_string()
        return cls(cert.public_bytes(serialization.Encoding.DER), subject, cert.not_valid_after_utc)


def grouped(fingerprint: str, groups: int | None = None) -> str:
    """«F4D3 482A …»: four hex digits per group, to read out and compare by eye."""
    parts = [fingerprint[i:i + 4].upper() for i in range(0, len(fingerprint), 4)]
    return " ".join(parts[:groups] if groups else parts)


def new_certificate(name: str, *, years: int = 20) -> bytes:
    """A self-signed signing certificate for the office with its key: the key (PKCS#8) and
    the certificate in PEM, unencrypted (the caller seals them: ``services.signing``)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    # cryptography counts the 64 of a common name in UTF-8 bytes, RFC 5280 in characters:
    # a Persian office name of 40 letters is a valid common name
    subject = x509.Name([
        _common_name(name),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Rasad"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "IR"),
    ])
    now = dt.datetime.now(dt.UTC)
    usage = x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                          encipher_only=False, decipher_only=False)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365 * years))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage, critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return key_pem + cert.public_bytes(serialization.Encoding.PEM)


def open_bundle(data: bytes) -> Identity:
    """The identity from ``new_certificate``'s PEM bundle. The key's consistency checks
    (0.1 s for RSA-3072) are skipped: the bundle comes out of an authenticated seal."""
    key = serialization.load_pem_private_key(data, None, unsafe_skip_rsa_key_validation=True)
    cert = x509.load_pem_x509_certificate(data[data.index(b"-----BEGIN CERTIFICATE-----"):])
    return Identity(Certificate.of(cert), _signer(key, cert, []))


def _common_name(name: str) -> x509.NameAttribute:
    import warnings

    with warnings.catch_warnings():  # the byte count it warns about is cryptography's, not the RFC's
        warnings.simplefilter("ignore", UserWarning)
        return x509.NameAttribute(NameOID.COMMON_NAME, name[:_CN_CHARS].strip() or "Rasad", _validate=False)


@dataclass(frozen=True)
class Identity:
    """An opened PKCS#12: the certificate and a signer holding the key."""

    certificate: Certificate
    signer: object  # pyhanko.sign.signers.SimpleSigner (imported lazily: pyHanko costs ~0.3 s)


def open_identity(data: bytes, passphrase: str | None) -> Identity:
    """Open a PKCS#12 file; ``WrongPassphrase`` if the passphrase does not open it."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8") if passphrase else None)
    except ValueError:
        raise WrongPassphrase() from None
    if key is None or cert is None:
        raise WrongPassphrase()
    return Identity(Certificate.of(cert), _signer(key, cert, extra))


def _signer(key: object, cert: x509.Certificate, extra: Sequence[x509.Certificate]) -> object:
    from asn1crypto import keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    class _KeptKey(SimpleSigner):
        # pyHanko reloads the key from DER for every signature (0.1 s each for RSA-3072,
        # twice per file with the size estimate); the loaded key is kept instead
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            if mechanism == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
                algorithm = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(), "sha512": hashes.SHA512()}
                return key.sign(data, PKCS1v15(), algorithm[digest_algorithm])
            return super().sign_raw(data, digest_algorithm)

    def der(c: x509.Certificate) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))

    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,  # type: ignore[attr-defined]  # any private key type
                                serialization.NoEncryption())
    return _KeptKey(signing_cert=der(cert), signing_key=keys.PrivateKeyInfo.load(key_der),
                    cert_registry=SimpleCertificateStore.from_certs([der(c) for c in extra]))


def sign(pdf: bytes, identity: Identity, *, reason: str, location: str = "") -> bytes:
    """``pdf`` with an invisible PAdES baseline signature over all of it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        reason=reason, location=location or None,
        tight_size_estimates=True,  # no zero padding in /Contents that a byte change could hide in
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    out = signers.sign_pdf(writer, meta, signer=identity.signer)  # type: ignore[arg-type]  # a SimpleSigner
    return out.getvalue()


@dataclass(frozen=True)
class Inspection:
    """What a file's first signature says, checked against the trusted certificates."""

    signed: bool
    intact: bool = False  # the covered bytes match and the signature is cryptographically sound
    whole_file: bool = False  # nothing was appended after signing
    trusted: bool = False  # the signer's certificate chains to a trusted one
    signer: Certificate | None = None
    signed_bytes: bytes = b""  # the file as signed (the whole file when unsigned)
    signed_at: dt.datetime | None = None


def inspect(pdf: bytes, trusted: Sequence[bytes] = ()) -> Inspection:
    """Check the file's first signature (Rasad's). A file that cannot be parsed, or is not
    signed, is ``Inspection(signed=False)`` with the whole file as ``signed_bytes``."""
    unsigned = Inspection(False, signed_bytes=pdf)
    if len(pdf) > MAX_VERIFY_BYTES or not pdf.startswith(b"%PDF-"):
        return unsigned
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # a hostile file is an answer, not a log
    try:
        sigs = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except Exception:  # noqa: BLE001 - whatever a damaged file raises, it is not a readable signature
        return unsigned
    if not sigs:
        return unsigned
    sig = sigs[0]
    try:
        start_b, length_b = sig.byte_range[2], sig.byte_range[3]
        covered = pdf[:start_b + length_b]
        signer = Certificate.load(sig.signer_cert.dump())
    except Exception:  # noqa: BLE001 - a broken signature dictionary
        return Inspection(True, signed_bytes=pdf)
    roots = [asn1_x509.Certificate.load(der) for der in trusted]
    try:
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=roots, allow_fetching=False))
    except Exception:  # noqa: BLE001 - pyHanko raises on a signature it cannot even evaluate
        return Inspection(True, signer=signer, signed_bytes=covered)
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    intact = bool(status.intact and status.valid) and _no_padding(sig)
    return Inspection(
        True, intact=intact,
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        trusted=intact and bool(status.trusted) and _not_a_changed_copy(signer, trusted), signer=signer,
        signed_bytes=covered, signed_at=status.signer_reported_dt,
    )


def _not_a_changed_copy(signer: Certificate, trusted: Sequence[bytes]) -> bool:
    """pyHanko matches a self-signed trust root by name and key, so a copy of the office
    certificate with a changed byte (its dates, its name) still counts as trusted there.
    A certificate with a trusted one's key must be that certificate exactly; one issued
    by a trusted CA is covered by the CA's signature on it."""
    if signer.fingerprint in {hashlib.sha256(der).hexdigest() for der in trusted}:
        return True
    key = _public_key(signer.der)
    return all(_public_key(der) != key for der in trusted)


def _public_key(der: bytes) -> bytes:
    return x509.load_der_x509_certificate(der).public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _no_padding(sig: object) -> bool:
    """/Contents holds the CMS object and nothing after it but zeros: Rasad signs without
    padding, so a changed byte there is a change too."""
    try:
        der = bytes(sig.sig_object["/Contents"])  # type: ignore[attr-defined]  # pyHanko's EmbeddedPdfSignature
    except Exception:  # noqa: BLE001 - unreadable: not intact
        return False
    if len(der) < 2 or der[0] != 0x30:
        return False
    n = der[1]
    if n < 0x80:
        end = 2 + n
    else:
        size = n & 0x7F
        end = 2 + size + int.from_bytes(der[2:2 + size], "big")
    return end <= len(der) and not any(der[end:])
