#!/usr/bin/env bash
# Instructions executed by `synopsis batch` on DUC 2004 (one worker, whole process) without and
# with --analysis, counted by valgrind's callgrind: the same count on every run, whatever else the
# machine is doing, unlike wall or CPU time on a shared machine. Takes about 5 minutes.
# Usage: bash benchmarks/analysis_batch_instructions.sh [SYNOPSIS_EXE] [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-synopsis}
shared=${2:-../shared}
data="$shared/data/duc2004/test.jsonl"
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 2; }
[ -f "$data" ] || { echo "$data not found; pass SHARED_DIR" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
    "$exe" batch "$data" -o "$tmp/out.jsonl" --words 100 --workers 1 "$@" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
plain=$(count)
full=$(count --analysis)
echo "- command: \`synopsis batch duc2004/test.jsonl -o OUT --words 100 --workers 1 [--analysis]\`"
echo "  under \`valgrind --tool=callgrind\`"
awk -v p="$plain" -v f="$full" 'BEGIN {
  printf "- instructions without analysis: %.2f billion; with analysis: %.2f billion\n", p / 1e9, f / 1e9
  printf "- the analysis adds %.1f%% to the instructions of the batch\n", 100 * (f / p - 1)
}'
