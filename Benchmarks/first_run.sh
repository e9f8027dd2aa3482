#!/usr/bin/env bash
# A newcomer's first run, timed: the repository cloned to a temporary folder (beside this
# one, so the tests find ../shared as they do here), then the README's two commands,
# `make run` and `make test`, each timed on its own, with the machine's core count.
#
#   bash Benchmarks/first_run.sh            # clones HEAD of this repository
#   KEEP=1 bash Benchmarks/first_run.sh     # keeps the clone (its path is printed)
#
# Only what the clone builds counts: SwiftPM's shared caches (~/.cache/org.swift.swiftpm)
# hold the dependencies' sources, as they do on any machine that has fetched them once;
# nothing compiled is reused.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
CLONE="$(mktemp -d -p "$(dirname "$ROOT")" first-run.XXXXXX)"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$CLONE"' EXIT
git clone -q "$ROOT" "$CLONE"
cd "$CLONE"

seconds() { date +%s.%N; }
run_timed() {
  local label=$1; shift
  local start end
  start=$(seconds)
  if ! "$@" > "$CLONE/$label.log" 2>&1; then
    echo "$label failed; its output is in $CLONE/$label.log" >&2
    trap - EXIT
    exit 1
  fi
  end=$(seconds)
  python3 -c "print(f'{$end - $start:.0f}')"
}

run=$(run_timed make-run make run)
test=$(run_timed make-test make test)
echo "first run on $(nproc) cores, $(git -C "$CLONE" log -1 --format=%h):"
echo "  make run   ${run} s   (target 120 s)"
echo "  make test  ${test} s"
echo "  together   $((run + test)) s   (target 240 s)"
[ "${KEEP:-0}" = 1 ] && echo "clone kept in $CLONE"
true
