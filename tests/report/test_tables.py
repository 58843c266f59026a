"""The table registry: every registered table builds and renders; the files; the CLI.

The values of each paper's tables are checked in ``test_tables_papers.py``.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from exactmech import cli
from exactmech.report import Printed, Table
from exactmech.report.specs import TableContext, TableSpec, module_available
from exactmech.report.tables import TABLES, build_table, tables_for, write_tables

F = Fraction
SPECS = {s.id: s for s in TABLES}
BUILT = [s for s in TABLES if not s.pending and s.id != "claims"]


def test_registry_ids_and_filters() -> None:
    assert len(SPECS) == len(TABLES)
    assert {s.paper for s in tables_for("001")} == {"001", "all"}
    assert SPECS["claims"] in tables_for("004")
    assert [s.id for s in TABLES][-1] == "claims"
    assert all(s.id.startswith(s.paper) for s in TABLES if s.paper != "all")
    with pytest.raises(ValueError, match="unknown paper"):
        tables_for("999")
    for s in TABLES:
        if s.requires:
            assert s.pending == (not module_available(s.requires) or s.build is None)
    slot = TableSpec("000-future", "000", "§9", "a slot", requires="exactmech.papers.not_yet")
    assert slot.pending
    with pytest.raises(ValueError, match=r"pending: needs exactmech\.papers\.not_yet"):
        build_table(slot)


def test_every_paper_module_has_landed() -> None:
    """No slot is pending: every table of the five papers builds."""
    assert [s.id for s in TABLES if s.pending] == []
    assert {s.paper for s in BUILT} == {"000", "001", "002", "003", "004"}
    assert len(BUILT) >= 28


def _json_strings_only(v: object) -> bool:
    if isinstance(v, dict):
        return all(_json_strings_only(x) for x in v.values())
    if isinstance(v, list):
        return all(_json_strings_only(x) for x in v)
    return isinstance(v, (str, bool))


@pytest.mark.parametrize("spec", BUILT, ids=[s.id for s in BUILT])
def test_every_registered_table_builds_and_renders(spec: TableSpec) -> None:
    """Each table: exact cells, a caption citing the paper, every rendering works."""
    t = build_table(spec)
    assert isinstance(t, Table) and t.rows
    assert all(len(r) == len(t.names) for r in t.rows)
    assert t.source.startswith(f"paper {spec.paper}") and t.caption
    assert t.label.startswith("tab:")
    for row in t.rows:
        for cell in row:
            values = (cell.ours, cell.paper) if isinstance(cell, Printed) else (cell,)
            assert not any(isinstance(v, float) for v in values)
    tex = t.to_latex()
    assert r"\toprule" in tex and r"\bottomrule" in tex and "[U+" not in tex
    assert t.to_markdown().count("\n|") == len(t.rows) + 2
    data = t.to_json()
    assert _json_strings_only(data) and json.loads(json.dumps(data)) == data
    assert t.to_html().count("<tr>") == len(t.rows) + 1  # the header row too
    # a differing cell is shown with the paper's value in every rendering
    for _, _, ours, paper in t.differences():
        assert r"\papervalue{" in tex
        assert "(paper: " in t.to_markdown() and "(paper: " in t.to_html()
        assert ours is not None or paper is not None


def test_claims_table_uses_given_results() -> None:
    from exactmech.claims import claims_for, run_claims

    results = run_claims(claims_for("lp"))
    t = build_table(SPECS["claims"], TableContext(paper="lp", results=results))
    assert len(t.rows) == len(results)
    assert t.notes[0].startswith(f"{len(results)} claims: {len(results)} match")


def test_write_tables_and_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from exactmech.claims import claims_for, run_claims
    from exactmech.report import tables as tables_module

    ctx = TableContext(results=run_claims(claims_for("002")))
    w = write_tables(tmp_path / "a", paper="002", markdown=True, ctx=ctx)
    assert set(w.files) == {"002-examples", "002-table1", "claims"}
    master = w.master.read_text()
    assert r"\input{tables/002-table1.tex}" in master
    assert r"\input{tables/claims.tex}" in master
    assert master.index("002-examples") < master.index("002-table1") < master.index("claims")
    tex = w.files["002-table1"].read_text()
    assert r"\frac{4}{3}" in tex and r"\papervalue{$\frac{16}{9}$}" in tex
    assert (tmp_path / "a" / "tables" / "002-table1.md").exists()
    assert w.pending == []
    assert (
        cli.main(["tables", "--paper", "004", "--out", str(tmp_path / "b"), "--style", "slash"])
        == 0
    )
    out = capsys.readouterr().out
    assert "tables.tex (\\input's 7 tables)" in out
    assert "$9/7$" in (tmp_path / "b" / "tables" / "004-table6.tex").read_text()
    assert cli.main(["tables", "--paper", "999", "--out", str(tmp_path / "c")]) == 2
    slot = TableSpec("002-later", "002", "§9", "a later table", requires="exactmech.papers.x")
    monkeypatch.setattr(tables_module, "TABLES", (*TABLES, slot))
    w3 = write_tables(tmp_path / "d", paper="002", ctx=TableContext(results=[]))
    assert w3.pending == [slot]
    intro = r"Waiting for their paper modules: paper 002 \S{}9 (a later table)"
    assert intro in w3.master.read_text()
