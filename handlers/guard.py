"""One error path for listeners: a refusal or a bug after ack() becomes a message to the person.

Bolt's thread runner loses the acknowledgement when a listener raises after ack() (it resets
ack.response, so Slack can get a 404 three seconds later). Listeners therefore never raise: this
guard hands the error to the same `tell_user` the app's @app.error handler uses.
"""

import functools
from collections.abc import Callable
from typing import Any

from bot.slack.app import tell_user


def guarded(listener: Callable[..., None]) -> Callable[..., None]:
    """Wrap a listener that takes `body` and `client` so its errors reach the person, not Bolt."""

    @functools.wraps(listener)  # Bolt unwraps to read the listener's own argument names
    def run(**kwargs: Any) -> None:
        try:
            listener(**kwargs)
        except Exception as error:
            tell_user(error, kwargs["body"], kwargs["client"])

    return run
