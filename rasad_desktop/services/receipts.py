"""The requester's receipt: the request as the plain values the receipt prints (the mobile
always masked: the receipt leaves the office), drawn by ``reports.receipt``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from rasad_desktop.core.ids import mask_mobile
from rasad_desktop.core.request_terms import CHANNELS, KINDS, label
from rasad_desktop.reports import receipt
from rasad_desktop.services import office
from rasad_desktop.services.requests import RequestView


def receipt_data(view: RequestView) -> dict[str, Any]:
    return {
        "tracking_code": view.tracking_code,
        "kind": view.kind,
        "kind_label": label(KINDS, view.kind),
        "channel": view.channel,
        "channel_label": label(CHANNELS, view.channel),
        "subject": view.subject,
        "requester_name": view.requester_name,
        "mobile": mask_mobile(view.mobile),
        "agency": view.agency,
        "registered_at": view.registered_at.isoformat(),  # naive UTC, as stored
        "due_date": view.due_date.isoformat(),
    }


def receipt_pdf(view: RequestView, office_fa: str, today: dt.date | None = None) -> bytes:
    data = receipt_data(view)
    return receipt.render(data, receipt.page_info(data, office_fa, today))


def office_receipt_pdf(session: Session, view: RequestView, today: dt.date | None = None) -> bytes:
    """The receipt under the office's name (an office setting)."""
    return receipt_pdf(view, office.office_name(session), today)
