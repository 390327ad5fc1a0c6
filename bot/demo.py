"""`bounceback demo`: a morning of complaints played against the local Slack stand-in."""

import logging
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot import digest, ids
from bot.models import utcnow
from bot.sandbox import cast
from bot.sandbox.rig import Rig
from bot.sandbox.transcript import indent, message_lines, plain

PAD = "           "


@dataclass
class Stage:
    """The running demo: the rig, where we are in the story, and how fast to tell it."""

    rig: Rig
    pause: float
    seen: int = 0

    def say(self, text: str = "") -> None:
        """Narration for the reader."""
        print(text, flush=True)

    def beat(self) -> None:
        """A short pause between scenes, so a person can follow."""
        time.sleep(self.pause)

    def show_new(self, clock: str) -> None:
        """Print every message the bot sent since the last look, as its recipients saw it."""
        self.rig.service.settle()
        shown = (*SHOWN, "files.completeUploadExternal")
        calls = [c for c in self.rig.standin.calls if c.method in shown and (c.response or {}).get("ok")][
            self.seen :
        ]
        self.seen += len(calls)
        for call in calls:
            if call.method in SHOWN:
                self.say(SHOWN[call.method](call.args, clock))
            else:
                self.say(self._chart())

    def _chart(self) -> str:
        """Save the chart the bot uploaded, so the reader can open it."""
        path = Path(tempfile.gettempdir()) / "bounceback-demo-digest.png"
        path.write_bytes(self.rig.standin.files[-1].content)
        return f"{PAD}📈 bounceback posts a chart in #learnings — saved to {path} so you can open it"

    def post(self, clock: str, who: cast.Person, text: str, *, thread_ts: str | None = None) -> str:
        """Someone posts in #complaints (or replies in a thread)."""
        where = "in the thread" if thread_ts else "#complaints"
        self.say(f"\n{clock}  {where} · {who.real_name} ({who.title}):")
        self.say(indent(message_lines({"text": text}), PAD))
        ts, _ = self.rig.driver.post_message(who.id, cast.COMPLAINTS, text, thread_ts=thread_ts)
        self.show_new(clock)
        self.beat()
        return ts

    def command(self, clock: str, who: cast.Person, text: str) -> None:
        """Someone types a slash command; we print the private answer they got."""
        self.say(f"\n{clock}  {who.real_name} types: /recover {text}")
        delivery = self.rig.driver.command(who.id, text)
        self.show_new(clock)
        for response in self.rig.standin.responses:
            if response.url == delivery.response_url:
                self.say(f"{PAD}(only {who.real_name} sees this)")
                self.say(indent(message_lines(response.body), PAD + "  "))
        self.beat()

    def shortcut(self, clock: str, who: cast.Person, text: str) -> None:
        """A message posted elsewhere is logged with the "Log as complaint" shortcut and its modal."""
        self.say(f"\n{clock}  #random · {who.real_name} ({who.title}):")
        self.say(indent(message_lines({"text": text}), PAD))
        ts, _ = self.rig.driver.post_message(who.id, cast.RANDOM, text)
        self.say(f"{PAD}{who.real_name} picks ⋯ → Log as complaint on that message. A form opens, filled in:")
        self.rig.driver.message_shortcut(who.id, cast.RANDOM, ts)
        self.rig.service.settle()
        view = self.rig.standin.opened_views(who.id)[-1]
        for block in view["blocks"]:
            element = block.get("element") or {}
            channel = element.get("initial_conversation")
            shown = element.get("initial_value") or (channel and f"<#{channel}>") or "(triage it for me)"
            self.say(f"{PAD}  {block['label']['text']} {_clip(plain(shown))}")
        self.say(f"{PAD}…and presses Log it.")
        self.rig.driver.view_submission(who.id, view["id"], _initial_values(view))
        self.show_new(clock)
        self.beat()

    def wait_for_dm(
        self, clock: str, who: cast.Person, words: str, timeout: float = 30.0, newer_than: dict | None = None
    ) -> dict:
        """Let the clock run until `who` gets a DM containing `words`; show what happened meanwhile."""
        self.say(f"\n{clock}  (time passes…)")
        after = float(newer_than["ts"]) if newer_than else 0.0
        found = self.rig.standin.wait_for(
            lambda: [
                m
                for m in self.rig.standin.dm(who.id)
                if words in (m.get("text") or "") and float(m["ts"]) > after
            ],
            timeout=timeout,
            what=f"a DM to {who.real_name} saying {words!r}",
        )
        self.show_new(clock)
        return found[-1]

    def press(
        self, clock: str, who: cast.Person, label: str, action_id: str, message: dict, case_id: int | None
    ) -> None:
        """Someone presses a button in a message (the button's own value unless a case id is given)."""
        self.say(f"\n{clock}  {who.real_name} presses [{label}]")
        buttons = [e for b in message.get("blocks") or [] if b["type"] == "actions" for e in b["elements"]]
        value = next((e["value"] for e in buttons if e["action_id"] == action_id), str(case_id))
        where = (message["channel"], message["ts"])
        delivery = self.rig.driver.block_action(who.id, action_id, value=value, message=where)
        self.show_new(clock)
        for response in self.rig.standin.responses:
            if response.url == delivery.response_url:
                self.say(f"{PAD}(only {who.real_name} sees this) " + plain(response.text))

    def request_for(self, leader: cast.Person) -> dict:
        """The latest apology request in a leader's DMs."""
        return [m for m in self.rig.standin.dm(leader.id) if "Apology needed" in (m.get("text") or "")][-1]

    def submit(self, clock: str, who: cast.Person, answers: dict[str, str]) -> None:
        """Someone fills in the modal that just opened and submits it."""
        view = self.rig.standin.opened_views(who.id)[-1]
        self.say(f"{PAD}A form opens: “{view['title']['text']}”. {who.real_name} writes:")
        values = {}
        for block_id, text in answers.items():
            values[block_id] = {block_id: {"type": "plain_text_input", "value": text}}
            label = next(b["label"]["text"] for b in view["blocks"] if b["block_id"] == block_id)
            self.say(f"{PAD}  {label} {text}")
        answer = self.rig.driver.view_submission(who.id, view["id"], values)
        for problem in ((answer.json or {}).get("errors") or {}).values():
            self.say(f"{PAD}The form stays open and says, under the field: {problem}")
        self.show_new(clock)


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _initial_values(view: dict) -> dict:
    """The modal's state as Slack sends it when the person submits the prefilled form unchanged."""
    values: dict = {}
    for block in view["blocks"]:
        element = block.get("element") or {}
        action, kind = element.get("action_id"), element.get("type")
        if kind == "plain_text_input":
            values[block["block_id"]] = {action: {"type": kind, "value": element.get("initial_value")}}
        elif kind == "conversations_select":
            state = {"type": kind, "selected_conversation": element.get("initial_conversation")}
            values[block["block_id"]] = {action: state}
        elif kind == "static_select":
            values[block["block_id"]] = {
                action: {"type": kind, "selected_option": element.get("initial_option")}
            }
    return values


