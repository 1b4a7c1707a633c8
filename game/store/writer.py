"""One background writer thread: saves and log flushes never run on the frame."""
from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future
from typing import Any, Callable

log = logging.getLogger(__name__)


class BackgroundWriter:
    def __init__(self, name: str = "glimmer-writer") -> None:
        self._q: queue.Queue[tuple[Callable[[], Any], Future] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._q.get()
            if item is None:
                self._q.task_done()
                return
            fn, fut = item
            if fut.set_running_or_notify_cancel():
                try:
                    fut.set_result(fn())
                except BaseException as e:  # reported through the future
                    fut.set_exception(e)
            self._q.task_done()

    def submit(self, fn: Callable[[], Any]) -> Future:
        fut: Future = Future()
        if not self._thread.is_alive():  # after close(): run inline
            try:
                fut.set_result(fn())
            except BaseException as e:
                fut.set_exception(e)
            return fut
        self._q.put((fn, fut))
        return fut

    def drain(self) -> None:
        """Wait until every submitted job has run."""
        if self._thread.is_alive():
            self._q.join()

    def close(self) -> None:
        if self._thread.is_alive():
            self._q.put(None)
            self._thread.join(timeout=30)
