"""Work handed in by many threads, done in batches by whichever of them finds nobody else at it."""

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

Item = TypeVar("Item")


class Batcher(Generic[Item]):
    """`submit(item)` from any thread; items are handed to `handle` in batches of up to `size`, in order.

    The thread that submits while nobody is handling becomes the handler and carries on until the
    queue is empty; the others return at once, their items taken by it. An item is never left
    behind: a handler that finds one submitted while it was finishing takes it too.
    """

    def __init__(self, handle: Callable[[list[Item]], None], *, size: int = 50) -> None:
        self._handle = handle
        self._size = size
        self._items: list[Item] = []
        self._lock = threading.Lock()  # guards _items
        self._handling = threading.Lock()  # held by the one thread handling batches

    def submit(self, item: Item) -> None:
        """Queue the item; handle batches here unless another thread already is."""
        with self._lock:
            self._items.append(item)
        while self._handling.acquire(blocking=False):
            try:
                while batch := self._take():
                    self._handle(batch)
            finally:
                self._handling.release()
            with self._lock:
                if not self._items:  # nothing arrived between the last take and the release
                    return

    def _take(self) -> list[Item]:
        with self._lock:
            batch = self._items[: self._size]
            del self._items[: self._size]
        return batch


class Lanes(Generic[Item]):
    """Batchers side by side: an item joins the lane `lane_of(item)` names (modulo the number of lanes),
    so the items of one lane stay in order while the lanes' batches run at once."""

    def __init__(
        self, handle: Callable[[list[Item]], None], *, size: int, lanes: int, lane_of: Callable[[Item], int]
    ) -> None:
        self._lanes = [Batcher(handle, size=size) for _ in range(lanes)]
        self._lane_of = lane_of

    def submit(self, item: Item) -> None:
        """Queue the item in its lane; handle that lane's batches here unless another thread already is."""
        self._lanes[self._lane_of(item) % len(self._lanes)].submit(item)
