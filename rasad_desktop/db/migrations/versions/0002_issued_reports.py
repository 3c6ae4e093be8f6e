"""Issued reports: number, version, frozen snapshot, PDF bytes and hashes.

Revision ID: 0002_issued_reports
Revises: 0001_initial
Create Date: 2026-11-25 15:22:37.376702
"""

import sqlalchemy as sa
from alembic import op


revision = '0002_issued_reports'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('issue_year', sa.Integer(), nullable=False),
    sa.Column('serial', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('params', sa.Text(), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('verification_code', sa.String(length=20), nullable=False),
    sa.Column('issued_by', sa.String(length=100), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('version >= 1', name=op.f('ck_issued_reports_version_positive')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['issued_reports.id'], name=op.f('fk_issued_reports_supersedes_id_issued_reports')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_reports')),
    sa.UniqueConstraint('issue_year', 'serial', 'version', name='uq_issued_serial_version'),
    sa.UniqueConstraint('number', 'version', name='uq_issued_number_version'),
    sa.UniqueConstraint('pdf_sha256', name=op.f('uq_issued_reports_pdf_sha256'))
    )


def downgrade() -> None:
    op.drop_table('issued_reports')
