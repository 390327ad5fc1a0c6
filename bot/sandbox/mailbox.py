"""A mail server on this machine (aiosmtpd, loopback): where the demo's and the tests' customers get their e-mail.

It keeps every message it accepts, can refuse the next ones with a reply of your choosing (a 451
"try later", a 550 "no such user"), and can hold the next conversation mid-way (for kill -9 tests).
"""

import asyncio
import email
import email.policy
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    """Start with `with Mailbox() as box:`; `box.url` is the SMTP_URL of a plain local relay."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.attempts = 0  # recipients offered, accepted or not: each delivery attempt offers one
        self._refusals: deque[str] = deque()
        self._held: threading.Event | None = None
        self.holding = threading.Event()  # set while a conversation waits on hold()
        self._changed = threading.Condition()
        self._controller: Controller | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """SMTP_URL for the bot: a relay without a user, so no TLS."""
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> "Mailbox":
        """Listen on a free loopback port (the same one again after a stop)."""
        self.port = self.port or free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        """Stop listening; what arrived stays readable."""
        self.release()
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> "Mailbox":
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def refuse(self, reply: str, times: int = 1) -> None:
        """Answer the next `times` recipients with this reply (like "451 4.3.0 Try again later")."""
        self._refusals.extend([reply] * times)

    def hold(self) -> None:
        """Keep the next conversation waiting after its recipient, until `release()`."""
        self._held = threading.Event()
        self.holding.clear()

    def release(self) -> None:
        """Let a held conversation go on (if its client is still there)."""
        if self._held is not None:
            self._held.set()
            self._held = None

    def to(self, address: str) -> list[EmailMessage]:
        """The messages for one address."""
        return [m for m in self.messages if address.lower() in str(m["To"]).lower()]

    def wait_for(
        self, predicate: Callable[[], Any], *, timeout: float = 15.0, what: str = "an e-mail"
    ) -> Any:
        """Wait until `predicate()` is truthy (checked whenever something arrives), or fail after `timeout`."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not (value := predicate()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"waited {timeout}s for {what}")
                self._changed.wait(min(left, 0.2))
        return value

    # aiosmtpd's handler hooks ----------------------------------------------------------------------

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list) -> str:
        """Accept the recipient, or give the refusal asked for."""
        self.attempts += 1
        if self._refusals:
            return self._refusals.popleft()
        held = self._held
        if held is not None:
            self.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, held.wait)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        """Keep the message."""
        message = email.message_from_bytes(
            envelope.original_content or envelope.content, policy=email.policy.default
        )
        with self._changed:
            self.messages.append(message)  # type: ignore[arg-type]
            self._changed.notify_all()
        return "250 Message accepted for delivery"


def text_of(message: EmailMessage) -> str:
    """The plain-text part of a message."""
    part = message.get_body(preferencelist=("plain",))
    return part.get_content().replace("\r\n", "\n") if part is not None else ""
