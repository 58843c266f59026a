"""``python -m exactmech ...`` runs the ``exactmech`` command (:func:`exactmech.cli.main`)."""

from __future__ import annotations

import sys

from exactmech.cli import main

if __name__ == "__main__":
    sys.exit(main())
