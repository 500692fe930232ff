#!/usr/bin/env bash
# Whole-build overhead (issue 6, part 2). Generates one corpus, then rebuilds the same project in three modes,
# alternating (run 1: none, policy, netanalyzers; run 2: policy, netanalyzers, none; ...), on the same machine in the
# same run, and reports the median wall time, CPU time (user + sys, the build and its compiler process) and peak
# resident memory (the largest process: MSBuild or csc), with ratios against the build without the package. Then one
# extra build per analyzer mode with -p:ReportAnalyzer=true for the compiler's per-analyzer times.
#
#   benchmarks/build-overhead.sh --lines 20000 --density 0.05 --runs 5 [--seed 1] [--out DIR] [--modes "none policy netanalyzers"]
#       [--shape classic|web] [--source package|projects] [--package-version V --feed DIR] [--packages DIR]
#
# --source package (the default) packs src/CrossBorder.Policy.Package into a local folder (benchmarks/pack-local.sh;
# or reuses --package-version V from --feed DIR) and the corpus references it with a PackageReference, exactly as a
# user would: the `policy` mode then runs the analyzers, the generator and the package's build targets (the report
# task included). `none` and `netanalyzers` reference the same package for its attributes only. --source projects
# references the repository's projects instead (the analyzers and generator as OutputItemType="Analyzer"; no build
# targets), for a quick loop while changing the analyzers. --shape web adds ASP.NET Core controllers whose web input
# reaches the sinks of CA2100/CA3001-CA3012, so that NetAnalyzers' taint rules have sources (a fair comparison).
#
# Every timed build is a clean compile of the corpus only: -t:Rebuild --no-restore --no-dependencies (the repository
# projects it references are built once, before timing), -p:UseSharedCompilation=false (csc runs as a child process so
# that /usr/bin/time sees it; no warm compiler server) and -nodeReuse:false. Each mode has its own obj-MODE/ and bin-MODE/
# (set in the corpus's Directory.Build.props).
set -euo pipefail

lines=20000; density=0.05; runs=5; seed=1; out=""; modes="none policy netanalyzers"; timeout_s=900
shape=classic; source=package; package_version=""; feed=""; packages=""
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --density) density="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --modes) modes="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    --shape) shape="$2"; shift 2 ;;
    --source) source="$2"; shift 2 ;;
    --package-version) package_version="$2"; shift 2 ;;
    --feed) feed="$2"; shift 2 ;;
    --packages) packages="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
[ -n "$out" ] || out="$repo/artifacts/bench/overhead-${shape}-${lines}-${density}-s${seed}"
corpus="$out/corpus"
results="$out/results"
mkdir -p "$results"
read -r -a mode_list <<< "$modes"

package_args=()
case "$source" in
  package)
    [ -n "$feed" ] || feed="$repo/artifacts/bench/feed"
    [ -n "$packages" ] || packages="$repo/artifacts/bench/packages"
    if [ -z "$package_version" ]; then
      echo "== packing src/CrossBorder.Policy.Package into $feed"
      package_version="$("$repo/benchmarks/pack-local.sh" --feed "$feed" | tail -n 1)"
    fi
    package_args=(--package-version "$package_version" --feed "$feed" --packages "$packages") ;;
  projects) ;;
  *) echo "--source is package or projects" >&2; exit 2 ;;
esac

if [ -n "$package_version" ]; then
  source_text="the packed package $package_version (PackageReference from a local folder)"
else
  source_text="project references (analyzers and generator only, no build targets)"
fi
echo "== generating corpus: $lines lines, density $density, seed $seed, shape $shape; CrossBorder.Policy: $source_text"
dotnet run -c Release --project "$repo/benchmarks/CrossBorder.Policy.Corpus" -- generate \
  --lines "$lines" --density "$density" --seed "$seed" --shape "$shape" --out "$corpus" --repo "$repo" "${package_args[@]}" > "$results/corpus.json"

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
  echo "Corpus: $lines lines requested, density $density, seed $seed, shape $shape; $(grep -o '"lines": [0-9]*' "$results/corpus.json"); $runs runs per mode, alternating."
  echo "CrossBorder.Policy: $source_text."
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
    echo "ReportAnalyzer, mode $mode (seconds, as printed by the compiler: summed over concurrent callbacks; entries of 0.01 s and more):"
    echo
    echo '```'
    # The compiler prints 'Total analyzer execution time', a table per analyzer assembly, then 'Total generator
    # execution time' and the generators' table; MSBuild logs both at detailed verbosity, inside the Csc task. The
    # MSBuild node prefix ("1>") and the indentation are dropped; rows are kept by shape, not by position.
    sed -E 's/^[[:space:]]*([0-9]+>)?//' "$results/report-analyzer-$mode.log" \
      | awk '/^Total (analyzer|generator) execution time/ { on = 1; print; next } /^Done executing task "Csc"/ { on = 0 }
             on && /^[0-9.]+ +[<0-9]+ +[A-Za-z]/ && $1 + 0 >= 0.01 { print }' || true
    echo '```'
  } >> "$results/summary.md"
done

cat "$results/summary.md"
