"""One error path for listeners: a refusal or a bug after the acknowledgement becomes a message to the person.

Bolt's thread runner loses the acknowledgement when a listener raises after ack() (it resets
ack.response, so Slack can get a 404 three seconds later). Listeners therefore never raise to Bolt:
this guard hands the error to the same `tell_user` the app's @app.error handler uses.

Bolt passes a listener the arguments it names, reading the names from the function's signature
(context items, like the runtime `rt`, included). The guard's signature names what the listener
names plus the `body` and `client` it needs to answer, and the listener gets only its own.
"""

import inspect
from collections.abc import Callable
from typing import Any

from bot.slack.errors import tell_user

_NEEDED = ("body", "client")  # what tell_user needs to find the person


def guarded(listener: Callable[..., None]) -> Callable[..., None]:
    """Wrap a listener so its errors reach the person, not Bolt."""
    own = inspect.signature(listener).parameters
    asked = [*own.values()] + [
        inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        for name in _NEEDED
        if name not in own
    ]

    def run(**given: Any) -> None:
        try:
            listener(**{name: given[name] for name in own})
        except Exception as error:
            tell_user(error, given["body"], given["client"])

    # No functools.wraps: Bolt follows __wrapped__ to the listener's own signature, which may lack body.
    run.__name__, run.__qualname__, run.__doc__ = listener.__name__, listener.__qualname__, listener.__doc__
    run.__module__ = listener.__module__
    run.__signature__ = inspect.Signature(asked)  # type: ignore[attr-defined]
    return run
