"""Reading Slack payloads into plain values (modal state, payload fields), and opening modals."""

import json
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.policy.model import Policy
from bot.recovery import cases
from bot.recovery.access import require_change
from bot.recovery.errors import UserError
from bot.slack.context import Runtime
from bot.store.models import Case

PRESS_AGAIN = "That form could not open: the press reached us too late, or twice. Press it once more."
STALE_TRIGGERS = {"expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"}
NOT_OURS = "That button or form is not one of ours."


def field(view: dict[str, Any], block_id: str) -> str | None:
    """The plain value a person left in one input block of a submitted modal (None if absent or unreadable)."""
    element = _element(view, block_id)
    for key in ("value", "selected_conversation", "selected_channel", "selected_user", "selected_date_time"):
        if element.get(key) not in (None, ""):
            return str(element[key])
    value = _object(element.get("selected_option")).get("value")
    return None if value in (None, "") else str(value)


def ticked(view: dict[str, Any], block_id: str) -> bool:
    """Whether a checkbox in this input block of a submitted modal is ticked."""
    return bool(_element(view, block_id).get("selected_options"))


def _element(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    """The state of the one element in an input block of a submitted modal ({} when absent or not ours)."""
    block = _object(_object(_object(view.get("state")).get("values")).get(block_id))
    return _object(next(iter(block.values()), None))


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    """The private_metadata we stored on a view, as a dict ({} when absent or not ours)."""
    stored = view.get("private_metadata")
    try:
        value = json.loads(stored) if isinstance(stored, str) and stored else {}
    except (ValueError, RecursionError):
        return {}
    return _object(value)


def user_id(body: dict[str, Any]) -> str:
    """Who pressed, submitted or typed."""
    user = body.get("user")
    return body.get("user_id") or (user if isinstance(user, str) else _object(user).get("id", ""))


def number(value: Any) -> int:
    """A case or gesture number a button or form of ours carries; a UserError when it is not one."""
    if not (isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 9):
        raise UserError(NOT_OURS)
    return int(value)


def pressed(body: dict[str, Any]) -> str:
    """The value of the button that was pressed."""
    return str(_object(next(iter(body.get("actions") or []), None)).get("value", ""))


def view_case(view: dict[str, Any]) -> int:
    """The number of the case a modal was opened for (its private_metadata)."""
    return number(view.get("private_metadata", ""))


def submission_key(view: dict[str, Any]) -> str:
    """What identifies one submission of a modal: Slack delivering it twice gives the same key."""
    return f"view:{view.get('id', '')}:{view.get('hash', '')}"


def _object(value: Any) -> dict[str, Any]:
    """`value` if it is a JSON object, else an empty one: payload parts are read without trusting them."""
    return value if isinstance(value, dict) else {}


def open_case_modal(
    rt: Runtime,
    body: dict[str, Any],
    client: WebClient,
    build: Callable[[Policy, Case], dict[str, Any]],
    check: Callable[[Policy, Case, str], None] = require_change,
) -> None:
    """A case button: find its case, check the presser may use it, open the modal `build` makes."""
    with rt.db.reading() as session:
        case = cases.get_case(session, policy=rt.policy, number=number(pressed(body)))
        check(rt.policy, case, user_id(body))
        view = build(rt.policy, case)
    open_modal(client, body["trigger_id"], view)


def open_modal(client: WebClient, trigger_id: str, view: dict[str, Any]) -> None:
    """Open a modal; a press Slack sent twice, or one that reached us too late, gets a plain answer."""
    try:
        client.views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as error:
        if (error.response or {}).get("error") not in STALE_TRIGGERS:
            raise
        raise UserError(PRESS_AGAIN) from error
