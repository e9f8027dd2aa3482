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

# Times one command into the variable named by $1; a failure keeps the clone and its log.
run_timed() {
  local name=$1 label=$2; shift 2
  local start=$SECONDS
  if ! "$@" > "$CLONE/$label.log" 2>&1; then
    trap - EXIT
    echo "$label failed; its output is in $CLONE/$label.log" >&2
    exit 1
  fi
  printf -v "$name" '%d' $((SECONDS - start))
}

run_timed run make-run make run
run_timed test make-test make test
echo "first run on $(nproc) cores, $(git -C "$CLONE" log -1 --format=%h):"
echo "  make run   ${run} s   (target 120 s)"
echo "  make test  ${test} s"
echo "  together   $((run + test)) s   (target 240 s)"
[ "${KEEP:-0}" = 1 ] && echo "clone kept in $CLONE"
true
