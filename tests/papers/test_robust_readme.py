"""The README's paper-003 section: its examples run as doctests (they must stay true)."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_paper003_examples() -> None:
    """Every ``>>>`` example between the paper-003 markers of README.md reproduces."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("<!-- paper 003:") : text.index("<!-- end paper 003 -->")]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert blocks, "no examples in the paper-003 README section"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {}
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"README paper 003 block {i}", str(README), 0)
        runner.run(test)
    assert runner.failures == 0
    assert runner.tries >= 8
