#!/usr/bin/env bash
# Benchmarks, issues 6 and 11. Builds the benches in Release and runs, in this order:
#  1. orchestration in real time (bench/DrainOrchestrator.Orchestration.Bench): drainctl, a private PostgreSQL and
#     drain-sim as separate processes over HTTPS; slot refill latency, API requests and PostgreSQL statements per
#     migration, the engine's CPU time and peak memory (bench/results/orchestration.json and .md);
#  2. the service, full run only (bench/DrainOrchestrator.Server.Bench): drainctl serve, a private PostgreSQL and
#     drain-sim as processes; API latency with 50 clients polling while 3 drains run, Server-Sent Events fan-out to 200
#     subscribers checked against the journal, slot refill in server mode (bench/results/server.json and .md);
#  3. scale, full run only (bench/DrainOrchestrator.Scale.Bench): planning and scheduling-decision time for 1,000 nodes /
#     20,000 VMIs and 5,000 / 100,000, drainctl's report of 100,000 migrations, and the engine at scale (the production
#     drain runner on 100,000 VMIs: pass and refill latency, CPU per migration) (bench/results/scale.json, scale-engine.json
#     and scale.md);
#  4. scheduling quality in virtual time (bench/DrainOrchestrator.Scheduling.Bench): the production engine (DrainRunner
#     with Core, journaling to a private PostgreSQL, on the model's clock) against the simulated KubeVirt cluster on the scenarios of bench/scenarios/ (suite.yaml), each under KubeVirt's upstream and
#     Red Hat's limits, once with the orchestrator and once with KubeVirt alone; summary.md and readme-table.md carry the
#     headlines of 1 to 3, and a full run of all four copies readme-table.md into README.md's benchmark section;
#  5. cluster time end to end, full run only (issue 16, point 1): scenario (b) of 4 drained by drainctl against drain-sim at
#     --speed 20 over HTTPS (the orchestration bench's --cluster-time-case), its makespan in model time against 4's
#     virtual-time makespan for the same case (bench/results/cluster-time.json and .md).
#
#   scripts/bench.sh                 full run: bench/results/orchestration.*, server.*, scale.*, scheduling.json, summary.md, SVG charts, cluster-time.*
#   scripts/bench.sh --quick         reduced run (one tiny drain, scenarios marked quick; no 2, 3 or 5), written to bench/results/tmp/
#   scripts/bench.sh --no-build      skip the build (it must exist), e.g. --quick --no-build -c Debug after a solution build
#   scripts/bench.sh -c CONFIG       build configuration (default Release)
#   scripts/bench.sh --no-orchestration   skip 1 and 5;  --orchestration-only   skip 2 to 5;  --no-scale   skip 3
#   scripts/bench.sh --server-only   run 2 alone (with --quick: its two-minute smoke run, into bench/results/tmp/);  --no-server   skip 2
#   scripts/bench.sh -- ARGS...      pass ARGS to the scheduling bench, e.g. -- --only a,c
#
# Exits non-zero when a build fails, when a drain fails, or when a run breaks what must always hold: a KubeVirt limit
# exceeded, a guest lost, the orchestrator's drain left incomplete, an event not delivered exactly once to every
# subscriber, or the orchestrator slower than KubeVirt alone. Targets (refill p99 under 100 ms, API p99 under 50 ms,
# makespan against the bound) are reported, not enforced.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() {
  sed -n '21,27s/^#  */  /p' "${BASH_SOURCE[0]}"
}

quick=false
build=true
scale=true
orchestration=true
scheduling=true
server=auto
configuration=Release
extra=()
while (($# > 0)); do
  case "$1" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    --no-scale) scale=false ;;
    --no-orchestration) orchestration=false ;;
    --orchestration-only) scheduling=false; server=false; scale=false ;;
    --server-only) server=true; orchestration=false; scale=false; scheduling=false ;;
    --no-server) server=false ;;
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

