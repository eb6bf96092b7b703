"""How much memory a brief will need, and how much this process may have (review W4).

Ingest reads at most 512 MB of one input, but a brief holds far more than its text: every
sentence's tokens, stems, term ids, entity candidates and similarity rows.  Its peak
resident memory grows by about 57-66 bytes per character of text (whole ``briefer brief``
processes on this project's 2-core machine: 1 MB of CNN/DM news 122 MB, 4 MB 291 MB, 10 MB
701 MB; 50 MB of text with no full stop 3.3 GB), on top of about 60 MB for the interpreter
and its imports.  So the brief of a 50 MB file, admitted by ingest, could take more memory
than the machine has, and then the kernel's out-of-memory killer picks a process, maybe
another user's.  ``briefer brief`` therefore checks, once the texts are read and before the
brief starts, that :data:`BYTES_PER_CHARACTER` times their length fits in what
:func:`available_bytes` finds, and otherwise fails with one line saying both figures.

What is available is the least of: the kernel's estimate of memory that can be had without
swapping (``MemAvailable`` in ``/proc/meminfo``); what this process's memory cgroup (v2
``memory.max``, v1 ``memory.limit_in_bytes``) still allows; and what ``ulimit -v``
(``RLIMIT_AS``) leaves of the address space.  Where none of them can be read (not Linux),
nothing is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

#: Memory a brief needs per character of its texts, rounded up from the measurements in the
#: module docstring (57-66), so "about" errs on the side of refusing a little early.
BYTES_PER_CHARACTER = 70

#: Beyond this, a cgroup v1 limit means "no limit" (the kernel reports a page-rounded
#: 2**63 - 1 for an unlimited group).
_NO_LIMIT = 2**60


def needed_bytes(characters: int) -> int:
    """Memory a brief of ``characters`` characters of text needs beyond what the process
    holds when its texts are read, about (the start-up's 60 MB are held already)."""
    return BYTES_PER_CHARACTER * characters


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


def check(names: Iterable[str], characters: int, limit: int | None = None,
          work: str = "a brief") -> str | None:
    """Why a brief of ``characters`` characters, read from ``names``, must not start, or
    None when it fits in ``limit`` bytes (default: :func:`available_bytes`).  ``work`` names
    what needs the memory in the message (``briefer entities`` runs the brief's analysis,
    and needs as much)."""
    room = available_bytes() if limit is None else limit
    need = needed_bytes(characters)
    if room is None or need <= room:
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
