"""User accounts: creation, sign-in with lockout, password change and administrator reset.

There is no self-service reset: a user who forgot the password asks the administrator
(service agreement), who sets a temporary one that must be changed at the next sign-in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import to_persian_digits
from rasad_desktop.db.models import User, utcnow
from rasad_desktop.services import office, server_accounts, validate
from rasad_desktop.services.errors import NotFound, ServiceError, ValidationError
from rasad_desktop.services.passwords import (
    check_policy,
    generate_password,
    hash_password,
    needs_rehash,
    verify_password,
)
from rasad_desktop.services.roles import Actor, Permission, Role
from rasad_desktop.services.uow import writing

MAX_FAILED_ATTEMPTS = 5  # defaults; the office policy (services.office) decides
LOCKOUT_MINUTES = 15
_USERNAME_RE = re.compile(r"[a-z][a-z0-9._-]{1,63}")


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A real argon2id hash of a random string: unknown users cost as much as known ones
    (made on first use, not at import: it takes about 0.1 s)."""
    return hash_password(generate_password(16))


class SignInError(ServiceError):
    pass


@dataclass(frozen=True)
class SignIn:
    actor: Actor
    full_name: str
    must_change_password: bool


def _clean_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not _USERNAME_RE.fullmatch(name):
        raise ValidationError(
            "نام کاربری باید با حرف لاتین آغاز شود و فقط حروف کوچک لاتین، رقم، نقطه، خط تیره "
            "یا زیرخط داشته باشد (۲ تا ۶۴ نویسه).",
            "A user name starts with a Latin letter and has only lowercase Latin letters, digits, "
            ". - or _ (2 to 64 characters).",
            code="username",
        )
    return name


def _user_state(u: User) -> dict[str, object]:
    return {
        "username": u.username,
        "full_name": u.full_name,
        **({"title": u.title} if u.title else {}),
        "role": u.role,
        "must_change_password": u.must_change_password,
        "locked": u.locked,
        "active": u.active,
    }


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def get_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == (username or "").strip().lower()))


def create_user(
    session: Session,
    actor: Actor,
    username: str,
    role: Role,
    password: str | None = None,
    *,
    full_name: str = "",
    title: str = "",
    must_change_password: bool | None = None,
) -> tuple[User, str | None]:
    """Create a user. Without a password one is generated, returned once, and must be
    changed at first sign-in. Returns (user, generated password or None)."""
    with writing(session, actor, Permission.MANAGE_USERS) as audit:
        name = _clean_username(username)
        if not isinstance(role, Role):
            raise ValidationError("نقش کاربر معتبر نیست.", "The role is not valid.", code="role")
        generated = None
        if password is None:
            password = generated = generate_password()
        check_policy(password, name)
        if get_user(session, name) is not None:
            raise ValidationError(
                f"کاربری با نام «{name}» از پیش وجود دارد.", f"User '{name}' already exists.", code="user_exists"
            )
        user = User(
            username=name,
            full_name=validate.text(full_name, "نام و نام خانوادگی", "Full name", max_len=200, required=False),
            title=validate.text(title, "سمت", "Title", max_len=100, required=False),
            role=role.value,
            password_hash=server_accounts.stored_hash(session, password),
            must_change_password=bool(generated) if must_change_password is None else must_change_password,
            failed_attempts=0,
            locked=False,
            active=True,
        )
        session.add(user)
        session.flush()
        server_accounts.apply(session, user, password)
        audit.record("user.create", "user", name, after=_user_state(user))
    return user, generated


