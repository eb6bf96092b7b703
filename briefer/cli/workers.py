"""Worker processes forked by ``briefer batch -j N``, fed and answered over pipes.

Why not :class:`concurrent.futures.ProcessPoolExecutor`, which the batch used before:

- Its parent side is two threads (the manager thread and the call queue's feeder), and every
  chunk crosses both of them each way.  They need the GIL, which the parent holds while it
  summarizes its own records between refilling the workers (:func:`batch_engine.
  shared_results`): each hand-off waited for the parent to let go of it.  Here the parent
  has no thread: it looks at the workers' pipes (one non-blocking read) between two records.
- A KeyboardInterrupt inside its ``submit`` could leave the wake-up pipe of its manager
  thread half written, and the ``shutdown`` that followed never returned (CPython 3.11).
  Here a message cut in the middle only goes to a worker that is then stopped.
- Its workers outlived a parent ended by SIGTERM or SIGKILL: re-parented, blocked on a queue
  whose write end they held themselves, and holding the caller's pipes (stdin, stdout), so
  a ``briefer batch | consumer`` never ended.  Here a worker holds neither the caller's
  standard input nor its output, stops when its parent does (Linux ``PR_SET_PDEATHSIG``),
  and anyway at the end of its current chunk, when the pipe of its chunks reaches its end
  (only the parent holds the write end: each worker closes its elders' pipes).

A worker is a forked copy of the parent, so it starts with everything the parent imported
and warmed up; it answers its chunks in the order it is given them, and ends with
``os._exit`` (no atexit handler, no flush of buffers inherited from the parent).

Messages are an 8-byte length and a pickle, both ways; only the parent and its own forked
children ever read them.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys
from collections import deque
from collections.abc import Callable
from typing import Any

_HEADER = struct.Struct("<Q")
_READ_SIZE = 1 << 20


class WorkerDied(RuntimeError):
    """A worker ended (killed from outside, out of memory) with chunks it had not answered."""


class Answer:
    """A chunk's result, to come from one worker: ``done()`` looks without waiting,
    ``result()`` waits (the shape :func:`batch_engine.shared_results` expects)."""

    __slots__ = ("_worker", "_value", "_ready")

    def __init__(self, worker: _Worker) -> None:
        self._worker = worker
        self._value: Any = None
        self._ready = False

    def done(self) -> bool:
        if not self._ready:
            self._worker.receive(block=False)
        return self._ready

    def result(self) -> Any:
        while not self._ready:
            self._worker.receive(block=True)
        return self._value


class _Worker:
    """The parent's end of one worker: its pid, the two pipes, answers still to come."""

    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid = pid
        self.tasks = tasks  # non-blocking; written by the parent
        self.results = results  # non-blocking; read by the parent
        self.inbox = bytearray()
        self.waiting: deque[Answer] = deque()

    def send(self, task: Any) -> Answer:
        body = pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL)
        answer = Answer(self)
        self.waiting.append(answer)
        view = memoryview(_HEADER.pack(len(body)) + body)
        while view:
            try:
                view = view[os.write(self.tasks, view):]
            except BlockingIOError:
                # The pipe is full: the worker is busy.  Take its answers meanwhile, so a
                # worker blocked on writing them can never be waited for while it waits.
                readable, _, _ = select.select([self.results], [self.tasks], [])
                if readable:
                    self.receive(block=False)
            except BrokenPipeError:
                raise WorkerDied(f"worker {self.pid} ended") from None
        return answer

    def receive(self, *, block: bool) -> None:
        """Read what the worker has written (waiting for something if ``block``) and hand
        every complete answer to the oldest :class:`Answer` waiting."""
        if block:
            select.select([self.results], [], [])
        try:
            data = os.read(self.results, _READ_SIZE)
        except BlockingIOError:
            return
        if not data:
            if self.waiting:
                raise WorkerDied(f"worker {self.pid} ended without answering")
            return
        inbox = self.inbox
        inbox += data
        while len(inbox) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(inbox)
            end = _HEADER.size + size
            if len(inbox) < end:
                break
            answer = self.waiting.popleft()
            answer._value = pickle.loads(memoryview(inbox)[_HEADER.size:end])
            answer._ready = True
            del inbox[:end]


