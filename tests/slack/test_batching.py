"""The Batcher: items from many threads handled in batches by one of them, none left behind."""

import threading

from bot.slack.batching import Batcher, Lanes


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


def test_two_lanes_run_at_once_and_each_keeps_its_items_in_order():
    handled: dict[int, list[int]] = {0: [], 1: []}
    both_handling, release = threading.Barrier(3, timeout=5), threading.Event()

    def handle(batch: list[int]) -> None:
        if batch in ([0], [1]):
            both_handling.wait()  # neither lane waits for the other: both are handling at once
            release.wait(5)
        handled[batch[0] % 2].extend(batch)

    lanes: Lanes[int] = Lanes(handle, size=2, lanes=2, lane_of=lambda item: item)
    workers = [threading.Thread(target=lanes.submit, args=(item,)) for item in (0, 1)]
    for worker in workers:
        worker.start()
    both_handling.wait()
    for item in range(2, 10):
        lanes.submit(item)  # each lane's handler is busy: these queue behind it and return
    release.set()
    for worker in workers:
        worker.join(5)
    assert handled == {0: [0, 2, 4, 6, 8], 1: [1, 3, 5, 7, 9]}
