"""Use the second core: run a piece of work in a forked process while this one goes on.

``Job(work)`` starts ``work`` in a forked child where that is possible and useful (more
than one core, the fork start method, ``ZODOENWEDAT_PARALLEL`` not "0"); ``result()``
returns what it returned. If there is no worker, or it fails in any way, ``result()``
does the same work here: the outcome never depends on the worker.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


def enabled() -> bool:
    return (
        os.environ.get("ZODOENWEDAT_PARALLEL", "1") != "0"
        and (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _fork(target, work, duplex: bool):
    """Start ``target(work, connection)`` in a forked child: (process, this side's connection),
    or (None, None) if the system refuses."""
    try:
        context = multiprocessing.get_context("fork")
        here, there = context.Pipe(duplex=duplex)
        process = context.Process(target=target, args=(work, there), daemon=True)
        process.start()
        there.close()
        return process, here
    except OSError:
        return None, None


class Job(Generic[T]):
    def __init__(self, work: Callable[[], T]):
        self.work = work
        self.process = None
        self.error: str | None = None
        if enabled():
            self.process, self.receive = _fork(_run, work, duplex=False)

    def result(self) -> T:
        if self.process is not None:
            try:
                status, value = self.receive.recv()
            except (EOFError, OSError) as error:
                status, value = "failed", repr(error)
            self.process.join()
            self.receive.close()
            self.process = None
            if status == "ok":
                return value
            self.error = value  # noted for tests and debugging; the outcome is the same
        return self.work()  # no worker, or it failed: the same work, here


def _run(work: Callable[[], object], send) -> None:
    try:
        send.send(("ok", work()))
    except BaseException as error:  # reported by doing the work again in the parent
        send.send(("failed", repr(error)))
    finally:
        send.close()


MISSING = object()  # Stream.get: the worker did not deliver this result; do the work here


class Stream:
    """A forked worker that hands its results back one at a time, in the order it makes them.

    ``Stream(produce)`` runs ``produce(emit, receive)`` in a forked child: ``emit(key, value)``
    sends one result here, ``receive()`` waits for a message sent from here with ``send``.
    ``get(key)`` waits for that key (keeping results that arrive before it) and returns its
    value once, or :data:`MISSING` when there is no worker or it failed: the caller then does
    that piece of work itself, so the outcome never depends on the worker. ``drain()`` takes in
    whatever has arrived without waiting, so the worker is not held up by a full pipe.
    """

    def __init__(self, produce: Callable[[Callable[[object, object], None], Callable[[], object]], None], *, start: bool = True):
        self.results: dict = {}
        self.process = None
        self.owner = os.getpid()
        self.error: str | None = None
        if start and enabled():
            self.process, self.connection = _fork(_stream, produce, duplex=True)

    @property
    def running(self) -> bool:
        return self.process is not None

    def _mine(self) -> bool:
        """False in a process forked from this one: the worker's pipe is not its to read."""
        if self.process is not None and self.owner != os.getpid():
            self.process = None
        return self.process is not None

    def get(self, key):
        if key in self.results:
            return self.results.pop(key)
        while self._mine():
            message = self._receive()
            if message is None:
                break
            found, value = message
            if found == key:
                return value
            self.results[found] = value
        return MISSING

    def drain(self) -> None:
        try:
            while self._mine() and self.connection.poll():
                message = self._receive()
                if message is None:
                    return
                self.results[message[0]] = message[1]
        except OSError as error:
            self._stop(repr(error))

    def send(self, message) -> None:
        if self._mine():
            try:
                self.connection.send(message)
            except BrokenPipeError:
                pass  # the worker has stopped; what it sent before is still to be read, then its end
            except OSError as error:
                self._stop(repr(error))

    def close(self) -> None:
        """Stop the worker (if it still runs) and forget its results."""
        self._stop(None, terminate=True)
        self.results.clear()

    def _receive(self):
        try:
            kind, key, value = self.connection.recv()
        except (EOFError, OSError) as error:
            self._stop(repr(error) or "the worker stopped")
            return None
        if kind == "item":
            return key, value
        self._stop(value if kind == "failed" else None)
        return None

    def _stop(self, error: str | None, terminate: bool = False) -> None:
        if not self._mine():
            return
        if terminate and self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.connection.close()
        self.process = None
        if error:
            self.error = error


def _stream(produce, connection) -> None:
    # Results go out through a queue and a sending thread, so the worker goes on working
    # while this side is busy and the pipe is full.
    outbox: queue.SimpleQueue = queue.SimpleQueue()

    def send() -> None:
        while (message := outbox.get()) is not None:
            try:
                connection.send(message)
            except OSError:  # the parent has gone
                return

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        produce(lambda key, value: outbox.put(("item", key, value)), connection.recv)
        outbox.put(("done", None, None))
    except BaseException as error:  # the parent does the rest of the work itself
        outbox.put(("failed", None, repr(error)))
    finally:
        outbox.put(None)
        sender.join()
        connection.close()
