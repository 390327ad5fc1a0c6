"""The "Log as complaint" message shortcut: the new-case modal, prefilled and linked to the message."""

import json
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.recovery import cases
from bot.recovery.customer import extract_customer
from bot.recovery.messages import card, ids
from bot.slack.client import respond
from handlers.forms import open_modal
from handlers.guard import guarded


def register(app: App) -> None:
    """Attach the message shortcut."""
    app.shortcut(ids.LOG_COMPLAINT_SHORTCUT)(guarded(on_log_complaint))


def on_log_complaint(
    ack: Ack, body: dict[str, Any], shortcut: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Open the modal, or say which case this message already is."""
    ack()
    rt = context["rt"]
    channel, message = shortcut["channel"]["id"], shortcut["message"]
    with rt.db.reading() as session:
        existing = cases.find_by_source(session, source_key=f"msg:{channel}:{message['ts']}")
        if existing is not None:
            key = cases.case_key(rt.policy, existing)
            respond(shortcut.get("response_url"), text=f"This message is already logged as *{key}*.")
            return
    text = message.get("text") or ""
    customer = extract_customer(text)
    contact = ", ".join(v for v in (customer.email, customer.phone) if v)
    meta = json.dumps({"channel": channel, "ts": message["ts"]})
    view = card.new_case_view(
        rt.policy, summary=text, customer_name=customer.name or "", contact=contact, metadata=meta
    )
    open_modal(client, shortcut["trigger_id"], view)
