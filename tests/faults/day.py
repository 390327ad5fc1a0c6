"""The fault suite's scripted day of service recovery, and what Slack shows by outbox key.

Five complaints arrive three ways (the complaints channel, `/recover new`, the "Log as complaint"
shortcut); apologies are approved (one edited, one left to climb the ladder); fixes get owners by
command and by modal, one needs more time, all are marked fixed; check-ins are answered; gestures are
given, approved and declined; improvements are recorded, cases closed, and the weekly digest posted.
"""

import base64
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Unpack
from urllib.parse import urlencode

from bot.recovery import digest
from bot.recovery.messages.ids import Action, Input, Modal
from bot.sandbox import cast
from bot.sandbox.cast import (
    COMPLAINTS,
    DIRECTOR,
    EXECUTIVE,
    FRONT_DESK,
    LEAD,
    MANAGER,
    RANDOM,
    SUPPORT,
    WAITER,
    Person,
)
from bot.sandbox.driver import SlackDriver
from bot.sandbox.rig import Rig
from bot.sandbox.standin import SlackStandIn
from bot.sandbox.wire import Delivery, Signing
from bot.slack.errors import SORRY
from bot.store.models import Case, utcnow
from handlers.forms import PRESS_AGAIN
from tests.helpers import wait_until

Json = dict[str, Any]
FORM = "application/x-www-form-urlencoded"

# A day in seconds: reminders before and at each deadline, a heads-up to the leader 2 s after it, check-ins
# a second after each fix, and one moderate complaint nobody answers, climbing the ladder every 3 s. (No
# reminder repeats every second: under faults the bot could not send them as fast as they come.)
QUICK_DAY = {
    'respond_within = "60s"': 'respond_within = "1h"',
    'respond_within = "45s"': 'respond_within = "3s"',
    'respond_within = "12s"': 'respond_within = "1h"',
    'respond_within = "30s"': 'respond_within = "1h"',
    'checkins = ["4s"]': 'checkins = ["1s"]',
    'checkins = ["4s", "8s"]': 'checkins = ["1s"]',
    'checkins = ["3s", "6s"]': 'checkins = ["1s"]',
    'checkins = ["3s", "6s", "9s"]': 'checkins = ["1s", "2s"]',
    'before_due = ["6s", "3s"]': 'before_due = ["2s", "1s"]',
    'overdue_every = "3s"': 'overdue_every = "1h"',
    'escalate_overdue_after = "5s"': 'escalate_overdue_after = "2s"',
    'checkin_retry = "3s"': 'checkin_retry = "1s"',
}
# The same day where nothing but the check-ins fires on a timer, so two plays of it can be compared.
CALM_DAY = {**QUICK_DAY, 'respond_within = "45s"': 'respond_within = "1h"'}

# Every contact detail a customer gives during the day (none may reach a channel).
CONTACTS = (
    "ana.ruiz@example.com",
    "917-555-0142",
    "+1 415 555 0134",
    "omar.haddad@example.org",
    "(212) 555-0187",
    "grace.kim@example.net",
    "+44 20 7946 0321",
    "lena.fischer@example.com",
    "+49 151 2345 6789",
)


def keys_in_slack(standin: SlackStandIn) -> Counter:
    """How many messages in Slack (any channel, DM or thread) carry each outbox key."""
    return keys_in(standin.messages())


def keys_in(messages: list[Json]) -> Counter:
    """How many of these messages carry each outbox key."""
    return Counter(k for k in map(key_of, messages) if k)


def key_of(message: Json) -> str | None:
    """The outbox key a bot message carries in its metadata."""
    return (message.get("metadata") or {}).get("event_payload", {}).get("key")


def buttons(message: Json) -> list[Json]:
    """The buttons of a message (none once the bot retired them)."""
    return [e for b in message.get("blocks") or [] if b["type"] == "actions" for e in b["elements"]]


def typed(value: str) -> Json:
    """A plain text input as a person left it."""
    return {"type": "plain_text_input", "value": value}


