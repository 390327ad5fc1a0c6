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


def modelled(title: str, metadata: str, current: Option | None) -> dict[str, Any]:
    """The modal as slack_sdk's models build and check it: the template, and what the tests hold it to."""
    return View(
        type="modal",
        callback_id=Modal.SEVERITY,
        title=title,
        submit="Change it",
        close="Cancel",
        private_metadata=metadata,
        blocks=[
            InputBlock(
                block_id=Input.SEVERITY,
                label="New severity",
                element=StaticSelectElement(
                    action_id=Input.SEVERITY,
                    options=[Option(text=severity_label(s), value=s) for s in SEVERITIES],
                    initial_option=current,
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


def option(severity: str) -> Option:
    """A severity as the select offers it."""
    return Option(text=severity_label(severity), value=severity)


_OPTIONS = {s: option(s).to_dict() for s in SEVERITIES}
_TEMPLATE = modelled("Severity", "0", None)


def severity_view(policy: Policy, case: OnCase) -> dict[str, Any]:
    """The "Change severity" modal for this case, its current severity chosen.

    The view shares its unchanging parts with every other one built: it is sent, never edited.
    """
    choose, reason = _TEMPLATE["blocks"]
    element = choose["element"]
    chosen = {**element, "initial_option": _OPTIONS.get(case.severity) or option(case.severity).to_dict()}
    return {
        **_TEMPLATE,
        "title": {**_TEMPLATE["title"], "text": f"Severity of {case_key(policy, case)}"[:TITLE_CHARS]},
        "private_metadata": str(case.id),
        "blocks": [{**choose, "element": chosen}, reason],
    }
