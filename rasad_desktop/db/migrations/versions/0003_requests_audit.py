"""Requests and complaints, holidays, office settings; the audit trail becomes a hash chain

Revision ID: 0003_requests_audit
Revises: 0002_issued_reports
Create Date: 2026-11-25 16:20:24.206266
"""

import sqlalchemy as sa
from alembic import op


revision = '0003_requests_audit'
down_revision = '0002_issued_reports'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_id', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.create_table('holidays',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holidays')),
    sa.UniqueConstraint('day', name=op.f('uq_holidays_day'))
    )
    op.create_table('office_settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_office_settings'))
    )
    op.create_table('service_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tracking_code', sa.String(length=13), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('channel', sa.String(length=12), nullable=False),
    sa.Column('requester_name', sa.String(length=200), nullable=False),
    sa.Column('national_id', sa.String(length=10), nullable=False),
    sa.Column('mobile', sa.String(length=11), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('registered_by', sa.String(length=100), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('jalali_day', sa.String(length=8), nullable=False),
    sa.Column('workstation', sa.SmallInteger(), nullable=False),
    sa.Column('serial', sa.Integer(), nullable=False),
    sa.CheckConstraint("channel IN ('in_person', 'phone', 'letter', 'portal')", name=op.f('ck_service_requests_channel_values')),
    sa.CheckConstraint("kind IN ('request', 'complaint', 'suggestion')", name=op.f('ck_service_requests_kind_values')),
    sa.CheckConstraint("status IN ('registered', 'in_review', 'answered', 'closed')", name=op.f('ck_service_requests_status_values')),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_service_requests_agency_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_requests')),
    sa.UniqueConstraint('jalali_day', 'workstation', 'serial', name='uq_request_day_station_serial'),
    sa.UniqueConstraint('tracking_code', name=op.f('uq_service_requests_tracking_code'))
    )
    with op.batch_alter_table('service_requests', schema=None) as batch_op:
        batch_op.create_index('ix_service_requests_status_due', ['status', 'due_date'], unique=False)

    op.create_table('request_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=80), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('added_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['service_requests.id'], name=op.f('fk_request_attachments_request_id_service_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_attachments')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_request_attachments_stored_name'))
    )
    with op.batch_alter_table('request_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_attachments_request_id'), ['request_id'], unique=False)

    op.create_table('request_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('from_status', sa.String(length=12), nullable=False),
    sa.Column('to_status', sa.String(length=12), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('internal', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['service_requests.id'], name=op.f('fk_request_events_request_id_service_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_events'))
    )
    with op.batch_alter_table('request_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_events_request_id'), ['request_id'], unique=False)

    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=False, server_default=''))
    _chain_existing_audit_rows()



def _chain_existing_audit_rows() -> None:
    """Link the audit rows written before this version into the chain, oldest first."""
    from rasad_desktop.core.audit_hash import FIELDS, row_hash

    conn = op.get_bind()
    rows = conn.execute(sa.text(f"SELECT {', '.join(FIELDS)} FROM audit_log ORDER BY id")).mappings().all()
    prev, last_id = "", 0
    for row in rows:
        values = dict(row)
        if isinstance(values["at"], str):  # SQLite returns the text it stored
            import datetime as dt

            values["at"] = dt.datetime.fromisoformat(values["at"])
        digest = row_hash(prev, values)
        conn.execute(sa.text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"),
                     {"p": prev, "h": digest, "i": values["id"]})
        prev, last_id = digest, values["id"]
    conn.execute(sa.text("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, :i, :h)"),
                 {"i": last_id, "h": prev})


def downgrade() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')

    with op.batch_alter_table('request_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_events_request_id'))

    op.drop_table('request_events')
    with op.batch_alter_table('request_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_attachments_request_id'))

    op.drop_table('request_attachments')
    with op.batch_alter_table('service_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_service_requests_status_due')

    op.drop_table('service_requests')
    op.drop_table('office_settings')
    op.drop_table('holidays')
    op.drop_table('audit_head')