def sign_in(session: Session, username: str, password: str, *, now: dt.datetime | None = None) -> SignIn:
    """Check a user name and password; five wrong passwords lock the account for fifteen
    minutes. Whoever does not know the password learns nothing about the name: an unknown,
    disabled, locked or locked-out account answers «wrong» like a wrong password, with the
    same work (one password check, one audited write). Only the right password is told
    that its account is locked."""
    now = now or utcnow()
    wrong = SignInError(
        "نام کاربری یا گذرواژه نادرست است.", "The user name or password is wrong.", code="wrong_password"
    )
    if server_accounts.per_user(session):
        return _sign_in_as_login(session, username, password, wrong)
    user = get_user(session, username)
    real = user is not None and user.active
    ok = verify_password(user.password_hash if user is not None and real else _dummy_hash(), password or "")
    if user is None or not real:
        _failed_unknown(session, username)
        raise wrong
    refusal = _locked(user, now) if ok else None
    me = Actor(username=user.username, role=Role(user.role), user_id=user.id)
    with writing(session, me, Permission.SIGN_IN) as audit:
        user = session.get(User, me.user_id, populate_existing=True)
        if user is None:
            raise wrong
        if refusal is not None or _locked(user, now) is not None:
            audit.record("user.sign_in_refused", "user", user.username,
                         after={"reason": "locked" if refusal is not None else "wrong_while_locked"})
        elif not ok:
            user.failed_attempts += 1
            if user.failed_attempts >= office.get(session, "lockout_attempts"):
                user.locked_until = now + dt.timedelta(minutes=office.get(session, "lockout_minutes"))
                user.failed_attempts = 0
                audit.record("user.lockout", "user", user.username, after={"locked_until": user.locked_until})
            else:
                audit.record("user.sign_in_failed", "user", user.username,
                             after={"failed_attempts": user.failed_attempts})
        else:
            user.failed_attempts = 0
            user.locked_until = None
            user.last_login_at = now
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            audit.record("user.sign_in", "user", user.username)
    if refusal is not None:
        raise refusal
    if not ok or _locked(user, now) is not None:
        raise wrong
    return SignIn(me, user.full_name, user.must_change_password)


def _sign_in_as_login(session: Session, username: str, password: str, wrong: SignInError) -> SignIn:
    """On a server that enforces the roles, the server checks the password (and counts
    nothing: brute force is its business, see the IT guide); the row must agree."""
    name = (username or "").strip().lower()
    try:
        server_accounts.connect(session, name, password or "")
    except server_accounts.ServerSignInError as exc:
        raise (wrong if exc.code == "wrong_password" else SignInError(exc.message_fa, exc.message_en,
                                                                        code=exc.code)) from exc
    user = get_user(session, name)
    if user is None or not user.active:
        raise wrong
    server_accounts.check_groups(session, user)
    me = Actor(username=user.username, role=Role(user.role), user_id=user.id)
    with writing(session, me, Permission.SIGN_IN) as audit:
        server_accounts.note_sign_in(session)
        audit.record("user.sign_in", "user", user.username)
    return SignIn(me, user.full_name, user.must_change_password)


def _locked(user: User, now: dt.datetime) -> SignInError | None:
    """Why this account may not sign in now (told only to whoever typed its password)."""
    if user.locked:
        return SignInError(
            "حساب کاربری شما قفل شده است؛ برای بازکردن آن با مدیر سامانه تماس بگیرید.",
            "Your account is locked; ask the administrator to unlock it.",
            code="account_locked",
        )
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        return SignInError(
            f"به دلیل ورود نادرست پیاپی، حساب شما تا {to_persian_digits(str(minutes))} دقیقهٔ دیگر قفل است.",
            f"After repeated wrong passwords your account is locked for {minutes} more minutes.",
            code="account_lockout",
        )
    return None


def _failed_unknown(session: Session, username: str) -> None:
    """A sign-in with a name that has no active account: audited (someone may be guessing
    names) in the same kind of write a real account's failure makes."""
    typed = username.strip()[:64] or "—"
    with writing(session, Actor(typed, Role.VIEWER), Permission.SIGN_IN, changes=False) as audit:
        audit.record("user.sign_in_failed", "user", typed, after={"known": False})


def change_password(session: Session, actor: Actor, old_password: str, new_password: str) -> None:
    """The signed-in user changes their own password (required after a reset)."""
    with writing(session, actor, Permission.SIGN_IN) as audit:
        user = session.get(User, actor.user_id) if actor.user_id else None
        if user is None:
            raise NotFound("کاربر پیدا نشد.", "User not found.", code="user_missing")
        if server_accounts.per_user(session):
            _change_login_password(session, user, old_password, new_password)
            audit.record("user.change_password", "user", user.username)
            return
        if not verify_password(user.password_hash, old_password or ""):
            raise ValidationError("گذرواژهٔ فعلی نادرست است.", "The current password is wrong.", code="old_password")
        check_policy(new_password, user.username)
        if verify_password(user.password_hash, new_password):
            raise ValidationError(
                "گذرواژهٔ تازه باید با گذرواژهٔ فعلی فرق داشته باشد.",
                "The new password must differ from the current one.",
                code="same_password",
            )
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        audit.record("user.change_password", "user", user.username)


