"""Slack's side of a benchmark: the stand-in in a process of its own, driven through a proxy.

The stand-in answers the bot's Web API calls and response URLs. Running it outside the process
that measures keeps its work from stealing the measuring threads' time (the GIL), as real Slack
would not; the driver reaches it through a `multiprocessing` manager proxy.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.managers import BaseManager
from typing import Any, cast

from bot.sandbox import cast as people
from bot.sandbox.driver import SlackDriver
from bot.sandbox.objects import BOT_ID, Json
from bot.sandbox.standin import SlackStandIn


class BenchStandIn(SlackStandIn):
    """The stand-in plus a few bulk questions, so a benchmark asks once instead of a thousand times."""

    def api_url(self) -> str:
        """The Web API base URL (a proxy exposes methods, not properties)."""
        return self.url

    def setup(self) -> None:
        """Start serving and add the sandbox cast and channels."""
        self.start()
        people.populate(self)

    def post_many(self, user_id: str, channel_id: str, texts: list[str]) -> list[Json]:
        """Record many messages a person typed; answers them in order."""
        return [self.post_as_user(user_id, channel_id, text) for text in texts]

    def bot_post_count(self, channel_id: str) -> int:
        """How many messages the bot has posted in a channel (threads included)."""
        with self._ws.lock:
            found = self._ws.messages.get(channel_id, {}).values()
            return sum(1 for m in found if m.get("bot_id") == BOT_ID)

    def latest_bot_post(self, channel_id: str, action_id: str) -> str | None:
        """The ts of the newest bot message in a channel with an element `action_id`."""
        with self._ws.lock:
            for message in reversed(list(self._ws.messages.get(channel_id, {}).values())):
                if message.get("bot_id") == BOT_ID and action_id in repr(message.get("blocks")):
                    return str(message["ts"])
        return None

    def opened_view_count(self) -> int:
        """How many modals were opened or pushed."""
        with self._ws.lock:
            return len(self._ws.modal_log)

    def paced_faults(self) -> int:
        """How many 429s the per-channel pace answered."""
        with self._ws.lock:
            return sum(1 for f in self._ws.faults.injected if f.reason == "paced")


class _Side(BaseManager):
    pass


# What the driver and the benchmarks call; named, since listing them would read the unstarted stand-in's URL.
_EXPOSED = (
    "api_url",
    "setup",
    "stop",
    "post_many",
    "bot_post_count",
    "latest_bot_post",
    "opened_view_count",
    "paced_faults",
    "user",
    "channel_name",
    "dm_channel",
    "issue_trigger",
    "new_response_url",
    "post_as_user",
    "message",
    "ephemerals",
    "view",
    "home",
    "submit_view",
    "finish_submission",
)
_Side.register("StandIn", BenchStandIn, exposed=_EXPOSED)


@contextmanager
def slack_side(*, pace_per_channel: float | None = None) -> Iterator[BenchStandIn]:
    """A started, populated stand-in in its own process, as a proxy; stopped on exit."""
    manager: Any = _Side(ctx=multiprocessing.get_context("spawn"))
    manager.start()
    try:
        standin = manager.StandIn(trigger_lifetime=3.0, pace_per_channel=pace_per_channel)
        standin.setup()
        yield cast(BenchStandIn, standin)
        standin.stop()
    finally:
        manager.shutdown()


def driver_for(url: str, standin: BenchStandIn) -> SlackDriver:
    """A driver that signs requests like Slack and sends them to `url`."""
    return SlackDriver(url, people.SIGNING_SECRET, standin, timeout=30.0)
