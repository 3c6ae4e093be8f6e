"""Signing certificates (the office's with its sealed key, and the ones trusted); a user's title

Revision ID: 0006_signing_certificates
Revises: 0005_collection_note
Create Date: 2026-12-02 08:00:00
"""

import sqlalchemy as sa
from alembic import op


revision = '0006_signing_certificates'
down_revision = '0005_collection_note'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'signing_certificates',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('certificate', sa.LargeBinary(), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('source', sa.String(length=10), nullable=False),
        sa.Column('sealed_key', sa.LargeBinary(), nullable=True),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('added_by', sa.String(length=100), nullable=False),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signing_certificates')),
        sa.UniqueConstraint('fingerprint', name=op.f('uq_signing_certificates_fingerprint')),
    )
    op.add_column('users', sa.Column('title', sa.String(length=100), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('title')
    op.drop_table('signing_certificates')
