"""Several workstations: this database's role, enrolled workstations, the change log, what
each peer holds; agencies may belong to one workstation

Revision ID: 0004_sync
Revises: 0003_requests_audit
Create Date: 2026-12-01 21:30:00
"""

import sqlalchemy as sa
from alembic import op


revision = '0004_sync'
down_revision = '0003_requests_audit'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('agencies', sa.Column('owner_station', sa.SmallInteger(), nullable=True))
    op.create_table('sync_node',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('station', sa.SmallInteger(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('instance_id', sa.String(length=36), nullable=False),
    sa.Column('signing_key', sa.LargeBinary(), nullable=False),
    sa.Column('office_public_key', sa.LargeBinary(), nullable=False),
    sa.Column('package_key', sa.LargeBinary(), nullable=True),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('packages_made', sa.Integer(), nullable=False),
    sa.Column('copy_detected_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('office', 'workstation')", name=op.f('ck_sync_node_role_values')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_node'))
    )
    op.create_table('sync_workstations',
    sa.Column('number', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('public_key', sa.LargeBinary(), nullable=False),
    sa.Column('package_key', sa.LargeBinary(), nullable=False),
    sa.Column('instance_id', sa.String(length=36), nullable=True),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('enrolled_by', sa.String(length=100), nullable=False),
    sa.Column('last_package_at', sa.DateTime(), nullable=True),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.CheckConstraint('number BETWEEN 1 AND 99', name=op.f('ck_sync_workstations_number_range')),
    sa.PrimaryKeyConstraint('number', name=op.f('pk_sync_workstations'))
    )
    op.create_table('sync_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.SmallInteger(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('problem', sa.Text(), nullable=True),
    sa.Column('resolution', sa.String(length=12), nullable=True),
    sa.Column('resolved_by', sa.String(length=100), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("status IN ('applied', 'present', 'conflict', 'held', 'withheld')", name=op.f('ck_sync_changes_status_values')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_changes')),
    sa.UniqueConstraint('origin', 'seq', name='uq_sync_change_origin_seq')
    )
    op.create_index('ix_sync_changes_kind_key', 'sync_changes', ['kind', 'key'], unique=False)
    op.create_index('ix_sync_changes_status', 'sync_changes', ['status'], unique=False)
    op.create_table('sync_peers',
    sa.Column('peer', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('origin', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('have', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('peer', 'origin', name=op.f('pk_sync_peers'))
    )


def downgrade() -> None:
    op.drop_table('sync_peers')
    op.drop_index('ix_sync_changes_status', table_name='sync_changes')
    op.drop_index('ix_sync_changes_kind_key', table_name='sync_changes')
    op.drop_table('sync_changes')
    op.drop_table('sync_workstations')
    op.drop_table('sync_node')
    with op.batch_alter_table('agencies') as batch:
        batch.drop_column('owner_station')
