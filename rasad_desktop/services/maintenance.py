"""Maintenance mode: while an announced maintenance window is in force, or a restore is
running, data entry is refused with the notice's own text."""

from __future__ import annotations

from sqlalchemy.orm import Session

from rasad_desktop.services import office
from rasad_desktop.services.errors import ServiceError
from rasad_desktop.services.notices import notices_in_force


class MaintenanceMode(ServiceError):
    pass


def check_open_for_entry(session: Session) -> None:
    if office.restore_in_progress(session):
        raise MaintenanceMode(
            "بازگردانی نسخهٔ پشتیبان در جریان است؛ تا پایان آن ورود اطلاعات ممکن نیست.",
            "A backup is being restored; data entry is closed until it finishes.",
            code="restore_running",
        )
    for notice in notices_in_force(session):
        if notice.kind == "maintenance":
            text = f"{notice.title}: {notice.body}" if notice.body else notice.title
            raise MaintenanceMode(
                f"سامانه در حال نگهداری است و ورود اطلاعات تا پایان آن بسته است. {text}",
                f"The system is under maintenance; data entry is closed until it ends. {text}",
                code="maintenance",
            )
