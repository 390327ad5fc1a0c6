"""A case at a glance: the few columns a button press needs, read with one prebuilt query.

A press on the case card opens a modal within Slack's three seconds; it needs the case's number,
its severity and who is on it (bot/recovery/access.py), not the whole row through an ORM session.
"""

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlmodel import col

from bot.policy.model import Policy
from bot.recovery.cases import no_case
from bot.store.db import Database
from bot.store.models import Case


@dataclass(frozen=True, slots=True)
class Glance:
    """What a press needs of a case: read as it stood at the last commit."""

    id: int
    severity: str
    reporter_id: str
    apology_leader_id: str | None
    fix_owner_id: str | None


_GLANCE = select(
    col(Case.id),
    col(Case.severity),
    col(Case.reporter_id),
    col(Case.apology_leader_id),
    col(Case.fix_owner_id),
).where(col(Case.id) == bindparam("number"))


def glance(db: Database, *, policy: Policy, number: int) -> Glance:
    """Case number `number` at a glance, or the same NotFound `cases.get_case` gives."""
    row = db.read_row(_GLANCE, {"number": number})
    if row is None:
        raise no_case(policy, number)
    return Glance(*row)
