"""Block Kit as plain dicts, for the messages drawn once a case: the case card and the apology request DM.

A burst of complaints draws both for every case; slack_sdk's models (an object a block and an element, each
checked, then turned into a dict with sorted keys) cost more than the rest of drawing them. These return the
very dicts the models do, keys in the same order (tests/recovery/test_blocks.py holds them to it); the
callers keep within Slack's limits by clipping their texts, as they did for the models.
"""

from typing import Any

Block = dict[str, Any]


def mrkdwn(text: str) -> Block:
    """A mrkdwn text object."""
    return {"text": text, "type": "mrkdwn"}


def plain(text: str) -> Block:
    """A plain_text object, emoji on (as slack_sdk draws a string given for one)."""
    return {"emoji": True, "text": text, "type": "plain_text"}


def section(text: str) -> Block:
    """A section of mrkdwn text."""
    return {"text": mrkdwn(text), "type": "section"}


def context(text: str) -> Block:
    """A context block with one mrkdwn element."""
    return {"elements": [mrkdwn(text)], "type": "context"}


def header(text: str) -> Block:
    """A header block."""
    return {"text": plain(text), "type": "header"}


def button(text: str, *, action_id: str, value: str, style: str | None = None) -> Block:
    """A button carrying `value`."""
    drawn: Block = {"action_id": action_id}
    if style is not None:
        drawn["style"] = style
    drawn |= {"text": plain(text), "type": "button", "value": value}
    return drawn


def actions(block_id: str, elements: list[Block]) -> Block:
    """An actions block of buttons."""
    return {"block_id": block_id, "elements": elements, "type": "actions"}
