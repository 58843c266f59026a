"""The README's reports section shows what the commands generate today."""

from __future__ import annotations

from pathlib import Path

from exactmech.report.tables import TABLES, build_table

ROOT = Path(__file__).resolve().parents[2]


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("<!-- reports: section owned by the reports work -->")
    return text[start : text.index("<!-- end reports -->", start)]


def test_readme_table_is_the_generated_markdown() -> None:
    """The table in the README is exactly ``exactmech tables --paper 000 --markdown``'s."""
    spec = next(s for s in TABLES if s.id == "000-s4-figures-eu")
    assert build_table(spec).to_markdown().strip() in _section()


def test_readme_figure_is_committed() -> None:
    section = _section()
    assert "](docs/figures/000-figure3.png)" in section
    png = (ROOT / "docs" / "figures" / "000-figure3.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 50_000