def _posted(args: dict, clock: str) -> str:
    channel = str(args.get("channel", ""))
    if channel.startswith(("U", "D")):
        head = f"{PAD}→ direct message to {cast.name_of(channel)}:"
    elif args.get("thread_ts"):
        head = f"{PAD}↳ bounceback replies in the thread:"
    else:
        head = f"{clock}  #{cast.CHANNELS.get(channel, channel)} · bounceback:"
    return head + "\n" + indent(message_lines(args), PAD + "  ")


def _updated(args: dict, clock: str) -> str:
    channel = str(args.get("channel", ""))
    what = (
        f"its direct message to {cast.name_of('U' + channel[1:])}"
        if channel.startswith("D")
        else "the case card"
    )
    return f"{PAD}✎ bounceback updates {what}:\n" + indent(message_lines(args), PAD + "  ")


def _ephemeral(args: dict, clock: str) -> str:
    return f"{PAD}(only {cast.name_of(str(args.get('user')))} sees this) " + plain(str(args.get("text", "")))


SHOWN: dict[str, Callable[[dict, str], str]] = {
    "chat.postMessage": _posted,
    "chat.update": _updated,
    "chat.postEphemeral": _ephemeral,
}


def chapter_one(stage: Stage) -> None:
    """A morning of complaints, from a cold coffee to a threatened lawsuit."""
    stage.say("━━ Chapter one · a morning of complaints ━━")
    stage.say("Staff post complaints in #complaints the way they always have. Bounceback logs each one as a")
    stage.say("case, decides how serious it is (and says why), and names who must say sorry.")
    coffee = stage.post("08:05", cast.FRONT_DESK, "Guest in 214 says her coffee was cold at breakfast.")
    stage.post("08:12", cast.FRONT_DESK, "Brought her a fresh pot, she's smiling again.", thread_ts=coffee)
    stage.say(f"{PAD}(the reply is added to REC-1's timeline as a note, not logged as a new case)")
    stage.post(
        "08:40",
        cast.WAITER,
        "Customer: Tom Becker waited 50 minutes for a table he had booked, and our host was rude to him.",
    )
    stage.command(
        "09:15",
        cast.SUPPORT,
        "new Customer: Omar Haddad was charged twice for his stay ($1,240). He says never again.",
    )
    lawsuit = stage.post(
        "10:10",
        cast.FRONT_DESK,
        "Customer: Grace Kim had an allergic reaction after the kitchen served nuts despite the allergy note "
        "on her booking. Her lawyer called the front desk.",
    )
    stage.say(f"\n{PAD}(Slack delivers that message a second time, as it does when a reply is slow…)")
    event = {
        **stage.rig.standin.message(cast.COMPLAINTS, lawsuit),
        "channel": cast.COMPLAINTS,
        "type": "message",
    }
    stage.rig.driver.deliver_event(event, retry_num=1)
    stage.show_new("10:10")
    stage.say(f"{PAD}(…and it is still one case: nothing new was posted)")
    stage.shortcut(
        "10:18",
        cast.SUPPORT,
        "Heads up: a guest posted on Instagram that housekeeping threw away her medication from room 508. "
        "Customer: Lena Fischer, lena.fischer@example.com",
    )
    stage.say(f"{PAD}(triage saw no danger words; Sam knows better and says why)")
    stage.command("10:20", cast.SUPPORT, "severity REC-5 major she needs that medication daily")
    stage.post(
        "10:25", cast.WAITER, "Customer: Tom Becker again: his room service order never arrived tonight."
    )
    stage.command("10:30", cast.MANAGER, "list")


