"""Text every message shares: clipping, quoting, and the customer's private contact details."""

from bot.store.models import Case

# Slack refuses what passes these (docs.slack.dev/reference/block-kit/…): a section's text, and any
# text object's, "maximum length … 3000 characters" (blocks/section-block, composition-objects/
# text-object); a plain-text input's initial value no longer than its max_length, itself at most 3000
# (block-elements/plain-text-input-element).
SECTION_CHARS = 3000
INPUT_CHARS = 3000
# The contact line a modal shows and reads back: an e-mail (320, the column) ", " and a phone (64).
CONTACT_CHARS = 320 + 2 + 64


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with "…" where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote(text: str, limit: int) -> str:
    """`text` as a Slack block quote (every line starts with ">") of at most `limit` characters.

    The limit holds for the quote as written, ">" included: a draft of many short lines grows by one
    character a line, so clipping the text first could pass Slack's 3,000 a section takes.
    """
    return clip("\n".join(f">{line}" for line in text.splitlines() or [""]), limit)


def contact(email: str | None, phone: str | None) -> str:
    """The private contact details as one line a modal shows and reads back: "jane@example.com, +1 555 …"."""
    return ", ".join(value for value in (email, phone) if value)


def customer_line(case: Case) -> str:
    """The customer with their contact details: only for DMs to the people on the case, never a channel.

    It says so when we have no way to reach them, since whoever reads it may have to find one.
    """
    named = [case.customer_name] if case.customer_name else []
    reach = [v for v in (case.customer_email, case.customer_phone) if v] or ["no contact details recorded"]
    return " · ".join([*named, *reach])
