"""The backup file: a header, then the contents (``backup_contents``) compressed and encrypted
with AES-256-GCM under a key derived from a passphrase with scrypt.

File format (integers big-endian)::

    offset size
     0      8   magic b"RASADBK1"
     8      2   format version (2; 1 is still read)
    10      1   flags: bit 0 = the payload is zlib-compressed
    11      1   key derivation: 1 = scrypt
    12      1   scrypt log2(n)
    13      1   scrypt r
    14      1   scrypt p
    15     16   salt (random)
    31     12   AES-GCM nonce (random)
    43     16   passphrase check: bytes 32..47 of the 64-byte scrypt output
    59      8   created at (Unix seconds, UTC)
    67      8   length of the plaintext (see ``backup_contents``: the database and the attachments)
    75      8   length of the ciphertext (payload + 16-byte tag)
    83      …   AES-256-GCM ciphertext, with bytes 0..82 as associated data

The plaintext is the database file followed by the files attached to requests
(``backup_contents``); a format 1 file holds the database alone.

The AES key is bytes 0..31 of the scrypt output; the check value (32..47) tells a wrong
passphrase apart from a changed file without revealing the key. The header is the
associated data, so changing any of it is detected too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import struct
import time
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

from rasad_desktop.core.digits import to_latin_digits, to_persian_digits
from rasad_desktop.core.errors import RasadError

MAGIC = b"RASADBK1"
FORMAT_VERSION = 2
FLAG_ZLIB = 0x01
KDF_SCRYPT = 1
# scrypt cost: n = 2**16, r = 8, p = 1 (64 MiB): ≈ 0.17 s on the development machine (0.36 s for
# 2**17, up to 0.7 s under load): slower office computers stay under half a second. The
# parameters are stored in each file, so raising them later keeps old backups readable.
SCRYPT_LOG2_N = 16
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_MEMORY = 1 << 30  # a header asking for more is not ours (and would exhaust memory)
_HEADER = struct.Struct(">8sHBBBBB16s12s16sQQQ")
HEADER_SIZE = _HEADER.size  # 83
MAX_PAYLOAD = (1 << 31) - 1 - 16  # AES-GCM in one call takes less than 2**31 bytes

_PASSPHRASE_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


class BackupError(RasadError):
    """A backup or restore that could not be done; nothing was changed."""


@dataclass(frozen=True)
class Header:
    flags: int
    log2_n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes
    check: bytes
    created: int
    plain_len: int
    cipher_len: int
    version: int = FORMAT_VERSION

    def pack(self) -> bytes:
        return _HEADER.pack(MAGIC, self.version, self.flags, KDF_SCRYPT, self.log2_n, self.r, self.p,
                            self.salt, self.nonce, self.check, self.created, self.plain_len, self.cipher_len)

    @property
    def created_at(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.created, dt.UTC).replace(tzinfo=None)


# ------------------------------------------------------------------------------ messages
def damaged(detail_fa: str, detail_en: str) -> BackupError:
    return BackupError(
        f"فایل پشتیبان آسیب دیده یا ناقص است ({detail_fa})؛ از آن نمی‌توان بازگرداند. "
        "پایگاه دادهٔ فعلی دست نخورد.",
        f"The backup file is damaged or incomplete ({detail_en}); it cannot be restored. "
        "The current database was not changed.",
        code="backup_damaged",
    )


def wrong_passphrase() -> BackupError:
    return BackupError(
        "عبارت عبور نادرست است، یا فایل پشتیبان پس از ساخته شدن تغییر کرده است. پایگاه دادهٔ فعلی دست نخورد.",
        "The passphrase is wrong, or the backup file was changed after it was made. "
        "The current database was not changed.",
        code="backup_passphrase",
    )


def not_a_backup() -> BackupError:
    return BackupError(
        "این فایل نسخهٔ پشتیبان رصد نیست. پایگاه دادهٔ فعلی دست نخورد.",
        "This file is not a Rasad backup. The current database was not changed.",
        code="backup_not_a_backup",
    )


def newer_program() -> BackupError:
    return BackupError(
        "این نسخهٔ پشتیبان با نسخهٔ جدیدتری از برنامه ساخته شده است؛ برای بازگرداندن آن، برنامه را "
        "به‌روز کنید. پایگاه دادهٔ فعلی دست نخورد.",
        "This backup was made by a newer version of the program; update the program to restore it. "
        "The current database was not changed.",
        code="backup_newer",
    )


# ------------------------------------------------------------------------------ the key
def passphrase_bytes(passphrase: str) -> bytes:
    """The bytes the key is derived from. Unicode is NFC-normalised, the Arabic forms of ی and
    ک become Persian and Persian/Arabic-Indic digits become Latin, so the same passphrase typed
    on another keyboard layout still opens the backup. Spaces are kept as typed."""
    text = unicodedata.normalize("NFC", passphrase).translate(_PASSPHRASE_LETTERS)
    return to_latin_digits(text).encode("utf-8")


def derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """(AES key, passphrase check value). OpenSSL's scrypt (``hashlib``) lets other threads
    run meanwhile, so a report renders while its signing key is opened; the same RFC 7914
    function as ``cryptography``'s, which stands in where Python's OpenSSL lacks it."""
    secret = passphrase_bytes(passphrase)
    if hasattr(hashlib, "scrypt"):
        out = hashlib.scrypt(secret, salt=salt, n=1 << log2_n, r=r, p=p, maxmem=MAX_SCRYPT_MEMORY + (1 << 20), dklen=64)
    else:  # pragma: no cover - every supported Python has it; kept for odd builds
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        out = Scrypt(salt=salt, length=64, n=1 << log2_n, r=r, p=p).derive(secret)
    return out[:32], out[32:48]


def kdf_seconds(log2_n: int = SCRYPT_LOG2_N) -> float:
    """How long one key derivation takes on this computer (for benchmarks and the report)."""
    start = time.perf_counter()
    derive("benchmark-passphrase", secrets.token_bytes(16), log2_n, SCRYPT_R, SCRYPT_P)
    return time.perf_counter() - start


# ------------------------------------------------------------------------------ the file
def encrypt(plain: bytes, passphrase: str, *, created: int | None = None, compress: bool = True) -> bytes:
    """A complete backup file for the plaintext ``plain`` (``backup_contents.pack``)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    payload = zlib.compress(plain, 6) if compress else plain
    if len(payload) > MAX_PAYLOAD:
        raise BackupError("پایگاه داده برای این قالب نسخهٔ پشتیبان بیش از اندازه بزرگ است.",
                          "The database is too large for this backup format.", code="backup_too_large")
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    key, check = derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    header = Header(FLAG_ZLIB if compress else 0, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, nonce, check,
                    int(time.time()) if created is None else created, len(plain), len(payload) + 16).pack()
    return header + AESGCM(key).encrypt(nonce, payload, header)


