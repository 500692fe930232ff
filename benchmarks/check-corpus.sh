#!/usr/bin/env bash
# Correctness at scale (issue 6): generate a corpus, build it with the analyzers, and compare the CBDT diagnostics
# the build reports with the ones the corpus expects by construction. Exit code 0 when they match exactly.
#
#   benchmarks/check-corpus.sh --lines 100000 --density 0.3 [--seed 1] [--out DIR]
set -euo pipefail

lines=20000; density=0.3; seed=1; out=""; timeout_s=1800
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --density) density="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
[ -n "$out" ] || out="$repo/artifacts/bench/check-${lines}-${density}-s${seed}"
mkdir -p "$out"
dotnet run -c Release --project "$repo/benchmarks/CrossBorder.Policy.Corpus" -- generate \
  --lines "$lines" --density "$density" --seed "$seed" --out "$out/corpus" --repo "$repo"
# -v:q keeps one line per diagnostic; the check ignores everything but CBDT lines.
(cd "$out/corpus" && timeout "$timeout_s" dotnet build -c Release -p:CrossBorderBenchMode=policy -nodeReuse:false -v:q > "$out/build.log" 2>&1) \
  || { echo "build failed, see $out/build.log" >&2; exit 1; }
dotnet run -c Release --no-build --project "$repo/benchmarks/CrossBorder.Policy.Corpus" -- check --dir "$out/corpus" --log "$out/build.log"
