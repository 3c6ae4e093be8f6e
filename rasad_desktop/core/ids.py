"""Identifiers: national ID (کد ملی), legal-entity ID (شناسه ملی), tracking codes.

Tracking code (کد پیگیری) design
--------------------------------
``YYMMDD-SSNNNN-C`` — 13 digits, printed in three groups so it can be read out on the
phone: the Jalali registration date (two-digit year), a two-digit workstation number
SS (each offline workstation gets its own, so two of them registering at the same
moment still produce different codes), a four-digit daily serial NNNN, and a check
digit C. Example: ۰۴۰۹۳۰-۰۳۰۰۱۲-۸.

The check digit is Damm's algorithm (a totally anti-symmetric quasigroup of order 10):
unlike a mod-11 digit it is always 0–9 (no «X», no skipped serials), and it detects
every single wrong digit and every swap of two adjacent digits, the check digit
included. ``tests/core/test_ids.py`` proves both exhaustively for the table.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rasad_desktop.core.digits import localize_digits, to_latin_digits
from rasad_desktop.core.errors import RasadError
from rasad_desktop.core.jalali import to_jalali


class IdError(RasadError):
    """An identifier that is malformed or fails its check digit."""


def _digits_only(text: str) -> str:
    s = to_latin_digits(str(text)).strip()
    return re.sub(r"[\s\-\u200c\u200e\u200f]", "", s)


# --------------------------------------------------------------------- national ID
def national_id_check_digit(first_nine: str) -> int:
    """Σ dᵢ·(10−i) for i = 0..8 mod 11 = r; the check digit is r if r < 2 else 11 − r."""
    r = sum(int(d) * (10 - i) for i, d in enumerate(first_nine)) % 11
    return r if r < 2 else 11 - r


def is_valid_national_id(text: str) -> bool:
    s = _digits_only(text)
    if not re.fullmatch(r"[0-9]{10}", s) or len(set(s)) == 1:
        return False
    return national_id_check_digit(s[:9]) == int(s[9])


def _checked(text: str, length: int, valid: Callable[[str], bool], kind_fa: str, kind_en: str, code: str) -> str:
    s = _digits_only(text)
    if not re.fullmatch(f"[0-9]{{{length}}}", s):
        raise IdError(
            f"{kind_fa} باید {localize_digits(str(length))} رقم باشد.",
            f"A {kind_en} has exactly {length} digits.",
            code=f"{code}_length",
        )
    if not valid(s):
        raise IdError(
            f"{kind_fa} «{localize_digits(s)}» معتبر نیست؛ رقم کنترل آن درست نیست.",
            f"{kind_en[0].upper() + kind_en[1:]} '{s}' is not valid: its check digit is wrong.",
            code=f"{code}_check",
        )
    return s


def validate_national_id(text: str) -> str:
    """The ten Latin digits of a valid national ID, or an IdError in Persian."""
    return _checked(text, 10, is_valid_national_id, "کد ملی", "national ID", "national_id")


# ------------------------------------------------------------------ legal-entity ID
_LEGAL_WEIGHTS = (29, 27, 23, 19, 17)


def legal_id_check_digit(first_ten: str) -> int:
    """Shenase-ye melli: d = 10th digit + 2; Σ (dᵢ + d)·w[i mod 5] mod 11, 10 → 0."""
    d = int(first_ten[9]) + 2
    s = sum((int(c) + d) * _LEGAL_WEIGHTS[i % 5] for i, c in enumerate(first_ten)) % 11
    return 0 if s == 10 else s


def is_valid_legal_id(text: str) -> bool:
    s = _digits_only(text)
    if not re.fullmatch(r"[0-9]{11}", s) or int(s) == 0 or int(s[3:9]) == 0:
        return False
    return legal_id_check_digit(s[:10]) == int(s[10])


def validate_legal_id(text: str) -> str:
    """The eleven Latin digits of a valid legal-entity ID, or an IdError in Persian."""
    return _checked(text, 11, is_valid_legal_id, "شناسه ملی", "legal-entity ID", "legal_id")


# -------------------------------------------------------------------- mobile numbers
_MOBILE = re.compile(r"(?:\+98|0098|98|0)?(9[0-9]{9})")


def validate_mobile(text: str) -> str:
    """An Iranian mobile number as 09XXXXXXXXX (accepts +98, 0098, any digit form)."""
    s = re.sub(r"[\s\-()]", "", _digits_only(text))
    m = _MOBILE.fullmatch(s)
    if not m:
        raise IdError(
            "شمارهٔ همراه معتبر نیست؛ آن را به صورت ۰۹۱۲۳۴۵۶۷۸۹ وارد کنید.",
            "The mobile number is not valid; enter it like 09123456789.",
            code="mobile",
        )
    return "0" + m.group(1)


def mask_mobile(mobile: str) -> str:
    """0914•••••••: the operator's prefix only. The last four digits are the second factor
    of a request lookup (services.requests.lookup), so no mask may show them."""
    return mobile[:4] + "•••••••" if len(mobile) == 11 else "•••"


def mask_national_id(national_id: str) -> str:
    return national_id[:2] + "••••••" + national_id[-2:] if len(national_id) == 10 else "•••"


# ------------------------------------------------------------------ Damm check digit
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm_digit(digits: str) -> int:
    """The Damm interim digit of a digit string; appending it makes the result 0."""
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return interim


def damm_valid(digits: str) -> bool:
    return bool(re.fullmatch(r"[0-9]+", digits or "")) and damm_digit(digits) == 0


# ------------------------------------------------------------------- tracking codes
MAX_STATION = 99
MAX_SERIAL = 9999


@dataclass(frozen=True)
class TrackingCode:
    """A request's tracking code; see the module docstring for the layout."""

    year: int  # Jalali year, e.g. 1404
    month: int
    day: int
    station: int
    serial: int

    def __post_init__(self) -> None:
        if not 0 <= self.station <= MAX_STATION:
            raise ValueError("station must be 0..99")
        if not 1 <= self.serial <= MAX_SERIAL:
            raise ValueError("serial must be 1..9999")

    @classmethod
    def issue(cls, day: _dt.date, station: int, serial: int) -> TrackingCode:
        j = to_jalali(day)
        return cls(j.year, j.month, j.day, station, serial)

    @property
    def body(self) -> str:
        return f"{self.year % 100:02d}{self.month:02d}{self.day:02d}{self.station:02d}{self.serial:04d}"

    @property
    def digits(self) -> str:
        """All 13 digits, check digit last."""
        return self.body + str(damm_digit(self.body))

    def format(self, digits: str = "latin") -> str:
        """040930-030012-8, or with Persian digits for print."""
        d = self.digits
        return localize_digits(f"{d[:6]}-{d[6:12]}-{d[12]}", digits)

    def __str__(self) -> str:
        return self.format()

    @classmethod
    def parse(cls, text: str) -> TrackingCode:
        """Read a code as typed (any digits, with or without dashes or spaces).

        Two-digit years 70–99 are 1370–1399 and 00–69 are 1400–1469."""
        s = _digits_only(text)
        if not re.fullmatch(r"[0-9]{13}", s):
            raise IdError(
                "کد پیگیری باید سیزده رقم باشد، مانند ۰۴۰۹۳۰-۰۳۰۰۱۲-۸.",
                "A tracking code has thirteen digits, like 040930-030012-8.",
                code="tracking_length",
            )
        if not damm_valid(s):
            raise IdError(
                f"کد پیگیری «{localize_digits(s)}» نادرست است؛ لطفاً آن را دوباره بررسی کنید.",
                f"Tracking code '{s}' is not valid; please check it again.",
                code="tracking_check",
            )
        yy, mm, dd, st, serial = int(s[0:2]), int(s[2:4]), int(s[4:6]), int(s[6:8]), int(s[8:12])
        if not (1 <= mm <= 12 and 1 <= dd <= 31 and serial >= 1):
            raise IdError(
                f"کد پیگیری «{localize_digits(s)}» نادرست است.",
                f"Tracking code '{s}' is not valid.",
                code="tracking_fields",
            )
        return cls((1300 if yy >= 70 else 1400) + yy, mm, dd, st, serial)
