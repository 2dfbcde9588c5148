"""Use the second core: run a piece of work in a forked process while this one goes on.

``Job(work)`` starts ``work`` in a forked child where that is possible and useful (more
than one core, the fork start method, ``ZODOENWEDAT_PARALLEL`` not "0"); ``result()``
returns what it returned. If there is no worker, or it fails in any way, ``result()``
does the same work here: the outcome never depends on the worker.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


def enabled() -> bool:
    return (
        os.environ.get("ZODOENWEDAT_PARALLEL", "1") != "0"
        and (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


class Job(Generic[T]):
    def __init__(self, work: Callable[[], T]):
        self.work = work
        self.process = None
        if enabled():
            try:
                context = multiprocessing.get_context("fork")
                self.receive, send = context.Pipe(duplex=False)
                self.process = context.Process(target=_run, args=(work, send), daemon=True)
                self.process.start()
                send.close()
            except OSError:
                self.process = None

    def result(self) -> T:
        if self.process is not None:
            try:
                status, value = self.receive.recv()
            except (EOFError, OSError):
                status, value = "failed", None
            self.process.join()
            self.receive.close()
            if status == "ok":
                return value
        return self.work()  # no worker, or it failed: the same work, here


def _run(work: Callable[[], object], send) -> None:
    try:
        send.send(("ok", work()))
    except BaseException as error:  # reported by doing the work again in the parent
        send.send(("failed", repr(error)))
    finally:
        send.close()
