"""The files that carry changes between the office and its workstations: a package
(``.rsp``) and an enrolment file (``.rse``). Both are one file, for a USB stick or a shared
folder, in this layout (integers big-endian)::

    offset size
     0      8   magic b"RASADSY1"
     8      4   length H of the header
    12      H   header: UTF-8 JSON, readable without any key (what it is, from whom, for whom)
    12+H    8   length C of the body
    20+H    C   body: AES-256-GCM (12-byte nonce, then ciphertext and tag) of the zlib-compressed
                contents, the header as associated data
    20+H+C 64   Ed25519 signature of every byte before it, by the sender

The signature is checked before the body is decrypted, so a changed, truncated or forged
file is refused before anything in it is read. A package is sealed with the key the
workstation and the office share since enrolment; an enrolment file with a key derived
(scrypt) from the enrolment code ``add`` prints, given to the workstation apart from the file.

The contents are a JSON document (the changes) followed by the files it carries (attached
documents, issued reports' PDFs), each found by the offset and length the JSON gives and
checked against its SHA-256 when used.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from rasad_desktop.core.errors import RasadError

MAGIC = b"RASADSY1"
FORMAT = "rasad-sync"
VERSION = 1
SIGNATURE = 64
MAX_HEADER = 64 * 1024
MAX_CONTENTS = 2 * 1024 ** 3  # what a body may inflate to (a year of an office with its attachments fits)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1


class PackageError(RasadError):
    """The file is not a package this database can take; nothing was read from it."""


# -------------------------------------------------------------------------- keys
def new_signing_key() -> bytes:
    """A new Ed25519 private key, as its 32 raw bytes."""
    return secrets.token_bytes(32)


def public_key(private: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def new_package_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def new_enrolment_code() -> str:
    """Twenty digits in four groups, to read out or copy by hand: about 66 bits."""
    digits = "".join(str(secrets.randbelow(10)) for _ in range(20))
    return "-".join(digits[i:i + 5] for i in range(0, 20, 5))


def normal_code(code: str) -> str:
    """The code's digits alone (Persian or Latin, any separators)."""
    from rasad_desktop.core.digits import localize_digits

    return "".join(ch for ch in localize_digits(code, "latin") if ch.isdigit())


