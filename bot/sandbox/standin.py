"""SlackStandIn: a local, in-memory Slack Web API on a loopback HTTP server, for the demo and the tests."""

from __future__ import annotations

import copy
import secrets
import threading
import time
import uuid
from collections.abc import Iterable
from types import TracebackType

from bot.sandbox import api_views, responses
from bot.sandbox.api import ApiError
from bot.sandbox.faults import FaultKind
from bot.sandbox.objects import (
    BOT_ID,
    BOT_NAME,
    BOT_USER_ID,
    TEAM_DOMAIN,
    TEAM_ID,
    Json,
    Trigger,
    user_object,
)
from bot.sandbox.records import Records
from bot.sandbox.server import StandInServer
from bot.sandbox.socket_mode import SocketModeServer
from bot.sandbox.workspace import Workspace


class SlackStandIn(Records):
    """A Slack workspace on this machine: point slack_sdk's `WebClient(base_url=standin.url)` at it."""

    team_id = TEAM_ID
    team_domain = TEAM_DOMAIN
    bot_user_id = BOT_USER_ID
    bot_id = BOT_ID
    bot_name = BOT_NAME

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        trigger_lifetime: float = 3.0,
        pace_per_channel: float | None = None,
    ) -> None:
        super().__init__(Workspace(trigger_lifetime=trigger_lifetime, pace_per_channel=pace_per_channel))
        self._address = (host, port)
        self._server: StandInServer | None = None
        self._thread: threading.Thread | None = None
        self.socket_mode = SocketModeServer(host)  # listens once apps.connections.open is first called
        self._ws.socket_url = self.socket_mode.new_url

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> SlackStandIn:
        """Start serving on a background thread (port 0 picks a free port)."""
        if self._server is not None:
            raise RuntimeError("the Slack stand-in is already running")
        self._server = StandInServer(self._address, self._ws)
        host, port = self._server.server_address[:2]
        self._address = (str(host), int(port))  # a restart keeps the same address
        self._ws.base_url = self.base
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="slack-stand-in",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; the recorded state stays readable."""
        self.socket_mode.stop()
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join()
        self._server, self._thread = None, None

    def __enter__(self) -> SlackStandIn:
        return self if self._server is not None else self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def base(self) -> str:
        """`http://127.0.0.1:PORT`."""
        if self._address[1] == 0:
            raise RuntimeError("start the Slack stand-in before asking for its address")
        return f"http://{self._address[0]}:{self._address[1]}"

    @property
    def url(self) -> str:
        """The Web API base URL (ends with `/`): for `WebClient(base_url=...)` and `SLACK_API_URL`."""
        return f"{self.base}/api/"

    # -- the workspace -----------------------------------------------------------------------------

    def add_user(
        self,
        user_id: str,
        name: str,
        *,
        real_name: str | None = None,
        title: str = "",
        tz: str = "America/New_York",
        is_bot: bool = False,
    ) -> None:
        """Add (or replace) a person in the workspace."""
        with self._ws.changing():
            self._ws.users[user_id] = user_object(user_id, name, real_name or name, title, tz, is_bot)

    def add_channel(self, channel_id: str, name: str) -> None:
        """Add a public channel the bot is a member of."""
        with self._ws.changing():
            self._ws.add_channel(channel_id, name)

    def user(self, user_id: str) -> Json:
        """A copy of a user object; KeyError when unknown."""
        with self._ws.lock:
            return copy.deepcopy(self._ws.users[user_id])

    def channel_name(self, channel_id: str) -> str:
        """A channel's name (`directmessage` for DMs)."""
        with self._ws.lock:
            return self._ws.channel_name(channel_id)

    def dm_channel(self, user_id: str) -> str:
        """The id of the bot's DM with a known user (the id conversations.open answers), opened if needed."""
        with self._ws.changing():
            if user_id not in self._ws.users:
                raise KeyError(f"unknown user {user_id}: add_user() it first")
            return self._ws.open_dm(user_id)

    # -- faults ------------------------------------------------------------------------------------

    def fail(self, method: str, *, kind: FaultKind = "429", times: int = 1, retry_after: int = 1) -> None:
        """Fail the next `times` calls of a Web API method (`*`: any; also `upload`, `response_url`)."""
        with self._ws.changing():
            self._ws.faults.queue(method, kind, times, retry_after)

    def fail_rate(
        self,
        methods: Iterable[str] | str,
        rate: float,
        *,
        kinds: Iterable[FaultKind] = ("429", "500", "drop"),
        seed: int = 0,
        retry_after: int = 1,
    ) -> None:
        """Fail a random share `rate` of the calls of `methods` until `clear_faults()`."""
        with self._ws.changing():
            self._ws.faults.set_rate(methods, rate, kinds, seed, retry_after)

    def clear_faults(self) -> None:
        """Stop injecting faults; what was injected stays in `faults`."""
        with self._ws.changing():
            self._ws.faults.clear()

    # -- what Slack's own clients do (the driver uses these) ---------------------------------------

    def issue_trigger(self, user_id: str) -> str:
        """A trigger_id for `user_id`: single use, valid for `trigger_lifetime` seconds."""
        trigger_id = f"{int(time.time() * 1000)}.{TEAM_ID[1:]}.{secrets.token_hex(16)}"
        with self._ws.changing():
            self._ws.triggers[trigger_id] = Trigger(user_id, time.monotonic())
        return trigger_id

    def new_response_url(
        self, *, user_id: str | None = None, channel_id: str | None = None, message_ts: str | None = None
    ) -> str:
        """A response URL; posts to it are recorded, and act on `message_ts` when given."""
        with self._ws.changing():
            return responses.new_response_url(
                self._ws, user_id=user_id, channel_id=channel_id, message_ts=message_ts
            )

    def post_as_user(self, user_id: str, channel_id: str, text: str, *, thread_ts: str | None = None) -> Json:
        """Record a message a person typed in a channel (or in their DM with the bot)."""
        with self._ws.changing():
            channel = self._known_channel(channel_id)
            if user_id not in self._ws.users:
                raise KeyError(f"unknown user {user_id}: add_user() it first")
            section = {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
            rich_text = {"type": "rich_text", "block_id": secrets.token_hex(3), "elements": [section]}
            fields = {
                "user": user_id,
                "text": text,
                "client_msg_id": str(uuid.uuid4()),
                "blocks": [rich_text],
            }
            return {**copy.deepcopy(self._ws.post(channel, fields, thread_ts=thread_ts)), "channel": channel}

    def post_as_bot(self, bot_id: str, channel_id: str, text: str, *, username: str = "another bot") -> Json:
        """Record a message another app posted (subtype bot_message)."""
        with self._ws.changing():
            channel = self._known_channel(channel_id)
            fields = {"subtype": "bot_message", "bot_id": bot_id, "username": username, "text": text}
            return {**copy.deepcopy(self._ws.post(channel, fields)), "channel": channel}

    def edit_as_user(self, channel_id: str, ts: str, text: str) -> tuple[Json, Json]:
        """Change a message's text as its author did; answers (before, after)."""
        with self._ws.changing():
            message = self._existing(channel_id, ts)
            before = copy.deepcopy(message)
            message["text"] = text
            message["edited"] = {"user": message.get("user"), "ts": self._ws.new_ts()}
            return before, copy.deepcopy(message)

    def delete_as_user(self, channel_id: str, ts: str) -> Json:
        """Delete a message as its author did; answers what it was."""
        with self._ws.changing():
            message = self._existing(channel_id, ts)
            self._ws.remove(channel_id, message)
            return copy.deepcopy(message)

    def submit_view(self, view_id: str, values: Json) -> Json:
        """Store what a person entered in an open modal; answers the view as submitted."""
        with self._ws.changing():
            view = self._open_view(view_id)
            view["state"] = {"values": copy.deepcopy(values)}
            return copy.deepcopy(view)

    def finish_submission(self, view_id: str, ack: Json | None) -> None:
        """Apply the app's answer to a view_submission (close, errors, update, push or clear)."""
        with self._ws.changing():
            try:
                api_views.apply_submission(self._ws, view_id, ack)
            except ApiError as error:
                raise ValueError(
                    f"Slack would refuse the app's answer to view_submission: {error.messages}"
                ) from None

    def close_view(self, view_id: str) -> Json:
        """Close a modal as if the person pressed Cancel; answers the view."""
        with self._ws.changing():
            view = self._open_view(view_id)
            api_views.close_view(self._ws, view_id)
            return copy.deepcopy(view)

    def _known_channel(self, channel_id: str) -> str:
        resolved = self._ws.resolve_channel(channel_id)
        if resolved is None:
            raise KeyError(f"unknown channel {channel_id}: add_channel() it first")
        return resolved

    def _existing(self, channel_id: str, ts: str) -> Json:
        message = self._ws.message(channel_id, ts)
        if message is None:
            raise KeyError(f"no message {ts} in {channel_id}")
        return message

    def _open_view(self, view_id: str) -> Json:
        view = self._ws.views.get(view_id)
        owner = self._ws.view_owner.get(view_id, "")
        if view is None or view_id not in self._ws.stacks.get(owner, []):
            raise KeyError(f"view {view_id} is not open")
        return view
