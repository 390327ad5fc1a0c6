"""The policy in force, as plain lines for a terminal (`bounceback check`) and Slack (`/recover policy`)."""

from bot.policy.durations import format_duration
from bot.policy.model import SEVERITIES, Policy

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def describe_policy(policy: Policy) -> list[str]:
    """The rules in force as plain lines, readable in a terminal and in Slack mrkdwn."""
    tz, r = policy.timezone.key, policy.reminders
    prefix = policy.case_prefix
    lines = [
        f"Policy {policy.source}: cases are numbered {prefix}-1, {prefix}-2, …; time zone {tz}",
        "Complaints channels: " + ", ".join(f"<#{c}>" for c in policy.complaints_channels),
        "Admins: " + (", ".join(f"<@{u}>" for u in policy.admins) or "none"),
        "Apology ladder (lowest first):",
    ]
    for i, level in enumerate(policy.ladder, 1):
        people = ", ".join(f"<@{u}>" for u in level.people)
        lines.append(f"  {i}. {level.title} ({level.level}): {people}; gestures up to {level.gesture_limit}")
    lines.append("Targets by severity:")
    for name in SEVERITIES:
        rule = policy.severity[name]
        checkins = _and([format_duration(c) for c in rule.checkins])
        lines.append(
            f"  • {name}: apology from {policy.level(rule.apologize).title} within "
            f"{format_duration(rule.respond_within)} (else one level up); fix within "
            f"{format_duration(rule.fix_within)}; "
            + (f"check in {checkins} after the fix" if checkins else "no check-ins")
        )
    before = _and([format_duration(b) for b in r.before_due]) or "no time"
    quiet = (
        f"{r.quiet_hours[0]:%H:%M}–{r.quiet_hours[1]:%H:%M} in each person's time zone; reminders wait"
        if r.quiet_hours
        else "none; reminders go out at any hour"
    )
    attempts = f"{r.checkin_attempts} attempt{'s' if r.checkin_attempts > 1 else ''}"
    lines += [
        f"Fix reminders: {before} before the deadline, at it, then every {format_duration(r.overdue_every)}; "
        f"the leader is told once a fix is {format_duration(r.escalate_overdue_after)} overdue",
        f"Check-ins: customer not reached? Try again after {format_duration(r.checkin_retry)}, "
        f"{attempts} in all",
        f"Quiet hours: {quiet}",
        "Amounts in a complaint: " + ", ".join(f"{s} from {n}" for s, n in policy.triage.money.items()),
    ]
    if policy.digest and policy.digest_channel:
        when = f"{_DAYS[policy.digest.weekday]}s at {policy.digest.at:%H:%M} ({tz})"
        lines.append(f"Weekly digest: {when} in <#{policy.digest_channel}>")
    else:
        lines.append("Weekly digest: off (set digest_channel to turn it on)")
    mail = policy.customer_email
    sent = [what for what, on in (("the approved apology", mail.apology), ("check-ins", mail.checkins)) if on]
    lines.append(
        f"Customer e-mail: {_and(sent)}"
        + (f", check-in links valid {format_duration(mail.link_valid_for)}" if mail.checkins else "")
        + " (when SMTP_URL is set and the case has an address)"
        if sent
        else "Customer e-mail: off"
    )
    return lines


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)
