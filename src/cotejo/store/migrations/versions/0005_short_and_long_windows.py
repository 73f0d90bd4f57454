"""incident windows: short and long ones searched apart

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incident_windows", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("long", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.create_index("ix_incident_windows_long_start", ["long", "start"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incident_windows", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_windows_long_start")
        batch_op.drop_column("long")