def chapter_two(stage: Stage) -> None:
    """Apologies at the right level: approved from a DM, edited, refused to an outsider, escalated in time."""
    stage.say("\n━━ Chapter two · sorry, from high enough up ━━")
    stage.say("Each case's leader got a DM with a draft apology and its quality check. A serious failure")
    stage.say("deserves an apology from someone senior, and speed is part of the apology.")
    critical = stage.request_for(cast.EXECUTIVE)
    stage.press("10:14", cast.OUTSIDER, "Approve & send", ids.APPROVE_APOLOGY, critical, None)
    stage.press("10:15", cast.EXECUTIVE, "Approve & send", ids.APPROVE_APOLOGY, critical, None)
    coffee = stage.request_for(cast.LEAD)
    stage.press("10:20", cast.LEAD, "Edit", ids.EDIT_APOLOGY, coffee, None)
    stage.submit(
        "10:21",
        cast.LEAD,
        {
            ids.APOLOGY_TEXT: "Dear guest, I am sorry we served you cold coffee this morning; that was our "
            "mistake. I have asked the kitchen to bring you a fresh pot, and breakfast tomorrow is on us."
            "\nTara Nguyen, Team lead",
        },
    )
    stage.say(f"{PAD}Tara says what she will do, and when:")
    stage.submit(
        "10:22",
        cast.LEAD,
        {
            ids.APOLOGY_TEXT: "Dear guest, I am sorry we served you cold coffee this morning; that was our "
            "mistake. I will bring you a fresh pot myself right now, and breakfast tomorrow is on us."
            "\nTara Nguyen, Team lead",
        },
    )
    stage.say(f"\n{PAD}(Ana Costa, the director, is in meetings and does not answer REC-3 in time…)")
    stage.press(
        "10:30", cast.MANAGER, "Approve & send", ids.APPROVE_APOLOGY, stage.request_for(cast.MANAGER), None
    )
    stage.press(
        "10:32", cast.DIRECTOR, "Approve & send", ids.APPROVE_APOLOGY, stage.request_for(cast.DIRECTOR), None
    )
    climbed = stage.wait_for_dm("11:45", cast.EXECUTIVE, "Apology needed: REC-3", timeout=40)
    stage.press("11:50", cast.EXECUTIVE, "Approve & send", ids.APPROVE_APOLOGY, climbed, None)


