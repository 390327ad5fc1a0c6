"""The `/recover` grammar: text in, a parsed command or a usage error out.

This is the surface where a typed case id ("REC-42", "rec42") becomes a case number; below it,
services are handed the case itself.
"""

import difflib
import html
import re
from dataclasses import dataclass, field

from bot.policy.model import SEVERITIES
from bot.recovery.errors import UserError
from bot.store.models import CheckinOutcome

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

    def __init__(self, problem: str, usage: str, *, more: str = "") -> None:
        super().__init__(f"{problem}\nUsage: `{usage}`" + (f"\n{more}" if more else ""))
        self.usage = usage


@dataclass(frozen=True)
class Command:
    """A parsed `/recover` command; `case` is the number of the case it names."""

    name: str
    case: int | None = None
    args: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Typed:
    """A command whose case id is still as typed."""

    name: str
    case: str | None = None
    args: dict[str, str] = field(default_factory=dict)


def parse(text: str, *, prefix: str) -> Command:
    """Parse the text after `/recover`; a case id is the policy's `prefix` and a number."""
    typed = _parse(text)
    if typed.case is None:
        return Command(typed.name, args=typed.args)
    number = case_number(prefix, typed.case)
    if number is None:
        problem = f"“{typed.case[:40]}” is not a case id — they look like {prefix}-12."
        raise UsageError(problem, USAGE[typed.name])
    return Command(typed.name, case=number, args=typed.args)


def case_number(prefix: str, typed: str) -> int | None:
    """42 from "REC-42", "rec-42" or "REC42"; None when it is not a case id with this prefix."""
    match = re.fullmatch(rf"{re.escape(prefix)}-?(\d{{1,9}})", typed.strip(), flags=re.IGNORECASE)
    return int(match.group(1)) if match else None


def _parse(text: str) -> _Typed:
    text = html.unescape(text or "").strip()  # Slack sends &, < and > escaped
    if not text:
        return _Typed("help")
    verb, _, rest = text.partition(" ")
    verb, rest = verb.lower(), rest.strip()
    if verb in ("help", "?"):
        return _Typed("help")
    if verb == "new":
        if len(rest) > MAX_TEXT:
            raise UsageError(
                f"That is {len(rest):,} characters; a case summary can have {MAX_TEXT:,}.", USAGE["new"]
            )
        return _Typed("new", args={"text": rest})
    if verb == "list":
        which = rest.lower() or "open"
        if which not in LIST_FILTERS:
            raise UsageError(f"“{rest[:30]}” is not a list; choose {', '.join(LIST_FILTERS)}.", USAGE["list"])
        return _Typed("list", args={"which": which})
    if verb == "policy":
        return _Typed("policy")
    if verb == "show":
        return _Typed("show", case=_one_case(rest, "show"))
    if verb == "severity":
        return _severity(rest)
    if verb in ("checkin", "improve", "close", "reopen", "stats"):
        return _follow_up(verb, rest)
    if verb == "gesture":
        case, _, what = rest.partition(" ")
        if not case or not what.strip():
            raise UsageError("Name the case and the something extra.", USAGE["gesture"])
        return _Typed("gesture", case=case, args={"what": what.strip()[:MAX_TEXT]})
    if verb == "owner":
        return _owner(rest)
    if verb == "due":
        case, _, when = rest.partition(" ")
        if not case or not when.strip():
            raise UsageError("Name the case and the new deadline.", USAGE["due"])
        return _Typed("due", case=case, args={"when": when.strip()})
    if verb == "fixed":
        case, _, note = rest.partition(" ")
        if not case:
            raise UsageError("Name the case that is fixed.", USAGE["fixed"])
        return _Typed("fixed", case=case, args={"note": note.strip()[:MAX_TEXT]})
    raise _unknown(verb)


def _unknown(verb: str) -> UsageError:
    """The usage itself for a command we do not know, led by the nearest one when it looks like a typo."""
    known = [name for name in USAGE if name != "help"]
    nearest = difflib.get_close_matches(verb, known, n=1)
    if nearest:
        return UsageError(f"I don't know “{verb[:30]}” — did you mean `{nearest[0]}`?", USAGE[nearest[0]])
    commands = "\n".join(f"• `{USAGE[name]}`" for name in known)
    return UsageError(
        f"I don't know “{verb[:30]}”.", "/recover <command>", more=f"where the command is one of:\n{commands}"
    )


def _one_case(rest: str, verb: str) -> str:
    parts = rest.split()
    if len(parts) != 1:
        raise UsageError("Name one case.", USAGE[verb])
    return parts[0]


def _severity(rest: str) -> _Typed:
    parts = rest.split(maxsplit=2)
    if len(parts) < 2:
        raise UsageError("Name the case and the new severity.", USAGE["severity"])
    severity = parts[1].lower()
    if severity not in SEVERITIES:
        raise UsageError(f"“{parts[1][:30]}” is not a severity.", USAGE["severity"])
    reason = parts[2].strip() if len(parts) > 2 else ""
    return _Typed("severity", case=parts[0], args={"severity": severity, "reason": reason})


def _follow_up(verb: str, rest: str) -> _Typed:
    if verb == "stats":
        period = rest.lower() or "7d"
        if period not in ("7d", "30d", "90d"):
            raise UsageError(f"“{rest[:20]}” is not a period.", USAGE["stats"])
        return _Typed("stats", args={"period": period})
    case, _, tail = rest.partition(" ")
    tail = tail.strip()
    if not case:
        raise UsageError("Name the case.", USAGE[verb])
    if verb == "close":
        return _Typed("close", case=case)
    if verb == "reopen":
        return _Typed("reopen", case=case, args={"reason": tail[:MAX_TEXT]})
    if verb == "checkin":
        outcome, _, note = tail.partition(" ")
        if outcome.lower() not in tuple(CheckinOutcome):
            raise UsageError("Say how it went: ok, unhappy or unreachable.", USAGE["checkin"])
        return _Typed(
            "checkin", case=case, args={"outcome": outcome.lower(), "note": note.strip()[:MAX_TEXT]}
        )
    cause, arrow, change = tail.partition("=>")
    if not arrow or not cause.strip() or not change.strip():
        raise UsageError("Give the root cause, then `=>`, then what we changed.", USAGE["improve"])
    return _Typed("improve", case=case, args={"root_cause": cause.strip(), "change": change.strip()})


def _owner(rest: str) -> _Typed:
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
    return _Typed("owner", case=case, args={"owner": users.group(1), "when": tail[4:].strip()})


def help_text() -> str:
    """The help shown for `/recover` and `/recover help`."""
    lines = "\n".join(f"• `{usage}`" for name, usage in USAGE.items() if name != "help")
    return (
        "*Bounceback* helps us say sorry at the right level, fix it by a deadline, and check back.\n"
        "Post a complaint in a complaints channel, use the *Log as complaint* message shortcut, or:\n"
        f"{lines}"
    )