def key_from_code(code: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(normal_code(code).encode())


# -------------------------------------------------------------------------- contents
@dataclass
class Contents:
    """What a body holds: a JSON-able document and the files it carries, by SHA-256."""

    doc: dict[str, Any]
    files: dict[str, bytes]

    def pack(self) -> bytes:
        index, chunks, offset = [], [], 0
        for digest, data in self.files.items():
            index.append([digest, offset, len(data)])
            chunks.append(data)
            offset += len(data)
        text = json.dumps({"doc": self.doc, "files": index}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        return struct.pack(">Q", len(text)) + text + b"".join(chunks)

    @classmethod
    def unpack(cls, raw: bytes) -> Contents:
        try:
            (n,) = struct.unpack_from(">Q", raw, 0)
            outer = json.loads(raw[8:8 + n].decode("utf-8"))
            doc, index = outer["doc"], outer["files"]
            base = 8 + n
            files = {}
            for digest, offset, length in index:
                data = raw[base + offset: base + offset + length]
                if len(data) != length or hashlib.sha256(data).hexdigest() != digest:
                    raise ValueError("a carried file does not match its hash")
                files[digest] = data
        except (struct.error, ValueError, KeyError, TypeError, UnicodeDecodeError) as err:
            raise PackageError("محتوای بسته خراب است.", f"The package's contents are damaged ({err}).",
                               code="package_damaged") from None
        if not isinstance(doc, dict):
            raise PackageError("محتوای بسته خراب است.", "The package's contents are damaged.", code="package_damaged")
        return cls(doc, files)


# -------------------------------------------------------------------------- the file
def seal(header: dict[str, Any], contents: Contents, key: bytes, signing_key: bytes) -> bytes:
    head = json.dumps({"format": FORMAT, "version": VERSION, **header}, ensure_ascii=False,
                      sort_keys=True).encode("utf-8")
    plain = zlib.compress(contents.pack(), 6)
    nonce = secrets.token_bytes(12)
    body = nonce + AESGCM(key).encrypt(nonce, plain, head)
    signed = MAGIC + struct.pack(">I", len(head)) + head + struct.pack(">Q", len(body)) + body
    return signed + Ed25519PrivateKey.from_private_bytes(signing_key).sign(signed)


@dataclass
class Sealed:
    """A package file split, its signature not yet checked and its body still sealed."""

    header: dict[str, Any]
    head: bytes
    body: bytes
    signed: bytes
    signature: bytes

    def check_signature(self, public: bytes) -> None:
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(self.signature, self.signed)
        except (InvalidSignature, ValueError):
            raise PackageError(
                "امضای بسته درست نیست: بسته پس از ساخته شدن تغییر کرده یا فرستندهٔ آن آن‌که می‌گوید نیست. "
                "چیزی از آن خوانده نشد.",
                "The package's signature does not hold: it was changed after it was made, or it is not from "
                "whom it says. Nothing was read from it.", code="package_signature") from None

    def open(self, key: bytes) -> Contents:
        """The contents; call ``check_signature`` first."""
        nonce, ciphertext = self.body[:12], self.body[12:]
        try:
            plain = AESGCM(key).decrypt(nonce, ciphertext, self.head)
        except (InvalidTag, ValueError):
            raise PackageError("بسته با کلید این پایگاه باز نشد (کد ثبت نادرست است یا بسته برای جای دیگری است).",
                               "The package does not open with this database's key (a wrong enrolment code, or "
                               "it is meant for somewhere else).", code="package_key") from None
        z = zlib.decompressobj()
        try:
            raw = z.decompress(plain, MAX_CONTENTS + 1)
        except zlib.error:
            raise PackageError("محتوای بسته خراب است.", "The package's contents are damaged.",
                               code="package_damaged") from None
        if len(raw) > MAX_CONTENTS or z.unconsumed_tail:
            raise PackageError("بسته بزرگ‌تر از اندازهٔ پذیرفتنی است.", "The package is larger than allowed.",
                               code="package_size")
        return Contents.unpack(raw)


def split(data: bytes) -> Sealed:
    """The parts of a package file, refusing anything that is not one."""
    damaged = PackageError("این فایل بستهٔ همگام‌سازی رصد نیست یا ناقص است.",
                           "This file is not a Rasad synchronisation package, or it is incomplete.",
                           code="package_damaged")
    if len(data) < len(MAGIC) + 12 + SIGNATURE or not data.startswith(MAGIC):
        raise damaged
    (h,) = struct.unpack_from(">I", data, 8)
    if h > MAX_HEADER or 12 + h + 8 + SIGNATURE > len(data):
        raise damaged
    head = data[12:12 + h]
    (c,) = struct.unpack_from(">Q", data, 12 + h)
    end = 20 + h + c
    if end + SIGNATURE != len(data) or c < 28:
        raise damaged
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise damaged from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise damaged
    if header.get("version") != VERSION:
        raise PackageError("این بسته با نسخهٔ دیگری از رصد ساخته شده است؛ هر دو طرف را به‌روز کنید.",
                           "This package was made by another version of Rasad; update both sides.",
                           code="package_version")
    return Sealed(header, head, data[20 + h:end], data[:end], data[end:])


def read_file(path: Path) -> Sealed:
    return split(read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """A package or enrolment file's bytes; one larger than any this program writes is not read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_CONTENTS + MAX_HEADER:
            raise PackageError("بسته بزرگ‌تر از اندازهٔ پذیرفتنی است.", "The package is larger than allowed.",
                               code="package_size")
        return path.read_bytes()
    except OSError as err:
        raise PackageError(f"فایل «{path.name}» خوانده نشد.", f"'{path}' could not be read: {err}",
                           code="package_read") from None
