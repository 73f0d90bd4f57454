"""incidents: drop block_start/block_end and the latitude index; blocking uses the
incident_windows rows and the members' latitude span

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_block_start")
        batch_op.drop_index("ix_incidents_latitude")
        batch_op.drop_column("block_end")
        batch_op.drop_column("block_start")


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("block_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("block_end", sa.Date(), nullable=True))
        batch_op.create_index("ix_incidents_block_start", ["block_start"], unique=False)
        batch_op.create_index("ix_incidents_latitude", ["latitude"], unique=False)
