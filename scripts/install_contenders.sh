#!/usr/bin/env bash
# Install every optional contender of scripts/bench_lp.py (see scripts/contenders.py).
#
# Idempotent, and tolerant of individual failures: each step runs on its own, and the
# script ends with the list of steps that failed (exit status 0 either way, so a partial
# install still lets the benchmark run with what is there).
#
#   sympy, scipy (HiGHS)  PyPI (base dev install; reinstalled here only if missing)
#   pycddlib              PyPI sdist built from source against Debian's libcdd-dev, libgmp-dev
#   pplpy                 PyPI wheel (falls back to a source build against libppl-dev)
#   python-qsoptex        Debian's libqsopt-ex-dev, then cython and
#                         USE_CYTHON=1 pip install --no-build-isolation --no-binary ...
#   swiglpk               PyPI wheel (GLPK's glp_exact and glp_simplex + glp_exact)
#   lrs                   Debian's lrslib (run as a subprocess)
#
# Usage: bash scripts/install_contenders.sh   (as root, or with sudo available)

set -u

PY=${PYTHON:-python3}
PIP=("$PY" -m pip install --quiet --disable-pip-version-check)
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi

failed=()
step() {  # step NAME COMMAND...: run, record NAME on failure
    local name=$1
    shift
    echo "==> $name"
    if ! "$@"; then
        echo "!!! $name failed" >&2
        failed+=("$name")
    fi
}

have_py() { "$PY" -c "import $1" >/dev/null 2>&1; }

apt_install() {
    local missing=()
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ -z "${APT_UPDATED:-}" ]; then
        $SUDO apt-get update -qq || return 1
        APT_UPDATED=1
    fi
    echo "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o=Dpkg::Use-Pty=0 "${missing[@]}" >/dev/null
}

install_base() {
    have_py sympy && have_py scipy && return 0
    "${PIP[@]}" sympy scipy
}

install_cdd() {
    apt_install build-essential python3-dev libcdd-dev libgmp-dev || return 1
    have_py cdd.gmp && return 0
    # Debian installs the headers in /usr/include/cdd (pycddlib expects cddlib/).
    local inc=/usr/include/cdd
    [ -d /usr/include/cddlib ] && inc=/usr/include/cddlib
    CFLAGS="-I$inc ${CFLAGS:-}" "${PIP[@]}" --no-binary pycddlib pycddlib && have_py cdd.gmp
}

install_ppl() {
    have_py ppl && return 0
    "${PIP[@]}" --only-binary pplpy pplpy && have_py ppl && return 0
    echo "no pplpy wheel; building from source against libppl-dev" >&2
    apt_install build-essential python3-dev libppl-dev libgmp-dev libmpfr-dev libmpc-dev || return 1
    "${PIP[@]}" cython cysignals gmpy2 && "${PIP[@]}" --no-build-isolation pplpy && have_py ppl
}

install_qsoptex() {
    apt_install build-essential python3-dev libqsopt-ex-dev libgmp-dev || return 1
    have_py qsoptex && return 0
    # python-qsoptex 0.5 ships no wheel: cythonize its .pyx (Cython 0.29 and 3.x both work).
    "${PIP[@]}" cython setuptools wheel || return 1
    USE_CYTHON=1 "${PIP[@]}" --no-build-isolation --no-binary python-qsoptex python-qsoptex &&
        have_py qsoptex
}

install_glpk() {
    have_py swiglpk && return 0
    "${PIP[@]}" swiglpk && have_py swiglpk
}

install_lrs() {
    apt_install lrslib && command -v lrs >/dev/null 2>&1
}

step "sympy+scipy" install_base
step "pycddlib" install_cdd
step "pplpy" install_ppl
step "python-qsoptex" install_qsoptex
step "swiglpk" install_glpk
step "lrslib" install_lrs

echo
if [ ${#failed[@]} -eq 0 ]; then
    echo "all contenders installed"
else
    echo "failed: ${failed[*]}"
fi
"$PY" "$(dirname "$0")/contenders.py" --list 2>/dev/null || true
exit 0
