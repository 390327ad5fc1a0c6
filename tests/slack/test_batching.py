"""The Batcher: items from many threads handled in batches by one of them, none left behind."""

import threading

from bot.slack.batching import Batcher


def test_items_submitted_while_a_batch_is_handled_are_taken_by_that_handler_in_order():
    handled: list[list[int]] = []
    first_started, release = threading.Event(), threading.Event()

    def handle(batch: list[int]) -> None:
        handled.append(batch)
        if batch == [0]:
            first_started.set()
            release.wait(5)

    batcher: Batcher[int] = Batcher(handle, size=3)
    worker = threading.Thread(target=batcher.submit, args=(0,))
    worker.start()
    assert first_started.wait(5)
    for item in range(1, 6):
        batcher.submit(item)  # another thread is handling: these return at once
    assert handled == [[0]]
    release.set()
    worker.join(5)
    assert handled == [[0], [1, 2, 3], [4, 5]]


def test_no_item_is_left_behind_when_many_threads_submit_at_once():
    seen: list[int] = []
    lock = threading.Lock()

    def handle(batch: list[int]) -> None:
        with lock:
            seen.extend(batch)

    batcher: Batcher[int] = Batcher(handle, size=7)
    threads = [
        threading.Thread(target=lambda n=n: [batcher.submit(n * 100 + i) for i in range(100)])
        for n in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(seen) == sorted(n * 100 + i for n in range(8) for i in range(100))
