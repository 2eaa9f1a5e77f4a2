#!/usr/bin/env bash
# Instructions executed by one add of 1,000 articles to a story store of 15,000 (the add of
# `python benchmarks/stories_eval.py speed --store`: same stream, same articles, a newly opened
# store whose clustering state is read from the database), counted by valgrind's callgrind: the
# same count on every run, whatever else the machine is doing, unlike wall or CPU time on a
# shared machine. Callgrind counts a whole process, so each count is a run of
# `stories_eval.py store-add` less a run that does everything but the part measured. For
# reference, the same for a plain Python loop, and the CPU time of both outside valgrind (which
# depends on the machine). Takes about 7 minutes on 2 cores (the add alone runs about 5 minutes
# under callgrind). Needs ../shared beside the repo.
# Usage: bash benchmarks/stories_store_instructions.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
py=${1:-${PYTHON:-python}}
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 2; }
# One thread for NumPy's BLAS (idle pool threads would add instructions that vary), and one hash
# seed, so that dict and set orders, and so the instructions, are the same on every run.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" benchmarks/stories_eval.py store-build "$tmp/built" >/dev/null
# Run `store-add --measure $1` on a fresh copy of the built store (the add changes it), in a
# folder of its own (no write-ahead log of an earlier run beside it); prints its JSON line.
native() {
  local run
  run=$(mktemp -d "$tmp/run.XXXXXX")
  cp "$tmp/built/store.db" "$run/store.db"
  "$py" benchmarks/stories_eval.py store-add "$run/store.db" "$tmp/built/batch.jsonl" \
    --measure "$1"
}
# The same under callgrind; prints the instructions collected.
count() {
  local run n
  run=$(mktemp -d "$tmp/run.XXXXXX")
  cp "$tmp/built/store.db" "$run/store.db"
  n=$(valgrind --tool=callgrind --callgrind-out-file="$run/cg.out" \
    "$py" benchmarks/stories_eval.py store-add "$run/store.db" "$tmp/built/batch.jsonl" \
    --measure "$1" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  [ -n "$n" ] || { echo "callgrind run (--measure $1) collected nothing" >&2; exit 1; }
  echo "$n"
}
field() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p"; }
median3() { sort -g | sed -n 2p; }
nothing=$(count nothing)
add=$(count add)
loop=$(count loop)
adds=$(for _ in 1 2 3; do native add; done)
added=$(echo "$adds" | field added | head -1)
add_cpu=$(echo "$adds" | field cpu_s | median3)
loop_cpu=$( (for _ in 1 2 3; do native loop; done) | field cpu_s | median3)
iterations=$("$py" -c 'import sys; sys.path.insert(0, "benchmarks"); import stories_eval as s; print(f"{s.CALIBRATION_ITERATIONS:,}")')
echo "- command: \`python benchmarks/stories_eval.py store-add STORE BATCH --measure nothing|add|loop\`"
echo "  under \`valgrind --tool=callgrind\`, each run on a fresh copy of the store that"
echo "  \`python benchmarks/stories_eval.py store-build DIR\` makes (15,000 articles of the mixed stream);"
echo "  a count is the \`add\` or \`loop\` run less the \`nothing\` run (which opens the store and reads the batch)"
awk -v n="$nothing" -v a="$add" -v l="$loop" -v added="$added" -v it="$iterations" \
  -v ac="$add_cpu" -v lc="$loop_cpu" 'BEGIN {
  ai = (a - n) / 1e9; li = (l - n) / 1e9
  printf "- one add of 1,000 articles (%d new, the rest duplicates) to the store of 15,000: %.2f billion instructions\n", added, ai
  printf "- for reference, %s iterations of a plain Python loop (`stories_eval.calibration_loop`): %.2f billion instructions\n", it, li
  printf "- machine-dependent, this run outside valgrind (median CPU time of 3 runs, each in a fresh process):\n"
  printf "  the add %.2f s (%.2f billion instructions a second), the loop %.2f s (%.2f billion a second)\n", ac, ai / ac, lc, li / lc
  printf "- to estimate the add on another machine: its CPU time for the loop (`store-add STORE BATCH --measure loop`) times %.1f\n", ac / lc
}'
