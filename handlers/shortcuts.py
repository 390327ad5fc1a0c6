"""The "Log as complaint" message shortcut: the new-case modal, prefilled and linked to the message."""

import json
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.recovery import cases
from bot.recovery.customer import extract_customer
from bot.recovery.messages import card
from bot.recovery.messages.ids import LOG_COMPLAINT_SHORTCUT
from bot.recovery.messages.text import contact
from bot.slack.client import respond
from bot.slack.context import Runtime
from handlers.forms import open_modal
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the message shortcut."""
    app.shortcut(LOG_COMPLAINT_SHORTCUT)(guarded(on_log_complaint))


def on_log_complaint(rt: Runtime, shortcut: dict[str, Any], client: WebClient) -> None:
    """Open the modal, or say which case this message already is."""
    channel, message = shortcut["channel"]["id"], shortcut["message"]
    with rt.db.reading() as session:
        existing = cases.find_by_source(session, source_key=f"msg:{channel}:{message['ts']}")
        if existing is not None:
            key = cases.case_key(rt.policy, existing)
            respond(shortcut.get("response_url"), text=f"This message is already logged as *{key}*.")
            return
    text = message.get("text") or ""
    customer = extract_customer(text)
    meta = json.dumps({"channel": channel, "ts": message["ts"]})
    view = card.new_case_view(
        rt.policy,
        summary=text,
        customer_name=customer.name or "",
        contact=contact(customer.email, customer.phone),
        metadata=meta,
    )
    open_modal(client, shortcut["trigger_id"], view)
