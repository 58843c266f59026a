r"""LaTeX documents: escaping text, the preamble, master documents and the PDF build.

Owns everything about LaTeX that is not one value (:mod:`exactmech.report.values`) or one
table (:mod:`exactmech.report.table`):

* :func:`latex_escape` turns plain text (claim statements, captions) into pdflatex-safe
  text, including the mathematical Unicode the papers use (``≤``, ``γ``, ``§``, ...);
* :data:`PREAMBLE` and :func:`document` wrap bodies into a compilable ``article`` that needs
  only Debian's ``texlive-latex-base`` and ``texlive-latex-recommended`` (booktabs,
  longtable, array, amsmath, graphicx, xcolor);
* :func:`build_pdf` runs ``pdflatex`` (twice, for ``longtable`` widths) and
  :func:`pdf_text` runs ``pdftotext``; both raise :class:`LatexError` with the log's first
  error when something fails, and :class:`ToolMissingError` when the tool is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from exactmech.errors import ExactmechError

__all__ = [
    "PREAMBLE",
    "LatexError",
    "ToolMissingError",
    "build_pdf",
    "document",
    "latex_escape",
    "pdf_text",
    "require_pdflatex",
]


class LatexError(ExactmechError, RuntimeError):
    """``pdflatex`` failed; the message holds the first error of its log."""


class ToolMissingError(ExactmechError, RuntimeError):
    """An external program (``pdflatex``, ``pdftotext``) is not installed."""


_SPECIAL = {
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\\": r"\textbackslash{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}

# Non-ASCII characters that appear in statements and captions, and their LaTeX.
_UNICODE = {
    "§": r"\S{}",
    "≈": r"\ensuremath{\approx}",
    "—": "---",
    "–": "--",
    "−": r"\ensuremath{-}",
    "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}",
    "≠": r"\ensuremath{\neq}",
    "∈": r"\ensuremath{\in}",
    "∉": r"\ensuremath{\notin}",
    "⊂": r"\ensuremath{\subset}",
    "⊆": r"\ensuremath{\subseteq}",
    "∪": r"\ensuremath{\cup}",
    "∩": r"\ensuremath{\cap}",
    "×": r"\ensuremath{\times}",
    "·": r"\ensuremath{\cdot}",
    "→": r"\ensuremath{\to}",
    "←": r"\ensuremath{\leftarrow}",
    "⇒": r"\ensuremath{\Rightarrow}",
    "↦": r"\ensuremath{\mapsto}",
    "∞": r"\ensuremath{\infty}",
    "∑": r"\ensuremath{\sum}",
    "∏": r"\ensuremath{\prod}",
    "∫": r"\ensuremath{\int}",
    "√": r"\ensuremath{\surd}",
    "∂": r"\ensuremath{\partial}",
    "∅": r"\ensuremath{\emptyset}",
    "∀": r"\ensuremath{\forall}",
    "∃": r"\ensuremath{\exists}",
    "⟨": r"\ensuremath{\langle}",
    "⟩": r"\ensuremath{\rangle}",
    "±": r"\ensuremath{\pm}",
    "…": r"\ldots{}",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
    "†": r"\dag{}",
    "²": r"\ensuremath{^2}",
    "³": r"\ensuremath{^3}",
    "¹": r"\ensuremath{^1}",
    "½": r"\ensuremath{\tfrac12}",
    "¼": r"\ensuremath{\tfrac14}",
    "¾": r"\ensuremath{\tfrac34}",
    "∗": r"\ensuremath{*}",
    "′": r"\ensuremath{'}",
    "⁻": r"\ensuremath{^{-}}",
    "̲": "",  # a stray combining low line (one after a letter underlines it)
    "̄": "",  # a stray combining macron (one after a letter puts a bar on it)
}

#: Combining marks after a letter: ``b̲`` → ``\underline{b}``, ``b̄`` → ``\bar{b}``.
_COMBINING = {"\u0332": r"\underline", "\u0304": r"\bar"}

_SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _greek(ch: str) -> str | None:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    for prefix, upper in (("GREEK SMALL LETTER ", False), ("GREEK CAPITAL LETTER ", True)):
        if name.startswith(prefix):
            word = name[len(prefix) :].lower().replace("final ", "")
            word = {"lamda": "lambda"}.get(word, word)
            if upper:
                if word in (
                    "alpha",
                    "beta",
                    "epsilon",
                    "zeta",
                    "eta",
                    "iota",
                    "kappa",
                    "mu",
                    "nu",
                    "omicron",
                    "rho",
                    "tau",
                    "chi",
                ):
                    return None  # Latin look-alikes: no \Alpha in LaTeX
                word = word.capitalize()
            return "\\ensuremath{\\" + word + "}"
    if name.startswith("MATHEMATICAL ITALIC SMALL "):
        return "\\ensuremath{" + name[-1].lower() + "}"
    return None


def latex_escape(text: str) -> str:
    r"""Escape plain text for pdflatex: special characters and the papers' Unicode.

    Characters pdflatex cannot typeset (neither ASCII, Latin-1, nor a known symbol) become
    ``[U+XXXX]`` instead of breaking the build.

    >>> latex_escape("a_b & 50% #1")
    'a\\_b \\& 50\\% \\#1'
    >>> latex_escape("§3.3: γ ≤ 1/2")
    '\\S{}3.3: \\ensuremath{\\gamma} \\ensuremath{\\leq} 1/2'
    >>> latex_escape("p_b̄ ≤ p*_s̲")
    'p\\_\\ensuremath{\\bar{b}} \\ensuremath{\\leq} p*\\_\\ensuremath{\\underline{s}}'
    """
    out = []
    for i, ch in enumerate(text):
        mark = text[i + 1] if i + 1 < len(text) else ""
        if mark in _COMBINING and ch.isalpha() and ord(ch) < 128:
            out.append("\\ensuremath{" + _COMBINING[mark] + "{" + ch + "}}")
        elif ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ord(ch) < 128:
            out.append(ch)
        elif ch in _UNICODE:
            out.append(_UNICODE[ch])
        elif ch in _SUBSCRIPTS:
            out.append(f"\\ensuremath{{_{{{_SUBSCRIPTS.index(ch)}}}}}")
        elif ch in _SUPERSCRIPTS:
            out.append(f"\\ensuremath{{^{{{_SUPERSCRIPTS.index(ch)}}}}}")
        elif (g := _greek(ch)) is not None:
            out.append(g)
        elif ord(ch) < 256 and unicodedata.category(ch)[0] == "L":
            out.append(ch)  # Latin-1 letters: inputenc's utf8 composes them
        else:
            out.append(f"[U+{ord(ch):04X}]")
    return "".join(out)


#: Packages of every generated document (all in texlive-latex-base / -recommended).
PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[a4paper,margin=1.8cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage{booktabs}
\usepackage{longtable}
\usepackage{array}
\usepackage{graphicx}
\usepackage{xcolor}
\setlength{\LTcapwidth}{\textwidth}
\sloppy
\newcommand{\papervalue}[1]{{\color{red!70!black}\footnotesize (paper: #1)}}
"""


