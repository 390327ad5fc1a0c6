"""Slack Web API calls over kept-alive HTTP connections, answered exactly as slack_sdk's urllib call answers.

slack_sdk's WebClient opens a new connection for every call (urllib asks the server to close it):
a TCP handshake (and, against Slack, a TLS handshake) for each modal, message and Home tab. Here
each thread keeps one connection a host open between calls. Everything around the call stays
slack_sdk's own: the request it built, its retry handlers (429 Retry-After, 5xx, dropped
connections), its errors. Failures are raised as urllib raises them, so the handlers see what
they know: a connection that fails before an answer is a URLError, a status outside 2xx an
HTTPError carrying the body.
"""

import http.client
import io
import threading
import time
from ssl import SSLContext
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.request import Request

MAX_IDLE = 5.0  # seconds: an older connection may have been closed by the server meanwhile; open anew


class Connections:
    """One open connection per thread and host, reused while the server keeps it open."""

    def __init__(self) -> None:
        self._local = threading.local()

    def call(self, request: Request, *, timeout: float, ssl: SSLContext | None) -> dict[str, Any]:
        """Send slack_sdk's request; its status, headers and body as slack_sdk's urllib call returns them."""
        connection = self._connection(request, timeout=timeout, ssl=ssl)
        try:
            connection.request(
                request.get_method(),
                request.selector,
                body=request.data,
                headers=dict(request.header_items()),
            )
            response = connection.getresponse()
        except OSError as error:  # as urllib: refused, reset, timed out, closed before answering
            connection.close()
            raise URLError(error) from error
        except BaseException:
            connection.close()
            raise
        try:
            body = response.read()
        finally:
            if response.will_close or not response.isclosed():  # closed by the server, or read short
                connection.close()
            else:
                self._opened()[_target(request)] = (connection, time.monotonic())
        if not 200 <= response.status < 300:
            raise HTTPError(
                request.full_url, response.status, response.reason, response.headers, io.BytesIO(body)
            )
        if response.headers.get_content_type() == "application/gzip":
            return {"status": response.status, "headers": response.headers, "body": body}
        charset = response.headers.get_content_charset() or "utf-8"
        return {"status": response.status, "headers": response.headers, "body": body.decode(charset)}

    def _opened(self) -> dict[str, tuple[http.client.HTTPConnection, float]]:
        opened = getattr(self._local, "opened", None)
        if opened is None:
            opened = self._local.opened = {}
        return opened

    def _connection(
        self, request: Request, *, timeout: float, ssl: SSLContext | None
    ) -> http.client.HTTPConnection:
        """This thread's open connection to the request's host (taken out while in use), or a new one."""
        kept = self._opened().pop(_target(request), None)
        if kept is not None:
            connection, last_used = kept
            if time.monotonic() - last_used < MAX_IDLE:
                return connection
            connection.close()
        if request.type == "https":
            return http.client.HTTPSConnection(request.host, timeout=timeout, context=ssl)
        return http.client.HTTPConnection(request.host, timeout=timeout)


def _target(request: Request) -> str:
    return f"{request.type}://{request.host}"
