"""The demo's stage: plays people's actions through the driver and prints what each person saw."""

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.recovery.messages.text import clip
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
            self.say(f"{PAD}  {block['label']['text']} {clip(plain(shown), 70)}")
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
