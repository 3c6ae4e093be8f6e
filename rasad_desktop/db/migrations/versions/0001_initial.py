"""Initial schema: years, classification, agencies, budget, collections, users, audit, notices.

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-25 14:56:11.315609
"""

import sqlalchemy as sa
from alembic import op


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('search_key', sa.String(length=300), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agencies')),
    sa.UniqueConstraint('code', name=op.f('uq_agencies_code'))
    )
    with op.batch_alter_table('agencies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agencies_search_key'), ['search_key'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.String(length=100), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('fiscal_years',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('year BETWEEN 1300 AND 1500', name=op.f('ck_fiscal_years_year_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fiscal_years')),
    sa.UniqueConstraint('year', name=op.f('uq_fiscal_years_year'))
    )
    op.create_table('notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('maintenance', 'info')", name=op.f('ck_notices_kind_values')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_notices_window_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("role IN ('admin', 'data_entry', 'report_officer', 'viewer')", name=op.f('ck_users_role_values')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('classification_nodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year_id', sa.Integer(), nullable=False),
    sa.Column('table_no', sa.SmallInteger(), nullable=False),
    sa.Column('code', sa.String(length=6), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('level', sa.SmallInteger(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('part', sa.SmallInteger(), nullable=False),
    sa.Column('earmarked', sa.Boolean(), nullable=False),
    sa.CheckConstraint('level BETWEEN 1 AND 4', name=op.f('ck_classification_nodes_level_range')),
    sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscal_years.id'], name=op.f('fk_classification_nodes_fiscal_year_id_fiscal_years'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['classification_nodes.id'], name=op.f('fk_classification_nodes_parent_id_classification_nodes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_classification_nodes')),
    sa.UniqueConstraint('fiscal_year_id', 'table_no', 'code', name='uq_node_year_table_code')
    )
    op.create_table('period_locks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.SmallInteger(), nullable=False),
    sa.Column('locked_by', sa.String(length=100), nullable=False),
    sa.Column('locked_at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.CheckConstraint('month BETWEEN 1 AND 12', name=op.f('ck_period_locks_month_range')),
    sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscal_years.id'], name=op.f('fk_period_locks_fiscal_year_id_fiscal_years'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_locks')),
    sa.UniqueConstraint('fiscal_year_id', 'month', name='uq_lock_month')
    )
    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('budget_column', sa.String(length=12), nullable=False),
    sa.Column('approved', sa.BigInteger(), nullable=False),
    sa.Column('revised', sa.BigInteger(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.CheckConstraint("budget_column IN ('national', 'provincial')", name=op.f('ck_assignments_budget_column_values')),
    sa.CheckConstraint('approved >= 0', name=op.f('ck_assignments_approved_nonnegative')),
    sa.CheckConstraint('revised IS NULL OR revised >= 0', name=op.f('ck_assignments_revised_nonnegative')),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_assignments_agency_id_agencies')),
    sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscal_years.id'], name=op.f('fk_assignments_fiscal_year_id_fiscal_years'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['line_id'], ['classification_nodes.id'], name=op.f('fk_assignments_line_id_classification_nodes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments')),
    sa.UniqueConstraint('agency_id', 'line_id', 'budget_column', name='uq_assignment_cell')
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index('ix_assignments_year_agency', ['fiscal_year_id', 'agency_id'], unique=False)

    op.create_table('collections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('budget_column', sa.String(length=12), nullable=False),
    sa.Column('month', sa.SmallInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('document_ref', sa.String(length=100), nullable=False),
    sa.Column('entered_by', sa.String(length=100), nullable=False),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("budget_column IN ('national', 'provincial')", name=op.f('ck_collections_budget_column_values')),
    sa.CheckConstraint('month BETWEEN 1 AND 12', name=op.f('ck_collections_month_range')),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_collections_agency_id_agencies')),
    sa.ForeignKeyConstraint(['fiscal_year_id'], ['fiscal_years.id'], name=op.f('fk_collections_fiscal_year_id_fiscal_years'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['line_id'], ['classification_nodes.id'], name=op.f('fk_collections_line_id_classification_nodes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_collections')),
    sa.UniqueConstraint('agency_id', 'line_id', 'budget_column', 'month', name='uq_collection_cell')
    )
    with op.batch_alter_table('collections', schema=None) as batch_op:
        batch_op.create_index('ix_collections_year_agency', ['fiscal_year_id', 'agency_id', 'line_id', 'month', 'amount'], unique=False)
        batch_op.create_index('ix_collections_year_line', ['fiscal_year_id', 'line_id', 'month', 'amount'], unique=False)

    op.create_table('monthly_schedules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.SmallInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_monthly_schedules_amount_nonnegative')),
    sa.CheckConstraint('month BETWEEN 1 AND 12', name=op.f('ck_monthly_schedules_month_range')),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], name=op.f('fk_monthly_schedules_assignment_id_assignments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monthly_schedules')),
    sa.UniqueConstraint('assignment_id', 'month', name='uq_schedule_month')
    )


def downgrade() -> None:
    op.drop_table('monthly_schedules')
    with op.batch_alter_table('collections', schema=None) as batch_op:
        batch_op.drop_index('ix_collections_year_line')
        batch_op.drop_index('ix_collections_year_agency')

    op.drop_table('collections')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index('ix_assignments_year_agency')

    op.drop_table('assignments')
    op.drop_table('period_locks')
    op.drop_table('classification_nodes')
    op.drop_table('users')
    op.drop_table('notices')
    op.drop_table('fiscal_years')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    with op.batch_alter_table('agencies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agencies_search_key'))

    op.drop_table('agencies')
