"""Over the scripted day, no customer's e-mail or phone number reaches a channel or a file; DMs do show them."""

import base64
import re

import pytest

from tests.faults.day import CONTACTS, Day, SlackRecord
from tests.faults.faulty_day import Played
from tests.faults.figures import Figures
from tests.helpers import block_text

pytestmark = pytest.mark.faults

POSTING = ("chat.postMessage", "chat.update", "chat.postEphemeral")
SEPARATORS = r"[\s().+-]*"
TYPED_IN_A_DM = {"omar.haddad@example.org", "(212) 555-0187"}  # Sam logged Omar's case with /recover new
ONLY_IN_A_NOTE = {"917-555-0142"}  # Maria's reply in a case thread: a note, never a customer's contact


def pattern(contact: str) -> re.Pattern[str]:
    """An e-mail as written (any case), or a phone's last seven digits however they are spaced."""
    if "@" in contact:
        return re.compile(re.escape(contact), re.IGNORECASE)
    return re.compile(SEPARATORS.join(re.sub(r"\D", "", contact)[-7:]))


PATTERNS = {contact: pattern(contact) for contact in CONTACTS}


def leaks(text: str) -> set[str]:
    """The contact details in a text."""
    return {contact for contact, found in PATTERNS.items() if found.search(text)}


def posted(slack: SlackRecord, to: tuple[str, ...]) -> list[tuple[str, str]]:
    """(where, text) of every message the bot posted or updated in conversations whose id starts with `to`."""
    return [
        (f"{call['method']} in {call['args']['channel']}", block_text(call["args"]))
        for call in slack.calls
        if call["method"] in POSTING and str(call["args"].get("channel", "")).startswith(to)
    ]


def in_channels(slack: SlackRecord) -> list[tuple[str, str]]:
    """(where, text) for what the bot put in channels, its replies shown in channels, and uploaded files."""
    shown = posted(slack, ("C",))
    shown += [
        (f"reply in {r['channel_id']}", block_text(r["body"]))
        for r in slack.responses
        if (r["channel_id"] or "").startswith("C")
    ]
    for file in slack.files:
        content = base64.b64decode(file["content"]).decode("latin-1")
        shown.append((f"file {file['name']}", f"{file['name']} {file['title']} {content}"))
    return shown


def judge(slack: SlackRecord, figures: Figures) -> None:
    shown = in_channels(slack)
    found = [(where, contact) for where, text in shown for contact in sorted(leaks(text))]
    figures.leaks += len(found)
    assert slack.files, "the digest chart was uploaded"
    assert len(shown) > 50, "the day put its cards, thread messages and digest in channels"
    assert found == [], f"contact details in channels or files: {found}"
    wrote = "\n".join(m.get("text") or "" for m in slack.messages if not m.get("bot_id"))
    assert leaks(wrote) == set(CONTACTS) - TYPED_IN_A_DM  # the same search finds what people wrote
    in_dms = "\n".join(text for _, text in posted(slack, ("U", "D")))
    assert leaks(in_dms) == set(CONTACTS) - ONLY_IN_A_NOTE  # the people on the case did see them


def test_no_contact_detail_reaches_a_channel_or_a_file_on_the_day_under_faults(
    faulty_day: Played, figures: Figures
) -> None:
    judge(faulty_day.slack, figures)


def test_no_contact_detail_reaches_a_channel_or_a_file_on_the_calm_day(
    calm_day: Day, figures: Figures
) -> None:
    judge(SlackRecord.of(calm_day), figures)
