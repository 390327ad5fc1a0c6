"""Who may change a case, end to end: (person, action, case state) → allowed, or refused and nothing changes.

The rules (SPEC §7): the people on a case (reporter, leader asked, fix owner), leaders at or above the
level its severity needs, and admins may change it (bot/recovery/access.py); an apology request is answered by
the leader asked, anyone higher, or an admin (apologies.may_act); a gesture above a limit is decided by
the person asked, anyone higher, or an admin (gestures.decide); check-ins are answered by whoever
apologized, anyone higher, or an admin (checkins._require_checker); anyone may log a case. A modal
submission is checked again when it arrives: here an admin opens the modal and someone else submits it.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.recovery.messages.ids import Action, Input, Modal
from bot.sandbox.cast import (
    ADMIN,
    DEMO_POLICY,
    DIRECTOR,
    EXECUTIVE,
    FRONT_DESK,
    LEAD,
    MANAGER,
    OUTSIDER,
    SUPPORT,
    WAITER,
    Person,
)
from bot.sandbox.rig import Rig
from bot.sandbox.wire import Delivery
from bot.store.models import Case, Gesture, Outbox, TimelineEvent, utcnow
from tests.faults.day import CALM_DAY, CountingDriver, buttons, key_of, typed
from tests.faults.figures import Figures
from tests.helpers import policy_file

pytestmark = pytest.mark.faults

Json = dict[str, Any]
REFUSED = re.compile(r"(?i)\bonly (?:the people on|they)\b")

# Case states: how each is made, by the admin, after Maria (front desk) logs it.
MINOR = "minor, Tara asked"
MAJOR = "major, Ana asked"
OWNED = "minor, Sam owns the fix"
GIVEN_ON = "minor, the fix moved from Sam to Lee"
FIXED = "minor, fixed, Tara asked to check in"
CLOSED = "minor, closed"
GESTURE = "minor, Tara's $400 gesture asked of Ana"
MAJOR_TEXT = "the guest was charged twice and says never again"
MINOR_TEXT = "the guest's welcome card misspelled her name"


class World:
    """One bot with cases in every state: a fresh case for each allowed action, a shared one for refusals."""

    def __init__(self, rig: Rig) -> None:
        self.rig, self.standin = rig, rig.standin
        self.driver = CountingDriver(rig.service.url, rig.driver.signing_secret, rig.standin)
        self.fresh: dict[str, list[int]] = {}
        self.shared: dict[str, int] = {}

    def make(self, needed: dict[str, int]) -> None:
        """Cases for every state: as many fresh ones as allowed rows need, plus one shared."""
        states = list(needed)
        tags = [(s, n) for s in range(len(states)) for n in range(needed[states[s]] + 1)]
        for s, n in tags:
            text = MAJOR_TEXT if states[s] == MAJOR else MINOR_TEXT
            self.command(FRONT_DESK, f"new AUTH-{s}-{n}: {text}", settle=False)
        self.settle()
        with self.rig.service.runtime.db.session() as session:
            by_tag = {c.summary.split(":")[0]: c.id for c in session.exec(select(Case))}
        for s, n in tags:
            number = by_tag[f"AUTH-{s}-{n}"]
            if n == 0:
                self.shared[states[s]] = number
            else:
                self.fresh.setdefault(states[s], []).append(number)
        numbers = {state: [self.shared[state], *self.fresh.get(state, [])] for state in needed}
        self.each(numbers, (OWNED, GIVEN_ON, FIXED), f"owner REC-{{}} <@{SUPPORT.id}> due in 1 hour")
        self.each(numbers, (GIVEN_ON,), f"owner REC-{{}} <@{WAITER.id}> due in 2 hours")
        self.each(numbers, (FIXED,), "fixed REC-{} it is done")
        self.each(numbers, (CLOSED,), "close REC-{}")
        self.each(numbers, (GESTURE,), "gesture REC-{} a night on the house $400", who=LEAD)
        for n in numbers.get(FIXED, []):
            self.message(f"nudge:checkin:{n}:v1:1:a1")

    def each(
        self, numbers: dict[str, list[int]], states: tuple[str, ...], text: str, who: Person = ADMIN
    ) -> None:
        for state in states:
            for n in numbers.get(state, []):
                self.command(who, text.format(n), settle=False)
        self.settle()

    def case(self, state: str, *, fresh: bool) -> int:
        """A case in this state: untouched, or the one refusals share."""
        return self.fresh[state].pop() if fresh else self.shared[state]

    # -- acting ------------------------------------------------------------------------------------

    def settle(self) -> None:
        self.rig.service.settle(timeout=30)

    def command(self, who: Person, text: str, *, settle: bool = True) -> Delivery:
        delivery = self.driver.command(who.id, text)
        if settle:
            self.settle()
        return delivery

    def message(self, key: str) -> Json:
        """The bot message carrying this outbox key."""
        return self.standin.wait_for(
            lambda: [m for m in self.standin.messages() if key_of(m) == key], timeout=15, what=key
        )[0]

    def press(self, who: Person, action_id: str, message: Json) -> Delivery:
        value = next(b["value"] for b in buttons(message) if b["action_id"] == action_id)
        delivery = self.driver.block_action(
            who.id, action_id, value=value, message=(message["channel"], message["ts"])
        )
        self.settle()
        return delivery

    def submit(self, who: Person, n: int, opener: "Button", values: Json) -> Delivery:
        """An admin opens the modal; `who` submits it."""
        seen = len(self.standin.opened_views(ADMIN.id))
        self.press(ADMIN, opener.action_id, opener.where(self, n))
        [view] = self.standin.opened_views(ADMIN.id)[seen:]
        delivery = self.driver.view_submission(who.id, view["id"], values)
        self.settle()
        return delivery

    # -- looking -----------------------------------------------------------------------------------

    def look(self, n: int, who: Person) -> tuple[Any, ...]:
        """The case, its timeline and owed messages, the number of cases, and what `who` has seen."""
        with self.rig.service.runtime.db.session() as session:
            case = session.get(Case, n).model_dump()
            kinds = [e.kind for e in session.exec(select(TimelineEvent).where(TimelineEvent.case_id == n))]
            owed = session.exec(select(func.count()).select_from(Outbox).where(Outbox.case_id == n)).one()
            cases = session.exec(select(func.count()).select_from(Case)).one()
        return case, kinds, owed, cases, self.standin.opened_views(who.id), self.standin.dm(who.id)

    def refusals(self, delivery: Delivery, who: Person, dms_before: int) -> list[str]:
        """What told `who` they may not: a reply, an error in the modal, or a DM."""
        said = [r.text for r in self.standin.responses if r.url == delivery.response_url]
        said += [str(e) for e in ((delivery.json or {}).get("errors") or {}).values()]
        said += [m.get("text") or "" for m in self.standin.dm(who.id)[dms_before:] if not key_of(m)]
        return [text for text in said if REFUSED.search(text)]


@dataclass(frozen=True)
class Button:
    """A button on one of the case's messages."""

    action_id: str
    where: Callable[[World, int], Json]


