"""Personal data sealed at rest: room for the sealed national ID and mobile, the second
factor's digest, and the office's secrets (its personal-data key on a server)

Revision ID: 0007_personal_data_sealed
Revises: 0006_signing_certificates
Create Date: 2026-12-02 18:20:00
"""

import sqlalchemy as sa
from alembic import op


revision = '0007_personal_data_sealed'
down_revision = '0006_signing_certificates'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'office_secrets',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('value', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_office_secrets')),
    )
    with op.batch_alter_table('service_requests') as batch:
        batch.alter_column('national_id', type_=sa.String(length=120), existing_type=sa.String(length=10),
                           existing_nullable=False)
        batch.alter_column('mobile', type_=sa.String(length=120), existing_type=sa.String(length=11),
                           existing_nullable=False)
        batch.add_column(sa.Column('mobile_factor', sa.String(length=64), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('service_requests') as batch:
        batch.drop_column('mobile_factor')
    op.drop_table('office_secrets')
