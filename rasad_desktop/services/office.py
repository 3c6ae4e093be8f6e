"""The office settings, kept in the database so every workstation on a shared server
applies the same ones: the office and province names, the signature block of reports
(the approver's scanned signature as image bytes), the status thresholds, working days,
response targets, account lockout, idle lock, the attachment limit — each declared in
``core/settings_schema.py`` (scope ``OFFICE``) — and the restore-in-progress flag.

Reading gives every declared value, the default where none is stored and where a stored
one is damaged. Writing (``save_office_settings``) is the administrator's: every value is
checked against its declaration, and all changed ones are written with one audit record
each (``office.set``, before → after; an image by its SHA-256) in one transaction.

Values that a workstation's ``settings.json`` held before these settings moved to the
database are adopted once (``adopt_workstation_values``, audited ``office.adopt``).
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rasad_desktop.config import Settings
from rasad_desktop.core.metrics import Thresholds
from rasad_desktop.core.settings_schema import BY_KEY as DECLARED
from rasad_desktop.core.settings_schema import (
    OFFICE_KEYS,
    RULES,
    Kind,
    Scope,
    Setting,
    first_problem,
    image_digest,
    image_type,
)
from rasad_desktop.core.text import normalize
from rasad_desktop.db.database import Database
from rasad_desktop.db.models import OfficeSetting
from rasad_desktop.services.errors import ValidationError
from rasad_desktop.services.roles import Actor, Permission, require
from rasad_desktop.services.uow import Audit, writing

log = logging.getLogger("rasad.office")
RESTORE_FLAG = "restore_in_progress"


# ----------------------------------------------------------------------------- reading
def get(session: Session, key: str) -> Any:
    """One office setting: the stored value, else (none stored, or a damaged one) its default."""
    return read_settings(session, (key,))[key]


def read_settings(session: Session, keys: Iterable[str] | None = None) -> dict[str, Any]:
    """The office settings ``keys`` (all of them by default), each the stored value or its
    default; a pair that breaks a rule between two settings (the "needs follow-up" threshold
    above the "good" one) falls back to both defaults."""
    wanted = tuple(keys) if keys is not None else OFFICE_KEYS
    for key in wanted:
        _office(key)
    partners = {k for rule in RULES if rule.low in wanted or rule.high in wanted for k in (rule.low, rule.high)}
    read = (*wanted, *sorted(partners - set(wanted)))
    stored = {r.key: r.value for r in session.scalars(select(OfficeSetting).where(OfficeSetting.key.in_(read)))}
    out = {key: _decode(DECLARED[key], stored[key]) if key in stored else DECLARED[key].default for key in read}
    for rule in RULES:
        if rule.low in out and rule.problem(out) is not None:
            out[rule.low], out[rule.high] = DECLARED[rule.low].default, DECLARED[rule.high].default
    return {key: out[key] for key in wanted}


def thresholds(session: Session) -> Thresholds:
    """The status bands every screen and report of the office uses."""
    values = read_settings(session, ("status_good", "status_watch"))
    return Thresholds(values["status_good"], values["status_watch"])


def office_name(session: Session) -> str:
    return get(session, "office_fa")


def restore_in_progress(session: Session) -> bool:
    row = session.get(OfficeSetting, RESTORE_FLAG)
    return row is not None and json.loads(row.value) is True


# ----------------------------------------------------------------------------- writing
def save_office_settings(session: Session, actor: Actor, changes: Mapping[str, Any]) -> list[str]:
    """Write the office settings in ``changes`` (key → value; an image as bytes, ``None`` for
    none), each checked against its declaration and the rules between settings; only the
    values that differ from the stored ones are written, each with its audit record, all in
    one transaction. Returns the keys that changed."""
    with writing(session, actor, Permission.MANAGE_SETTINGS) as audit:
        clean = {key: _clean(_office(key, refuse=True), value) for key, value in changes.items()}
        current = read_settings(session)
        merged = {**current, **clean}
        problem = first_problem(merged)
        if problem is not None:
            raise ValidationError(problem.message_fa, problem.message_en, code="setting_value")
        for key, value in clean.items():
            if DECLARED[key].kind is Kind.IMAGE:
                _check_image_content(DECLARED[key], value)
        changed = [key for key in OFFICE_KEYS if key in clean and clean[key] != current[key]]  # declared order
        for key in changed:
            _store(session, audit, "office.set", DECLARED[key], clean[key])
        if not changed:
            audit.nothing_changed()
    return changed


def set_policy(session: Session, actor: Actor, key: str, value: Any) -> None:
    """One office setting (``save_office_settings`` with one change)."""
    save_office_settings(session, actor, {key: value})


# ------------------------------------------------------------ adopting old settings.json
def adopt_workstation_values(session: Session, actor: Actor, found: Mapping[str, Any]) -> list[str]:
    """Adopt office settings that a workstation's ``settings.json`` held from before they
    moved to the database (``config.Settings.legacy_office_values()``): each one the
    database does not hold yet, that its declaration accepts and that differs from the
    default, is stored and audited (``office.adopt``). A value already in the database is
    never overwritten, so this runs at every start and does something only once. The
    signature image is given as the path of the scan and stored as its bytes; one that
    cannot be read, or is not a PNG or JPEG, is left out (and logged). Returns the keys
    adopted."""
    require(actor, Permission.MANAGE_SETTINGS)
    candidates = _adoptable(session, found)
    if not candidates:  # the usual case: nothing left to adopt, nothing written
        session.rollback()
        return []
    with writing(session, actor, Permission.MANAGE_SETTINGS) as audit:
        candidates = _adoptable(session, found)  # again, inside the write: another workstation may have won
        for key, value in candidates.items():
            _store(session, audit, "office.adopt", DECLARED[key], value)
        if not candidates:
            audit.nothing_changed()
    if candidates:
        log.info("adopted office settings from settings.json: %s", ", ".join(candidates))
    return list(candidates)


def adopt_settings_file(db: Database, settings: Settings) -> list[str]:
    """``adopt_workstation_values`` for a data folder's ``settings.json`` when ``db`` is
    opened with it, as the person at this computer (``Actor.console()``: they control the
    data folder). Never fails: a problem is logged and the adoption tried again next time.
    Nothing is read from the database when the file holds no office settings."""
    found = settings.legacy_office_values()
    if not found:
        return []
    try:
        with db.session() as session:
            return adopt_workstation_values(session, Actor.console(), found)
    except Exception as exc:  # noqa: BLE001 - opening the database must not fail for this
        log.warning("office settings not adopted from %s: %s", settings.path, exc)
        return []


def _adoptable(session: Session, found: Mapping[str, Any]) -> dict[str, Any]:
    stored = set(session.scalars(select(OfficeSetting.key).where(OfficeSetting.key.in_(OFFICE_KEYS))))
    out: dict[str, Any] = {}
    for key, raw in found.items():
        s = DECLARED.get(key)
        if s is None or s.scope is not Scope.OFFICE or key in stored:
            continue
        value = _image_file(s, raw) if s.kind is Kind.IMAGE else raw
        if isinstance(value, str):
            value = normalize(value)
        problem = s.problem(value)
        why = problem.message_en if problem is not None else None
        if why is None and s.kind is Kind.IMAGE:
            try:
                _check_image_content(s, value if isinstance(value, bytes) else None)
            except ValidationError as exc:
                why = exc.message_en
        if why is not None:
            log.warning("not adopting %s from settings.json: %s", key, why)
            continue
        if value != s.default:
            out[key] = value
    current = read_settings(session)
    for rule in RULES:  # a pair that breaks a rule once adopted stays out, both values
        if (rule.low in out or rule.high in out) and rule.problem({**current, **out}) is not None:
            log.warning("not adopting %s and %s from settings.json: %s", rule.low, rule.high, rule.message_en)
            out.pop(rule.low, None)
            out.pop(rule.high, None)
    return out


def _image_file(s: Setting, path: Any) -> bytes | None:
    """The bytes of the scan an old settings.json named, or None (logged) if unusable."""
    if not isinstance(path, str) or not path.strip():
        return None
    file = Path(path)
    try:
        if s.high is not None and file.stat().st_size > s.high:
            log.warning("not adopting %s: %s is larger than %d bytes", s.key, path, s.high)
            return None
        return file.read_bytes()
    except OSError as err:
        log.warning("not adopting %s: %s cannot be read (%s)", s.key, path, err)
        return None


# ----------------------------------------------------------------------------- helpers
def _office(key: str, *, refuse: bool = False) -> Setting:
    s = DECLARED.get(key)
    if s is None or s.scope is not Scope.OFFICE:
        if refuse:
            raise ValidationError("این تنظیمِ اداره شناخته نیست.", f"'{key}' is not an office setting.",
                                  code="setting")
        raise KeyError(f"{key!r} is not an office setting declared in core/settings_schema.py")
    return s


def _clean(s: Setting, value: Any) -> Any:
    if s.kind is Kind.TEXT and isinstance(value, str):
        return normalize(value)
    if s.kind is Kind.IMAGE and isinstance(value, bytearray):
        return bytes(value)
    return value


def check_image(data: bytes | None, key: str = "signature_image") -> None:
    """Refuse (ValidationError, Persian) what ``key``'s declaration and Pillow do not accept
    as a PNG or JPEG image; None (no image) passes."""
    s = _office(key)
    problem = s.problem(data)
    if problem is not None:
        raise ValidationError(problem.message_fa, problem.message_en, code="setting_value")
    _check_image_content(s, data)


def _check_image_content(s: Setting, data: bytes | None) -> None:
    """Beyond its first bytes: the image must open (a damaged scan would fail every report)."""
    if data is None:
        return
    from PIL import Image, UnidentifiedImageError  # ReportLab's own dependency; imported only here

    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = (img.format or "").lower()
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        fmt = ""
    if fmt not in ("png", "jpeg") or fmt != image_type(data):
        raise ValidationError(f"{s.short_fa} خراب است یا خوانده نمی‌شود؛ فایل PNG یا JPEG سالمی انتخاب کنید.",
                              f"{s.short_en} is damaged or unreadable; choose a sound PNG or JPEG file.",
                              code="setting_image")


def _encode(s: Setting, value: Any) -> str:
    if s.kind is Kind.IMAGE:
        value = None if value is None else base64.b64encode(value).decode("ascii")
    return json.dumps(value, ensure_ascii=False)


def _decode(s: Setting, raw: str) -> Any:
    """A stored value, or the default if it is damaged."""
    try:
        value = json.loads(raw)
        if s.kind is Kind.IMAGE and value is not None:
            value = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except (ValueError, binascii.Error):
        return s.default
    return value if s.valid(value) else s.default


def _audited(s: Setting, value: Any) -> Any:
    return image_digest(value) if s.kind is Kind.IMAGE else value


def _store(session: Session, audit: Audit, action: str, s: Setting, after: Any) -> None:
    """Write one value and its audit record: before → after, before empty where nothing was
    stored (the default applied)."""
    row = session.get(OfficeSetting, s.key)
    before = None if row is None else _decode(s, row.value)
    if row is None:
        session.add(OfficeSetting(key=s.key, value=_encode(s, after)))
    else:
        row.value = _encode(s, after)
    audit.record(action, "office_setting", s.key, before=_audited(s, before), after=_audited(s, after))

