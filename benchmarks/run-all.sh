#!/usr/bin/env bash
# Reproduces every table of docs/performance.md (issue 6) in one command, and writes them to one markdown file.
#
#   benchmarks/run-all.sh --scale full      # the issue's targets: 200k-line builds (5 runs), 100k-line checks and typing
#   benchmarks/run-all.sh --scale medium    # 100k-line builds (3 runs), 100k-line checks and typing: about an hour idle
#   benchmarks/run-all.sh --scale small     # 20k-line builds, 3 runs: a quicker look at the same tables
#   benchmarks/run-all.sh --scale smoke     # 3k lines, 1 run, only the light suites: checks that every step runs
#
# --steps 1234 (the default) picks the steps below by number, e.g. --steps 14 for the correctness checks and typing.
# Steps, in order (each writes its own folder under artifacts/bench/ and a section of artifacts/bench/summary.md):
#   0. pack src/CrossBorder.Policy.Package into artifacts/bench/feed (once; every corpus restores that package);
#   1. correctness through `dotnet build` (check-corpus.sh): classic shape at densities 0.05 and 0.3, web shape at 0.3;
#      and in memory (the Benchmarks `check` command) for the same corpora;
#   2. whole-build overhead (build-overhead.sh, modes none / policy / netanalyzers): classic at 0.05 and 0.3, web at 0.05
#      (the fair NetAnalyzers comparison: web input reaches CA2100/CA3001-CA3012 sinks);
#   3. BenchmarkDotNet suites (the generator suite asserts its step reasons in its setup);
#   4. the typing simulation at densities 0.05 and 0.3 (asserts the generator's step reasons on every edit).
# A failed correctness check or a wrong step reason is reported in the summary and makes the exit code 1; the other
# steps still run. Run it on an otherwise idle machine: every step is timed, and ratios only mean something within one run.
set -uo pipefail

scale=small
steps=1234
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/artifacts/bench"
case "$scale" in
  smoke) build_lines=3000; runs=1; check_lines=3000; typing_lines=3000; steps_lines=3000; edits=6; bdn_filter=('*DecisionEngine*' '*ManifestWriter*') ;;
  medium) build_lines=100000; runs=3; check_lines=100000; typing_lines=100000; steps_lines=10000; edits=12; bdn_filter=('*DecisionEngine*' '*ManifestWriter*' '*FlowEngine*' '*GeneratorBenchmarks*') ;;
  small) build_lines=20000; runs=3; check_lines=20000; typing_lines=100000; steps_lines=10000; edits=12; bdn_filter=('*DecisionEngine*' '*ManifestWriter*' '*FlowEngine*' '*GeneratorBenchmarks*') ;;
  full) build_lines=200000; runs=5; check_lines=100000; typing_lines=100000; steps_lines=10000; edits=21; bdn_filter=('*DecisionEngine*' '*ManifestWriter*' '*FlowEngine*' '*GeneratorBenchmarks*') ;;
  *) echo "--scale is smoke, small, medium or full" >&2; exit 2 ;;
esac

# A partial run (--steps) gets its own folder and summary, so it does not erase a run of the other steps.
name="$scale"; [ "$steps" = 1234 ] || name="$scale-steps$steps"
rm -rf "$out/results-$name"
results="$out/results-$name"
mkdir -p "$results"
summary="$out/summary-$name.md"
status=0
section() { printf '\n## %s\n\n' "$1" >> "$summary"; echo "== $1"; }
code() { { echo '```'; cat "$1"; echo '```'; } >> "$summary"; }

set -e
dotnet build -c Release "$repo/benchmarks/CrossBorder.Policy.Corpus" -v:q -nologo
dotnet build -c Release "$repo/benchmarks/CrossBorder.Policy.Benchmarks" -v:q -nologo
echo "== 0. packing src/CrossBorder.Policy.Package"
feed="$out/feed"; packages="$out/packages"
version="$("$repo/benchmarks/pack-local.sh" --feed "$feed" | tail -n 1)"
package=(--package-version "$version" --feed "$feed" --packages "$packages")
set +e

{
  echo "# Benchmark results (scale: $scale)"
  echo
  echo "Produced by \`benchmarks/run-all.sh --scale $scale --steps $steps\` on $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$repo" rev-parse --short HEAD)."
  echo "The package under test: CrossBorder.Policy $version, packed from this commit and restored from a local folder."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores |"
  echo "| memory | $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) |"
  echo "| OS | $( (. /etc/os-release && echo "$PRETTY_NAME") ), kernel $(uname -r) |"
  echo "| .NET | SDK $(dotnet --version) |"
  echo "| load average at start | $(cut -d' ' -f1-3 /proc/loadavg) |"
} > "$summary"

