"""Who may change a case (SPEC §7): the people on it, leaders at or above its level, admins."""

from bot.policy.model import Policy
from bot.recovery.cases import case_key
from bot.recovery.errors import NotAllowed
from bot.recovery.glance import Glance
from bot.store.models import Case

OnCase = Case | Glance  # the whole row, or the columns a press reads (bot/recovery/glance.py)


def people_on_case(case: OnCase) -> set[str]:
    """The reporter, the leader asked to apologize, and the fix owner."""
    return {p for p in (case.reporter_id, case.apology_leader_id, case.fix_owner_id) if p}


def may_change(policy: Policy, case: OnCase, user_id: str) -> bool:
    """True when this person may change the case."""
    if policy.is_admin(user_id) or user_id in people_on_case(case):
        return True
    level = policy.level_of(user_id)
    needed = policy.rule(case.severity).apologize
    return level is not None and policy.rank(level.level) >= policy.rank(needed)


def require_change(policy: Policy, case: OnCase, user_id: str) -> None:
    """Raise NotAllowed, saying who can, unless this person may change the case."""
    if may_change(policy, case, user_id):
        return
    level = policy.level(policy.rule(case.severity).apologize)
    raise NotAllowed(
        f"Only the people on {case_key(policy, case)}, a {level.title.lower()} or someone higher, "
        "or an admin can change it. Nothing was changed."
    )
