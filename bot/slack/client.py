"""Slack clients built one way: the configured base URL and slack_sdk's retry handlers."""

import logging
from typing import Any
from urllib.request import Request

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.webhook import WebhookClient

from bot.recovery.people import Profile
from bot.slack.keepalive import Connections

log = logging.getLogger(__name__)
TIMEOUT = 10


def retry_handlers(*, wait_out_rate_limits: bool = True) -> list[RetryHandler]:
    """Retry 5xx and dropped connections with backoff; honour 429 Retry-After by waiting, unless told not to."""
    handlers: list[RetryHandler] = [
        ConnectionErrorRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=3),
    ]
    if wait_out_rate_limits:
        handlers.insert(1, RateLimitErrorRetryHandler(max_retry_count=3))
    return handlers


class KeptAliveClient(WebClient):
    """slack_sdk's WebClient, its calls sent over connections kept open between calls (bot/slack/keepalive.py).

    slack_sdk builds each request, runs its retry handlers and raises its errors as always; only
    the one HTTP exchange goes through the kept connection. Through a proxy, it is urllib's as before.
    """

    _connections = Connections()  # shared by every client: a thread's connection serves them all

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        if self.proxy is not None or req.type not in ("http", "https"):
            return super()._perform_urllib_http_request_internal(url, req)
        response = self._connections.call(req, timeout=self.timeout, ssl=self.ssl)
        if self._logger.isEnabledFor(logging.DEBUG):  # the line slack_sdk's own exchange logs
            self._logger.debug(
                "Received the following response - status: %s, headers: %s, body: %s",
                response["status"],
                dict(response["headers"]),
                response["body"] if isinstance(response["body"], str) else "(binary)",
            )
        return response


def make_client(token: str, base_url: str, *, wait_out_rate_limits: bool = True) -> WebClient:
    """The Web API client Slack calls go through.

    The outbox's sender passes `wait_out_rate_limits=False`: sleeping out one channel's 429 in its
    single thread would hold up every other channel, so it waits per channel itself.
    """
    handlers = retry_handlers(wait_out_rate_limits=wait_out_rate_limits)
    return KeptAliveClient(
        token=token,
        base_url=base_url,
        timeout=TIMEOUT,
        retry_handlers=handlers,
        logger=pinned_logger("slack_sdk.web.base_client"),
    )


def pinned_logger(name: str) -> logging.Logger:
    """A library's logger, its own level pinned to the level it logs at now (unless it was set already).

    slack_sdk and Bolt ask `logger.level <= DEBUG` (the logger's own level: 0 when unset, so always
    true) before formatting debug lines that logging then drops: slack_sdk each request and response,
    whole views and blocks included (about a third of the CPU a `views.open` cost us), Bolt a line
    for each middleware and each listener it tries. Configure logging first to see those lines.
    """
    logger = logging.getLogger(name)
    if logger.level == logging.NOTSET:
        logger.setLevel(logger.getEffectiveLevel())
    return logger


def respond(response_url: str | None, **message: Any) -> None:
    """Answer through a response_url (ephemeral unless told otherwise), with the same retries."""
    if not response_url:
        log.warning("no response_url to answer on: %s", str(message.get("text", ""))[:80])
        return
    message.setdefault("response_type", "ephemeral")
    client = WebhookClient(response_url, timeout=TIMEOUT, retry_handlers=retry_handlers())
    response = client.send_dict(message)
    if response.status_code != 200:
        log.error("response_url answered %s: %s", response.status_code, response.body[:200])


def profiles(client: WebClient, user_ids: list[str]) -> dict[str, Profile]:
    """Name and time zone of each person; people Slack cannot tell us about are left out."""
    found = {}
    for user_id in dict.fromkeys(u for u in user_ids if u):
        try:
            user = client.users_info(user=user_id).get("user", {})
        except (SlackClientError, OSError) as error:
            log.warning("no profile for %s: %s", user_id, error)
            continue
        name = user.get("real_name") or (user.get("profile") or {}).get("real_name") or user.get("name")
        email = (user.get("profile") or {}).get("email")
        found[user_id] = Profile(name=name, tz=user.get("tz"), email=email)
    return found
