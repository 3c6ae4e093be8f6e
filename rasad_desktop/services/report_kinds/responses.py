"""Response times of requests and complaints per month and kind (yearly, optionally
through a month; counted as of today)."""

from __future__ import annotations

from rasad_desktop.reports import response_times
from rasad_desktop.services import request_stats
from rasad_desktop.services.report_kinds import Month, ReportKind

KIND = ReportKind("responses", response_times.TITLE_TEXT, "Response times to requests and complaints",
                  Month.OPTIONAL, False,
                  lambda session, request: request_stats.snapshot(session, request.year, request.through_month),
                  response_times.render)
