"""The `/recover` grammar: text in, a parsed command or a usage error out. Knows nothing of Slack."""

import html
import re
from dataclasses import dataclass, field

from bot.policy.model import SEVERITIES
from bot.recovery.errors import UserError

USAGE = {
    "help": "/recover help",
    "new": "/recover new [what happened]",
    "list": "/recover list [open|mine|overdue|all]",
    "show": "/recover show REC-12",
    "severity": "/recover severity REC-12 <minor|moderate|major|critical> [reason]",
    "owner": "/recover owner REC-12 @person [due <when>]",
    "due": "/recover due REC-12 <when>",
    "fixed": "/recover fixed REC-12 [what was done]",
    "gesture": "/recover gesture REC-12 <what> [$amount]",
    "checkin": "/recover checkin REC-12 <ok|unhappy|unreachable> [note]",
    "improve": "/recover improve REC-12 <root cause> => <what we changed>",
    "close": "/recover close REC-12",
    "reopen": "/recover reopen REC-12 [reason]",
    "stats": "/recover stats [7d|30d|90d]",
    "policy": "/recover policy",
}
LIST_FILTERS = ("open", "mine", "overdue", "all")
MAX_TEXT = 4000
_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


class UsageError(UserError):
    """The command was not understood; the message names the problem and shows the usage."""

    def __init__(self, problem: str, usage: str) -> None:
        super().__init__(f"{problem}\nUsage: `{usage}`")
        self.usage = usage


@dataclass(frozen=True)
class Command:
    """A parsed `/recover` command."""

    name: str
    case: str | None = None
    args: dict[str, str] = field(default_factory=dict)


def parse(text: str) -> Command:
    """Parse the text after `/recover`."""
    text = html.unescape(text or "").strip()  # Slack sends &, < and > escaped
    if not text:
        return Command("help")
    verb, _, rest = text.partition(" ")
    verb, rest = verb.lower(), rest.strip()
    if verb in ("help", "?"):
        return Command("help")
    if verb == "new":
        if len(rest) > MAX_TEXT:
            raise UsageError(
                f"That is {len(rest):,} characters; a case summary can have {MAX_TEXT:,}.", USAGE["new"]
            )
        return Command("new", args={"text": rest})
    if verb == "list":
        which = rest.lower() or "open"
        if which not in LIST_FILTERS:
            raise UsageError(f"“{rest[:30]}” is not a list; choose {', '.join(LIST_FILTERS)}.", USAGE["list"])
        return Command("list", args={"which": which})
    if verb == "policy":
        return Command("policy")
    if verb == "show":
        return Command("show", case=_one_case(rest, "show"))
    if verb == "severity":
        return _severity(rest)
    if verb in ("checkin", "improve", "close", "reopen", "stats"):
        return _follow_up(verb, rest)
    if verb == "gesture":
        case, _, what = rest.partition(" ")
        if not case or not what.strip():
            raise UsageError("Name the case and the something extra.", USAGE["gesture"])
        return Command("gesture", case=case, args={"what": what.strip()[:MAX_TEXT]})
    if verb == "owner":
        return _owner(rest)
    if verb == "due":
        case, _, when = rest.partition(" ")
        if not case or not when.strip():
            raise UsageError("Name the case and the new deadline.", USAGE["due"])
        return Command("due", case=case, args={"when": when.strip()})
    if verb == "fixed":
        case, _, note = rest.partition(" ")
        if not case:
            raise UsageError("Name the case that is fixed.", USAGE["fixed"])
        return Command("fixed", case=case, args={"note": note.strip()[:MAX_TEXT]})
    raise UsageError(f"I don't know “{verb[:30]}”.", "/recover help")


def _one_case(rest: str, verb: str) -> str:
    parts = rest.split()
    if len(parts) != 1:
        raise UsageError("Name one case.", USAGE[verb])
    return parts[0]


def _severity(rest: str) -> Command:
    parts = rest.split(maxsplit=2)
    if len(parts) < 2:
        raise UsageError("Name the case and the new severity.", USAGE["severity"])
    severity = parts[1].lower()
    if severity not in SEVERITIES:
        raise UsageError(f"“{parts[1][:30]}” is not a severity.", USAGE["severity"])
    reason = parts[2].strip() if len(parts) > 2 else ""
    return Command("severity", case=parts[0], args={"severity": severity, "reason": reason})


def _follow_up(verb: str, rest: str) -> Command:
    if verb == "stats":
        period = rest.lower() or "7d"
        if period not in ("7d", "30d", "90d"):
            raise UsageError(f"“{rest[:20]}” is not a period.", USAGE["stats"])
        return Command("stats", args={"period": period})
    case, _, tail = rest.partition(" ")
    tail = tail.strip()
    if not case:
        raise UsageError("Name the case.", USAGE[verb])
    if verb == "close":
        return Command("close", case=case)
    if verb == "reopen":
        return Command("reopen", case=case, args={"reason": tail[:MAX_TEXT]})
    if verb == "checkin":
        outcome, _, note = tail.partition(" ")
        if outcome.lower() not in ("ok", "unhappy", "unreachable"):
            raise UsageError("Say how it went: ok, unhappy or unreachable.", USAGE["checkin"])
        return Command(
            "checkin", case=case, args={"outcome": outcome.lower(), "note": note.strip()[:MAX_TEXT]}
        )
    cause, arrow, change = tail.partition("=>")
    if not arrow or not cause.strip() or not change.strip():
        raise UsageError("Give the root cause, then `=>`, then what we changed.", USAGE["improve"])
    return Command("improve", case=case, args={"root_cause": cause.strip(), "change": change.strip()})


def _owner(rest: str) -> Command:
    case, _, rest = rest.partition(" ")
    person, _, tail = rest.strip().partition(" ")
    users = _MENTION.fullmatch(person)
    if not case or users is None:
        problem = (
            "Name the case and mention the owner with @."
            if not person.startswith("@")
            else (
                f"I can't tell who “{person[:30]}” is: pick them from Slack's @ list so it becomes a mention."
            )
        )
        raise UsageError(problem, USAGE["owner"])
    tail = tail.strip()
    if tail and not tail.lower().startswith("due "):
        raise UsageError(f"After the person I expected “due <when>”, not “{tail[:30]}”.", USAGE["owner"])
    return Command("owner", case=case, args={"owner": users.group(1), "when": tail[4:].strip()})


def mentioned_users(text: str) -> list[str]:
    """User ids in Slack's escaped mentions, `<@U123>` or `<@U123|name>`."""
    return _MENTION.findall(text)


def help_text() -> str:
    """The help shown for `/recover` and `/recover help`."""
    lines = "\n".join(f"• `{usage}`" for name, usage in USAGE.items() if name != "help")
    return (
        "*Bounceback* helps us say sorry at the right level, fix it by a deadline, and check back.\n"
        "Post a complaint in a complaints channel, use the *Log as complaint* message shortcut, or:\n"
        f"{lines}"
    )