# build_or_require PROJECT ASSEMBLY: builds PROJECT, or with --no-build insists that ASSEMBLY is there.
build_or_require() {
  if [[ "$build" == true ]]; then
    echo "==> build $1 ($configuration, warnings are errors)"
    dotnet build "$1" -c "$configuration" -warnaserror --nologo -v quiet -clp:"ErrorsOnly;NoSummary"
  elif [[ ! -f "$2" ]]; then
    echo "error: $2 is missing; run without --no-build" >&2
    exit 1
  fi
}

out=bench/results
[[ "$quick" == true ]] && out=bench/results/tmp
# The service bench runs in a full run, and in a quick one only when asked for (--server-only): scripts/test.sh's quick
# run stays within CI's time.
if [[ "$server" == auto ]]; then
  if [[ "$quick" == true ]]; then server=false; else server=true; fi
fi

# The orchestration and scale runs start a private PostgreSQL from the machine's server binaries: installed as root
# when missing, otherwise the exact apt-get command is printed.
if [[ "$orchestration" == true || "$server" == true || ( "$scale" == true && "$quick" == false ) ]]; then
  # shellcheck source=lib/prerequisites.sh
  source scripts/lib/prerequisites.sh
  ensure_prerequisites || { echo "error: prerequisites missing (see above)" >&2; exit 1; }
fi

# 1. Orchestration in real time. Its project is built on its own (it builds drainctl and drain-sim through project
# references); without --no-build a missing build is an error, with it the run is skipped with a note.
orchestration_project=bench/DrainOrchestrator.Orchestration.Bench
orchestration_assembly="$orchestration_project/bin/$configuration/net10.0/DrainOrchestrator.Orchestration.Bench.dll"
if [[ "$orchestration" == true ]]; then
  if [[ "$build" == true ]]; then
    echo "==> build $orchestration_project ($configuration, warnings are errors; drainctl and drain-sim with it)"
    dotnet build "$orchestration_project" -c "$configuration" -warnaserror --nologo -v quiet -clp:"ErrorsOnly;NoSummary"
  fi
  if [[ -f "$orchestration_assembly" ]]; then
    # Full: three drains of 160 VMs at speed 1 (model time is wall time), about two minutes each. Quick: one drain of
    # 16 VMs, about half a minute, to prove the harness end to end (its p99 is noise).
    orchestration_args=(--runs 3)
    [[ "$quick" == true ]] && orchestration_args=(--quick)
    echo "==> orchestration in real time ($([[ "$quick" == true ]] && echo reduced || echo full) run) into $out (load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a))"
    started=$SECONDS
    dotnet "$orchestration_assembly" "${orchestration_args[@]}" --out "$out"
    echo "==> done in $((SECONDS - started)) s"
  else
    echo "==> orchestration in real time: skipped, $orchestration_assembly is not built (run without --no-build)"
  fi
fi

# 2. The service (drainctl serve). Built like 1; three phases on their own server, database and simulator: API latency
# (50 clients every 250 ms while three drains run), SSE fan-out (200 subscribers), slot refill in server mode (three
# drains of the orchestration scenario, each paired with the same drain by drainctl drain), about fifteen minutes; the
# smoke run (--server-only --quick) about two.
server_project=bench/DrainOrchestrator.Server.Bench
server_assembly="$server_project/bin/$configuration/net10.0/DrainOrchestrator.Server.Bench.dll"
if [[ "$server" == true ]]; then
  if [[ "$build" == true ]]; then
    echo "==> build $server_project ($configuration, warnings are errors; drainctl and drain-sim with it)"
    dotnet build "$server_project" -c "$configuration" -warnaserror --nologo -v quiet -clp:"ErrorsOnly;NoSummary"
  fi
  if [[ -f "$server_assembly" ]]; then
    server_args=()
    [[ "$quick" == true ]] && server_args=(--smoke)
    echo "==> the service ($([[ "$quick" == true ]] && echo smoke || echo full) run) into $out (load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a))"
    started=$SECONDS
    dotnet "$server_assembly" "${server_args[@]}" --out "$out"
    echo "==> done in $((SECONDS - started)) s"
  else
    echo "==> the service: skipped, $server_assembly is not built (run without --no-build)"
  fi
