#!/usr/bin/env bash
# Runs OpenJML's extended static checker (-esc) over the reference model's JML, as a second opinion
# next to KeY (model/src/test/java/dev/atomik/model/proof). OpenJML is not on Maven Central, so it
# runs only where someone installed it: set OPENJML_HOME to the unpacked release folder (the one
# holding the `openjml` launcher, or openjml.jar for older releases). Without OPENJML_HOME the
# script says it is skipped and exits 0; with a wrong OPENJML_HOME it fails (exit 2).
# Usage: scripts/openjml-esc.sh [extra OpenJML options...]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/model/src/main/java"

if [[ -z "${OPENJML_HOME:-}" ]]; then
    echo "openjml-esc: SKIPPED (not run, not passed): OPENJML_HOME is not set."
    echo "  OpenJML is not available from Maven Central; install a release from"
    echo "  https://github.com/OpenJML/OpenJML/releases and set OPENJML_HOME to its folder"
    echo "  to check $src with -esc. KeY still proves every contract in 'mvn verify'."
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

echo "openjml-esc: ${launcher[*]} -esc over ${#files[@]} files in $src"
# The JML stays within the subset KeY 2.12.3 and OpenJML both accept (no \dl_ functions), so the
# same annotations feed both tools. The few KeY-only modifiers (strictly_pure, \strictly_nothing) are
# keyed annotations, /*+KeY@ ... @*/, which OpenJML skips because no -keys option enables KeY; it
# reads their /*-KeY@ ... @*/ twins instead. Do not pass -keys KeY. OpenJML's exit code is passed through.
exec "${launcher[@]}" -esc -sourcepath "$src" "$@" "${files[@]}"
