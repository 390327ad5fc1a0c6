"""A pump: one worker thread that delivers what the outbox owes, woken after each commit, idle otherwise.

The Slack sender (bot/slack/sender.py) and the mail sender (bot/mail/sender.py) are pumps: each says
what one round delivers (`drain`) and how long to wait when nobody wakes it (`idle`).
"""

import logging
import threading

log = logging.getLogger(__name__)


class Pump:
    """Start, wake after a commit, wait for a round, stop: the thread around a sender's `drain`."""

    thread_name = "bounceback-pump"

    def __init__(self) -> None:
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._delivered = threading.Condition()
        self._thread: threading.Thread | None = None

    def drain(self) -> int:
        """Deliver what is due; how many it handled (0 ends the round)."""
        raise NotImplementedError

    def idle(self) -> float:
        """Seconds to wait for a wake-up before looking at the outbox again."""
        raise NotImplementedError

    def start(self) -> None:
        """Start the pump thread."""
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the delivery in flight and stop the thread."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        """True while the pump thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def wake(self) -> None:
        """Something new is owed: deliver it now rather than at the next tick."""
        self._wake.set()

    def wait_delivered(self, timeout: float) -> None:
        """Block until the pump finishes its next round (or timeout)."""
        self.wake()
        with self._delivered:
            self._delivered.wait(timeout=max(0.0, timeout))

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._wake.wait(timeout=self.idle())
                self._wake.clear()
                while self.drain() and not self._stop.is_set():
                    pass
            except Exception:
                log.exception("%s failed; it will try again", self.thread_name)
            with self._delivered:
                self._delivered.notify_all()
