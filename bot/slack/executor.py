"""Thread pools that know when they are idle, so shutdown and tests can wait for in-flight work."""

import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any


class TrackedExecutor(ThreadPoolExecutor):
    """ThreadPoolExecutor that counts submitted work until it has finished."""

    def __init__(self, max_workers: int, thread_name_prefix: str) -> None:
        super().__init__(max_workers=max_workers, thread_name_prefix=thread_name_prefix)
        self._busy = 0
        self._idle = threading.Condition()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        """Run fn later, counting it as in flight until it returns or raises."""
        with self._idle:
            self._busy += 1
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._done)
        return future

    def _done(self, _: Future) -> None:
        with self._idle:
            self._busy -= 1
            self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Block until nothing is in flight; False if that took longer than timeout."""
        deadline = time.monotonic() + timeout
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout=max(0.0, deadline - time.monotonic()))


class ListenerPools(Executor):
    """Bolt's listener executor, in two lanes.

    Events were acknowledged before their listener runs and nobody is waiting on a screen for them,
    so a flood of complaints runs on a small pool of its own: it can neither crowd the request
    threads off the interpreter nor queue ahead of a person's button press, whose trigger to open
    a modal expires in three seconds.
    """

    def __init__(self, *, people: int = 16, background: int = 4) -> None:
        self._people = TrackedExecutor(people, thread_name_prefix="bounceback-listener")
        self._background = TrackedExecutor(background, thread_name_prefix="bounceback-events")
        self._request = threading.local()

    def background(self, yes: bool) -> None:
        """Say, on the request's own thread, whether its listeners may run in the background lane."""
        self._request.background = yes

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        """Queue a listener on the lane its request needs."""
        lane = self._background if getattr(self._request, "background", False) else self._people
        return lane.submit(fn, *args, **kwargs)

    def wait_idle(self, timeout: float) -> bool:
        """Block until both lanes are idle; False if that took longer than timeout."""
        deadline = time.monotonic() + timeout
        return all(lane.wait_idle(deadline - time.monotonic()) for lane in (self._people, self._background))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop both lanes (finishing what they hold unless cancelled)."""
        for lane in (self._people, self._background):
            lane.shutdown(wait=wait, cancel_futures=cancel_futures)