fi

[[ "$scheduling" == true ]] || exit 0

# 3. Scale, the full run only (it takes a few minutes; the reduced run stays within scripts/test.sh's budget).
if [[ "$quick" == false && "$scale" == true ]]; then
  scale_project=bench/DrainOrchestrator.Scale.Bench
  scale_assembly="$scale_project/bin/$configuration/net10.0/DrainOrchestrator.Scale.Bench.dll"
  build_or_require "$scale_project" "$scale_assembly"

  echo "==> scale (planning, scheduling decisions, the report of 100,000 migrations, the engine at scale) into $out"
  started=$SECONDS
  dotnet "$scale_assembly" --out "$out"
  echo "==> done in $((SECONDS - started)) s"
fi

# 4. Scheduling quality in virtual time, last: its summary.md and readme-table.md carry the headlines of 1 to 3.
project=bench/DrainOrchestrator.Scheduling.Bench
assembly="$project/bin/$configuration/net10.0/DrainOrchestrator.Scheduling.Bench.dll"
build_or_require "$project" "$assembly"

# The full run also reports the orchestrator as the engine maps a cluster without the hint annotations (no NIC
# bandwidths, no dirty rates).
args=(--with-blind)
[[ "$quick" == true ]] && args=(--quick)

echo "==> scheduling quality ($([[ "$quick" == true ]] && echo reduced || echo full) run) into $out"
started=$SECONDS
dotnet "$assembly" "${args[@]}" --out "$out" "${extra[@]}"
echo "==> done in $((SECONDS - started)) s"

# 5. Cluster time end to end (full run only, with 1 built): case (b) under the upstream limits, three drains of about
# 35 s of wall time each at speed 20, compared with the virtual-time makespan 4 just wrote (skipped when 4 did not run b).
if [[ "$quick" == false && "$orchestration" == true && -f "$orchestration_assembly" ]]; then
  if grep -q '"scenario": "b"' "$out/scheduling.json" 2>/dev/null; then
    echo "==> cluster time end to end: case b at speed 20 against $out/scheduling.json (load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a))"
    started=$SECONDS
    dotnet "$orchestration_assembly" --cluster-time-case b --limits upstream --speed 20 --runs 3 --virtual-time "$out/scheduling.json" --out "$out"
    echo "==> done in $((SECONDS - started)) s"
  else
    echo "==> cluster time end to end: skipped, $out/scheduling.json has no case b (run without --only, or with b)"
  fi
fi

# 6. The README's benchmark table, after a full run of the scheduling bench with every scenario, once the orchestration
# and scale results it quotes are in bench/results (this run's, or an earlier full run's; the service's line when
# server.json is there too): readme-table.md, between the markers.
table="$out/readme-table.md"
if [[ "$quick" == false && ${#extra[@]} == 0 && -f "$out/orchestration.json" && -f "$out/scale.json" ]]; then
  if ! grep -q '^<!-- bench:begin -->$' README.md || ! grep -q '^<!-- bench:end -->$' README.md; then
    echo "error: README.md has lost its <!-- bench:begin --> / <!-- bench:end --> lines; put them back around the benchmark table" >&2
    exit 1
  fi
  awk -v table="$table" '
    /^<!-- bench:begin -->$/ { print; while ((getline line < table) > 0) print line; skipping = 1; next }
    /^<!-- bench:end -->$/ { skipping = 0 }
    !skipping { print }
  ' README.md >README.md.tmp && mv README.md.tmp README.md
  echo "==> README.md: benchmark table updated from $table"
fi
