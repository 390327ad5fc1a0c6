"""The fault suite's shared parts: what Slack shows by outbox key, and the scripted day."""

from collections import Counter

from bot.sandbox.standin import SlackStandIn


def keys_in_slack(standin: SlackStandIn) -> Counter:
    """How many messages in Slack (any channel, DM or thread) carry each outbox key."""
    keys = [(m.get("metadata") or {}).get("event_payload", {}).get("key") for m in standin.messages()]
    return Counter(k for k in keys if k)
