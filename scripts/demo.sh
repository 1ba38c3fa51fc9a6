#!/usr/bin/env bash
# The main job, end to end on a simulated cluster: builds drainctl and drain-sim, starts drain-sim with its "demo"
# scenario (six workers, dozens of VMs, a few high dirty-rate databases, one VM that cannot live-migrate), shows the
# plan, drains two nodes with live progress (the embedded PostgreSQL records every decision), prints the wave report
# and a summary of the simulator's ground truth. Exit 0 when the drain succeeded, non-zero otherwise.
#
# usage: scripts/demo.sh [--speed N] [--nodes NODE,NODE] [--keep]
#   --speed N       the simulated cluster runs N times as fast as wall time (default 20: about a minute of draining)
#   --nodes A,B     the nodes to drain (default worker-a1,worker-b2)
#   --keep          leave the simulator running afterwards, to inspect it with kubectl
set -euo pipefail

speed=20
nodes="worker-a1,worker-b2"
keep=false
max_parallel=5 # the demo cluster's KubeVirt limits, passed explicitly so the summary can compare against them
max_outbound=2

usage() { sed -n '7,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() {
  echo "error: $*" >&2
  echo "demo: FAILED: $*"
  exit 1
}

while (($# > 0)); do
  case "$1" in
    --speed) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; speed="$2"; shift 2 ;;
    --speed=*) speed="${1#*=}"; shift ;;
    --nodes) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; nodes="$2"; shift 2 ;;
    --nodes=*) nodes="${1#*=}"; shift ;;
    --keep) keep=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$speed" =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "error: --speed must be a positive number, was '$speed'" >&2; exit 2; }