def card(world: World, n: int) -> Json:
    return world.message(f"card:{n}")


def apology_request(world: World, n: int) -> Json:
    return world.message(f"apology-dm:{n}:r1")


def owner_dm(world: World, n: int) -> Json:
    return world.message(f"owner-dm:{n}:v1")


def checkin_dm(world: World, n: int) -> Json:
    return world.message(f"nudge:checkin:{n}:v1:1:a1")


def gesture_ask(world: World, n: int) -> Json:
    with world.rig.service.runtime.db.session() as session:
        gesture = session.exec(select(Gesture.id).where(Gesture.case_id == n)).one()
    return world.message(f"gesture-ask:{gesture}")


@dataclass(frozen=True)
class Act:
    """Something a person does to a case, and what it does when allowed: a timeline event, or a modal."""

    do: Callable[[World, int, Person], Delivery]
    event: str | None = None
    modal: str | None = None


def typing(text: str, event: str | None) -> Act:
    """`/recover text` (with `{}` for the case number)."""
    return Act(lambda world, n, who: world.command(who, text.format(n)), event=event)


def pressing(button: Button, *, event: str | None = None, modal: str | None = None) -> Act:
    return Act(lambda world, n, who: world.press(who, button.action_id, button.where(world, n)), event, modal)


def submitting(button: Button, values: Callable[[], Json]) -> Callable[[str], Act]:
    return lambda event: Act(lambda world, n, who: world.submit(who, n, button, values()), event=event)


