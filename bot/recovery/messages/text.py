"""Text every message shares: clipping, quoting, and the customer's private contact details."""

from bot.store.models import Case


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with "…" where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote(text: str, limit: int) -> str:
    """`text` clipped to `limit` characters as a Slack block quote: every line starts with ">"."""
    return "\n".join(f">{line}" for line in clip(text, limit).splitlines() or [""])


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
