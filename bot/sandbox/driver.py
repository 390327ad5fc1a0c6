"""SlackDriver: plays Slack's part towards the app, sending signed requests the way Slack does."""

from __future__ import annotations

import json
from typing import Unpack
from urllib.parse import urlencode

from bot.sandbox import payloads
from bot.sandbox.objects import APP_ID, TEAM_DOMAIN, TEAM_ID, Json
from bot.sandbox.standin import SlackStandIn
from bot.sandbox.wire import Delivery, Signing, post_signed, with_fields

_FORM = "application/x-www-form-urlencoded"
_JSON = "application/json"


class SlackDriver:
    """Sends the app commands, events and interactions for people in a `SlackStandIn` workspace."""

    def __init__(
        self, app_url: str, signing_secret: str, standin: SlackStandIn, *, timeout: float = 10.0
    ) -> None:
        self.app_url = app_url
        self.signing_secret = signing_secret
        self.standin = standin
        self.timeout = timeout

    # -- the wire ----------------------------------------------------------------------------------

    def send(
        self,
        body: bytes,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        **signing: Unpack[Signing],
    ) -> Delivery:
        """POST a raw body to the app, signed like Slack (unless `signing` overrides it)."""
        return post_signed(
            self.app_url,
            self.signing_secret,
            body,
            content_type,
            timeout=self.timeout,
            headers=headers,
            **signing,
        )

    def _interact(self, payload: Json, **signing: Unpack[Signing]) -> Delivery:
        body = urlencode({"payload": json.dumps(payload)}).encode()
        delivery = self.send(body, _FORM, **signing)
        return with_fields(delivery, payload=payload, trigger_id=payload.get("trigger_id"))

    def _user(self, user_id: str) -> Json:
        user = self.standin.user(user_id)
        return {"id": user_id, "username": user["name"], "name": user["name"], "team_id": TEAM_ID}

    # -- slash commands and shortcuts --------------------------------------------------------------

    def command(
        self,
        user_id: str,
        text: str,
        *,
        command: str = "/recover",
        channel_id: str | None = None,
        **signing: Unpack[Signing],
    ) -> Delivery:
        """A slash command typed by `user_id` (in their DM with the bot unless `channel_id` is given)."""
        channel_id = channel_id or self.standin.dm_channel(user_id)
        response_url = self.standin.new_response_url(user_id=user_id, channel_id=channel_id)
        form = {
            "token": payloads.VERIFICATION_TOKEN,
            "team_id": TEAM_ID,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel_id,
            "channel_name": self.standin.channel_name(channel_id),
            "user_id": user_id,
            "user_name": self.standin.user(user_id)["name"],
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": self.standin.issue_trigger(user_id),
        }
        delivery = self.send(urlencode(form).encode(), _FORM, **signing)
        return with_fields(delivery, payload=form, response_url=response_url, trigger_id=form["trigger_id"])

    def message_shortcut(
        self,
        user_id: str,
        channel_id: str,
        message_ts: str,
        *,
        callback_id: str = "log_complaint",
        **signing: Unpack[Signing],
    ) -> Delivery:
        """The message shortcut `callback_id` used on a message."""
        message = self.standin.message(channel_id, message_ts)
        if message is None:
            raise KeyError(f"no message {message_ts} in {channel_id}")
        message.pop("channel")
        response_url = self.standin.new_response_url(
            user_id=user_id, channel_id=channel_id, message_ts=message_ts
        )
        payload = {
            **payloads.interaction("message_action", self._user(user_id)),
            "action_ts": payloads.now_ts(),
            "callback_id": callback_id,
            "trigger_id": self.standin.issue_trigger(user_id),
            "response_url": response_url,
            "channel": {"id": channel_id, "name": self.standin.channel_name(channel_id)},
            "message_ts": message_ts,
            "message": message,
        }
        return with_fields(self._interact(payload, **signing), response_url=response_url)

    # -- Block Kit interactions --------------------------------------------------------------------

    def block_action(
        self,
        user_id: str,
        action_id: str,
        *,
        value: str | None = None,
        block_id: str | None = None,
        message: tuple[str, str] | None = None,
        view_id: str | None = None,
        selected_option: Json | None = None,
        selected_user: str | None = None,
        selected_date_time: int | None = None,
        **signing: Unpack[Signing],
    ) -> Delivery:
        """A press or pick on an element in a message (`message=(channel, ts)`) or a view (`view_id`)."""
        payload = payloads.interaction("block_actions", self._user(user_id))
        payload["trigger_id"] = self.standin.issue_trigger(user_id)
        if view_id is not None:
            view = self.standin.view(view_id)
            if view is None:
                raise KeyError(f"no view {view_id}")
            blocks = view.get("blocks", [])
            payload.update(container={"type": "view", "view_id": view_id}, view=view, state=view["state"])
        elif message is not None:
            blocks = self._message_surface(payload, user_id, *message)
        else:
            raise ValueError("block_action needs message=(channel, ts) or view_id")
        found_block, element = payloads.find_element(blocks, action_id, block_id)
        selected = {
            "selected_option": selected_option,
            "selected_user": selected_user,
            "selected_date_time": selected_date_time,
        }
        payload["actions"] = [
            payloads.action(action_id, found_block, element, value=value, selected=selected)
        ]
        return with_fields(self._interact(payload, **signing), response_url=payload.get("response_url"))

    def _message_surface(self, payload: Json, user_id: str, channel_id: str, ts: str) -> list[Json]:
        """Fill in the container, channel, message and response_url; answer the message's blocks."""
        stored = self.standin.message(channel_id, ts)
        ephemeral = next((e for e in self.standin.ephemerals(user_id) if e["ts"] == ts), None)
        if stored is None and ephemeral is None:
            raise KeyError(f"no message {ts} in {channel_id}")
        payload["container"] = {
            "type": "message",
            "message_ts": ts,
            "channel_id": channel_id,
            "is_ephemeral": stored is None,
        }
        payload["channel"] = {"id": channel_id, "name": self.standin.channel_name(channel_id)}
        if stored is not None:
            stored.pop("channel")
            payload["message"] = stored
        payload["state"] = {"values": {}}
        payload["response_url"] = self.standin.new_response_url(
            user_id=user_id, channel_id=channel_id, message_ts=ts
        )
        return list((stored or ephemeral or {}).get("blocks", []))

    def view_submission(
        self, user_id: str, view_id: str, values: Json, **signing: Unpack[Signing]
    ) -> Delivery:
        """Submit an open modal with `values` ({block_id: {action_id: {...}}}); applies the app's answer."""
        view = self.standin.submit_view(view_id, values)
        payload = {
            **payloads.interaction("view_submission", self._user(user_id)),
            "trigger_id": self.standin.issue_trigger(user_id),
            "view": view,
            "response_urls": [],
        }
        delivery = self._interact(payload, **signing)
        if delivery.status == 200:
            self.standin.finish_submission(view_id, delivery.json)
        return delivery

    def view_closed(self, user_id: str, view_id: str, **signing: Unpack[Signing]) -> Delivery | None:
        """Cancel a modal; Slack tells the app (None here) only when the view set notify_on_close."""
        view = self.standin.close_view(view_id)
        if not view.get("notify_on_close"):
            return None
        payload = {
            **payloads.interaction("view_closed", self._user(user_id)),
            "view": view,
            "is_cleared": False,
        }
        return self._interact(payload, **signing)

    # -- Events API --------------------------------------------------------------------------------

    def deliver_event(
        self,
        event: Json,
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str = "http_timeout",
        **signing: Unpack[Signing],
    ) -> Delivery:
        """Deliver an event; give the same `event_id` and a `retry_num` to play a Slack retry."""
        envelope = payloads.event_envelope(event, event_id or payloads.new_event_id())
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
        delivery = self.send(json.dumps(envelope).encode(), _JSON, headers=headers, **signing)
        return with_fields(delivery, payload=envelope, event_id=envelope["event_id"])

    def post_message(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        *,
        thread_ts: str | None = None,
        **signing: Unpack[Signing],
    ) -> tuple[str, Delivery]:
        """A person posts a message: recorded in the stand-in, then delivered as a `message` event."""
        message = self.standin.post_as_user(user_id, channel_id, text, thread_ts=thread_ts)
        return message["ts"], self.deliver_event(payloads.message_event(message), **signing)

    def bot_message(
        self,
        channel_id: str,
        text: str,
        *,
        bot_id: str = "B0OTHERBOT",
        username: str = "another bot",
        **signing: Unpack[Signing],
    ) -> tuple[str, Delivery]:
        """Another app posts a message (subtype bot_message)."""
        message = self.standin.post_as_bot(bot_id, channel_id, text, username=username)
        return message["ts"], self.deliver_event(payloads.message_event(message), **signing)

    def edit_message(self, channel_id: str, ts: str, new_text: str, **signing: Unpack[Signing]) -> Delivery:
        """Its author edits a message (a `message_changed` event; also for one the stand-in never saw)."""
        if self.standin.message(channel_id, ts) is None:
            before = payloads.unseen_message(ts)
            after = {**before, "text": new_text, "edited": {"ts": payloads.now_ts()}}
        else:
            before, after = self.standin.edit_as_user(channel_id, ts, new_text)
        return self.deliver_event(payloads.changed_event(channel_id, before, after), **signing)

    def delete_message(self, channel_id: str, ts: str, **signing: Unpack[Signing]) -> Delivery:
        """Its author deletes a message (a `message_deleted` event; also for one the stand-in never saw)."""
        known = self.standin.message(channel_id, ts) is not None
        before = self.standin.delete_as_user(channel_id, ts) if known else payloads.unseen_message(ts)
        return self.deliver_event(payloads.deleted_event(channel_id, before), **signing)

    def app_home_opened(self, user_id: str, **signing: Unpack[Signing]) -> Delivery:
        """A person opens the app's Home tab."""
        event: Json = {
            "type": "app_home_opened",
            "user": user_id,
            "channel": self.standin.dm_channel(user_id),
            "tab": "home",
            "event_ts": payloads.now_ts(),
        }
        home = self.standin.home(user_id)
        if home is not None:
            event["view"] = home
        return self.deliver_event(event, **signing)

    def url_verification(self, challenge: str = "sandbox-challenge", **signing: Unpack[Signing]) -> Delivery:
        """Slack's handshake when the Request URL is saved; the app must echo `challenge`."""
        body = {"token": payloads.VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}
        return with_fields(self.send(json.dumps(body).encode(), _JSON, **signing), payload=body)
