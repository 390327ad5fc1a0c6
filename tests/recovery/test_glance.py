"""A press reads a case at a glance: the columns it needs, as they stand at the last commit."""

import pytest

from bot.recovery import cases
from bot.recovery.access import may_change
from bot.recovery.errors import NotFound
from bot.recovery.glance import glance
from bot.sandbox.cast import DIRECTOR, FRONT_DESK, SUPPORT
from bot.store.db import Database
from tests.recovery.conftest import log


def test_a_glance_reads_what_a_press_needs_and_sees_each_commit(db: Database, policy) -> None:
    with db.session() as session:
        case = log(session, policy, severity="major")
    seen = glance(db, policy=policy, number=case.id)
    assert (seen.id, seen.severity, seen.reporter_id) == (case.id, "major", FRONT_DESK.id)
    assert (seen.apology_leader_id, seen.fix_owner_id) == (case.apology_leader_id, None)

    with db.session() as session:
        stored = cases.get_case(session, policy=policy, number=case.id)
        stored.severity, stored.fix_owner_id = "minor", SUPPORT.id
    seen = glance(db, policy=policy, number=case.id)
    assert (seen.severity, seen.fix_owner_id) == ("minor", SUPPORT.id)


def test_a_glance_decides_access_as_the_whole_case_does(db: Database, policy) -> None:
    with db.session() as session:
        whole = log(session, policy, severity="critical")
    seen = glance(db, policy=policy, number=whole.id)
    decisions = {
        person: may_change(policy, seen, person) for person in (FRONT_DESK.id, DIRECTOR.id, "U0NOBODY")
    }
    assert decisions == {person: may_change(policy, whole, person) for person in decisions}
    assert decisions[FRONT_DESK.id] and not decisions["U0NOBODY"]


def test_a_case_that_does_not_exist_is_named(db: Database, policy) -> None:
    with pytest.raises(NotFound, match=f"no case {policy.case_prefix}-404"):
        glance(db, policy=policy, number=404)
