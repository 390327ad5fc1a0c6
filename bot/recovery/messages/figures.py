"""The team's figures as people read them: the digest, `/recover stats` and the Home tab."""

from datetime import timedelta
from decimal import Decimal

from bot.policy.durations import format_duration
from bot.policy.model import SEVERITIES, Policy
from bot.recovery.messages.text import clip
from bot.recovery.metrics import OUTCOMES, Figures

_MAX_TEXT = 200  # an improvement is a line in a digest, not an essay


def summary_lines(fig: Figures, *, policy: Policy) -> list[str]:
    """The figures as Slack mrkdwn lines a support lead reads at a glance."""
    lines = [
        f"*{fig.opened}* {_plural(fig.opened, 'case')} opened, *{fig.closed}* closed"
        + (f", {fig.reopened} reopened" if fig.reopened else "")
    ]
    if fig.opened:
        mix = [f"{fig.by_severity.get(s, 0)} {s}" for s in reversed(SEVERITIES) if fig.by_severity.get(s)]
        lines.append("Cases by severity: " + " · ".join(mix))
    if fig.triaged:
        lines.append(_triage_line(fig))
    lines += _apology_lines(fig)
    overdue = f"{fig.fixes_overdue_open} overdue now" if fig.fixes_overdue_open else "none overdue now"
    if fig.fixes_done:
        lines.append(f"Fixes: *{fig.fixes_on_time} of {fig.fixes_done}* on time; {overdue}")
    else:
        lines.append(f"Fixes: none finished; {overdue}")
    if any(fig.checkins.values()):
        ok, unhappy, unreachable = (fig.checkins.get(o, 0) for o in OUTCOMES)
        lines.append(f"Check-ins: {ok} all good · {unhappy} still unhappy · {unreachable} couldn't reach")
    else:
        lines.append("Check-ins: none")
    if fig.gestures:
        amount = f", {_money(fig.gesture_total)} in all" if fig.gesture_total else ""
        lines.append(f"Something extra: *{fig.gestures}* {_plural(fig.gestures, 'gesture')}{amount}")
    else:
        lines.append("Something extra: no gestures given")
    lines.append(f"Repeat customers: {fig.repeat_customers}")
    lines.append("*What we changed*")
    if not fig.improvements:
        lines.append(
            "No improvements recorded yet — every major or critical case needs one before it closes."
        )
    for item in fig.improvements:
        lines.append(f"• {item.case_key}: {_clean(item.change)} (root cause: {_clean(item.root_cause)})")
    if fig.earlier_improvements:
        lines.append(f"…and {fig.earlier_improvements} more")
    return lines


def _triage_line(fig: Figures) -> str:
    """How often people kept triage's severity, and the correction they made most, for the policy's admin."""
    line = (
        f"Triage: people kept the severity on *{fig.triage_kept} of {fig.triaged}* "
        f"{_plural(fig.triaged, 'case')} ({_percent(fig.triage_kept, fig.triaged)})."
    )
    fix = fig.correction
    if fix is None:
        return line
    said = f" — {fix.word.texts} mention “{fix.word.word}”" if fix.word else ""
    way = "raised" if fix.raised else "lowered"
    return f"{line} Most common correction: {fix.cases} {way} from {fix.triaged} to {fix.now}{said}."


def _percent(part: int, whole: int) -> str:
    """Rounded, but never 100% while one is missing nor 0% while one is there."""
    percent = (200 * part + whole) // (2 * whole)
    if 0 < part < whole:
        percent = min(max(percent, 1), 99)
    return f"{percent}%"


def _apology_lines(fig: Figures) -> list[str]:
    if not fig.apologies or fig.median_to_apology is None:
        return ["Apology: none sent"]
    lines = [
        f"Apology: median *{rounded_duration(fig.median_to_apology)}* after the complaint; "
        f"*{fig.apologies_on_target} of {fig.apologies}* within target"
    ]
    per = [
        f"{name} *{rounded_duration(median)}* (target {format_duration(fig.target_by_severity[name])})"
        for name in reversed(SEVERITIES)
        if (median := fig.median_by_severity.get(name)) is not None
    ]
    lines.append("Apology by severity: " + " · ".join(per))
    sent = (
        f"{fig.as_written} sent as written despite errors"
        if fig.as_written
        else "none sent as written despite errors"
    )
    lines.append(
        f"Owned it: *{fig.clean_apologies} of {fig.apologies}* {_plural(fig.apologies, 'apology', 'apologies')} "
        f"approved without quality errors; {sent}"
    )
    return lines


def rounded_duration(td: timedelta) -> str:
    """A duration in whole minutes once past a minute: "2h 10m" reads better than "2h 10m 7s"."""
    seconds = td.total_seconds()
    return format_duration(timedelta(minutes=round(seconds / 60)) if seconds >= 60 else td)


def _money(amount: Decimal) -> str:
    return f"${amount:,.0f}" if amount == amount.to_integral_value() else f"${amount:,.2f}"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return one if n == 1 else (many or one + "s")


def _clean(text: str) -> str:
    """Slack's three control characters escaped, so a typed "<!channel>" cannot ping everyone."""
    text = clip(" ".join(text.split()), _MAX_TEXT)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
