"""Slack listeners, one module per surface, each with register(app)."""

from slack_bolt import App

from handlers import actions, apologies, commands, events, followup, shortcuts, views


def register_all(app: App) -> None:
    """Attach every listener to the app.

    Bolt tries listeners in the order they were attached until one matches, so the card's buttons
    (the requests that must open a modal within Slack's 3 s) come first.
    """
    for surface in (actions, commands, events, apologies, followup, shortcuts, views):
        surface.register(app)