def _change_login_password(session: Session, user: User, old_password: str, new_password: str) -> None:
    if not server_accounts.password_accepted(session, user.username, old_password or ""):
        raise ValidationError("گذرواژهٔ فعلی نادرست است.", "The current password is wrong.", code="old_password")
    check_policy(new_password, user.username)
    if new_password == old_password:
        raise ValidationError("گذرواژهٔ تازه باید با گذرواژهٔ فعلی فرق داشته باشد.",
                              "The new password must differ from the current one.", code="same_password")
    server_accounts.change_own_password(session, user.username, new_password)
    server_accounts.remember(session, user.username, new_password)
    session.refresh(user)


def reset_password(session: Session, actor: Actor, username: str) -> str:
    """Administrator reset: a temporary password, shown once, changed at next sign-in."""
    with writing(session, actor, Permission.MANAGE_USERS) as audit:
        user = get_user(session, username)
        if user is None:
            raise NotFound(f"کاربر «{username}» پیدا نشد.", f"User '{username}' not found.", code="user_missing")
        temporary = generate_password()
        before = _user_state(user)
        user.password_hash = server_accounts.stored_hash(session, temporary)
        user.must_change_password = True
        user.failed_attempts = 0
        user.locked_until = None
        server_accounts.apply(session, user, temporary)
        audit.record("user.reset_password", "user", user.username, before=before, after=_user_state(user))
    return temporary


def set_locked(session: Session, actor: Actor, username: str, locked: bool) -> None:
    with writing(session, actor, Permission.MANAGE_USERS) as audit:
        user = get_user(session, username)
        if user is None:
            raise NotFound(f"کاربر «{username}» پیدا نشد.", f"User '{username}' not found.", code="user_missing")
        if locked and actor.user_id == user.id:
            raise ValidationError(
                "مدیر سامانه نمی‌تواند حساب خودش را قفل کند.", "You cannot lock your own account.", code="self_lock"
            )
        before = _user_state(user)
        user.locked = locked
        if not locked:
            user.failed_attempts = 0
            user.locked_until = None
        server_accounts.apply(session, user)
        audit.record("user.lock" if locked else "user.unlock", "user", user.username,
                     before=before, after=_user_state(user))


def refresh_login(session: Session, actor: Actor, username: str) -> None:
    """Make an account's server login follow it again (``rasad-cli server setup``)."""
    with writing(session, actor, Permission.MANAGE_USERS) as audit:
        user = get_user(session, username)
        if user is None:
            raise NotFound(f"کاربر «{username}» پیدا نشد.", f"User '{username}' not found.", code="user_missing")
        if not server_accounts.enforced(session):
            audit.nothing_changed()  # no login to follow the account
            return
        server_accounts.apply(session, user)
        audit.record("user.login", "user", user.username, after=_user_state(user))


def set_role(session: Session, actor: Actor, username: str, role: Role) -> None:
    """Give an account another role; a signed-in holder is signed out at their next action
    (services.session_check). An administrator cannot change their own role, so the office
    always keeps one."""
    if not isinstance(role, Role):
        raise ValidationError("نقش کاربر معتبر نیست.", "The role is not valid.", code="role")
    with writing(session, actor, Permission.MANAGE_USERS) as audit:
        user = get_user(session, username)
        if user is None:
            raise NotFound(f"کاربر «{username}» پیدا نشد.", f"User '{username}' not found.", code="user_missing")
        if actor.user_id == user.id:
            raise ValidationError("مدیر سامانه نمی‌تواند نقش خودش را تغییر دهد.",
                                  "You cannot change your own role.", code="self_role")
        if user.role == role.value:
            audit.nothing_changed()
            return
        before = _user_state(user)
        user.role = role.value
        server_accounts.apply(session, user)
        audit.record("user.role", "user", user.username, before=before, after=_user_state(user))
