"""SQLite's writers in one process: an urgent writer (an event stored before its 200) goes first."""

import threading
import time

from bot.store.db import WriteLock


def _waiting(lock: WriteLock, *, urgent: bool, order: list[str], name: str) -> threading.Thread:
    def take() -> None:
        with lock.held(urgent=urgent):
            order.append(name)

    thread = threading.Thread(target=take)
    thread.start()
    return thread


def _wait_for_waiters(lock: WriteLock, count: int) -> None:
    deadline = time.monotonic() + 5
    while len(lock._changed._waiters) < count:  # type: ignore[attr-defined]
        assert time.monotonic() < deadline, "the waiters never queued"
        time.sleep(0.005)


def test_an_urgent_writer_goes_ahead_of_writers_that_were_waiting_before_it():
    lock, order = WriteLock(), []
    with lock.held():
        batch = _waiting(lock, urgent=False, order=order, name="next batch")
        _wait_for_waiters(lock, 1)
        event = _waiting(lock, urgent=True, order=order, name="event")
        _wait_for_waiters(lock, 2)
    batch.join(5)
    event.join(5)
    assert order == ["event", "next batch"]


def test_the_holder_may_take_it_again():
    lock = WriteLock()
    with lock.held(), lock.held(urgent=True), lock.held():
        pass
    taken = threading.Event()
    threading.Thread(target=lambda: (lock.held().__enter__(), taken.set())).start()
    assert taken.wait(5)  # released fully after the nested holds
