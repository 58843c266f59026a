"""The ``exactmech`` command: verify table, JSON, LaTeX, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from exactmech import cli
from exactmech.claims import Claim, registry


def test_verify_prints_table_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["verify", "--paper", "lp"]) == 0
    out = capsys.readouterr().out
    assert "Wyndor Glass: optimal profit Z" in out
    assert "0 mismatch, 0 error" in out.splitlines()[-1]


def test_verify_json_and_latex(tmp_path: Path) -> None:
    j, t = tmp_path / "v.json", tmp_path / "v.tex"
    assert (
        cli.main(["verify", "--paper", "lp", "--quiet", "--json", str(j), "--latex", str(t)]) == 0
    )
    data = json.loads(j.read_text())
    assert set(data) >= {"claims", "summary"}
    first = data["claims"][0]
    assert set(first) == {
        "id",
        "paper",
        "location",
        "statement",
        "expected",
        "computed",
        "status",
        "note",
    }
    assert all(isinstance(v, str) for c in data["claims"] for v in c.values())
    shadow = next(c for c in data["claims"] if c["id"] == "lp.wyndor.shadow")
    assert shadow["computed"] == "(0, 3/2, 1)"
    tex = t.read_text()
    assert r"\toprule" in tex and r"\frac{3}{2}" in tex


def test_verify_exit_code_on_mismatch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = [Claim("x.bad", "lp", "nowhere", "wrong on purpose", 1, lambda: 2)]
    monkeypatch.setattr(registry, "all_claims", lambda: bad)
    assert cli.main(["verify", "--quiet"]) == 1
    assert "1 mismatch" in capsys.readouterr().out


def test_claims_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["claims", "--paper", "lp"]) == 0
    out = capsys.readouterr().out
    assert "lp.beale.value" in out and out.strip().endswith("claims")


@pytest.mark.skipif(shutil.which("exactmech") is None, reason="console script not installed")
def test_console_script_exit_status() -> None:
    proc = subprocess.run(
        ["exactmech", "verify", "--paper", "lp", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert "0 mismatch, 0 error" in proc.stdout


def test_closed_pipe_stops_quietly() -> None:
    """`exactmech claims | head -1`: the reader closes the pipe; no traceback, status 141
    (128 + SIGPIPE, what a shell tool killed by SIGPIPE reports)."""
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from exactmech.cli import main; sys.exit(main())",
         "claims"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after one line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert first.startswith(b"lp.") and "Traceback" not in err and "BrokenPipe" not in err


NETLIB = next(
    (
        p / "shared" / "data" / "netlib"
        for p in Path(__file__).resolve().parents[1:4]
        if (p / "shared" / "data" / "netlib").exists()
    ),
    Path("/nonexistent"),
)


@pytest.mark.skipif(not NETLIB.exists(), reason="netlib data not found")
def test_lp_and_check_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sol = tmp_path / "afiro.json"
    assert cli.main(["lp", str(NETLIB / "afiro.mps"), "--json", str(sol)]) == 0
    out = capsys.readouterr().out
    assert "objective: -406659/875" in out and "decimal:   -464.7531428571428571" in out
    assert cli.main(["check", str(NETLIB / "afiro.mps"), str(sol)]) == 0
    data = json.loads(sol.read_text())
    data["fun"] = "-464"
    sol.write_text(json.dumps(data))
    assert cli.main(["check", str(NETLIB / "afiro.mps"), str(sol)]) == 1
    assert "REJECTED" in capsys.readouterr().err


def test_lp_command_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.mps"
    bad.write_text("NAME X\nROWS\n N obj\n Q r1\nENDATA\n")
    assert cli.main(["lp", str(bad)]) == 2
    assert "line 4" in capsys.readouterr().err


def test_verify_jobs_claim_and_fail_fast(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a, b = tmp_path / "serial.json", tmp_path / "parallel.json"
    assert cli.main(["verify", "--paper", "lp", "--quiet", "--jobs", "1", "--json", str(a)]) == 0
    assert cli.main(["verify", "--paper", "lp", "--quiet", "--jobs", "2", "--json", str(b)]) == 0
    assert json.loads(a.read_text()) == json.loads(b.read_text())
    out = capsys.readouterr().out.splitlines()
    assert out[-2].endswith("s (1 process)") and out[-1].endswith("s (2 processes)")
    assert cli.main(["verify", "--claim", "lp.beale.value", "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("1 claims: 1 match")
    assert cli.main(["verify", "--claim", "lp.beale.valu"]) == 2
    assert "did you mean lp.beale.value" in capsys.readouterr().err
    assert cli.main(["verify", "--jobs", "0"]) == 2
    bad = [
        Claim("x.ok", "lp", "-", "fine", 1, lambda: 1),
        Claim("x.bad", "lp", "-", "wrong on purpose", 1, lambda: 2),
        Claim("x.later", "lp", "-", "never run", 1, lambda: 1),
    ]
    monkeypatch.setattr(registry, "all_claims", lambda: bad)
    assert cli.main(["verify", "--fail-fast", "--jobs", "2"]) == 1
    out = capsys.readouterr().out
    assert "x.later" not in out.replace("never run", "")
    assert "2 claims: 1 match, 0 paper-erratum, 1 mismatch" in out
    assert "--fail-fast stopped after 2 of 3" in out
