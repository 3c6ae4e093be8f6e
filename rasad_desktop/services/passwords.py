"""Password hashing (argon2id with argon2-cffi's defaults) and the password policy."""

from __future__ import annotations

import secrets
import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from rasad_desktop.core.digits import localize_digits, to_latin_digits
from rasad_desktop.services.errors import ValidationError

MIN_LENGTH = 8
MAX_LENGTH = 128
_hasher = PasswordHasher()  # argon2id, 64 MiB, t=3, p=4: above OWASP's minimum
_GENERATED_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# The first passwords any guesser tries (NIST SP 800-63B: refuse known-weak passwords rather
# than demand character classes). Compared case-insensitively, digits in any script.
_COMMON = frozenset("""
password password1 password123 passw0rd p@ssw0rd p@ssword iloveyou sunshine princess football
monkey letmein welcome welcome1 admin admin123 administrator qwerty qwertyui qwertyuiop qwerty123
asdfghjk asdfghjkl zxcvbnm1 1q2w3e4r 1q2w3e4r5t 1qaz2wsx qazwsxedc abc12345 abcd1234 aa123456
changeme trustno1 dragon1234 baseball superman michael1 master12 computer internet
iran1234 tehran123 rasad123 rasad1234 yaali110 ya110110 mohammad ali12345 reza1234 maryam123
""".split())
_RUNS = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    except UnicodeEncodeError:  # a broken character pasted in (a lone surrogate) matches no password
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def generate_password(length: int = 12) -> str:
    """A random password without look-alike characters (0/O, 1/l/I), with a digit."""
    while True:
        pw = "".join(secrets.choice(_GENERATED_ALPHABET) for _ in range(length))
        if any(c.isdigit() for c in pw) and any(c.isalpha() for c in pw):
            return pw


def check_policy(password: str, username: str = "") -> None:
    """At least 8 characters, not one repeated character, not a common password or a simple
    sequence, not the user name."""
    if not isinstance(password, str) or len(password) < MIN_LENGTH:
        raise ValidationError(
            f"گذرواژه باید دست‌کم {localize_digits(str(MIN_LENGTH))} نویسه باشد.",
            f"The password must have at least {MIN_LENGTH} characters.",
            code="password_short",
        )
    if len(password) > MAX_LENGTH:
        raise ValidationError(
            "گذرواژه بیش از حد طولانی است.", "The password is too long.", code="password_long"
        )
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in password):  # ZWNJ (Cf) is a letter here
        raise ValidationError(
            "گذرواژه نویسه‌ای نامعتبر یا ناپیدا دارد؛ آن را دوباره تایپ کنید.",
            "The password holds an invalid or invisible character; type it again.",
            code="password_character",
        )
    if len(set(password)) == 1 or password.strip() == "":
        raise ValidationError(
            "گذرواژه نباید فقط از یک نویسهٔ تکراری یا فاصله باشد.",
            "The password must not be a single repeated character or blank.",
            code="password_weak",
        )
    folded = to_latin_digits(password).casefold()
    if folded in _COMMON or _is_run(folded):
        raise ValidationError(
            "این گذرواژه از رایج‌ترین گذرواژه‌ها یا یک رشتهٔ پیاپی است و به‌آسانی حدس زده می‌شود.",
            "This password is one of the most common ones or a simple sequence, and easy to guess.",
            code="password_common",
        )
    if username and password.casefold() == username.casefold():
        raise ValidationError(
            "گذرواژه نباید با نام کاربری یکی باشد.",
            "The password must differ from the user name.",
            code="password_username",
        )


def _is_run(text: str) -> bool:
    """A stretch of one keyboard or alphabet row, forwards or backwards (12345678, 987654321)."""
    return any(text in row or text in row[::-1] for row in _RUNS)
