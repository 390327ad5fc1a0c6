"""Reading Slack payloads into plain values (modal state, payload fields)."""

import json
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot import cases
from bot.access import require_change
from bot.models import Case
from bot.policy import Policy


def field(view: dict[str, Any], block_id: str) -> str | None:
    """The plain value a person left in one input block of a submitted modal."""
    element = next(iter(view.get("state", {}).get("values", {}).get(block_id, {}).values()), None) or {}
    for key in ("value", "selected_conversation", "selected_channel", "selected_user", "selected_date_time"):
        if element.get(key) not in (None, ""):
            return str(element[key])
    option = element.get("selected_option") or {}
    return option.get("value")


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    """The private_metadata we stored on a view, as a dict ({} when absent or not ours)."""
    try:
        value = json.loads(view.get("private_metadata") or "{}")
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def user_id(body: dict[str, Any]) -> str:
    """Who pressed, submitted or typed."""
    return body.get("user_id") or (body.get("user") or {}).get("id", "")


def open_case_modal(
    context: BoltContext,
    body: dict[str, Any],
    client: WebClient,
    build: Callable[[Policy, Case], dict[str, Any]],
    check: Callable[[Policy, Case, str], None] = require_change,
) -> None:
    """A case button: find its case, check the presser may use it, open the modal `build` makes."""
    rt = context["rt"]
    value = next(iter(body.get("actions") or []), {}).get("value", "")
    with rt.db.session() as session:
        case = cases.get_case(session, policy=rt.policy, key=f"{rt.policy.case_prefix}-{value}")
        check(rt.policy, case, user_id(body))
        view = build(rt.policy, case)
    client.views_open(trigger_id=body["trigger_id"], view=view)
