"""customer e-mail: the apology's delivery state, and leaders' addresses for replies

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("apology_email", sa.String(length=16), nullable=False, server_default="none")
        )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=320), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("email")
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("apology_email")
