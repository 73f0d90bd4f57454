"""sign-in: password hashes and failed-login counts on users, API tokens (their SHA-256
only), browser sessions (their SHA-256 only); incidents: the newest assessment's headline
grade in a column, filled from the assessments, with an index for the grade filter

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): nullable columns, or one with a server default.
    op.add_column("users", sa.Column("password_hash", sa.String(length=200), nullable=True))
    op.add_column("users", sa.Column("password_set_at", sa.DateTime(), nullable=True))
    op.add_column(
        "users", sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column("users", sa.Column("locked_until", sa.DateTime(), nullable=True))
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_sha256"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_sha256"),
    )
    op.create_index("ix_login_sessions_user_id", "login_sessions", ["user_id"])

    op.add_column("incidents", sa.Column("grade", sa.String(length=20), nullable=True))
    op.add_column("incidents", sa.Column("grade_acknowledged", sa.Boolean(), nullable=True))
    newest = (
        "(SELECT {col} FROM assessments a WHERE a.incident_id = incidents.id"
        " ORDER BY a.id DESC LIMIT 1)"
    )
    op.execute(
        "UPDATE incidents SET grade = "
        + newest.format(col="a.headline")
        + ", grade_acknowledged = "
        + newest.format(col="a.acknowledged")
        + " WHERE EXISTS (SELECT 1 FROM assessments a WHERE a.incident_id = incidents.id)"
    )
    op.create_index("ix_incidents_grade_date_key", "incidents", ["grade", "date_start", "key"])


def downgrade() -> None:
    op.drop_index("ix_incidents_grade_date_key", table_name="incidents")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("grade_acknowledged")
        batch.drop_column("grade")
    op.drop_index("ix_login_sessions_user_id", table_name="login_sessions")
    op.drop_table("login_sessions")
    op.drop_index("ix_api_tokens_user_id", table_name="api_tokens")
    op.drop_table("api_tokens")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")
        batch.drop_column("password_set_at")
        batch.drop_column("password_hash")
