#!/usr/bin/env bash
# Correctness at scale (issue 6): generate a corpus, build it with CrossBorder.Policy, and compare the CBDT diagnostics
# the build reports with the ones the corpus expects by construction. Exit code 0 when they match exactly.
#
#   benchmarks/check-corpus.sh --lines 100000 --density 0.3 [--seed 1] [--shape classic|web] [--out DIR]
#       [--source package|projects] [--package-version V --feed DIR] [--packages DIR]
#
# --source package (the default) builds against the packed package, as a user would (benchmarks/pack-local.sh packs
# it unless --package-version names one already in --feed); --source projects uses the repository's projects.
set -euo pipefail

lines=20000; density=0.3; seed=1; out=""; timeout_s=1800
shape=classic; source=package; package_version=""; feed=""; packages=""
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --density) density="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
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
[ -n "$out" ] || out="$repo/artifacts/bench/check-${shape}-${lines}-${density}-s${seed}"
mkdir -p "$out"
package_args=()
case "$source" in
  package)
    [ -n "$feed" ] || feed="$repo/artifacts/bench/feed"
    [ -n "$packages" ] || packages="$repo/artifacts/bench/packages"
    [ -n "$package_version" ] || package_version="$("$repo/benchmarks/pack-local.sh" --feed "$feed" | tail -n 1)"
    package_args=(--package-version "$package_version" --feed "$feed" --packages "$packages") ;;
  projects) ;;
  *) echo "--source is package or projects" >&2; exit 2 ;;
esac

dotnet run -c Release --project "$repo/benchmarks/CrossBorder.Policy.Corpus" -- generate \
  --lines "$lines" --density "$density" --seed "$seed" --shape "$shape" --out "$out/corpus" --repo "$repo" "${package_args[@]}" > "$out/corpus.json"
echo "corpus: $(tr -d '\n' < "$out/corpus.json" | sed -E 's/ +/ /g')"
# -v:q keeps one line per diagnostic; the check ignores everything but CBDT lines.
(cd "$out/corpus" && timeout "$timeout_s" dotnet build -c Release -p:CrossBorderBenchMode=policy -nodeReuse:false -v:q > "$out/build.log" 2>&1) \
  || { echo "build failed, see $out/build.log" >&2; exit 1; }
dotnet run -c Release --no-build --project "$repo/benchmarks/CrossBorder.Policy.Corpus" -- check --dir "$out/corpus" --log "$out/build.log"
