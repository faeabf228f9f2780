"""Time limits for slow clients: request heads, request bodies and idle connections.

Why: uvicorn closes idle keep-alive connections but never times out a client that is slow to send
(a connection opened and left silent, headers or a body trickled a byte at a time), so a handful of
such clients hold every connection slot ("slowloris"). Two layers close that gap:

- :func:`timed_h11_protocol` makes uvicorn's h11 protocol close a connection whose request head
  has not fully arrived ``head_timeout`` seconds after the connection opened or the previous
  response ended (trickling bytes does not reset it);
- :class:`BodyTimeoutMiddleware` answers ``408 request_timeout`` when a body stays silent for
  ``idle`` seconds or has not fully arrived after ``total`` seconds.
"""

from __future__ import annotations

import asyncio

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodyTimeout", "BodyTimeoutMiddleware", "timed_h11_protocol"]


class BodyTimeout(HTTPException):
    """The request body did not arrive in time (raised from ``receive``, answered as 408)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(408, f"the request body did not arrive within {seconds:g} s: send it in one go "
                              "(the server's limit is set with `skillradar serve --timeout SECONDS`)",
                         headers={"connection": "close"})
        self.code = "request_timeout"


class BodyTimeoutMiddleware:
    """Pure ASGI middleware: bound the silence between body chunks and the time for the whole body."""

    def __init__(self, app: ASGIApp, idle: float, total: float) -> None:
        self.app = app
        self.idle = idle
        self.total = total

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.total
        body_done = False

        async def timed_receive() -> Message:
            nonlocal body_done
            if body_done:  # after the body, receive() waits for a disconnect: no limit there
                return await receive()
            wait = min(self.idle, deadline - loop.time())
            try:
                message = await asyncio.wait_for(receive(), timeout=max(wait, 0.0))
            except asyncio.TimeoutError:
                raise BodyTimeout(self.idle if wait == self.idle else self.total) from None
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_done = True
            return message

        await self.app(scope, timed_receive, send)


def timed_h11_protocol(head_timeout: float):
    """uvicorn's h11 protocol class, closing connections whose request head is late (see module doc)."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class TimedH11Protocol(H11Protocol):
        _head_timer: asyncio.TimerHandle | None = None

        def _arm_head_timer(self) -> None:
            self._cancel_head_timer()
            self._head_timer = self.loop.call_later(head_timeout, self._head_too_slow)

        def _cancel_head_timer(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_too_slow(self) -> None:
            self._head_timer = None
            if not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm_head_timer()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE:  # the whole head arrived: the body has its own limit
                self._cancel_head_timer()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
                self._arm_head_timer()  # the next request's head must come in time too

        def connection_lost(self, exc) -> None:
            self._cancel_head_timer()
            super().connection_lost(exc)

    return TimedH11Protocol