@dataclass
class SlackRecord:
    """What Slack saw during a day, kept as plain data (a day played in another process saves it)."""

    messages: list[Json]  # as they are now, with their channel
    calls: list[Json]  # every Web API call: method, args, status
    faults: list[str]  # the method of every injected fault
    responses: list[Json]  # every post to a response URL: channel_id, body
    files: list[Json]  # every uploaded file: name, title, content (base64)
    homes: dict[str, Json]  # user → the Home tab published for them
    requests: int  # signed requests the people's Slack sent the bot
    modal_retries: int  # modals Slack did not open, after which the person was told and tried again

    @classmethod
    def of(cls, day: "Day") -> "SlackRecord":
        """What the day's stand-in recorded."""
        standin = day.standin
        return cls(
            messages=standin.messages(),
            calls=[{"method": c.method, "args": c.args, "status": c.status} for c in standin.calls],
            faults=[f.method for f in standin.faults],
            responses=[{"channel_id": r.channel_id, "body": r.body} for r in standin.responses],
            files=[
                {"name": f.name, "title": f.title, "content": base64.b64encode(f.content or b"").decode()}
                for f in standin.files
            ],
            homes={p.id: home for p in cast.PEOPLE if (home := standin.home(p.id))},
            requests=day.driver.sent,
            modal_retries=day.modal_retries,
        )

    def save(self, path: Path) -> None:
        """Write it as JSON."""
        path.write_text(json.dumps(asdict(self)))

    @classmethod
    def load(cls, path: Path) -> "SlackRecord":
        """Read what `save` wrote."""
        return cls(**json.loads(path.read_text()))


class CountingDriver(SlackDriver):
    """The sandbox driver, counting the signed requests it sends."""

    sent = 0

    def send(
        self,
        body: bytes,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        **signing: Unpack[Signing],
    ) -> Delivery:
        """Send, and count it."""
        self.sent += 1
        return super().send(body, content_type, headers=headers, **signing)


