#!/usr/bin/env bash
# Checks the reference model's JML with OpenJML, as a second opinion next to KeY
# (model/src/test/java/dev/atomik/model/proof). OpenJML is not on Maven Central, so it runs only
# where someone installed it: set OPENJML_HOME to the unpacked release folder (the one holding the
# `openjml` launcher, or openjml.jar for older releases). Without OPENJML_HOME the script says it is
# skipped and exits 0; with a wrong OPENJML_HOME it fails (exit 2).
#
# Usage: scripts/openjml-esc.sh [check|esc] [extra OpenJML options...]
#   check  parse and type-check the JML only (seconds); run this first.
#   esc    (default) -check first, then the extended static checker over every method, with the
#          options the contracts mean, then one verdict line per method.
# What to expect (OpenJML 0.21, z3 4.8.12): see model/README.md "Checking the contracts with
# OpenJML" and spec/trust-ledger.md, section "OpenJML": the methods OpenJML cannot decide, with the error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/model/src/main/java"
mode="esc"
if [[ $# -gt 0 && ( "$1" == "check" || "$1" == "esc" ) ]]; then
    mode="$1"
    shift
fi

if [[ -z "${OPENJML_HOME:-}" ]]; then
    echo "openjml-esc: SKIPPED (not run, not passed): OPENJML_HOME is not set."
    echo "  OpenJML is not available from Maven Central; install a release from"
    echo "  https://github.com/OpenJML/OpenJML/releases and set OPENJML_HOME to its folder"
    echo "  to check $src. KeY still proves every contract in 'mvn verify'."
    exit 0
fi

if [[ -x "$OPENJML_HOME/openjml" ]]; then
    launcher=("$OPENJML_HOME/openjml")
elif [[ -f "$OPENJML_HOME/openjml.jar" ]]; then
    launcher=(java -jar "$OPENJML_HOME/openjml.jar")
else
    echo "openjml-esc: ERROR: OPENJML_HOME=$OPENJML_HOME holds neither an executable 'openjml' nor 'openjml.jar'." >&2
    exit 2
fi

mapfile -t files < <(find "$src/dev/atomik/model" -maxdepth 1 -name '*.java' | sort)
if [[ ${#files[@]} -eq 0 ]]; then
    echo "openjml-esc: ERROR: no model sources under $src/dev/atomik/model" >&2
    exit 2
fi

# The JML stays within what KeY 2.12.3 and OpenJML both accept (model's JmlLintTest checks it in
# every build); the KeY-only modifiers (strictly_pure, \strictly_nothing) are keyed annotations,
# /*+KeY@ ... @*/, which OpenJML skips because no -keys option enables KeY; it reads their
# /*-KeY@ ... @*/ twins instead. Do not pass -keys KeY.
echo "openjml-esc: -check over ${#files[@]} files in $src"
if ! "${launcher[@]}" -check -sourcepath "$src" "$@" "${files[@]}"; then
    echo "openjml-esc: FAILED: the JML does not parse or type-check (above); -esc not run." >&2
    exit 1
fi
echo "openjml-esc: -check clean"
if [[ "$mode" == "check" ]]; then
    exit 0
fi

# Options the contracts mean:
#  --code-math=java  Java's wrap-around arithmetic, as KeY proves it (intRules:javaSemantics); OpenJML's
#                    default (safe) reports every intended wrap, e.g. Width.maskOf's (1L << 64) - 1.
#  --spec-math=java  the classes say spec_java_math already; passed so that no default overrides it.
#  --timeout 120000  per proof, in MILLISECONDS: the value reaches z3 as -t:N (OpenJML's help says
#                    seconds; --timeout 120 gives false UNKNOWNs).
#  -progress         a line per method, summarised below.
log="$(mktemp "${TMPDIR:-/tmp}/openjml-esc.XXXXXX.log")"
echo "openjml-esc: -esc (full output in $log; about 15 minutes)"
set +e
"${launcher[@]}" -esc --code-math=java --spec-math=java --timeout 120000 -progress \
    -sourcepath "$src" "$@" "${files[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo
echo "openjml-esc: per-method verdicts (OpenJML's own 'proof of' lines):"
grep -E "(Completed|Failed|Skipping|Aborted) proof|timed out|UNKNOWN|error:" "$log" \
    | sed -E 's/^/  /' || echo "  (no per-method lines found: see $log)"
echo "openjml-esc: OpenJML exit code $status"
exit "$status"