def document(body: str, *, title: str = "", preamble: str = PREAMBLE) -> str:
    r"""A compilable LaTeX document around ``body``.

    >>> print(document("x", title="T"))  # doctest: +ELLIPSIS
    \documentclass[11pt]{article}
    ...
    \begin{document}
    \section*{T}
    x
    \end{document}
    <BLANKLINE>
    """
    head = "\\section*{" + latex_escape(title) + "}\n" if title else ""
    return preamble + "\\begin{document}\n" + head + body.rstrip("\n") + "\n\\end{document}\n"


def master_document(
    inputs: Iterable[str] | Mapping[str, Iterable[str]], *, title: str, intro: str = ""
) -> str:
    r"""A document that ``\input``\ s each file of ``inputs`` (paths relative to it).

    ``inputs`` may map section titles to files: each section starts on a new page.
    """
    lines = [latex_escape(intro), ""] if intro else []
    sections = inputs if isinstance(inputs, Mapping) else {"": inputs}
    for k, (heading, names) in enumerate(sections.items()):
        if k:
            lines.append("\\clearpage")
        if heading:
            lines.append("\\subsection*{" + latex_escape(heading) + "}")
        for name in names:
            lines.append("\\input{" + name.replace("\\", "/") + "}")
    return document("\n".join(lines), title=title)


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ToolMissingError(
            f"{name} is not installed; on Debian/Ubuntu: apt-get install {package}"
        )
    return path


def require_pdflatex() -> str:
    """The path of ``pdflatex``, or :class:`ToolMissingError` saying how to install it."""
    return _tool("pdflatex", "texlive-latex-base texlive-latex-recommended")


def build_pdf(tex: Path, *, runs: int = 2, timeout: float = 120.0) -> Path:
    """Compile ``tex`` with ``pdflatex`` in its own folder; return the PDF's path.

    Raises
    ------
    ToolMissingError
        ``pdflatex`` is not installed.
    LatexError
        pdflatex failed; the message quotes the first ``!`` error of the log.
    """
    exe = require_pdflatex()
    tex = Path(tex).resolve()
    for _ in range(runs):
        proc = subprocess.run(
            [exe, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", tex.name],
            cwd=tex.parent,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )
        if proc.returncode != 0:
            lines = proc.stdout.splitlines()
            first = next((i for i, line in enumerate(lines) if line.startswith("!")), None)
            excerpt = (
                "\n".join(lines[first : first + 6]) if first is not None else proc.stdout[-800:]
            )
            raise LatexError(f"build_pdf(): pdflatex failed on {tex.name}:\n{excerpt}")
    return tex.with_suffix(".pdf")


def pdf_text(pdf: Path, *, layout: bool = False) -> str:
    """The text of a PDF, by ``pdftotext`` (poppler-utils)."""
    exe = _tool("pdftotext", "poppler-utils")
    args = [exe, *(["-layout"] if layout else []), str(pdf), "-"]
    proc = subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)
    if proc.returncode != 0:
        raise LatexError(f"pdf_text(): pdftotext failed on {pdf}: {proc.stderr.strip()}")
    return proc.stdout
