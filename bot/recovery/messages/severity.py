"""The "Change severity" modal, built cheaply: it opens on every press of the card's busiest button.

Its blocks are the same for every case but for the current severity, so they are built once with
slack_sdk's models (which check them) and each press fills in only the title, the case and the
option already chosen: no models to build and validate while Slack's trigger is running out.
"""

from typing import Any

from slack_sdk.models.blocks import InputBlock, Option, PlainTextInputElement, StaticSelectElement
from slack_sdk.models.views import View

from bot.policy.model import SEVERITIES, Policy
from bot.recovery.access import OnCase
from bot.recovery.cases import case_key
from bot.recovery.messages.card import severity_label
from bot.recovery.messages.ids import Input, Modal

TITLE_CHARS = 24  # Slack's limit on a modal's title

_OPTIONS = {s: Option(text=severity_label(s), value=s).to_dict() for s in SEVERITIES}
_TEMPLATE = View(
    type="modal",
    callback_id=Modal.SEVERITY,
    title="Severity",
    submit="Change it",
    close="Cancel",
    private_metadata="0",
    blocks=[
        InputBlock(
            block_id=Input.SEVERITY,
            label="New severity",
            element=StaticSelectElement(
                action_id=Input.SEVERITY,
                options=[Option(text=severity_label(s), value=s) for s in SEVERITIES],
            ),
        ),
        InputBlock(
            block_id=Input.REASON,
            label="Why?",
            hint="It goes on the case's timeline, and re-routes the apology if the level changes.",
            element=PlainTextInputElement(action_id=Input.REASON, max_length=300),
        ),
    ],
).to_dict()


def severity_view(policy: Policy, case: OnCase) -> dict[str, Any]:
    """The "Change severity" modal for this case, its current severity chosen.

    The view shares its unchanging parts with every other one built: it is sent, never edited.
    """
    choose, reason = _TEMPLATE["blocks"]
    element = choose["element"]
    chosen = {**element, "initial_option": _OPTIONS.get(case.severity) or _option(case.severity)}
    return {
        **_TEMPLATE,
        "title": {**_TEMPLATE["title"], "text": f"Severity of {case_key(policy, case)}"[:TITLE_CHARS]},
        "private_metadata": str(case.id),
        "blocks": [{**choose, "element": chosen}, reason],
    }


def _option(severity: str) -> dict[str, Any]:
    """An option for a severity the policy no longer names (as the models would build it)."""
    return Option(text=severity_label(severity), value=severity).to_dict()
