"""The README section of paper 002: its examples run, and its claim counts are current."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from exactmech.claims.paper002 import CLAIMS

README = Path(__file__).resolve().parents[2] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- paper 002:")
    return text[start : text.index("<!-- end paper 002 -->")]


def test_readme_examples_run() -> None:
    """Every ``>>>`` example of the section gives the output shown."""
    section = _section()
    test = doctest.DocTestParser().get_doctest(section, {}, "README-paper002", str(README), 0)
    assert test.examples
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0


def test_readme_claim_counts() -> None:
    """The counts quoted in the section are those of the registry (each claim's status is
    checked by ``tests/claims``: recorded errata reproduce, the others match)."""
    m = re.search(r"\((\d+) claims: (\d+) match, (\d+) paper-erratum", _section())
    assert m is not None
    errata = sum(1 for c in CLAIMS if c.erratum is not None)
    assert int(m.group(1)) == len(CLAIMS)
    assert int(m.group(2)) == len(CLAIMS) - errata
    assert int(m.group(3)) == errata
