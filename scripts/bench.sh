#!/usr/bin/env bash
# Benchmarks, issue 6. So far: scheduling quality in virtual time. Builds the bench in Release and runs Core's planner
# and scheduler against the simulated KubeVirt cluster on the scenarios of bench/scenarios/ (suite.yaml), each under
# KubeVirt's upstream and Red Hat's limits, once with the orchestrator and once with KubeVirt alone.
#
#   scripts/bench.sh                 full run: bench/results/scheduling.json, summary.md and SVG charts
#   scripts/bench.sh --quick         reduced run (scenarios marked quick), written to bench/results/tmp/ (not committed)
#   scripts/bench.sh --no-build      skip the build (it must exist), e.g. --quick --no-build -c Debug after a solution build
#   scripts/bench.sh -c CONFIG       build configuration (default Release)
#   scripts/bench.sh -- ARGS...      pass ARGS to the bench, e.g. -- --only a,c
#
# Exits non-zero when the build fails, or when a run breaks what must always hold: a KubeVirt limit exceeded, the
# orchestrator's drain left incomplete, or the orchestrator slower than KubeVirt alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() {
  sed -n '6,10s/^#  */  /p' "${BASH_SOURCE[0]}"
}

quick=false
build=true
configuration=Release
extra=()
while (($# > 0)); do
  case "$1" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    -c | --configuration)
      if (($# < 2)); then echo "error: $1 needs a value" >&2; exit 2; fi
      configuration="$2"
      shift
      ;;
    --) shift; extra=("$@"); break ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

project=bench/DrainOrchestrator.Scheduling.Bench
assembly="$project/bin/$configuration/net10.0/DrainOrchestrator.Scheduling.Bench.dll"
if [[ "$build" == true ]]; then
  echo "==> build $project ($configuration, warnings are errors)"
  dotnet build "$project" -c "$configuration" -warnaserror --nologo -v quiet -clp:"ErrorsOnly;NoSummary"
elif [[ ! -f "$assembly" ]]; then
  echo "error: $assembly is missing; run without --no-build" >&2
  exit 1
fi

# The full run also reports the orchestrator with the engine's current mapping (no NIC bandwidths, no dirty rates).
out=bench/results
args=(--with-blind)
if [[ "$quick" == true ]]; then
  out=bench/results/tmp
  args=(--quick)
fi

echo "==> scheduling quality ($([[ "$quick" == true ]] && echo reduced || echo full) run) into $out"
started=$SECONDS
dotnet "$assembly" "${args[@]}" --out "$out" "${extra[@]}"
echo "==> done in $((SECONDS - started)) s"
