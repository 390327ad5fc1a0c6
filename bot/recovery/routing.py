"""Who a case turns to: the leader asked to apologize (and told when a fix runs late)."""

from bot.policy.model import Level, Policy
from bot.store.models import Case


def apology_level(policy: Policy, case: Case) -> Level:
    """The lowest level that must apologize for this case's severity."""
    return policy.level(policy.rule(case.severity).apologize)


def leader_for(policy: Policy, case: Case) -> str:
    """The person at that level who is asked: the first one who is not the reporter."""
    level = apology_level(policy, case)
    return next((p for p in level.people if p != case.reporter_id), level.people[0])


def leader_on_case(policy: Policy, case: Case) -> str:
    """The leader who apologized, or who is asked to: they hear when the fix slips."""
    return case.apology_by or case.apology_leader_id or leader_for(policy, case)