IFS=',' read -r -a node_list <<<"$nodes"
((${#node_list[@]} > 0)) || { echo "error: --nodes names no node" >&2; exit 2; }
node_args=()
for node in "${node_list[@]}"; do
  [[ -n "$node" ]] || { echo "error: --nodes has an empty name: '$nodes'" >&2; exit 2; }
  node_args+=(--node "$node")
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
# shellcheck source=lib/prerequisites.sh
source scripts/lib/prerequisites.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=Release
drainctl_dll="$repo/src/DrainOrchestrator.Cli/bin/$configuration/net10.0/drainctl.dll"
sim_dll="$repo/src/DrainOrchestrator.Simulator/bin/$configuration/net10.0/drain-sim.dll"
work="$(mktemp -d "${TMPDIR:-/tmp}/drain-demo.XXXXXX")"
kubeconfig="$work/kubeconfig"
ground_truth="$work/ground-truth.json"
sim_log="$work/drain-sim.log"
sim_pid=""
sim_kept=false

drainctl() { dotnet "$drainctl_dll" "$@"; }

stop_simulator() { # stops drain-sim with SIGTERM (it then writes the ground truth), SIGKILL after 30 s
  [[ -n "$sim_pid" ]] || return 0
  if kill -0 "$sim_pid" 2>/dev/null; then
    kill -TERM "$sim_pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$sim_pid" 2>/dev/null && ((waited < 300)); do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$sim_pid" 2>/dev/null; then
      echo "warning: drain-sim (pid $sim_pid) did not stop within 30 s; killed it (no ground truth)" >&2
      kill -KILL "$sim_pid" 2>/dev/null || true
    fi
  fi
  wait "$sim_pid" 2>/dev/null || true
  sim_pid=""
}

on_exit() {
  if [[ "$sim_kept" != true ]]; then
    stop_simulator
  fi
}
trap on_exit EXIT
on_interrupt() {
  local name=""
  [[ -n "${drain_log:-}" && -f "$drain_log" ]] && name="$(drain_name_from "$drain_log")"
  echo
  if [[ -n "$name" ]]; then
    echo "    drain $name stays recorded as unfinished ('drainctl status'); its simulated cluster stops with this run"
  fi
  echo "demo: interrupted"
  exit 130
}
drain_name_from() { sed -n 's/^\(Started\|Attached to unfinished\) drain \([^ ]*\) .*/\2/p' "$1" | head -n 1; }
trap on_interrupt INT
trap 'echo "demo: terminated"; exit 143' TERM

echo "==> prerequisites"
ensure_prerequisites || die "prerequisites missing (see above)"

echo "==> build ($configuration: drainctl and drain-sim)"
for project in src/DrainOrchestrator.Cli/DrainOrchestrator.Cli.csproj src/DrainOrchestrator.Simulator/DrainOrchestrator.Simulator.csproj; do
  if ! dotnet build "$project" -c "$configuration" --nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    die "the build of $project failed (errors above)"
  fi
done
[[ -f "$drainctl_dll" && -f "$sim_dll" ]] || die "the build did not produce $drainctl_dll and $sim_dll"

if [[ -n "${DRAIN_DB:-}" ]]; then
  echo "==> database: \$DRAIN_DB"
else
  echo "==> database: drainctl's private PostgreSQL (started by each drainctl command, stopped when it ends)"
fi
status_rc=0
drainctl status >"$work/status-before.txt" 2>&1 || status_rc=$?
if ((status_rc != 0)); then
  sed 's/^/    /' "$work/status-before.txt" >&2
  die "drainctl status could not read the database (exit code $status_rc; see above)"
fi
unfinished="$(grep -c '  id .*  cluster ' "$work/status-before.txt" || true)"
if ((unfinished > 0)); then
  echo "    it records $unfinished unfinished drain(s) of other clusters ('drainctl status'); the demo leaves them alone"
fi
# A drain is tied to its cluster's API address. An unfinished drain left by an earlier, interrupted demo names an old
# simulator's address; should the new simulator get that same port, drainctl would attach to the old drain.
stale_urls="$(sed -n 's/.*  cluster \(https:[^ ]*\)  .*/\1/p' "$work/status-before.txt")"

start_simulator() { # starts drain-sim and waits for its "listening" line; sets sim_pid and sim_url
  rm -f "$kubeconfig"
  dotnet "$sim_dll" serve --scenario demo --speed "$speed" --kubeconfig-out "$kubeconfig" \
    --ground-truth-out "$ground_truth" >"$sim_log" 2>&1 &
  sim_pid=$!
  local deadline=$((SECONDS + 60)) sim_rc
  until grep -q "drain-sim listening on" "$sim_log" 2>/dev/null && [[ -s "$kubeconfig" ]]; do
    if ! kill -0 "$sim_pid" 2>/dev/null; then
      wait "$sim_pid" 2>/dev/null && sim_rc=0 || sim_rc=$?
      sim_pid=""
      echo "--- $sim_log" >&2
      cat "$sim_log" >&2
      die "drain-sim exited with code $sim_rc before listening (its log is above)"
    fi
    if ((SECONDS >= deadline)); then
      echo "--- $sim_log" >&2
      cat "$sim_log" >&2
      die "drain-sim did not report listening within 60 s (its log is above)"
    fi
    sleep 0.2
  done
  sim_url="$(sed -n 's/^drain-sim listening on \(https:[^ ]*\) .*/\1/p' "$sim_log" | head -n 1)"
}

echo "==> start drain-sim (scenario demo, ${speed}x wall time)"
for try in 1 2 3 4 5; do
  start_simulator
  if ! grep -qxF "$sim_url" <<<"$stale_urls"; then
    break
  fi
  echo "    $sim_url is the address of an unfinished drain from an earlier run; restarting drain-sim on another port"
  stop_simulator
  ((try < 5)) || die "drain-sim kept getting the address of an unfinished earlier drain"
done
sed 's/^/    /' "$sim_log"

echo
echo "==> plan: drainctl plan --kubeconfig $kubeconfig ${node_args[*]}   (nothing moves)"
plan_rc=0
drainctl plan --kubeconfig "$kubeconfig" "${node_args[@]}" --max-parallel "$max_parallel" --max-outbound "$max_outbound" \
  || plan_rc=$?
case "$plan_rc" in
  0) ;;
  1)
    echo "    The plan is blocked (the Block lines above). A VM that cannot live-migrate makes drainctl refuse the drain"
    echo "    before anything moves under --non-migratable block (the default); this demo drains with"
    echo "    --non-migratable skip, which leaves such a VM where it is and reports it as skipped."
    ;;
  *) die "drainctl plan failed with exit code $plan_rc" ;;
esac
echo "    (Predicted durations, the ETA and the report's migration durations are the simulated cluster's seconds, which"
echo "    pass ${speed}x as fast as the wall clock; the elapsed [Ns] before each progress line is wall time.)"

