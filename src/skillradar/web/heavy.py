"""A bound on concurrent heavy work (reading uploads, extraction, assessment) in the web app.

Each heavy request may hold ~10× the upload limit in memory and a CPU core for seconds, so only
``slots`` of them run at once (by default one per CPU core). A request that finds every slot taken
is not queued: it gets ``503 {"error": {"code": "busy", …}}`` with a ``Retry-After`` header at once.
Refusing beats queueing here because a queue of uploads holds their bodies in memory while they
wait, and a client told when to come back can retry or show the wait to its user.

The slots are a thread semaphore, not an asyncio one, so one app may serve from several event loops
(tests do); it is only ever tried without blocking.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from ..errors import Busy

__all__ = ["HeavyWork", "heavy", "default_slots", "RETRY_AFTER"]

RETRY_AFTER = 2  # seconds: about the time one heavy request takes on a 10 MB upload
T = TypeVar("T")


def default_slots() -> int:
    """One slot per CPU core this process may use (at least one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


class HeavyWork:
    """At most ``slots`` heavy jobs at once; the rest are refused with :class:`~skillradar.errors.Busy`."""

    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError("heavy-work slots must be at least 1")
        self.slots = slots
        self._free = threading.BoundedSemaphore(slots)

    async def run(self, fn: Callable[..., T], *args) -> T:
        """Run ``fn(*args)`` in a worker thread if a slot is free, else raise Busy."""
        if not self._free.acquire(blocking=False):
            raise Busy(f"the server is already reading or analysing {self.slots} document(s), its limit: "
                       f"try again in {RETRY_AFTER} seconds", retry_after=RETRY_AFTER)
        try:
            return await run_in_threadpool(fn, *args)
        finally:
            self._free.release()


async def heavy(request: Request, fn: Callable[..., T], *args) -> T:
    """Run ``fn(*args)`` under the app's heavy-work bound (see :class:`HeavyWork`)."""
    return await request.app.state.heavy.run(fn, *args)
