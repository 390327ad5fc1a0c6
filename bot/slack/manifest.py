"""The Slack app manifest that makes every surface work."""

from typing import Any

import yaml

from bot.recovery.messages import ids

BOT_SCOPES = [
    "chat:write",  # case cards, apology requests, reminders
    "chat:write.public",  # post the case card in a complaints channel the bot was not invited to
    "commands",  # /recover
    "channels:history",  # read complaints channels and case threads
    "groups:history",  # the same for private complaints channels
    "im:write",  # DMs to leaders, fix owners and whoever apologized
    "im:history",  # after a crash mid-send, look for the DM before sending it again
    "users:read",  # names, titles and time zones
    "users:read.email",  # a leader's address, where a customer's reply to their apology goes
    "files:write",  # the weekly digest's chart
]
BOT_EVENTS = ["message.channels", "message.groups", "app_home_opened"]


def manifest(request_url: str, name: str = "Bounceback") -> dict[str, Any]:
    """The manifest as a dict; `request_url` is where Slack sends everything (…/slack/events)."""
    return {
        "display_information": {
            "name": name,
            "description": "Say sorry at the right level, fix it by a deadline, do something extra, check back.",
            "background_color": "#2c2d30",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": True,
            },
            "bot_user": {"display_name": name.lower(), "always_online": True},
            "slash_commands": [
                {
                    "command": ids.RECOVER_COMMAND,
                    "url": request_url,
                    "description": "Log and follow up customer complaints",
                    "usage_hint": "new [what happened] | list | show REC-12 | help",
                    "should_escape": True,
                }
            ],
            "shortcuts": [
                {
                    "name": "Log as complaint",
                    "type": "message",
                    "callback_id": ids.LOG_COMPLAINT_SHORTCUT,
                    "description": "Turn this message into a recovery case",
                }
            ],
        },
        "oauth_config": {"scopes": {"bot": BOT_SCOPES}},
        "settings": {
            "event_subscriptions": {"request_url": request_url, "bot_events": BOT_EVENTS},
            "interactivity": {"is_enabled": True, "request_url": request_url},
            "org_deploy_enabled": False,
            "socket_mode_enabled": False,
            "token_rotation_enabled": False,
        },
    }


def manifest_yaml(request_url: str, *, socket_mode: bool = False) -> str:
    """The manifest as YAML, ready to paste into api.slack.com/apps → Create New App → From a manifest."""
    data = manifest(request_url)
    if socket_mode:
        data["settings"]["socket_mode_enabled"] = True
        for key in ("event_subscriptions", "interactivity"):
            data["settings"][key].pop("request_url", None)
        for command in data["features"]["slash_commands"]:
            command.pop("url", None)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
