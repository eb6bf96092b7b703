"""Ranking a long text with a slow ranker in a child process, so the reader stays responsive.

sumy's reference rankers are pure Python and slow on long texts (measured on 1,058 sentences:
LexRank 7 s, LSA 13 s, KL 13 minutes).  Run in the worker thread, such a ranker holds the
interpreter lock, so the UI's frames and keys queue behind it (with KL on 400 sentences, a key
press took up to 2 s to show; with the child, 0.2 s); and a thread cannot be stopped, so a
ranking the reader no longer wants (another ranker was chosen, or ``q`` pressed) runs on to
its end, and quitting waits for it.  In a child process it runs beside the UI, the worker
thread only waits on a pipe (which releases the lock), and cancelling kills the child.

The child is a plain ``python -m briefer.tui.ranking`` whose standard streams are pipes we own:
the request goes in and the answer comes out as pickles.  ``multiprocessing`` was the first
try and is not used: its ``spawn`` re-runs the parent's main script in the child (which breaks
any script that embeds the reader without a ``__main__`` guard) and hands the child the
terminal the UI is drawing on, so a warning printed there scrambles the screen.

Fast rankers (the vectorised ones, ``lead``) and short texts are ranked in the thread: a child
Python that imports sumy takes about a second to start, more than they take.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from briefer.document import Document

LARGE = 150
"""Sentences from which a slow ranker runs in a child process.  At 150 sentences sumy's KL
takes ~3 s and LSA ~2.5 s in the thread; below, the child's start-up costs more than it saves."""

SLOW_MODULES = frozenset({"briefer.rank.sumy_adapter"})
"""Modules whose rankers are pure Python, so slow on long texts (``REGISTRY`` targets)."""

POLL_SECONDS = 0.1
"""How often a waiting ranking checks whether it was cancelled."""

Rank = Callable[["Document", str], Sequence[float]]


class RankingFailed(RuntimeError):
    """The ranking could not be done: the child died without an answer (killed, out of
    memory), or the ranker raised an error that could not be sent back as it was."""


def is_slow(algorithm: str) -> bool:
    """Whether ``algorithm`` is registered to a pure-Python ranker (sumy's), read from the
    registry without importing the ranker; a vectorised ranker registered over a plain name
    (``lexrank``) makes that name fast without a change here."""
    from briefer.rank import REGISTRY

    target = REGISTRY.get(algorithm.lower(), "")
    return target.partition(":")[0] in SLOW_MODULES


def rank_for_reader(
    doc: Document, algorithm: str, cancelled: Callable[[], bool] = lambda: False
) -> tuple[float, ...] | None:
    """``doc``'s scores: in this thread, or in a child process for a slow ranker on a long
    text; ``None`` if ``cancelled()`` turned true while the child worked."""
    if len(doc.sentences) >= LARGE and is_slow(algorithm):
        return rank_in_process(doc, algorithm, cancelled)
    from briefer.api import rank

    return tuple(rank(doc, algorithm))


def rank_in_process(
    doc: Document,
    algorithm: str,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    rank: Rank | None = None,
) -> tuple[float, ...] | None:
    """Rank ``doc`` in a child process; ``None`` if ``cancelled()`` turned true meanwhile,
    in which case the child has been killed and reaped before this returns.

    ``rank`` (default :func:`briefer.api.rank`) must be importable by name, since it is sent
    as a pickle; tests pass a slow or crashing one.  An error the ranker raises is raised
    here (an unknown algorithm is still a ``ValueError``); a child that dies without an
    answer raises :class:`RankingFailed` with the last line it wrote to standard error.
    """
    payload = pickle.dumps((rank, doc, algorithm), protocol=pickle.HIGHEST_PROTOCOL)
    request: bytes | None = pickle.dumps((list(sys.path), payload))
    child = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        while True:
            try:
                answer, errors = child.communicate(request, timeout=POLL_SECONDS)
                break
            except subprocess.TimeoutExpired:
                request = None  # sent: communicate() takes it only the first time
                if cancelled():
                    return None
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    return _read_answer(answer, errors, child.returncode, f"ranking {doc.source} with "
                                                          f"{algorithm}")


def _read_answer(answer: bytes, errors: bytes, code: int, what: str) -> tuple[float, ...]:
    try:
        status, value = pickle.loads(answer)
    except Exception:
        lines = errors.decode("utf-8", "replace").strip().splitlines()
        why = f": {lines[-1]}" if lines else ""
        raise RankingFailed(f"{what} stopped without an answer (exit code {code}){why}"
                            ) from None
    if status == "ok":
        return value
    if status == "error":
        raise value
    raise RankingFailed(f"{what} failed: {value}")


def _portable(err: Exception) -> tuple[str, Any]:
    """The answer for an error: the exception itself if it survives a pickle round trip
    (many with a custom ``__init__`` do not), else its type and message as text."""
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:
        return ("failed", f"{type(err).__name__}: {err}")
    return ("error", err)


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """The child's whole job: read one request, rank, write the answer.

    Anything the ranker prints goes to standard error, never into the answer's pipe.
    """
    path, payload = pickle.load(requests)
    sys.path[:0] = [p for p in path if p not in sys.path]  # where the parent found ``rank``
    sys.stdout = sys.stderr
    try:
        rank, doc, algorithm = pickle.loads(payload)
        if rank is None:
            from briefer.api import rank
        answer: tuple[str, Any] = ("ok", tuple(float(s) for s in rank(doc, algorithm)))
    except Exception as err:
        answer = _portable(err)
    pickle.dump(answer, answers, protocol=pickle.HIGHEST_PROTOCOL)
    answers.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