def read_header(data: bytes) -> Header:
    """The header of a backup file, or a clear error for a file that is not one or is cut short."""
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise not_a_backup()
    if len(data) < HEADER_SIZE:
        raise damaged("سرآیند فایل ناقص است", "the header is cut short")
    (_, version, flags, kdf, log2_n, r, p, salt, nonce, check, created, plain_len,
     cipher_len) = _HEADER.unpack_from(data)
    if version > FORMAT_VERSION:
        raise newer_program()
    if version < 1 or kdf != KDF_SCRYPT or flags & ~FLAG_ZLIB:
        raise damaged("سرآیند فایل نامعتبر است", "the header is not valid")
    if not (10 <= log2_n <= 24 and 1 <= r <= 32 and 1 <= p <= 16) or 128 * (1 << log2_n) * r * p > MAX_SCRYPT_MEMORY:
        raise damaged("پارامترهای کلید نامعتبر است", "the key parameters are not valid")
    actual = len(data) - HEADER_SIZE
    if actual != cipher_len or cipher_len < 16:
        raise damaged(
            f"اندازهٔ فایل با سرآیند آن نمی‌خواند: {to_persian_digits(str(actual))} بایت به جای "
            f"{to_persian_digits(str(cipher_len))}",
            f"its length does not match its header: {actual} bytes instead of {cipher_len}",
        )
    return Header(flags, log2_n, r, p, salt, nonce, check, created, plain_len, cipher_len, version)


def decrypt(data: bytes, passphrase: str) -> tuple[Header, bytes]:
    """(header, the plaintext). Raises BackupError with the reason it cannot."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = read_header(data)
    key, check = derive(passphrase, header.salt, header.log2_n, header.r, header.p)
    if not secrets.compare_digest(check, header.check):
        raise wrong_passphrase()
    try:
        payload = AESGCM(key).decrypt(header.nonce, data[HEADER_SIZE:], data[:HEADER_SIZE])
    except InvalidTag:
        # the passphrase is right (the check value matched): the contents were changed
        raise damaged("محتوای رمزشده با برچسب اصالت آن نمی‌خواند", "the encrypted contents fail their "
                      "authentication tag") from None
    if header.flags & FLAG_ZLIB:
        try:
            unpack = zlib.decompressobj()
            plain = unpack.decompress(payload, header.plain_len + 1)
        except zlib.error:
            raise damaged("فشرده‌سازی آن نامعتبر است", "its compression is not valid") from None
    else:
        plain = payload
    if len(plain) != header.plain_len:
        raise damaged("اندازهٔ پایگاه داده با سرآیند نمی‌خواند", "the database size does not match the header")
    return header, plain


def is_backup_file(path: Path) -> bool:
    """Whether ``path`` begins like a backup file (for listing a folder; nothing is checked)."""
    try:
        with path.open("rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False
