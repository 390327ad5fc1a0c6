"""Deadlines the way people type them ("tomorrow 5pm", "in 3 days", "fri"), in the typer's time zone."""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

from bot.recovery.errors import UserError
from bot.store.models import utcnow

END_OF_DAY = time(17, 0)
EXAMPLES = "“tomorrow 5pm”, “fri”, “in 3 days” or “2026-12-01 17:00”"
_ALIASES = {
    "eod": "today 5pm",
    "end of day": "today 5pm",
    "cob": "today 5pm",
    "end of week": "friday 5pm",
    "eow": "friday 5pm",
}
_TIME_OF_DAY = re.compile(
    r"\d{1,2}:\d{2}|\d\s*(?:am|pm)\b|\b(?:noon|midnight|second|sec|minute|min|hour|hr)s?\b", re.IGNORECASE
)


def parse_deadline(text: str, *, zone: ZoneInfo, now: datetime | None = None) -> datetime:
    """An aware UTC datetime in the future, or a UserError that says what was typed and shows examples."""
    typed = " ".join(text.split())
    if not typed:
        raise UserError(f"Say when it is due, for example {EXAMPLES}.")
    now = now or utcnow()
    local_now = now.astimezone(zone)
    parser = DateDataParser(
        languages=["en"],
        settings={
            "TIMEZONE": str(zone),
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": local_now.replace(tzinfo=None),
        },
    )
    found = parser.get_date_data(_ALIASES.get(typed.lower(), typed)[:200]).date_obj
    if found is None:
        raise UserError(f"I can't read “{typed[:60]}” as a date. Try {EXAMPLES}.")
    found = found.astimezone(zone)
    if not _TIME_OF_DAY.search(typed) and typed.lower() not in _ALIASES:
        found = found.replace(hour=END_OF_DAY.hour, minute=END_OF_DAY.minute, second=0, microsecond=0)
    if found <= local_now + timedelta(seconds=1):
        shown = found.strftime("%a %b %d, %H:%M")
        raise UserError(f"“{typed[:60]}” is {shown} ({zone}), which has already passed. Try {EXAMPLES}.")
    return found.astimezone(ZoneInfo("UTC"))


def slack_date(moment: datetime, fallback_zone: ZoneInfo) -> str:
    """A date Slack shows in each reader's own time zone (the fallback is in `fallback_zone`)."""
    fallback = moment.astimezone(fallback_zone).strftime("%a %b %d at %H:%M %Z")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} at {{time}}|{fallback}>"
