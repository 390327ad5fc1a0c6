"""Reading Slack payloads into plain values (modal state, payload fields)."""

import json
from typing import Any


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
