#!/usr/bin/env bash
# Whole-build overhead (issue 6, part 2). Generates one corpus, then rebuilds the same project in three modes,
# alternating (run 1: none, policy, netanalyzers; run 2: policy, netanalyzers, none; ...), on the same machine in the
# same run, and reports the median wall time, CPU time (user + sys, the build and its compiler process) and peak
# resident memory (the largest process: MSBuild or csc), with ratios against the build without the package. Then one
# extra build per analyzer mode with -p:ReportAnalyzer=true for the compiler's per-analyzer times.
#
#   benchmarks/build-overhead.sh --lines 20000 --density 0.05 --runs 5 [--seed 1] [--out DIR] [--modes "none policy netanalyzers"]
#
# Every timed build is a clean compile of the corpus only: -t:Rebuild --no-restore --no-dependencies (the repository
# projects it references are built once, before timing), -p:UseSharedCompilation=false (csc runs as a child process so
# that /usr/bin/time sees it; no warm compiler server) and -nodeReuse:false. Each mode has its own obj-MODE/ and bin-MODE/
# (set in the corpus's Directory.Build.props).
set -euo pipefail

lines=20000; density=0.05; runs=5; seed=1; out=""; modes="none policy netanalyzers"; timeout_s=900
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --density) density="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --modes) modes="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
[ -n "$out" ] || out="$repo/artifacts/bench/overhead-${lines}-${density}-s${seed}"
corpus="$out/corpus"
results="$out/results"
mkdir -p "$results"
read -r -a mode_list <<< "$modes"

echo "== generating corpus: $lines lines, density $density, seed $seed"
dotnet run -c Release --project "$repo/benchmarks/CrossBorder.Policy.Corpus" -- generate \
  --lines "$lines" --density "$density" --seed "$seed" --out "$corpus" --repo "$repo" > "$results/corpus.json"

props() { # the per-mode global properties
  local mode="$1"
  echo "-c Release -p:CrossBorderBenchMode=$mode"
}

echo "== preparing (restore and build the referenced projects once per mode)"
for mode in "${mode_list[@]}"; do
  # shellcheck disable=SC2046
  (cd "$corpus" && timeout "$timeout_s" dotnet build $(props "$mode") -nodeReuse:false > "$results/prepare-$mode.log" 2>&1) \
    || { echo "prepare $mode failed, see $results/prepare-$mode.log" >&2; exit 1; }
done

: > "$results/runs.tsv"
echo -e "run\tmode\twall_s\tcpu_s\tpeak_rss_mb" >> "$results/runs.tsv"
n=${#mode_list[@]}
for ((run = 1; run <= runs; run++)); do
  for ((i = 0; i < n; i++)); do
    mode="${mode_list[$(((i + run - 1) % n))]}"
    # shellcheck disable=SC2046
    (cd "$corpus" && /usr/bin/time -f "%e %U %S %M" -o "$results/time.txt" timeout "$timeout_s" \
      dotnet build $(props "$mode") -t:Rebuild --no-restore --no-dependencies -nodeReuse:false \
      -p:UseSharedCompilation=false > "$results/run-$run-$mode.log" 2>&1) \
      || { echo "build $mode (run $run) failed, see $results/run-$run-$mode.log" >&2; exit 1; }
    read -r wall user sys rss_kb < "$results/time.txt"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
    echo -e "$run\t$mode\t$wall\t$cpu\t$rss" | tee -a "$results/runs.tsv"
  done
done

median() { # median of column $2 for mode $1
  awk -F'\t' -v m="$1" -v c="$2" 'NR > 1 && $2 == m { print $c }' "$results/runs.tsv" | sort -g \
    | awk '{ a[NR] = $1 } END { if (NR == 0) { print "nan" } else if (NR % 2) { print a[(NR + 1) / 2] } else { print (a[NR / 2] + a[NR / 2 + 1]) / 2 } }'
}

{
  echo "Corpus: $lines lines requested, density $density, seed $seed; $(grep -o '"lines": [0-9]*' "$results/corpus.json"); $runs runs per mode, alternating."
  echo "Machine: $(nproc) cores, load average at end: $(cut -d' ' -f1-3 /proc/loadavg); $(dotnet --version) SDK."
  echo
  echo "| mode | median wall (s) | median CPU (s) | median peak RSS (MB) | wall vs none | CPU vs none | RSS vs none |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  base_w=$(median none 3); base_c=$(median none 4); base_m=$(median none 5)
  for mode in "${mode_list[@]}"; do
    w=$(median "$mode" 3); c=$(median "$mode" 4); m=$(median "$mode" 5)
    awk -v mode="$mode" -v w="$w" -v c="$c" -v m="$m" -v bw="$base_w" -v bc="$base_c" -v bm="$base_m" \
      'BEGIN { r = (bw == "nan" || bw == 0) ? "n/a" : sprintf("%.3f", w / bw); rc = (bc == "nan" || bc == 0) ? "n/a" : sprintf("%.3f", c / bc); rm = (bm == "nan" || bm == 0) ? "n/a" : sprintf("%.3f", m / bm);
               printf "| %s | %.2f | %.2f | %.0f | %s | %s | %s |\n", mode, w, c, m, r, rc, rm }'
  done
} > "$results/summary.md"

echo "== per-analyzer times (-p:ReportAnalyzer=true, one build per mode)"
for mode in "${mode_list[@]}"; do
  [ "$mode" = "none" ] && continue
  # shellcheck disable=SC2046
  (cd "$corpus" && timeout "$timeout_s" dotnet build $(props "$mode") -t:Rebuild --no-restore --no-dependencies \
    -nodeReuse:false -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:d > "$results/report-analyzer-$mode.log" 2>&1) || true
  {
    echo
    echo "ReportAnalyzer, mode $mode (seconds, as printed by the compiler; the top rows):"
    echo
    echo '```'
    # The compiler prints 'Total analyzer execution time', one block per analyzer assembly, then the generators;
    # MSBuild logs it at detailed verbosity, inside the Csc task.
    awk '/Total analyzer execution time/ { on = 1 } /Done executing task "Csc"/ { on = 0 } on' "$results/report-analyzer-$mode.log" \
      | sed -E 's/^\s+//' | grep -v '^$' | head -40 || true
    echo '```'
  } >> "$results/summary.md"
done

cat "$results/summary.md"
