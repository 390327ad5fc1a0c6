"""What the Slack stand-in recorded: calls, messages, views, files, faults; and waiting for them."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import TypeVar

from bot.sandbox.faults import Fault
from bot.sandbox.objects import Call, Json, ResponsePost, SandboxFile, dm_channel_id
from bot.sandbox.workspace import Workspace

T = TypeVar("T")
# The errors Slack answers for a payload it will not take, rather than for the state of the workspace.
PAYLOAD_ERRORS = frozenset(
    {"invalid_blocks", "invalid_arguments", "msg_too_long", "no_text", "invalid_metadata_format"}
)


def _messages(response: Json) -> list[str]:
    return list((response.get("response_metadata") or {}).get("messages") or [])


class Records:
    """Read-only views of a workspace; every answer is a copy, safe to keep and to change."""

    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace

    @property
    def faults(self) -> list[Fault]:
        """Every fault injected so far, oldest first."""
        with self._ws.lock:
            return list(self._ws.faults.injected)

    @property
    def calls(self) -> list[Call]:
        """Every Web API call received (faulted ones too), oldest first."""
        with self._ws.lock:
            return list(self._ws.calls)

    @property
    def refused(self) -> list[Json]:
        """Every payload refused as Slack would refuse it (Block Kit or a method's limits), oldest first.

        Each is `{"to": method or "response_url", "error": ..., "messages": [...]}`; faults injected
        on purpose are not refusals. A test run that leaves any here sent something Slack rejects.
        """
        with self._ws.lock:
            refused = [
                {
                    "to": c.method,
                    "error": c.response["error"],
                    "messages": _messages(c.response),
                    "time": c.time,
                }
                for c in self._ws.calls
                if c.response and c.response.get("error") in PAYLOAD_ERRORS
            ]
            return refused + [{k: v for k, v in r.items() if k != "body"} for r in self._ws.refusals]

    def calls_to(self, method: str) -> list[Call]:
        """The calls of one Web API method."""
        return [c for c in self.calls if c.method == method]

    def messages(self, channel: str | None = None) -> list[Json]:
        """Copies of the current messages (of one channel id, or all), oldest first, each with `channel`; see dm()."""
        with self._ws.lock:
            if channel is not None and channel not in self._ws.channels:
                return []
            return self._ws.snapshot_messages(channel)

    def message(self, channel: str, ts: str) -> Json | None:
        """A copy of the current message at `ts`, or None."""
        with self._ws.lock:
            found = self._ws.message(channel, ts)
            return {**copy.deepcopy(found), "channel": channel} if found else None

    def dm(self, user_id: str) -> list[Json]:
        """The messages in the bot's DM with a user."""
        return self.messages(dm_channel_id(user_id))

    def ephemerals(self, user_id: str | None = None) -> list[Json]:
        """Ephemeral messages shown (to one user, or to anyone), oldest first; `user` is who saw it."""
        with self._ws.lock:
            return [copy.deepcopy(e) for e in self._ws.ephemerals if user_id in (None, e["user"])]

    @property
    def responses(self) -> list[ResponsePost]:
        """Every POST to a response URL, oldest first."""
        with self._ws.lock:
            return list(self._ws.responses)

    def opened_views(self, user_id: str | None = None) -> list[Json]:
        """Every modal opened or pushed (for one user), oldest first, as it is now (even if closed)."""
        with self._ws.lock:
            owner = self._ws.view_owner
            return [
                copy.deepcopy(self._ws.views[v]) for v in self._ws.modal_log if user_id in (None, owner[v])
            ]

    def open_views(self, user_id: str) -> list[Json]:
        """The modals a user has open now, bottom of the stack first."""
        with self._ws.lock:
            return [copy.deepcopy(self._ws.views[v]) for v in self._ws.stacks.get(user_id, [])]

    def view(self, view_id: str) -> Json | None:
        """A copy of a modal or home view as it is now, or None."""
        with self._ws.lock:
            found = self._ws.views.get(view_id)
            return copy.deepcopy(found) if found else None

    def home(self, user_id: str) -> Json | None:
        """A copy of the App Home view published for a user, or None."""
        with self._ws.lock:
            view_id = self._ws.homes.get(user_id)
            return copy.deepcopy(self._ws.views[view_id]) if view_id else None

    @property
    def files(self) -> list[SandboxFile]:
        """Files whose upload was completed, with their bytes."""
        with self._ws.lock:
            return [copy.deepcopy(f) for f in self._ws.files.values() if f.completed]

    def wait_for(self, predicate: Callable[[], T], timeout: float = 10.0, what: str = "a condition") -> T:
        """Block until `predicate()` is truthy (re-checked after every stand-in change) and return it."""
        deadline = time.monotonic() + timeout
        while True:
            with self._ws.cond:
                seen = self._ws.version
            result = predicate()  # outside the lock, so it may call the stand-in or anything else
            if result:
                return result
            with self._ws.cond:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"waited {timeout}s for {what}")
                if self._ws.version == seen:
                    self._ws.cond.wait(remaining)