def picked(block: str, **value: Any) -> Json:
    return {block: {block: value}}


SEVERITY_BUTTON = Button(Action.CHANGE_SEVERITY, card)
ASSIGN_BUTTON = Button(Action.ASSIGN_OWNER, card)
DETAILS_BUTTON = Button(Action.EDIT_DETAILS, card)
IMPROVE_BUTTON = Button(Action.RECORD_IMPROVEMENT, card)
APPROVE_BUTTON = Button(Action.APPROVE_APOLOGY, apology_request)
EDIT_BUTTON = Button(Action.EDIT_APOLOGY, apology_request)
HAND_BUTTON = Button(Action.HAND_APOLOGY, apology_request)
ESCALATE_BUTTON = Button(Action.ESCALATE_APOLOGY, apology_request)
MORE_TIME_BUTTON = Button(Action.NEED_MORE_TIME, owner_dm)

ACTS: dict[str, Act] = {
    "/recover new": typing("new A guest's room was cold all night", None),
    "/recover severity": typing("severity REC-{} moderate she is very upset", "severity"),
    "/recover owner": typing(f"owner REC-{{}} <@{SUPPORT.id}> due in 3 hours", "owner"),
    "/recover due": typing("due REC-{} in 3 hours", "deadline"),
    "/recover fixed": typing("fixed REC-{} new towels", "fixed"),
    "/recover gesture": typing("gesture REC-{} a complimentary coffee", "gesture"),
    "/recover checkin": typing("checkin REC-{} ok she is happy", "checkin"),
    "/recover improve": typing(
        "improve REC-{} no linen check =&gt; a linen check every morning", "improvement"
    ),
    "/recover close": typing("close REC-{}", "closed"),
    "/recover reopen": typing("reopen REC-{} she wrote again", "reopened"),
    "Approve & send": pressing(APPROVE_BUTTON, event="apologized"),
    "Edit (apology)": pressing(EDIT_BUTTON, modal=Modal.EDIT_APOLOGY),
    "Hand to someone else": pressing(HAND_BUTTON, modal=Modal.HAND_APOLOGY),
    "Escalate": pressing(ESCALATE_BUTTON, modal=Modal.ESCALATE_APOLOGY),
    "Approve (gesture)": pressing(Button(Action.APPROVE_GESTURE, gesture_ask), event="gesture_approved"),
    "Decline (gesture)": pressing(Button(Action.DECLINE_GESTURE, gesture_ask), event="gesture_declined"),
    "Mark fixed": pressing(Button(Action.MARK_FIXED, owner_dm), event="fixed"),
    "Mark fixed (Sam's old DM)": pressing(Button(Action.MARK_FIXED, owner_dm), event="fixed"),
    "Need more time": pressing(MORE_TIME_BUTTON, modal=Modal.MORE_TIME),
    "All good": pressing(Button(Action.CHECKIN_OK, checkin_dm), event="checkin"),
    "Still unhappy": pressing(Button(Action.CHECKIN_UNHAPPY, checkin_dm), event="checkin"),
    "Couldn't reach them": pressing(Button(Action.CHECKIN_UNREACHABLE, checkin_dm), event="checkin"),
    "Change severity": pressing(SEVERITY_BUTTON, modal=Modal.SEVERITY),
    "Assign fix owner": pressing(ASSIGN_BUTTON, modal=Modal.ASSIGN_OWNER),
    "Edit details": pressing(DETAILS_BUTTON, modal=Modal.DETAILS),
    "Record improvement": pressing(IMPROVE_BUTTON, modal=Modal.IMPROVEMENT),
    "submit Change severity": submitting(
        SEVERITY_BUTTON,
        lambda: (
            picked(Input.SEVERITY, type="static_select", selected_option={"value": "moderate"})
            | {Input.REASON: {Input.REASON: typed("she is very upset")}}
        ),
    )("severity"),
    "submit Edit details": submitting(
        DETAILS_BUTTON,
        lambda: {
            Input.SUMMARY: {Input.SUMMARY: typed("AUTH: towels and sheets were not replaced")},
            Input.CUSTOMER_NAME: {Input.CUSTOMER_NAME: typed("Ann Lee")},
            Input.CUSTOMER_CONTACT: {Input.CUSTOMER_CONTACT: typed("ann.lee@example.com")},
        },
    )("details"),
    "submit Assign fix owner": submitting(
        ASSIGN_BUTTON,
        lambda: (
            picked(Input.FIX_OWNER, type="users_select", selected_user=SUPPORT.id)
            | picked(
                Input.FIX_DUE, type="datetimepicker", selected_date_time=int(utcnow().timestamp()) + 3600
            )
        ),
    )("owner"),
    "submit Need more time": submitting(
        MORE_TIME_BUTTON,
        lambda: {
            Input.FIX_DUE: {Input.FIX_DUE: typed("in 3 hours")},
            Input.REASON: {Input.REASON: typed("parts")},
        },
    )("deadline"),
    "submit Record improvement": submitting(
        IMPROVE_BUTTON,
        lambda: {
            Input.ROOT_CAUSE: {Input.ROOT_CAUSE: typed("no linen check")},
            Input.CHANGE: {Input.CHANGE: typed("a linen check every morning")},
        },
    )("improvement"),
    "submit Edit (apology)": submitting(
        EDIT_BUTTON,
        lambda: {
            Input.APOLOGY_TEXT: {
                Input.APOLOGY_TEXT: typed("I am sorry about the towels; we replace them today.")
            },
            Input.AS_WRITTEN: {
                Input.AS_WRITTEN: {"type": "checkboxes", "selected_options": [{"value": "yes"}]}
            },
        },
    )("apologized"),
    "submit Hand to someone else": submitting(
        HAND_BUTTON, lambda: picked(Input.HAND_TO, type="users_select", selected_user=DIRECTOR.id)
    )("apology_requested"),
    "submit Escalate": submitting(
        ESCALATE_BUTTON, lambda: {Input.REASON: {Input.REASON: typed("she is a regular")}}
    )("apology_requested"),
}