class Day:
    """People using Slack against a running rig; `again` names the deliveries Slack makes twice."""

    def __init__(self, rig: Rig, *, again: frozenset[str] = frozenset(), timeout: float = 30.0) -> None:
        self.rig, self.standin, self.again, self.timeout = rig, rig.standin, again, timeout
        self.driver = CountingDriver(rig.service.url, cast.SIGNING_SECRET, rig.standin)
        self.pressed: set[str] = set()  # messages whose buttons someone already used
        self.modal_retries = 0  # modals Slack did not open; the person was told and tried again

    # -- what people do ----------------------------------------------------------------------------

    def post(self, who: Person, channel: str, text: str, *, thread_ts: str | None = None) -> str:
        """Someone posts a message; answers its ts."""
        ts, delivery = self.driver.post_message(who.id, channel, text, thread_ts=thread_ts)
        assert delivery.status == 200
        if "event" in self.again:
            event = delivery.payload["event"]
            retry = self.driver.deliver_event(event, event_id=delivery.event_id, retry_num=1)
            assert retry.status == 200
        self.settle()
        return ts

    def command(self, who: Person, text: str) -> str:
        """Someone types `/recover text`; answers what the bot replied to them."""
        delivery = self.driver.command(who.id, text)
        assert delivery.status == 200
        self.settle()
        reply = " ".join(self.replies(delivery))
        assert reply and SORRY not in reply and "Nothing was changed" not in reply, reply
        return reply

    def press(self, who: Person, action_id: str, message: Json) -> Delivery:
        """Someone presses a button in a message."""
        value = next(b["value"] for b in buttons(message) if b["action_id"] == action_id)
        where = (message["channel"], message["ts"])
        delivery = self.driver.block_action(who.id, action_id, value=value, message=where)
        self.pressed.add(message["ts"])
        return self._again("block_actions", delivery)

    def shortcut(self, who: Person, channel: str, ts: str) -> Delivery:
        """Someone uses "Log as complaint" on a message."""
        return self._again("message_action", self.driver.message_shortcut(who.id, channel, ts))

    def submit(self, who: Person, view: Json, values: Json) -> None:
        """Someone fills in an open modal and submits it; the bot accepts it."""
        delivery = self.driver.view_submission(who.id, view["id"], values)
        assert delivery.status == 200 and not (delivery.json or {}).get("errors"), delivery.body_text
        self._again("view_submission", delivery)

    def open_modal(self, who: Person, callback_id: str, act: Callable[[], Delivery]) -> Json:
        """Do what opens a modal; when Slack would not open it, the person is told and tries again."""
        for _ in range(10):
            seen = len(self.standin.opened_views(who.id))
            delivery = act()
            opened = [v for v in self.standin.opened_views(who.id)[seen:] if v["callback_id"] == callback_id]
            if opened:
                return opened[0]
            told = self.replies(delivery)
            assert SORRY in told or PRESS_AGAIN in told, f"no {callback_id} modal for {who.name}; told {told}"
            self.modal_retries += 1
        raise AssertionError(f"the {callback_id} modal never opened for {who.name}")

    def _again(self, kind: str, delivery: Delivery) -> Delivery:
        assert delivery.status == 200
        if kind in self.again:  # the same payload once more, as a Slack retry delivers it
            body = urlencode({"payload": json.dumps(delivery.payload)}).encode()
            assert self.driver.send(body, FORM).status == 200
        self.settle()
        return delivery

    # -- what people see ---------------------------------------------------------------------------

    def settle(self) -> None:
        """Wait until the bot finished what it was asked and sent what is due."""
        self.rig.service.settle(timeout=self.timeout)

    def replies(self, delivery: Delivery) -> list[str]:
        """What the bot answered on this delivery's response_url."""
        return [r.text for r in self.standin.responses if r.url == delivery.response_url]

    def case(self, number: int) -> Case:
        """A case as stored now."""
        with self.rig.service.runtime.db.session() as session:
            found = session.get(Case, number)
            assert found is not None, f"there is no REC-{number}"
            return found

    def cases(self, count: int) -> None:
        """Wait until this many cases are logged."""
        wait_until(lambda: self._logged(count), timeout=self.timeout, what=f"{count} cases")

    def _logged(self, count: int) -> bool:
        with self.rig.service.runtime.db.session() as session:
            return session.get(Case, count) is not None

    def card(self, number: int) -> Json:
        """The case card in its channel."""
        return self._wait(
            lambda: [m for m in self.standin.messages() if key_of(m) == f"card:{number}"],
            f"REC-{number}'s card",
        )

    def dm(self, who: Person, words: str) -> Json:
        """The first DM from the bot to `who` containing `words`."""
        return self._wait(
            lambda: [m for m in self.standin.dm(who.id) if words in (m.get("text") or "") and key_of(m)],
            f"a DM to {who.name} saying {words!r}",
        )

    def unpressed(self, who: Person, words: str) -> list[Json]:
        """DMs to `who` containing `words` whose buttons nobody used yet, oldest first."""
        return [
            m
            for m in self.standin.dm(who.id)
            if words in (m.get("text") or "") and buttons(m) and m["ts"] not in self.pressed
        ]

    def _wait(self, find: Callable[[], list[Json]], what: str) -> Json:
        return self.standin.wait_for(find, timeout=self.timeout, what=what)[0]

    # -- steps of the day --------------------------------------------------------------------------

    def approve(self, leader: Person, key: str) -> None:
        """The leader approves the apology for `key` as drafted (the newest request, until one counts)."""
        number = int(key.split("-")[1])
        while self.case(number).apology_state != "approved":
            request = self.standin.wait_for(
                lambda: self.unpressed(leader, f"Apology needed: {key} ")[-1:],
                timeout=self.timeout,
                what=f"an apology request for {key} to {leader.name}",
            )[0]
            self.press(leader, Action.APPROVE_APOLOGY, request)

    def check_in(self, who: Person, key: str, action_id: str) -> None:
        """Answer the oldest unanswered check-in DM about `key`."""
        asked = self._wait(
            lambda: self.unpressed(who, f"about {key}: is everything okay?"), f"{key} check-in"
        )
        self.press(who, action_id, asked)

    def modal(self, who: Person, callback_id: str, action_id: str, message: Json, values: Json) -> None:
        """Press a button that opens a modal, fill it in and submit it."""
        view = self.open_modal(who, callback_id, lambda: self.press(who, action_id, message))
        self.submit(who, view, values)


def prefilled(view: Json, block_id: str) -> str:
    """What a modal's input shows before the person types anything."""
    block = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    return str(block["element"].get("initial_value") or "")


