#!/usr/bin/env bash
# Reproduces every table of docs/performance.md (issue 6).
#
#   benchmarks/run-all.sh --scale small     # what docs/performance.md reports today: 20k-line builds, 3 runs each
#   benchmarks/run-all.sh --scale full      # the issue's targets: 200k-line builds (5 runs), 100k checks and typing
#
# Outputs go to artifacts/bench/ (one folder per step, each with a summary); the console shows each summary.
# Run it on an otherwise idle machine: every step is timed, and ratios are only meaningful within one run.
set -euo pipefail

scale=small
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/artifacts/bench"
mkdir -p "$out"
case "$scale" in
  small) build_lines=20000; runs=3; check_lines=20000; typing_lines=100000; edits=10 ;;
  full) build_lines=200000; runs=5; check_lines=100000; typing_lines=100000; edits=20 ;;
  *) echo "--scale is small or full" >&2; exit 2 ;;
esac

dotnet build -c Release "$repo/benchmarks/CrossBorder.Policy.Corpus" -v:q -nologo
dotnet build -c Release "$repo/benchmarks/CrossBorder.Policy.Benchmarks" -v:q -nologo

echo "== 1. correctness: expected vs reported diagnostics ($check_lines lines, densities 0.05 and 0.3, through dotnet build)"
for density in 0.05 0.3; do
  "$repo/benchmarks/check-corpus.sh" --lines "$check_lines" --density "$density" --out "$out/check-$check_lines-$density" | tee "$out/check-$check_lines-$density.txt"
done

echo "== 2. whole-build overhead ($build_lines lines, $runs alternating runs per mode)"
for density in 0.05 0.3; do
  "$repo/benchmarks/build-overhead.sh" --lines "$build_lines" --density "$density" --runs "$runs" --out "$out/overhead-$build_lines-$density"
done

echo "== 3. BenchmarkDotNet suites"
(cd "$out" && dotnet run -c Release --no-build --project "$repo/benchmarks/CrossBorder.Policy.Benchmarks" -- \
  --filter '*DecisionEngine*' '*ManifestWriter*' '*FlowEngine*' '*GeneratorBenchmarks*' --artifacts "$out/bdn")

echo "== 4. typing simulation ($typing_lines lines, $edits edits, densities 0.05 and 0.3)"
for density in 0.05 0.3; do
  (cd "$out" && dotnet run -c Release --no-build --project "$repo/benchmarks/CrossBorder.Policy.Benchmarks" -- \
    typing --lines "$typing_lines" --density "$density" --edits "$edits") | tee "$out/typing-$typing_lines-$density.txt"
done

echo "== summaries"
cat "$out"/overhead-*/results/summary.md
ls "$out"/bdn/results/*-report-github.md