def rule(act: str, state: str, allowed: tuple[Person, ...], refused: tuple[Person, ...]) -> list[Any]:
    """Table rows for one action on one kind of case."""
    rows = [(who, act, state, True) for who in allowed] + [(who, act, state, False) for who in refused]
    return [
        pytest.param(*row, id=f"{row[0].name}-{act}-{state}-{'allowed' if row[3] else 'refused'}")
        for row in rows
    ]


RULES = [
    *rule("/recover new", MINOR, (OUTSIDER, WAITER), ()),
    *rule("/recover severity", MINOR, (FRONT_DESK, LEAD, MANAGER, ADMIN), (OUTSIDER, WAITER, SUPPORT)),
    *rule("/recover severity", MAJOR, (DIRECTOR, EXECUTIVE, FRONT_DESK), (MANAGER, LEAD)),
    *rule("/recover owner", MINOR, (FRONT_DESK, ADMIN), (OUTSIDER, WAITER)),
    *rule("/recover due", OWNED, (SUPPORT, FRONT_DESK), (WAITER, OUTSIDER)),
    *rule("/recover due", GIVEN_ON, (WAITER,), (SUPPORT,)),
    *rule("/recover fixed", OWNED, (SUPPORT, LEAD), (WAITER, OUTSIDER)),
    *rule("/recover gesture", MINOR, (FRONT_DESK, LEAD), (OUTSIDER, WAITER)),
    *rule("/recover checkin", FIXED, (LEAD, MANAGER, ADMIN), (FRONT_DESK, SUPPORT, OUTSIDER)),
    *rule("/recover improve", MINOR, (FRONT_DESK, MANAGER), (OUTSIDER, WAITER)),
    *rule("/recover close", MINOR, (FRONT_DESK, ADMIN), (OUTSIDER, WAITER)),
    *rule("/recover reopen", CLOSED, (FRONT_DESK, LEAD), (OUTSIDER, WAITER)),
    *rule("Approve & send", MINOR, (LEAD, MANAGER, ADMIN), (FRONT_DESK, SUPPORT, OUTSIDER)),
    *rule("Approve & send", MAJOR, (EXECUTIVE,), (MANAGER, FRONT_DESK)),
    *rule("Edit (apology)", MINOR, (LEAD, EXECUTIVE), (FRONT_DESK, OUTSIDER)),
    *rule("Hand to someone else", MINOR, (LEAD, ADMIN), (FRONT_DESK, WAITER)),
    *rule("Escalate", MINOR, (LEAD, MANAGER), (SUPPORT, OUTSIDER)),
    *rule("Approve (gesture)", GESTURE, (DIRECTOR, EXECUTIVE, ADMIN), (LEAD, MANAGER, OUTSIDER)),
    *rule("Decline (gesture)", GESTURE, (DIRECTOR,), (FRONT_DESK, OUTSIDER)),
    *rule("Mark fixed", OWNED, (SUPPORT, FRONT_DESK), (WAITER, OUTSIDER)),
    *rule("Mark fixed (Sam's old DM)", GIVEN_ON, (), (SUPPORT,)),
    *rule("Need more time", OWNED, (SUPPORT, LEAD), (WAITER, OUTSIDER)),
    *rule("All good", FIXED, (LEAD, ADMIN), (FRONT_DESK, SUPPORT, OUTSIDER)),
    *rule("Still unhappy", FIXED, (MANAGER,), (SUPPORT, OUTSIDER)),
    *rule("Couldn't reach them", FIXED, (LEAD,), (FRONT_DESK, OUTSIDER)),
    *rule("Change severity", MINOR, (FRONT_DESK, MANAGER), (OUTSIDER, WAITER)),
    *rule("Change severity", MAJOR, (DIRECTOR,), (LEAD, MANAGER)),
    *rule("Assign fix owner", MINOR, (LEAD, ADMIN), (OUTSIDER, SUPPORT)),
    *rule("Edit details", MINOR, (FRONT_DESK,), (OUTSIDER, WAITER)),
    *rule("Record improvement", MINOR, (MANAGER,), (OUTSIDER, WAITER)),
    *rule("submit Change severity", MINOR, (FRONT_DESK,), (OUTSIDER, WAITER)),
    *rule("submit Edit details", MINOR, (LEAD,), (OUTSIDER,)),
    *rule("submit Assign fix owner", MINOR, (FRONT_DESK,), (OUTSIDER,)),
    *rule("submit Need more time", OWNED, (SUPPORT,), (WAITER,)),
    *rule("submit Need more time", GIVEN_ON, (), (SUPPORT,)),
    *rule("submit Record improvement", MINOR, (FRONT_DESK,), (OUTSIDER,)),
    *rule("submit Edit (apology)", MINOR, (LEAD,), (FRONT_DESK, OUTSIDER)),
    *rule("submit Hand to someone else", MINOR, (MANAGER,), (SUPPORT,)),
    *rule("submit Escalate", MINOR, (LEAD,), (OUTSIDER,)),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    policy = policy_file(tmp_path_factory.mktemp("authorization"), DEMO_POLICY, CALM_DAY)
    with Rig(policy_path=policy) as rig:
        made = World(rig)
        needed = {row.values[2]: 0 for row in RULES}
        for row in RULES:
            needed[row.values[2]] += row.values[3]
        made.make(needed)
        yield made


@pytest.mark.parametrize(("who", "act", "state", "allowed"), RULES)
def test_who_may_change_a_case(
    world: World, who: Person, act: str, state: str, allowed: bool, figures: Figures
) -> None:
    n = world.case(state, fresh=allowed)
    sent = world.driver.sent
    case, kinds, owed, cases, views, dms = world.look(n, who)
    delivery = ACTS[act].do(world, n, who)
    after_case, after_kinds, after_owed, after_cases, after_views, _ = world.look(n, who)
    figures.requests += world.driver.sent - sent
    told = world.refusals(delivery, who, len(dms))
    opened = [v["callback_id"] for v in after_views[len(views) :]]
    expected = ACTS[act]
    if not allowed:
        assert told, f"{who.name} was not told they may not"
        assert (after_case, after_kinds, after_owed, after_cases, opened) == (case, kinds, owed, cases, [])
        return
    assert not told, told
    if expected.modal:
        assert opened == [expected.modal]
    elif expected.event:
        assert expected.event in after_kinds[len(kinds) :], f"no {expected.event} on REC-{n}"
    else:
        assert after_cases == cases + 1
