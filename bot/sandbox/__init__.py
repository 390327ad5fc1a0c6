"""The sandbox: a local Slack stand-in for the Web API, and a driver that plays Slack towards the app."""

from bot.sandbox.driver import SlackDriver
from bot.sandbox.standin import SlackStandIn
from bot.sandbox.wire import Delivery

__all__ = ["Delivery", "SlackDriver", "SlackStandIn"]
