"""What this database is in the office: the office (origin 0 of the change log; a
standalone install is one) or workstation N (origin N), with its keys; the tracking-code
number it gives; whether it is a copy found where it was not enrolled."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rasad_desktop.core.digits import localize_digits
from rasad_desktop.db.models import Agency, SyncNode, SyncWorkstation, utcnow
from rasad_desktop.formats import atomic
from rasad_desktop.formats.sync_package import new_signing_key, public_key
from rasad_desktop.services.errors import Conflict, PermissionDenied

OFFICE = 0  # the office's origin in the change log
MARKER = "workstation.json"  # in the data folder a workstation was enrolled in


def this(session: Session, *, for_update: bool = False) -> SyncNode:
    """This database's node row; a database that has none is an office (made here)."""
    node = session.get(SyncNode, 1, with_for_update=for_update or None)
    if node is None:
        key = new_signing_key()
        node = SyncNode(id=1, role="office", office_id=str(uuid.uuid4()), station=None, name="",
                        instance_id=str(uuid.uuid4()), signing_key=key, office_public_key=public_key(key),
                        package_key=None, last_seq=0)
        try:
            with session.begin_nested():  # two first writers on a shared server: one makes it
                session.add(node)
        except IntegrityError:
            made = session.get(SyncNode, 1, with_for_update=for_update or None)
            assert made is not None
            return made
        if for_update:
            node = session.get(SyncNode, 1, with_for_update=True) or node
    return node


def is_workstation(session: Session) -> bool:
    node = session.get(SyncNode, 1)
    return node is not None and node.role == "workstation"


def station_here(session: Session) -> int | None:
    """An enrolled workstation's number; None at the office."""
    node = session.get(SyncNode, 1)
    return int(node.station or 0) if node is not None and node.role == "workstation" else None


def origin(node: SyncNode) -> int:
    return OFFICE if node.role == "office" else int(node.station or 0)


def office_id(session: Session) -> str:
    return this(session).office_id


def copy_refusal(node: SyncNode) -> Conflict:
    n = node.station or 0
    return Conflict(
        f"این پایگاه داده نسخه‌ای از پایگاه ایستگاه کاری {localize_digits(str(n))} است که در این پوشهٔ داده "
        "عضو نشده است (بازگردانی یا رونوشت). برای این‌که کدهای رهگیری و تغییرها تکراری نشوند، تا عضویت دوباره "
        "چیزی در آن ثبت نمی‌شود. از مدیر بخواهید این رایانه را دوباره عضو کند.",
        f"This database is a copy of workstation {n}'s that was not enrolled in this data folder (restored or "
        "copied). So that tracking codes and changes do not repeat, nothing is recorded in it until it is "
        "enrolled again. Ask the administrator to enrol this computer again.", code="workstation_copy")


def tracking_station(session: Session, configured: int) -> int:
    """The number this database puts in tracking codes: an enrolled workstation's own; at
    the office the configured one, which must not be an enrolled workstation's."""
    node = session.get(SyncNode, 1)
    if node is not None and node.role == "workstation":
        if node.copy_detected_at is not None:
            raise copy_refusal(node)
        return int(node.station or 0)
    if configured and session.get(SyncWorkstation, configured) is not None:
        n = localize_digits(str(configured))
        raise Conflict(
            f"شمارهٔ ایستگاه {n} به یک ایستگاه کاری عضو داده شده است؛ کدهای رهگیری این رایانه تکراری می‌شد. "
            "در تنظیمات، شمارهٔ دیگری برای این رایانه بگذارید (فهرست: rasad-desktop workstations list).",
            f"Workstation number {configured} belongs to an enrolled workstation; this computer's tracking codes "
            "would repeat its. Give this computer another number in the settings (see: rasad-desktop "
            "workstations list).", code="station_taken")
    return configured


def check_owner(session: Session, agency: Agency) -> None:
    """On a workstation, figures are entered only for its own agencies (or unassigned ones)."""
    node = session.get(SyncNode, 1)
    if node is None or node.role != "workstation" or agency.owner_station in (None, node.station):
        return
    n = localize_digits(str(agency.owner_station))
    raise PermissionDenied(
        f"ارقام «{agency.name}» را ایستگاه کاری {n} وارد می‌کند؛ در این ایستگاه پذیرفته نیست.",
        f"'{agency.name}' figures are entered at workstation {agency.owner_station}; not accepted here.",
        code="agency_owner")


# -------------------------------------------------------------------------- copies
def write_marker(data_dir: Path, node: SyncNode) -> None:
    atomic.write_text(Path(data_dir) / MARKER, json.dumps(
        {"instance_id": node.instance_id, "station": node.station, "office_id": node.office_id}) + "\n")


def marker_matches(data_dir: Path, node: SyncNode) -> bool:
    try:
        found = json.loads((Path(data_dir) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(found, dict) and found.get("instance_id") == node.instance_id


def check_copy(session: Session, data_dir: Path) -> bool:
    """A workstation database opened in a data folder it was not enrolled in (another's
    backup restored here, a copied file) is marked a copy; True when it is one."""
    node = session.get(SyncNode, 1)
    if node is None or node.role != "workstation":
        session.rollback()
        return False
    if node.copy_detected_at is not None:
        session.rollback()
        return True
    if marker_matches(data_dir, node):
        session.rollback()
        return False
    session.rollback()
    _mark_copy(session, data_dir)
    return True


def _mark_copy(session: Session, data_dir: Path) -> None:
    """Recorded by the system itself, not by whoever happened to open the database."""
    from rasad_desktop.services.roles import Actor, Permission, Role
    from rasad_desktop.services.uow import writing

    with writing(session, Actor("system:rasad", Role.ADMIN), Permission.SYNC, changes=False) as audit:
        node = this(session, for_update=True)
        node.copy_detected_at = utcnow()
        audit.record("sync.copy_detected", "sync_node", node.station or 0,
                     after={"instance_id": node.instance_id, "data_dir": str(data_dir)})


def enrolled_numbers(session: Session) -> set[int]:
    return set(session.scalars(select(SyncWorkstation.number)))
