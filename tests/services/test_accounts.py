"""Accounts: creation, sign-in, lockout, administrator reset, forced change."""

from __future__ import annotations

import datetime as dt

import pytest

from rasad_desktop.db.models import utcnow
from rasad_desktop.services import accounts
from rasad_desktop.services.accounts import SignInError
from rasad_desktop.services.errors import PermissionDenied, ValidationError
from rasad_desktop.services.roles import Role


def test_sign_in_success_and_the_hash_is_argon2id(session, admin):
    user, generated = accounts.create_user(session, admin, "Sara", Role.DATA_ENTRY, "secret-pass-1")
    assert generated is None and user.username == "sara"
    assert user.password_hash.startswith("$argon2id$")
    result = accounts.sign_in(session, "sara", "secret-pass-1")
    assert result.actor.role is Role.DATA_ENTRY and not result.must_change_password


def test_wrong_password_then_lockout_have_distinct_messages(session, admin):
    accounts.create_user(session, admin, "ali", Role.VIEWER, "secret-pass-1")
    now = utcnow()
    for _ in range(accounts.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(SignInError) as err:
            accounts.sign_in(session, "ali", "wrong", now=now)
        assert err.value.code == "wrong_password"
    with pytest.raises(SignInError):
        accounts.sign_in(session, "ali", "wrong", now=now)
    with pytest.raises(SignInError) as err:  # even the right password is refused now
        accounts.sign_in(session, "ali", "secret-pass-1", now=now)
    assert err.value.code == "account_lockout" and "قفل" in err.value.message_fa
    later = now + dt.timedelta(minutes=accounts.LOCKOUT_MINUTES + 1)
    assert accounts.sign_in(session, "ali", "secret-pass-1", now=later).actor.username == "ali"


def test_unknown_user_gets_the_same_message_as_a_wrong_password(session):
    with pytest.raises(SignInError) as err:
        accounts.sign_in(session, "nobody", "x")
    assert err.value.code == "wrong_password"


def test_admin_lock_reset_and_forced_change(session, admin):
    accounts.create_user(session, admin, "reza", Role.REPORT_OFFICER, "secret-pass-1")
    accounts.set_locked(session, admin, "reza", True)
    with pytest.raises(SignInError) as err:
        accounts.sign_in(session, "reza", "secret-pass-1")
    assert err.value.code == "account_locked" and "مدیر سامانه" in err.value.message_fa
    accounts.set_locked(session, admin, "reza", False)
    temporary = accounts.reset_password(session, admin, "reza")
    with pytest.raises(SignInError):
        accounts.sign_in(session, "reza", "secret-pass-1")
    signed = accounts.sign_in(session, "reza", temporary)
    assert signed.must_change_password
    with pytest.raises(ValidationError):
        accounts.change_password(session, signed.actor, temporary, "short")
    accounts.change_password(session, signed.actor, temporary, "a-new-password-2")
    assert not accounts.sign_in(session, "reza", "a-new-password-2").must_change_password


def test_generated_password_must_be_changed(session, admin):
    user, generated = accounts.create_user(session, admin, "nima", Role.VIEWER)
    assert generated and len(generated) >= 12 and user.must_change_password


def test_only_the_administrator_manages_users(session, admin):
    accounts.create_user(session, admin, "maryam", Role.DATA_ENTRY, "secret-pass-1")
    clerk = accounts.sign_in(session, "maryam", "secret-pass-1").actor
    with pytest.raises(PermissionDenied):
        accounts.create_user(session, clerk, "other", Role.ADMIN, "secret-pass-1")
    with pytest.raises(PermissionDenied):
        accounts.reset_password(session, clerk, "maryam")


@pytest.mark.parametrize("name", ["", "a", "علی", "1abc", "x" * 65, "has space"])
def test_bad_user_names_are_refused(session, admin, name):
    with pytest.raises(ValidationError):
        accounts.create_user(session, admin, name, Role.VIEWER, "secret-pass-1")


def test_duplicate_user_is_refused(session, admin):
    accounts.create_user(session, admin, "dup", Role.VIEWER, "secret-pass-1")
    with pytest.raises(ValidationError):
        accounts.create_user(session, admin, "DUP", Role.VIEWER, "secret-pass-1")


@pytest.mark.parametrize("password, code", [
    ("Kh7!", "password_short"),
    ("aaaaaaaaaa", "password_weak"),
    ("12345678", "password_common"),
    ("۱۲۳۴۵۶۷۸۹", "password_common"),  # the same run typed with Persian digits
    ("9876543210", "password_common"),
    ("QWERTYuiop", "password_common"),
    ("P@ssw0rd", "password_common"),
    ("zahra.karimi", "password_username"),
])
def test_the_password_policy_refuses_guessable_passwords(password, code):
    from rasad_desktop.services.passwords import check_policy

    with pytest.raises(ValidationError) as err:
        check_policy(password, "Zahra.Karimi")
    assert err.value.code == code and err.value.message_fa


@pytest.mark.parametrize("password", ["Kh7-dast-1405", "۱۴۰۵ باغ انار", "correct horse battery", "13579bdfh"])
def test_the_password_policy_accepts_long_unusual_passwords(password):
    from rasad_desktop.services.passwords import check_policy

    check_policy(password, "zahra.karimi")


def test_a_broken_character_in_a_password_is_refused_not_a_crash(session, admin):
    with pytest.raises(ValidationError) as err:
        accounts.create_user(session, admin, "broken", Role.VIEWER, "good-pass\ud800word")
    assert err.value.code == "password_character"
    accounts.create_user(session, admin, "zwnj", Role.VIEWER, "رمز\u200cعبور-خوب-۱۲")  # ZWNJ is fine
    with pytest.raises(SignInError) as wrong:
        accounts.sign_in(session, "zwnj", "رمز\ud800عبور")
    assert wrong.value.code == "wrong_password"


def test_without_the_password_a_locked_or_unknown_name_answers_like_any_wrong_password(session, admin):
    """Names cannot be enumerated: at every attempt count a real account (active, locked
    out, locked by the administrator) and an unknown name give the same answer, and each
    attempt is audited alike."""
    from sqlalchemy import func, select

    from rasad_desktop.db.models import AuditLog

    accounts.create_user(session, admin, "ali", Role.VIEWER, "secret-pass-1")
    accounts.create_user(session, admin, "reza", Role.VIEWER, "secret-pass-2")
    accounts.set_locked(session, admin, "reza", True)
    now = utcnow()
    for attempt in range(accounts.MAX_FAILED_ATTEMPTS * 2):
        for name in ("ali", "reza", "nobody"):
            before = session.scalar(select(func.count()).select_from(AuditLog))
            with pytest.raises(SignInError) as err:
                accounts.sign_in(session, name, "guess", now=now)
            assert (err.value.code, err.value.message_fa) == ("wrong_password", "نام کاربری یا گذرواژه نادرست است."), \
                (attempt, name)
            assert session.scalar(select(func.count()).select_from(AuditLog)) == before + 1, (attempt, name)
    # only the right password learns why: locked out (ali) or locked by the administrator (reza)
    for name, password, code in (("ali", "secret-pass-1", "account_lockout"), ("reza", "secret-pass-2", "account_locked")):
        with pytest.raises(SignInError) as err:
            accounts.sign_in(session, name, password, now=now)
        assert err.value.code == code
    unknown = session.scalars(select(AuditLog).where(AuditLog.entity_id == "nobody")).all()
    assert len(unknown) == accounts.MAX_FAILED_ATTEMPTS * 2 and all(e.action == "user.sign_in_failed" for e in unknown)



def test_locking_or_demoting_a_signed_in_user_ends_their_session_at_the_next_action(session, admin):
    from rasad_desktop.services.errors import SessionEnded
    from rasad_desktop.services.roles import Actor
    from rasad_desktop.services.session_check import check_current

    accounts.create_user(session, admin, "mina", Role.ADMIN, "secret-pass-1")
    accounts.create_user(session, admin, "omid", Role.ADMIN, "secret-pass-1")
    mina = accounts.sign_in(session, "mina", "secret-pass-1").actor
    omid = accounts.sign_in(session, "omid", "secret-pass-1").actor
    assert check_current(session, mina) is mina
    accounts.set_role(session, omid, "mina", Role.VIEWER)  # mina still holds an administrator's Actor
    with pytest.raises(SessionEnded) as err:
        accounts.reset_password(session, mina, "omid")
    assert err.value.code == "session_ended" and "نقش" in err.value.message_fa
    with pytest.raises(SessionEnded):
        check_current(session, mina)  # a read too
    mina = accounts.sign_in(session, "mina", "secret-pass-1").actor  # signing in again works, as a viewer
    assert mina.role is Role.VIEWER

    accounts.set_locked(session, omid, "mina", True)
    with pytest.raises(SessionEnded) as err:
        check_current(session, mina)
    assert "قفل" in err.value.message_fa
    accounts.set_locked(session, omid, "mina", False)
    assert check_current(session, mina) is mina
    with pytest.raises(ValidationError):
        accounts.set_role(session, omid, "omid", Role.VIEWER)  # nobody changes their own role
    with pytest.raises(PermissionDenied):
        accounts.set_role(session, mina, "omid", Role.VIEWER)
    ghost = Actor("mina", Role.VIEWER, user_id=9999)  # an account that is gone
    with pytest.raises(SessionEnded):
        check_current(session, ghost)
