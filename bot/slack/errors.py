"""One error path for Slack: a person's mistake gets its message, a bug gets an apology and a logged traceback."""

import logging
from typing import Any

from slack_sdk import WebClient

from bot.recovery.errors import UserError
from bot.slack.client import respond

log = logging.getLogger(__name__)
SORRY = (
    "Sorry — something went wrong on our side and this did not go through. "
    "It has been logged for the admins; please try again in a minute."
)


def tell_user(error: Exception, body: dict[str, Any], client: WebClient) -> None:
    """Answer the person whose request failed: privately where Slack gave a response_url, else by DM."""
    blocks = None
    if isinstance(error, UserError):
        text, blocks = str(error), error.blocks
        log.info("refused: %s", text.splitlines()[0])
    else:
        text = SORRY
        log.error("unhandled error for %s", body.get("type") or body.get("command"), exc_info=error)
    response_url = body.get("response_url") or next(iter(body.get("response_urls") or []), {}).get(
        "response_url"
    )
    if response_url:
        respond(response_url, text=text, blocks=blocks, replace_original=False)
        return
    user = body.get("user_id") or (body.get("user") or {}).get("id")
    if user:
        client.chat_postMessage(channel=user, text=text)
