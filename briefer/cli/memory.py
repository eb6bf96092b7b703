"""How much memory a brief will need, and how much this process may have (review W4).

Ingest reads at most 512 MB of one input, but a brief holds far more than its text: every
sentence's tokens, stems, term ids, entity candidates and similarity rows.  What it needs
grows with the characters and, more, with the sentences: peak resident memory less the
~50 MB of the interpreter and its imports, whole ``briefer brief`` processes on this
project's 2-core machine (review round 8 V1/V4; ``briefer entities`` the same within 1%):

===========================================  ======  =========  ==========  =============
2 MB of text                                 peak    sentences  per char    per sentence
===========================================  ======  =========  ==========  =============
CNN/DM and BBC news, unique articles         206 MB  16,144     78 B        9.7 KB
random names and places, 13-word sentences   325 MB  26,139     138 B       10.5 KB
random capitalised names, 12-word sentences  331 MB  23,573     140 B       11.9 KB
random lower-case words, 12-word sentences   321 MB  23,567     136 B       11.5 KB
two-name sentences (1 MB)                    377 MB  66,750     327 B       4.9 KB
===========================================  ======  =========  ==========  =============

(4 MB of the news 355 MB; 50 MB of text with no full stop 3.3 GB.)  Neither figure alone
bounds them all: per character they run from 63 to 327 bytes, per sentence from 4.9 to
11.9 KB.  :func:`needed_bytes` is :data:`BYTES_PER_CHARACTER` per character plus
:data:`BYTES_PER_SENTENCE` per sentence mark, which is above every row (by 60% on the news,
by 3-20% on the others).  So the brief of a 50 MB file, admitted by ingest, could take more
memory than the machine has, and then the kernel's out-of-memory killer picks a process,
maybe another user's.  ``briefer brief`` therefore checks, once the texts are read and
before the brief starts, that the figure fits in what :func:`available_bytes` finds, and
otherwise fails with one line saying both figures.

What is available is the least of: the kernel's estimate of memory that can be had without
swapping (``MemAvailable`` in ``/proc/meminfo``); what this process's memory cgroup (v2
``memory.max``, v1 ``memory.limit_in_bytes``) still allows; and what ``ulimit -v``
(``RLIMIT_AS``) leaves of the address space.  Where none of them can be read (not Linux),
nothing is refused.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

#: Memory a brief needs per character of its texts and per sentence mark, fitted above the
#: measurements in the module docstring, so "about" errs on the side of refusing early.
BYTES_PER_CHARACTER = 90
BYTES_PER_SENTENCE = 4_500
#: What ends a sentence, for the count: a run of stops followed by a space, a quote or a
#: bracket, or the end.  Abbreviations count too, which errs on the same side.
_SENTENCE_MARK = re.compile(r"[.!?\u3002\uff01\uff1f]+(?=[\s\"'\u201d\u2019\u00bb)\]]|$)")

#: Beyond this, a cgroup v1 limit means "no limit" (the kernel reports a page-rounded
#: 2**63 - 1 for an unlimited group).
_NO_LIMIT = 2**60


def needed_bytes(texts: Iterable[str]) -> int:
    """Memory a brief of ``texts`` needs beyond what the process holds when they are read,
    about (the start-up's 50 MB are held already)."""
    return sum(BYTES_PER_CHARACTER * len(text)
               + BYTES_PER_SENTENCE * len(_SENTENCE_MARK.findall(text)) for text in texts)


def _most_needed(characters: int) -> int:
    """What :func:`needed_bytes` can be at most for ``characters`` characters (a sentence
    mark and its space every two), so texts that fit even so need no counting."""
    return (BYTES_PER_CHARACTER + BYTES_PER_SENTENCE // 2) * characters


def available_bytes(root: str = "/") -> int | None:
    """Memory this process can still use (see the module docstring), or None when nothing
    says; ``root`` is where ``/proc`` and ``/sys`` are found (tests give a fake one)."""
    figures = [_meminfo_available(root), _cgroup_room(root), _address_space_room(root)]
    known = [f for f in figures if f is not None]
    return max(0, min(known)) if known else None


def _read(root: str, *parts: str) -> str | None:
    try:
        with open(os.path.join(root, *parts), encoding="ascii", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None


def _meminfo_available(root: str) -> int | None:
    text = _read(root, "proc", "meminfo")
    for line in (text or "").splitlines():
        name, _, value = line.partition(":")
        if name == "MemAvailable" and value.split()[:1] and value.split()[0].isdigit():
            return int(value.split()[0]) * 1024
    return None


def _cgroup_room(root: str) -> int | None:
    """The memory cgroup's limit less its usage, for the group this process is in (its
    path in ``/proc/self/cgroup``), looked for where that path is mounted and, inside a
    container whose own group is the mount's root, at the root.  The usage counts the
    group's page cache, and the inactive part of it (``inactive_file``) is given back on
    demand, so it is not counted, as ``docker stats`` does not count it."""
    groups = _read(root, "proc", "self", "cgroup")
    if groups is None:
        return None
    rooms = []
    for line in groups.splitlines():
        _, controllers, path = (line.split(":", 2) + ["", ""])[:3]
        path = path.strip().lstrip("/")
        if controllers == "":  # cgroup v2: one unified tree
            tree = ("sys", "fs", "cgroup")
            limit_file, usage_file, cache = "memory.max", "memory.current", "inactive_file"
        elif "memory" in controllers.split(","):
            tree = ("sys", "fs", "cgroup", "memory")
            limit_file, usage_file = "memory.limit_in_bytes", "memory.usage_in_bytes"
            cache = "total_inactive_file"
        else:
            continue
        for folder in dict.fromkeys([(*tree, *path.split("/")) if path else tree, tree]):
            limit = _number(_read(root, *folder, limit_file))
            if limit is None:
                continue
            if limit < _NO_LIMIT:
                usage = _number(_read(root, *folder, usage_file)) or 0
                rooms.append(limit - usage + _stat(_read(root, *folder, "memory.stat"), cache))
            break
    return min(rooms) if rooms else None


def _stat(text: str | None, key: str) -> int:
    """The figure of ``key`` in a cgroup's ``memory.stat``, 0 if it has none."""
    for line in (text or "").splitlines():
        name, _, value = line.partition(" ")
        if name == key:
            return _number(value) or 0
    return 0


def _number(text: str | None) -> int | None:
    """A figure of a cgroup file; None for "max" (no limit) or a file that is not there."""
    value = (text or "").strip()
    return int(value) if value.isdigit() else None


def _address_space_room(root: str) -> int | None:
    """What ``ulimit -v`` leaves: the soft limit less the address space in use now."""
    try:
        import resource
    except ImportError:  # not on Unix
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return None
    used = 0
    for line in (_read(root, "proc", "self", "status") or "").splitlines():
        if line.startswith("VmSize:") and line.split()[1:2] and line.split()[1].isdigit():
            used = int(line.split()[1]) * 1024
    return soft - used


def check(names: Iterable[str], texts: Sequence[str], limit: int | None = None,
          work: str = "a brief") -> str | None:
    """Why a brief of ``texts``, read from ``names``, must not start, or None when it fits
    in ``limit`` bytes (default: :func:`available_bytes`).  ``work`` names what needs the
    memory in the message (``briefer entities`` runs the brief's analysis, and needs as
    much)."""
    room = available_bytes() if limit is None else limit
    characters = sum(len(text) for text in texts)
    if room is None or _most_needed(characters) <= room:
        return None
    need = needed_bytes(texts)
    if need <= room:
        return None
    from briefer.ingest import STDIN_NAME

    names = [STDIN_NAME if name == "-" else name for name in names]
    what = (f"{names[0]} is" if len(names) == 1 else f"the {len(names)} inputs are")
    room_is = (f"{_mb(room)} is available; brief a part of it, or give --memory MB (or "
               f"BRIEFER_MEMORY) to allow more" if limit is None else
               f"--memory allows {_mb(room)}; brief a part of it, or allow more")
    return (f"{what} {_mb(characters)} of text; {work} needs about {_mb(need)} of memory "
            f"for it and {room_is}")


def _mb(size: int) -> str:
    return f"{size / 1e6:,.0f} MB" if size >= 10e6 else f"{size / 1e6:,.1f} MB"
