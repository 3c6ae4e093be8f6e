"""A collected figure keeps the reason its plausibility warnings were confirmed with

Revision ID: 0005_collection_note
Revises: 0004_sync
Create Date: 2026-12-02 03:00:00
"""

import sqlalchemy as sa
from alembic import op


revision = '0005_collection_note'
down_revision = '0004_sync'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('collections', sa.Column('note', sa.String(length=200), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('collections') as batch:
        batch.drop_column('note')
