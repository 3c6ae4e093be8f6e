"""Who holds what: for each origin, how far this database's log reaches without a gap
(its *head*), and what each peer said it holds (its *have*).

``SyncPeer`` rows keep both: ``peer`` is the other side (0 the office, N workstation N);
``BASELINE`` rows are the heads an enrolment snapshot stood for (a workstation holds their
effect without their rows); ``origin`` ``PACKAGE_NO`` is the number of the newest package
taken from that peer, so that a late package does not roll back what the peer said."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rasad_desktop.db.models import SyncChange, SyncPeer

BASELINE = 100  # the peer number of this database's own snapshot heads
PACKAGE_NO = -1  # the origin under which a peer's newest package number is kept


def heads(session: Session) -> dict[int, int]:
    """origin → the last seq held here with nothing missing before it."""
    out = {p.origin: p.have for p in session.scalars(select(SyncPeer).where(SyncPeer.peer == BASELINE))}
    q = select(SyncChange.origin, func.max(SyncChange.seq)).where(SyncChange.status != "held") \
        .group_by(SyncChange.origin)
    for origin, top in session.execute(q):
        out[origin] = max(out.get(origin, 0), int(top))
    return out


def have(session: Session, peer: int) -> dict[int, int]:
    """What ``peer`` said it holds, origin → seq (its newest package's word)."""
    return {p.origin: p.have for p in session.scalars(select(SyncPeer).where(SyncPeer.peer == peer))
            if p.origin != PACKAGE_NO}


def set_have(session: Session, peer: int, values: dict[int, int]) -> None:
    rows = {p.origin: p for p in session.scalars(select(SyncPeer).where(SyncPeer.peer == peer))}
    for origin, seq in values.items():
        if origin == PACKAGE_NO:
            continue
        row = rows.get(origin)
        if row is None:
            session.add(SyncPeer(peer=peer, origin=origin, have=seq))
        else:
            row.have = seq


def last_package(session: Session, peer: int) -> int:
    row = session.get(SyncPeer, (peer, PACKAGE_NO))
    return 0 if row is None else row.have


def set_last_package(session: Session, peer: int, number: int) -> None:
    row = session.get(SyncPeer, (peer, PACKAGE_NO))
    if row is None:
        session.add(SyncPeer(peer=peer, origin=PACKAGE_NO, have=number))
    else:
        row.have = number