def play(day: Day, *, quick: bool) -> None:
    """The scripted day; `quick`: deadlines in seconds and REC-2 left to climb the apology ladder."""

    def due(seconds: int) -> str:
        return f"in {seconds} seconds" if quick else "in 1 hour"

    # Morning: five complaints, three ways in.
    breakfast = day.post(
        FRONT_DESK,
        COMPLAINTS,
        "Customer: Ana Ruiz (ana.ruiz@example.com) says the toast at breakfast was a little overdone this morning.",
    )
    day.cases(1)
    day.post(
        FRONT_DESK,
        COMPLAINTS,
        "Brought her a fresh plate; she is on 917-555-0142 if anything else comes up.",
        thread_ts=breakfast,
    )
    day.post(
        WAITER,
        COMPLAINTS,
        "Customer: Tom Becker waited 50 minutes for a table he had booked. Call him back on +1 415 555 0134.",
    )
    day.cases(2)
    day.command(
        SUPPORT,
        "new Customer: Omar Haddad was charged twice for his stay ($1,240); "
        "reach him at omar.haddad@example.org or (212) 555-0187.",
    )
    day.cases(3)
    day.post(
        FRONT_DESK,
        COMPLAINTS,
        "Customer: Grace Kim had an allergic reaction after the kitchen served nuts. "
        "<mailto:grace.kim@example.net|grace.kim@example.net> <tel:+442079460321|+44 20 7946 0321>",
    )
    day.cases(4)
    medication = day.post(
        SUPPORT,
        RANDOM,
        "Heads up: housekeeping cleared a guest's toiletries from room 508 by mistake, replaced from the shop "
        "straight away, she was fine about it. "
        "Customer: Lena Fischer, lena.fischer@example.com, +49 151 2345 6789",
    )
    view = day.open_modal(SUPPORT, Modal.NEW_CASE, lambda: day.shortcut(SUPPORT, RANDOM, medication))
    day.submit(
        SUPPORT,
        view,
        {
            block: {block: typed(prefilled(view, block))}
            for block in (Input.SUMMARY, Input.CUSTOMER_NAME, Input.CUSTOMER_CONTACT)
        }
        | {
            Input.CARD_CHANNEL: {
                Input.CARD_CHANNEL: {"type": "conversations_select", "selected_conversation": COMPLAINTS}
            }
        },
    )
    day.cases(5)
    major = {"type": "static_select", "selected_option": {"value": "major"}}
    day.modal(
        SUPPORT,
        Modal.SEVERITY,
        Action.CHANGE_SEVERITY,
        day.card(5),
        {
            Input.SEVERITY: {Input.SEVERITY: major},
            Input.REASON: {Input.REASON: typed("she needs it every day")},
        },
    )

    # Sorry, from high enough up.
    day.approve(EXECUTIVE if quick else MANAGER, "REC-2")  # quick: nobody answered; it reached the top
    day.approve(LEAD, "REC-1")
    day.approve(EXECUTIVE, "REC-4")
    day.approve(DIRECTOR, "REC-5")
    request = day.standin.wait_for(
        lambda: day.unpressed(DIRECTOR, "Apology needed: REC-3 "), timeout=day.timeout, what="REC-3's request"
    )[0]
    apology = (
        "Dear Mr. Haddad, I am sorry we charged your card twice; that was our mistake. I will call you on "
        "(212) 555-0187 today, and the duplicate charge is refunded by Friday.\nAna Costa, Director"
    )
    day.modal(
        DIRECTOR,
        Modal.EDIT_APOLOGY,
        Action.EDIT_APOLOGY,
        request,
        {
            Input.APOLOGY_TEXT: {Input.APOLOGY_TEXT: typed(apology)},
            Input.AS_WRITTEN: {
                Input.AS_WRITTEN: {"type": "checkboxes", "selected_options": [{"value": "yes"}]}
            },
            Input.GESTURE_WHAT: {Input.GESTURE_WHAT: typed("a refund of the duplicate charge")},
            Input.GESTURE_AMOUNT: {Input.GESTURE_AMOUNT: {"type": "number_input", "value": "1240"}},
        },
    )
    day.press(EXECUTIVE, Action.APPROVE_GESTURE, day.dm(EXECUTIVE, "a refund of the duplicate charge"))
    day.command(LEAD, "gesture REC-1 a complimentary dessert $20")
    day.command(LEAD, "gesture REC-1 a night on the house $400")
    day.press(DIRECTOR, Action.DECLINE_GESTURE, day.dm(DIRECTOR, "a night on the house"))

    # Fix it by a deadline.
    day.command(FRONT_DESK, f"owner REC-1 <@{SUPPORT.id}> due {due(3)}")
    deadline = int(utcnow().timestamp()) + (8 if quick else 3600)  # room for the modal under a loaded CPU
    day.modal(
        MANAGER,
        Modal.ASSIGN_OWNER,
        Action.ASSIGN_OWNER,
        day.card(2),
        {
            Input.FIX_OWNER: {Input.FIX_OWNER: {"type": "users_select", "selected_user": WAITER.id}},
            Input.FIX_DUE: {Input.FIX_DUE: {"type": "datetimepicker", "selected_date_time": deadline}},
        },
    )
    day.command(DIRECTOR, f"owner REC-3 <@{SUPPORT.id}> due {due(4)}")
    day.command(EXECUTIVE, f"owner REC-4 <@{WAITER.id}> due {due(3)}")
    day.command(SUPPORT, f"owner REC-5 <@{SUPPORT.id}> due in 1 hour")
    omar = day.dm(SUPPORT, "You own the fix for REC-3")
    day.modal(
        SUPPORT,
        Modal.MORE_TIME,
        Action.NEED_MORE_TIME,
        omar,
        {
            Input.FIX_DUE: {Input.FIX_DUE: typed(due(5))},
            Input.REASON: {Input.REASON: typed("the bank needs a day to reverse the charge")},
        },
    )
    if quick:
        day.dm(SUPPORT, "*REC-1* is due *now*")
    day.command(SUPPORT, "fixed REC-1 Remade the order and sent it up")
    if quick:
        day.dm(WAITER, "*REC-2* is due *now*")
    day.press(WAITER, Action.MARK_FIXED, day.dm(WAITER, "You own the fix for REC-2"))
    if quick:
        day.dm(SUPPORT, "*REC-3* is due *now*")
    day.press(SUPPORT, Action.MARK_FIXED, omar)
    if quick:
        day.dm(EXECUTIVE, "Heads-up: the fix for *REC-4*")
    day.command(WAITER, "fixed REC-4 A nut-free prep area and an allergy check on every order")
    day.command(SUPPORT, "fixed REC-5 The pharmacy replaced her medication the same afternoon")

    # Is everything okay?
    day.check_in(LEAD, "REC-1", Action.CHECKIN_OK)
    tom = EXECUTIVE if quick else MANAGER  # whoever apologized checks in
    day.check_in(tom, "REC-2", Action.CHECKIN_UNREACHABLE)
    day.check_in(tom, "REC-2", Action.CHECKIN_OK)
    day.check_in(DIRECTOR, "REC-3", Action.CHECKIN_OK)
    day.check_in(EXECUTIVE, "REC-4", Action.CHECKIN_OK)
    day.check_in(EXECUTIVE, "REC-4", Action.CHECKIN_OK)
    day.check_in(DIRECTOR, "REC-5", Action.CHECKIN_OK)

    # So it won't happen again; closing; the weekly digest.
    day.command(
        SUPPORT, "improve REC-3 a retry on the payment page charged twice =&gt; it now blocks a second submit"
    )
    day.command(DIRECTOR, "close REC-3")
    day.modal(
        SUPPORT,
        Modal.IMPROVEMENT,
        Action.RECORD_IMPROVEMENT,
        day.card(5),
        {
            Input.ROOT_CAUSE: {Input.ROOT_CAUSE: typed("nobody checked before clearing the room")},
            Input.CHANGE: {Input.CHANGE: typed("housekeeping now bags and labels what guests leave")},
        },
    )
    day.command(SUPPORT, "close REC-5")
    day.command(FRONT_DESK, "close REC-1")
    with day.rig.service.runtime.transaction() as session:
        digest.post(session, policy=day.rig.policy, key="digest:faults", until=utcnow())
    day.settle()
