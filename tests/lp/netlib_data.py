"""Where the netlib LPs live: ``shared/data/netlib`` beside the repository.

The main checkout sits at ``/work/main`` (data in ``/work/shared``) and worktrees at
``/work/wt/<name>`` (two levels down), so every ancestor of this file is tried;
``$EXACTMECH_NETLIB`` overrides the search.
"""

from __future__ import annotations

import os
from pathlib import Path


def netlib_dir() -> Path:
    """The first ``shared/data/netlib`` folder beside an ancestor of this file (or the env var)."""
    env = os.environ.get("EXACTMECH_NETLIB")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "shared" / "data" / "netlib"
        if cand.is_dir():
            return cand
    return here.parents[3] / "shared" / "data" / "netlib"


NETLIB = netlib_dir()
