"""Slack listeners, one module per surface, each with register(app)."""

from slack_bolt import App

from handlers import actions, apologies, commands, events, followup, shortcuts, views


def register_all(app: App) -> None:
    """Attach every listener to the app."""
    for surface in (commands, events, actions, apologies, followup, shortcuts, views):
        surface.register(app)