echo
echo "==> drain: drainctl drain --kubeconfig $kubeconfig ${node_args[*]} --non-migratable skip --retry-backoff-seconds 2"
drain_log="$work/drain.log"
: >"$drain_log"
drain_rc=0
started=$SECONDS
# Each progress line gets the wall seconds since the drain began. The reader ignores Ctrl-C so that drainctl, which
# handles it (stops, leaving a drain that the same command resumes), can still write its last lines.
# The retry backoff is waited out on the wall clock while the simulated cluster runs --speed times faster: 2 s here is
# the default 20 s of a real cluster at 10x.
drainctl drain --kubeconfig "$kubeconfig" "${node_args[@]}" --non-migratable skip \
  --max-parallel "$max_parallel" --max-outbound "$max_outbound" --retry-backoff-seconds 2 2>&1 \
  | (
    trap '' INT
    while IFS= read -r line; do
      printf '%s\n' "$line" >>"$drain_log"
      printf '[%3ds] %s\n' $((SECONDS - started)) "$line"
    done
  ) || drain_rc=$?
drain_seconds=$((SECONDS - started))
drain_name="$(drain_name_from "$drain_log")"
[[ -n "$drain_name" ]] || die "drainctl drain exited with code $drain_rc before starting a drain (see above)"

echo
echo "==> report: drainctl report $drain_name --format table"
drainctl report "$drain_name" --format table | tee "$work/report.txt" || die "drainctl report failed"
drainctl report "$drain_name" --format html >"$work/report.html" || die "drainctl report --format html failed"
echo "    the same report as one printable HTML page, with the Gantt of every attempt: $work/report.html"

if [[ "$keep" == true ]]; then
  sim_kept=true
  echo
  echo "==> drain-sim keeps running (pid $sim_pid, log $sim_log); inspect it with:"
  echo "    KUBECONFIG=$kubeconfig kubectl get vmim -A"
  echo "    KUBECONFIG=$kubeconfig kubectl get --raw /sim/v1/ground-truth"
  echo "    stop it with 'kill $sim_pid'; it then writes the ground truth to $ground_truth"
else
  echo
  echo "==> ground truth (what the simulated cluster saw)"
  stop_simulator
  if [[ -s "$ground_truth" ]]; then
    # The file is indented JSON; the top-level fields are read line by line (no jq or python3 on a bare machine).
    field() { sed -n "s/^  \"$1\": \\([0-9]*\\),\\{0,1\\}\$/\\1/p" "$ground_truth" | head -n 1; }
    peak="$(field peakInFlight)"
    peak_node="$(sed -n '/^  "peakInFlightPerSourceNode": {/,/^  }/s/^    "[^"]*": \([0-9]*\),\{0,1\}$/\1/p' "$ground_truth" \
      | sort -n | tail -n 1)"
    succeeded="$(field succeeded)"
    failed="$(field failed)"
    post_copy="$(grep -c '^      "mode": "PostCopy"' "$ground_truth" || true)"
    if grep -q '^  "limitViolations": \[\]' "$ground_truth"; then violations="none"; else violations="SOME (see the file)"; fi
    if grep -q '^  "vmiLosses": \[\]' "$ground_truth"; then losses="none"; else losses="SOME (see the file)"; fi
    echo "    $ground_truth"
    echo "    migrations: ${succeeded:-?} succeeded, ${failed:-?} failed, ${post_copy:-0} in post-copy;" \
      "peak in flight ${peak:-?} (limit $max_parallel), per source node ${peak_node:-?} (limit $max_outbound);" \
      "limit violations: $violations; VMIs lost: $losses"
  else
    echo "    drain-sim wrote no ground truth (its log: $sim_log)"
  fi
fi

# What the demo is meant to show, checked on its default nodes.
if [[ "$nodes" == "worker-a1,worker-b2" ]]; then
  grep -q 'postgres-1 .* PostCopy' "$work/report.txt" \
    || echo "note: the report shows no post-copy retry of databases/postgres-1 this time"
  grep -q 'legacy-oracle .* skipped' "$work/report.txt" \
    || echo "note: the report does not list databases/legacy-oracle as skipped"
fi

echo
echo "    files: $work (kubeconfig, drain-sim.log, drain.log, report.txt, report.html, ground-truth.json)"
if ((drain_rc == 0)); then
  echo "demo: drain $drain_name of $nodes succeeded in ${drain_seconds}s (exit 0)"
else
  echo "demo: FAILED: drain $drain_name of $nodes did not succeed (drainctl exit code $drain_rc)"
  exit "$drain_rc"
fi
