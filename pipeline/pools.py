"""Helper processes that stop with the command: Ctrl-C is the main process's to handle.

A terminal sends Ctrl-C to the whole process group. Helpers ignore it (else each prints a
KeyboardInterrupt traceback from wherever it was), and the main process ends them at once:
a plain `shutdown()` would first wait for every queued task, or for a model still loading.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any


def ignore_ctrl_c() -> None:
    """Call first in a helper's initializer."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def stop_now(pool: ProcessPoolExecutor) -> None:
    """Cancel the tasks not started and end the helpers now. Only for helpers that write
    nothing, so that nothing is lost."""
    helpers = list((pool._processes or {}).values())  # no public way before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for helper in helpers:
        helper.terminate()


@contextmanager
def helpers(**pool_args: Any) -> Iterator[ProcessPoolExecutor]:
    """A pool of helpers that write nothing: shut down as usual when the block ends, ended at
    once (stop_now) when anything stops it early: Ctrl-C, a bad file, a caller that stopped
    reading the results."""
    pool = ProcessPoolExecutor(**pool_args)
    try:
        yield pool
    except BaseException:
        stop_now(pool)
        raise
    pool.shutdown()
