"""Personal data sealed at rest: a requester's national ID and mobile are stored as
AES-256-GCM ciphertext under the office's key (``services.personal``), never in clear.

The nonce is derived from the key, the field and the value (a synthetic IV, as in
AES-SIV): the same value seals to the same text in every database of the office, so a
workstation and the office that sealed a row independently agree on it, and the merge of
their packages compares like with like. The price, said here once: two requests with the
same national ID have the same ciphertext (equality shows, the value does not).
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "s1:"
KEY_BYTES = 32


class SealError(ValueError):
    """Sealed text this key cannot open (another office's key, or altered)."""


def is_sealed(stored: str | None) -> bool:
    return isinstance(stored, str) and stored.startswith(PREFIX)


def seal(key: bytes, field: str, value: str) -> str:
    data = value.encode("utf-8")
    nonce = hmac.new(key, b"nonce\0" + field.encode() + b"\0" + data, hashlib.sha256).digest()[:12]
    sealed = AESGCM(key).encrypt(nonce, data, field.encode())
    return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")


def open_sealed(key: bytes, field: str, stored: str) -> str:
    """The value ``seal`` sealed; text stored before sealing is returned as it is."""
    if not is_sealed(stored):
        return stored
    try:
        raw = base64.urlsafe_b64decode(stored[len(PREFIX):].encode("ascii"))
        return AESGCM(key).decrypt(raw[:12], raw[12:], field.encode()).decode("utf-8")
    except (InvalidTag, ValueError, UnicodeDecodeError) as exc:
        raise SealError("sealed text does not open with this key") from exc


def factor_digest(key: bytes, tracking_code: str, last4: str) -> str:
    """What a lookup's second factor (the mobile's last four digits) is checked against
    where the key is withheld: SHA-256 over the key, the code and the digits — the same
    formula the server's ``rasad_factor_matches`` computes (``db.server_setup``)."""
    return hashlib.sha256(key + f"rasad-factor:{tracking_code}:{last4}".encode()).hexdigest()
