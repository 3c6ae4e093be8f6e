"""Errors the services raise; each carries a Persian (and English) message."""

from __future__ import annotations

from rasad_desktop.core.errors import RasadError


class ServiceError(RasadError):
    pass


class PermissionDenied(ServiceError):
    pass


class ValidationError(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class Conflict(ServiceError):
    pass


class PeriodLocked(ServiceError):
    pass


class SessionEnded(ServiceError):
    """The signed-in user may no longer act as they signed in (locked, disabled, removed or
    given another role since): the application signs them out."""
