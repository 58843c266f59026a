"""The README's "Paper 000" section: its examples run and print what it shows."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
START = "<!-- paper 000: section owned by the paper-000 work; keep edits inside it -->"
END = "<!-- end paper 000 -->"


def test_readme_paper_000_examples() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(START) : text.index(END)]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert blocks, "the section has no python examples"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for k, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README paper 000 [{k}]", str(README), 0)
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 15 and result.failed == 0