class Pool:
    """``count`` forked workers, each answering tasks with ``serve(task)``.

    The workers are forked when the pool is made, so make it before starting any thread
    (a progress bar's refresh thread, say): a fork copies only the thread that calls it, and
    a lock another thread held at that moment stays held in the child for ever.  End it with
    :meth:`close` once every answer is in, or :meth:`stop` at any moment.
    """

    def __init__(self, count: int, serve: Callable[[Any], Any]) -> None:
        self.workers: list[_Worker] = []
        parent = os.getpid()
        try:
            for _ in range(count):
                self.workers.append(_fork_worker(serve, parent, self.workers))
        except BaseException:
            self.stop()
            raise

    def submit(self, task: Any) -> Answer:
        """Send ``task`` to the worker with the fewest answers to come."""
        return min(self.workers, key=lambda w: len(w.waiting)).send(task)

    def close(self) -> None:
        """The normal end: each worker reads the end of its pipe and exits; reap them."""
        self._end(signal.SIGTERM if any(w.waiting for w in self.workers) else None)

    def stop(self) -> None:
        """End every worker now (SIGTERM, even in the middle of a chunk) and reap them."""
        self._end(signal.SIGTERM)

    def _end(self, signum: int | None) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            try:
                if signum is not None:
                    os.kill(worker.pid, signum)
                # A stopped worker (kill -STOP, a debugger) takes neither the signal nor the
                # end of its pipe until it runs again, and the wait below would never end:
                # continue it, as a shell's kill does for a stopped job.
                os.kill(worker.pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
            os.close(worker.tasks)
        for worker in workers:
            try:
                os.waitpid(worker.pid, 0)
            except ChildProcessError:
                pass
            os.close(worker.results)


def _fork_worker(serve: Callable[[Any], Any], parent: int, elders: list[_Worker]) -> _Worker:
    """Fork one worker; the parent's end of it."""
    task_read, task_write = os.pipe()
    result_read, result_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: it never returns into the parent's code
        code = 1
        try:
            os.close(task_write)
            os.close(result_read)
            for elder in elders:
                os.close(elder.tasks)
                os.close(elder.results)
            code = _serve(task_read, result_write, serve, parent)
        finally:
            os._exit(code)
    os.close(task_read)
    os.close(result_write)
    os.set_blocking(task_write, False)
    os.set_blocking(result_read, False)
    return _Worker(pid, task_write, result_read)


def _serve(tasks: int, results: int, serve: Callable[[Any], Any], parent: int) -> int:
    """A worker's life: answer each task read from ``tasks`` until its end; exit status."""
    # Ctrl-C goes to the whole process group: the parent ends the batch (exit 130); a
    # worker that raised KeyboardInterrupt too would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not for us
    _end_with(parent)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)  # let go of the caller's pipes: a worker reads and writes neither
    os.dup2(devnull, 1)
    os.close(devnull)
    reader = os.fdopen(tasks, "rb", buffering=_READ_SIZE)
    while True:
        header = reader.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return 0  # the end of the pipe: the batch is over, or the parent is gone
        (size,) = _HEADER.unpack(header)
        body = reader.read(size)
        if len(body) < size:
            return 0
        out = pickle.dumps(serve(pickle.loads(body)), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _write_all(results, _HEADER.pack(len(out)) + out)
        except BrokenPipeError:
            return 0


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _end_with(parent: int) -> None:
    """Have the kernel send this worker SIGTERM when its parent ends, however it ends
    (Linux ``prctl(PR_SET_PDEATHSIG)``; elsewhere the worker ends after its current chunk,
    at the end of its pipe); and end now if the parent is already gone."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)