if [[ "$steps" == *1* ]]; then
section "1. Correctness: expected against reported CBDT diagnostics ($check_lines lines)"
echo "| corpus | how | result |" >> "$summary"
echo "|---|---|---|" >> "$summary"
for spec in classic:0.05 classic:0.3 web:0.3; do
  shape="${spec%%:*}"; density="${spec#*:}"
  "$repo/benchmarks/check-corpus.sh" --lines "$check_lines" --density "$density" --shape "$shape" "${package[@]}" \
    --out "$results/check-$shape-$density" > "$results/check-$shape-$density.txt" 2>&1 || status=1
  echo "| $shape, density $density | \`dotnet build\` (package) | $(grep -m1 '^expected' "$results/check-$shape-$density.txt" || echo 'FAILED, see the log') |" >> "$summary"
  (cd "$out" && dotnet run -c Release --no-build --project "$repo/benchmarks/CrossBorder.Policy.Benchmarks" -- \
    check --lines "$check_lines" --density "$density" --shape "$shape") > "$results/check-memory-$shape-$density.txt" 2>&1 || status=1
  echo "| $shape, density $density | in memory (flow analyzer) | $(grep -m1 '^expected' "$results/check-memory-$shape-$density.txt" || echo 'FAILED, see the log') |" >> "$summary"
done
for f in "$results"/check-*.txt; do
  echo >> "$summary"; echo "$(basename "$f"):" >> "$summary"; code "$f"
done

fi

if [[ "$steps" == *2* ]]; then
section "2. Whole-build overhead ($build_lines lines, $runs alternating runs per mode)"
for spec in classic:0.05 classic:0.3 web:0.05; do
  shape="${spec%%:*}"; density="${spec#*:}"
  "$repo/benchmarks/build-overhead.sh" --lines "$build_lines" --density "$density" --runs "$runs" --shape "$shape" "${package[@]}" \
    --out "$results/overhead-$shape-$density" > "$results/overhead-$shape-$density.txt" 2>&1 || status=1
  printf '\n### %s shape, density %s\n\n' "$shape" "$density" >> "$summary"
  cat "$results/overhead-$shape-$density/results/summary.md" >> "$summary" 2>/dev/null || echo "FAILED: see $results/overhead-$shape-$density.txt" >> "$summary"
done

fi

if [[ "$steps" == *3* ]]; then
section "3. BenchmarkDotNet suites"
# The generator's step reasons after an unrelated and a relevant edit, asserted without timing (GeneratorBenchmarks
# asserts the same in its setup).
for density in 0.05 0.3; do
  (cd "$out" && dotnet run -c Release --no-build --project "$repo/benchmarks/CrossBorder.Policy.Benchmarks" -- \
    generator-steps --lines "$steps_lines" --density "$density") > "$results/generator-steps-$density.txt" 2>&1 || status=1
  echo "Generator step reasons ($steps_lines lines, density $density, asserted):" >> "$summary"
  echo >> "$summary"
  sed 's/^/- /' "$results/generator-steps-$density.txt" >> "$summary"
  echo >> "$summary"
done
(cd "$results" && dotnet run -c Release --no-build --project "$repo/benchmarks/CrossBorder.Policy.Benchmarks" -- \
  --filter "${bdn_filter[@]}" --artifacts "$results/bdn") > "$results/bdn.txt" 2>&1 || status=1
for report in "$results"/bdn/results/*-report-github.md; do
  [ -f "$report" ] || { echo "no BenchmarkDotNet report: see $results/bdn.txt" >> "$summary"; status=1; break; }
  echo >> "$summary"; cat "$report" >> "$summary"
done

fi

if [[ "$steps" == *4* ]]; then
section "4. Typing simulation ($typing_lines lines, $edits edits)"
for density in 0.05 0.3; do
  (cd "$out" && dotnet run -c Release --no-build --project "$repo/benchmarks/CrossBorder.Policy.Benchmarks" -- \
    typing --lines "$typing_lines" --density "$density" --edits "$edits") > "$results/typing-$density.txt" 2>&1 || status=1
  printf '\n### density %s\n\n' "$density" >> "$summary"
  cat "$results/typing-$density.txt" >> "$summary"
done

fi

printf '\nLoad average at the end: %s. Exit status: %s.\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$status" >> "$summary"
echo "== summary: $summary"
cat "$summary"
exit "$status"