def chapter_three(stage: Stage) -> None:
    """Fix owners, deadlines typed in plain words, reminders, a slipped deadline, and done."""
    stage.say("\n━━ Chapter three · fixing it by a deadline ━━")
    stage.say(
        "Fixing the problem is the bare minimum, and fast matters. Each fix gets an owner and a deadline;"
    )
    stage.say("Bounceback reminds the owner before, at and after it, and tells the leader when it slips.")
    stage.say("(In this demo policy a day lasts seconds: reminders come 6s and 3s before a deadline.)")
    stage.command("11:00", cast.MANAGER, f"owner REC-2 <@{cast.WAITER.id}> due in 4 seconds")
    stage.command("11:02", cast.DIRECTOR, f"owner REC-3 <@{cast.SUPPORT.id}> due in 9 seconds")
    stage.wait_for_dm("11:30", cast.SUPPORT, "Reminder")
    owner_dm = next(
        m for m in stage.rig.standin.dm(cast.SUPPORT.id) if "own the fix" in (m.get("text") or "")
    )
    stage.press("11:35", cast.SUPPORT, "Need more time", ids.NEED_MORE_TIME, owner_dm, 3)
    stage.submit(
        "11:35",
        cast.SUPPORT,
        {ids.FIX_DUE: "in 12 seconds", ids.REASON: "the bank needs a day to reverse the duplicate charge"},
    )
    stage.wait_for_dm("13:00", cast.MANAGER, "Heads-up")
    stage.command("13:05", cast.WAITER, "fixed REC-2 Booked his table for Friday and briefed the host team")
    stage.wait_for_dm("14:00", cast.SUPPORT, "is due *now*")
    stage.press("14:10", cast.SUPPORT, "Mark fixed", ids.MARK_FIXED, owner_dm, 3)


def chapter_four(stage: Stage) -> None:
    """Check-ins until the customer is okay, one unhappy customer won back, what we changed, the digest."""
    stage.say("\n━━ Chapter four · is everything okay? ━━")
    stage.say(
        "Fixing it is not the end. Whoever apologized checks back with the customer, until they are okay,"
    )
    stage.say("and the team writes down what it changed so it won't happen again.")
    first = stage.wait_for_dm("Tue 10:00", cast.MANAGER, "is everything okay?")
    stage.press("Tue 10:05", cast.MANAGER, "Still unhappy", ids.CHECKIN_UNHAPPY, first, None)
    stage.press(
        "Tue 10:20",
        cast.DIRECTOR,
        "Approve & send",
        ids.APPROVE_APOLOGY,
        stage.request_for(cast.DIRECTOR),
        None,
    )
    stage.command("Tue 10:30", cast.MANAGER, f"owner REC-2 <@{cast.WAITER.id}> due in 1 hour")
    stage.command(
        "Tue 12:00",
        cast.WAITER,
        "fixed REC-2 Gave him the chef's table on Friday; the host team has a new booking check",
    )
    checkin = stage.wait_for_dm("Wed 10:00", cast.EXECUTIVE, "is everything okay?")
    stage.press("Wed 10:05", cast.EXECUTIVE, "All good", ids.CHECKIN_OK, checkin, None)
    stage.command("Wed 11:00", cast.SUPPORT, "close REC-3")
    stage.command(
        "Wed 11:10",
        cast.SUPPORT,
        "improve REC-3 a retry on the payment page charged the card twice => the page now blocks a second "
        "submit, and a nightly report flags duplicate charges",
    )
    later = stage.wait_for_dm("Fri 10:00", cast.EXECUTIVE, "is everything okay?", newer_than=checkin)
    stage.press("Fri 10:05", cast.EXECUTIVE, "All good", ids.CHECKIN_OK, later, None)
    stage.command("Fri 10:10", cast.SUPPORT, "close REC-3")
    won_back = stage.wait_for_dm("Fri 16:00", cast.DIRECTOR, "is everything okay?")
    stage.press("Fri 16:05", cast.DIRECTOR, "All good", ids.CHECKIN_OK, won_back, None)
    stage.say("\nMonday 09:00 · the weekly digest is due (the demo posts it now):")
    with stage.rig.service.runtime.transaction() as session:
        digest.post(session, policy=stage.rig.policy, key="digest:demo", until=utcnow())
    stage.show_new("Mon 09:00")


def play(*, fast: bool = False) -> int:
    """Play the demo from start to end on a temporary database; returns the exit status."""
    logging.basicConfig(level=logging.ERROR)
    print(
        "Bounceback demo: the bot runs against a local Slack stand-in on this machine; nothing leaves it.\n"
    )
    with Rig() as rig:
        stage = Stage(rig=rig, pause=0.0 if fast else 0.4)
        chapter_one(stage)
        chapter_two(stage)
        chapter_three(stage)
        chapter_four(stage)
        stage.say("\nEvery complaint is a case with a severity, a reason and a leader who will be asked to")
        stage.say("apologize; every fix has an owner, a deadline and reminders that nobody has to remember.")
    return 0


if __name__ == "__main__":
    sys.exit(play())
