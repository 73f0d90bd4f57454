"""blocking data of incidents: member date windows; latitude span, reach, unplaced flag and
place keys of the members

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_windows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("incident_windows", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_incident_windows_incident_id"), ["incident_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_incident_windows_start"), ["start"], unique=False)
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("min_lat", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("max_lat", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("reach_km", sa.Double(), nullable=True))
        batch_op.add_column(
            sa.Column("unplaced", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("place_keys", sa.Text(), nullable=False, server_default="|"))


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        for column in ("place_keys", "unplaced", "reach_km", "max_lat", "min_lat"):
            batch_op.drop_column(column)
    op.drop_table("incident_windows")
