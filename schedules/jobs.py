"""Jobs the clock runs. Their "module:function" names are a stored API: do not rename them."""

import logging

from bot.runtime import Runtime

log = logging.getLogger(__name__)
_runtime: Runtime | None = None


def bind(runtime: Runtime) -> None:
    """Give the jobs the running Bounceback (jobs take only plain arguments)."""
    global _runtime
    _runtime = runtime


def tick() -> None:
    """Once a second: deliver what is owed to Slack, including retries that fell due."""
    if _runtime is None:
        return
    _runtime.sender.wake()
