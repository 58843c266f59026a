"""The table registry: each builder's exact values, the paper's printed values, the files."""

from __future__ import annotations

import importlib.util
from fractions import Fraction
from pathlib import Path

import pytest

from exactmech import cli
from exactmech.report import Printed
from exactmech.report.tables import (
    TABLES,
    TableContext,
    TableSpec,
    build_table,
    tables_for,
    write_tables,
)

F = Fraction
SPECS = {s.id: s for s in TABLES}


def test_registry_ids_and_filters() -> None:
    assert len(SPECS) == len(TABLES)
    assert {s.paper for s in tables_for("001")} == {"001", "all"}
    assert SPECS["claims"] in tables_for("004")
    with pytest.raises(ValueError, match="unknown paper"):
        tables_for("999")
    for s in TABLES:
        if s.requires:
            assert s.pending == (importlib.util.find_spec(s.requires) is None or s.build is None)
    slot = TableSpec("000-future", "000", "§9", "a slot", requires="exactmech.papers.not_yet")
    assert slot.pending
    with pytest.raises(ValueError, match=r"pending: needs exactmech\.papers\.not_yet"):
        build_table(slot)


def test_menus_match_the_paper() -> None:
    """Paper 000, §3.2: the two printed menus, recomputed by the optimal-mechanism LP."""
    t = build_table(SPECS["000-s3.2-menu-correlated"])
    assert t.text_rows() == [["good 1", "(1, 0)", "3"], ["goods 1 and 2", "(1, 1)", "12"]]
    assert t.differences() == []
    t2 = build_table(SPECS["000-s3.2-menu-independent"])
    assert [r[1:] for r in t2.text_rows()] == [["(31/35, 1)", "593/5"], ["(1, 1)", "129"]]
    assert all(isinstance(r[2], Printed) and r[2].paper is not None for r in t2.rows)
    assert t2.differences() == []


def test_partition_pairs_table() -> None:
    """Paper 000, §3.3: 25 pairs; no disclosure is the strict maximum of buyer surplus."""
    t = build_table(SPECS["000-s3.3-partition-pairs"])
    assert len(t.rows) == 25
    nd = "{{1, 2, 3}}"
    split = "{{1}, {2, 3}}"
    rows = {(r[0], r[1]): r for r in t.rows}
    assert rows[(nd, nd)][3] == Printed(F(3, 8), F(3, 8))
    assert rows[(split, split)][3] == Printed(F(1, 8), F(1, 8))
    assert t.rows[0][:2] == (nd, nd)
    best = t.rows[0][3].ours
    assert all(_ours(r[3]) < best for r in t.rows[1:])
    # welfare W = R + U in every row
    assert all(r[5] == r[2] + _ours(r[3]) for r in t.rows)
    assert all(r[6] + r[7] == _ours(r[3]) for r in t.rows)


def _ours(cell: object) -> Fraction:
    return cell.ours if isinstance(cell, Printed) else cell  # type: ignore[return-value]


def test_bbm_segments_table() -> None:
    """Paper 001, Example 1: weights 2/3, 1/6, 1/6; revenue 4/3 and surplus 2/3 in total."""
    t = build_table(SPECS["001-example1-segments"])
    assert [r[1].ours for r in t.rows[:3]] == [F(2, 3), F(1, 6), F(1, 6)]
    assert t.rows[0][2] == Printed((F(1, 2), F(1, 6), F(1, 3)), (F(1, 2), F(1, 6), F(1, 3)))
    assert t.rows[-1][4] == Printed(F(4, 3), F(4, 3))
    assert t.rows[-1][5] == Printed(F(2, 3), F(2, 3))
    assert t.differences() == []


def test_claims_table_uses_given_results() -> None:
    from exactmech.claims import claims_for, run_claims

    results = run_claims(claims_for("lp"))
    t = build_table(SPECS["claims"], TableContext(paper="lp", results=results))
    assert len(t.rows) == len(results)
    assert t.notes[0].startswith(f"{len(results)} claims: {len(results)} match")


def test_write_tables_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = write_tables(tmp_path / "a", paper="001", markdown=True)
    assert set(w.files) == {"001-example1-segments", "claims"}
    master = w.master.read_text()
    assert r"\input{tables/001-example1-segments.tex}" in master
    assert r"\input{tables/claims.tex}" in master
    assert master.index("001-example1") < master.index("claims.tex")
    tex = w.files["001-example1-segments"].read_text()
    assert r"\frac{2}{3}" in tex and r"\toprule" in tex and r"Example 1" in tex
    assert (tmp_path / "a" / "tables" / "001-example1-segments.md").exists()
    assert [s.id for s in w.pending] == [s.id for s in tables_for("001") if s.pending]
    assert (
        cli.main(["tables", "--paper", "001", "--out", str(tmp_path / "b"), "--style", "slash"])
        == 0
    )
    out = capsys.readouterr().out
    assert "tables.tex (\\input's 2 tables)" in out
    assert "$2/3$" in (tmp_path / "b" / "tables" / "001-example1-segments.tex").read_text()
    assert cli.main(["tables", "--paper", "999", "--out", str(tmp_path / "c")]) == 2
