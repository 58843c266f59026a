"""The on-disk store of a sweep: JSON Lines, one line per finished chunk, resumable.

Line 1 is a header naming the sweep, its seed, ``n`` and the chunk size; every later line is
one finished chunk (``{"chunk": c, "start", "stop", "cpu_seconds", "records": [...]}``),
written in one ``write`` and flushed to disk with ``fsync`` before the next chunk is
accepted. A run that is killed can leave at most one incomplete last line; on resume the
store drops it (truncating the file back to the last complete line) and reports the chunks
already done, so no finished chunk is recomputed and none is recorded twice.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["StoreMismatchError", "SweepStore"]

FORMAT = "exactmech-sweep/1"


class StoreMismatchError(ValueError):
    """The store on disk belongs to a different sweep (name, seed, n or chunk size)."""


class SweepStore:
    """A resumable JSON Lines store for one sweep.

    Parameters
    ----------
    path
        The file. Parent folders are created.
    header
        What identifies the sweep (name, seed, n, chunk size). An existing file must have
        the same header, or :class:`StoreMismatchError` is raised (use another path, or
        delete the file to start again).
    """

    def __init__(self, path: str | os.PathLike[str], header: dict[str, Any]) -> None:
        self.path = Path(path)
        self.header = {"format": FORMAT, **header}
        self.done: set[int] = set()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and self.path.stat().st_size > 0:
            self._recover()
        else:
            with self.path.open("w", encoding="utf-8") as fh:
                fh.write(json.dumps(self.header) + "\n")
                fh.flush()
                os.fsync(fh.fileno())

    def _recover(self) -> None:
        raw = self.path.read_bytes()
        good = 0  # byte offset just after the last complete, parseable line
        lines = raw.split(b"\n")
        offset = 0
        for k, line in enumerate(lines[:-1]):  # the part after the last "\n" is incomplete
            offset += len(line) + 1
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                break
            if k == 0:
                if data != self.header:
                    raise StoreMismatchError(
                        f"SweepStore(): {self.path} holds another sweep: {data}; "
                        f"this run is {self.header}. Use another --out or delete the file."
                    )
            else:
                self.done.add(int(data["chunk"]))
            good = offset
        if good == 0:
            raise StoreMismatchError(f"SweepStore(): {self.path} has no valid header line")
        if good < len(raw):  # drop a torn last line left by a killed run
            with self.path.open("r+b") as fh:
                fh.truncate(good)

    def append(self, chunk: int, data: dict[str, Any]) -> None:
        """Record a finished chunk durably (one line, flushed and fsynced)."""
        if chunk in self.done:
            raise ValueError(f"SweepStore.append(): chunk {chunk} is already stored")
        line = json.dumps({"chunk": chunk, **data}, ensure_ascii=False)
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.done.add(chunk)

    def chunks(self) -> Iterator[dict[str, Any]]:
        """Every stored chunk, in file order."""
        with self.path.open(encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                yield json.loads(line)

    def records(self) -> list[dict[str, Any]]:
        """Every stored instance record, sorted by instance index."""
        out = [r for c in self.chunks() for r in c["records"]]
        out.sort(key=lambda r: int(r["index"]))
        return out
