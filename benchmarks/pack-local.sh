#!/usr/bin/env bash
# Packs src/CrossBorder.Policy.Package into a local folder, as the benchmarks' corpora consume it (issue 6): the
# corpus then references the package with a PackageReference and restores it from that folder
# (RestoreAdditionalProjectSources), exactly as a user would, with no registry involved.
#
#   benchmarks/pack-local.sh [--feed DIR] [--version V]
#
# Prints the package version on the last line of stdout. The default version is unique per run
# (0.0.0-bench.<UTC time>), so no NuGet cache can serve an older package under the same version.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
feed="$repo/artifacts/bench/feed"; version="0.0.0-bench.$(date -u +%Y%m%d%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --feed) feed="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

mkdir -p "$feed"
# PackageVersion, not Version: the package gets this version while the DLLs stay as the build makes them.
dotnet pack "$repo/src/CrossBorder.Policy.Package/CrossBorder.Policy.Package.csproj" -c Release -o "$feed" \
  "-p:PackageVersion=$version" --disable-build-servers -nologo -v:q >&2
[ -f "$feed/CrossBorder.Policy.$version.nupkg" ] || { echo "pack did not write $feed/CrossBorder.Policy.$version.nupkg" >&2; exit 1; }
echo "$version"
