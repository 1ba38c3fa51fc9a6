#!/usr/bin/env bash
# The fault campaign (issue 6, point 4): repeated drains of a simulated cluster, each run on a fresh simulator and
# database with a random seed, under one fault kind:
#   engine-kill             drainctl SIGKILLed 2-4 times at random instants, then run to the end
#   postgres-restart        the engine's PostgreSQL stopped and started again once or twice mid-drain
#   api-errors              10% of Kubernetes API requests answered 500, watch streams cut every 1-5 s
#   network-loss-precopy    a target's migration network lost while a migration is in pre-copy
#   network-loss-postcopy   a target's migration network lost while the hot guest is in post-copy
#   two-engines             two drainctl replicas on one drain at once (one of them killed in half the runs)
#   paused-owner            the owner SIGSTOPped past its lease (creates slowed in half the runs) while a second engine
#                           takes over, then SIGCONTinued
#   ambiguous-create        20-40% of VMIM creates carried out, then answered 500 or with a connection reset
#   api-partition           engine <-> API server blackholed for DRAIN_CHAOS_PARTITION_SECONDS (default here 60-120 s)
#   concurrent-drains       two drains on disjoint nodes sharing the budget: two drainctl drain, or two serve replicas
#   clock-offset            two engines with clocks -20..+20 s off, one stepping back 5-30 s mid-run
#   mid-drain-changes       one change per run: VMIM deleted, finished VMIMs garbage-collected, VMI deleted while
#                           migrating, target node deleted, KubeVirt CR limit lowered, watch permission revoked for a
#                           while, PostgreSQL read-only for a while, the volume of the drain's tables full for a while
#                           (a size-limited tmpfs tablespace: needs root, else another change is drawn)
# two-engines, paused-owner and ambiguous-create run with drain-sim's admission cache lag, so that only the engines'
# own guard stops a VMI from being migrated twice. Every kind runs with the tuned policy (5 attempts, 1 s backoff) in
# odd runs and drainctl's default policy (3 attempts, 20 s backoff) in even runs.
# Each run is judged from the simulator's ground truth and PostgreSQL: drain completed, duplicate VMIMs, lost records,
# limit violations, attempt records that contradict the ground truth, drains left unfinished (all must be 0), and for
# post-copy loss what became of the guest. The tests are tests/DrainOrchestrator.EndToEnd.Tests/Chaos/; the ordinary
# test suite runs each kind once (api-partition then partitions for 8-15 s).
#
#   scripts/chaos.sh                   20 runs of every kind: bench/results/chaos.json and chaos.md
#   scripts/chaos.sh --runs N          N runs of each kind
#   scripts/chaos.sh --kinds a,b       only these kinds (names above)
#   scripts/chaos.sh --out DIR         write chaos.json and chaos.md to DIR instead of bench/results
#   scripts/chaos.sh --no-build        skip the build (it must exist, Debug)
#   scripts/chaos.sh --jobs J          J test processes side by side, each taking every J-th run (faster, more load)
#   scripts/chaos.sh --merge D1,D2     no runs: one report from the chaos-runs.jsonl of earlier campaigns' --out dirs
#
# Exits non-zero when the build or a test run fails, when a run is missing, or when any run was not completed or found a
# duplicate, a lost record, a limit violation, a contradicting record or an unfinished drain. Repeat one run with
# DRAIN_CHAOS_SEED=SEED DRAIN_CHAOS_POLICY=tuned|default DRAIN_CHAOS_RUNS=1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/prerequisites.sh
source scripts/lib/prerequisites.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

all_kinds=(engine-kill postgres-restart api-errors network-loss-precopy network-loss-postcopy two-engines
  paused-owner ambiguous-create api-partition concurrent-drains clock-offset mid-drain-changes)
# The campaign's partitions last 60-120 s; set DRAIN_CHAOS_PARTITION_SECONDS=MIN-MAX to scale them down.
export DRAIN_CHAOS_PARTITION_SECONDS="${DRAIN_CHAOS_PARTITION_SECONDS:-60-120}"

usage() {
  sed -n '28,34s/^#  */  /p' "${BASH_SOURCE[0]}"
}

runs=20
kinds_arg=""
out=bench/results
build=true
jobs=1
merge=""
while (($# > 0)); do
  case "$1" in
    --runs | --kinds | --out | --jobs | --merge)
      if (($# < 2)); then echo "error: $1 needs a value" >&2; exit 2; fi
      case "$1" in
        --runs) runs="$2" ;;
        --kinds) kinds_arg="$2" ;;
        --out) out="$2" ;;
        --jobs) jobs="$2" ;;
        --merge) merge="$2" ;;
      esac
      shift
      ;;
    --no-build) build=false ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "error: --runs must be a positive whole number, was '$runs'" >&2
  exit 2
fi
if ! [[ "$jobs" =~ ^[1-9][0-9]*$ ]] || ((jobs > 16)); then
  echo "error: --jobs must be a whole number from 1 to 16, was '$jobs'" >&2
  exit 2
fi

kinds=()
if [[ -z "$kinds_arg" ]]; then
  kinds=("${all_kinds[@]}")
else
  IFS=',' read -r -a asked <<<"$kinds_arg"
  for kind in "${asked[@]}"; do
    if [[ " ${all_kinds[*]} " != *" $kind "* ]]; then
      echo "error: unknown fault kind '$kind' (known: ${all_kinds[*]})" >&2
      exit 2
    fi
    kinds+=("$kind")
  done
fi

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' with local changes')"
# Each campaign works in its own directory, so that two campaigns with different --out can run at once.
work="artifacts/chaos/$(printf '%s' "$out" | tr -c 'A-Za-z0-9._-' '_')"
mkdir -p "$work" "$out"
results="$(pwd)/$work/results.jsonl"
: >"$results"
rm -f "$work"/run-*.txt

if [[ -n "$merge" ]]; then
  # A report from earlier campaigns: their per-run lines, their total time, their commits.
  elapsed=0
  test_exit=0
  IFS=',' read -r -a merged <<<"$merge"
  for dir in "${merged[@]}"; do
    if [[ ! -f "$dir/chaos-runs.jsonl" || ! -f "$dir/chaos.json" ]]; then
      echo "error: --merge: $dir has no chaos-runs.jsonl and chaos.json (the --out of a campaign run by this script)" >&2
      exit 2
    fi
    cat "$dir/chaos-runs.jsonl" >>"$results"
    seconds="$(sed -n 's/^ *"totalSeconds": \([0-9]*\),$/\1/p' "$dir/chaos.json")"
    elapsed=$((elapsed + ${seconds:-0}))
    code="$(sed -n 's/^ *"testExitCode": \([0-9]*\),$/\1/p' "$dir/chaos.json")"
    ((${code:-1} == 0)) || test_exit="${code:-1}"
  done
  commit="$(sed -n 's/.*"commit":"\([^"]*\)".*/\1/p' "$results" | sort -u | paste -sd ',' | sed 's/,/, /g')"
  commit="${commit:-unknown}"
else
  ensure_prerequisites

  project=tests/DrainOrchestrator.EndToEnd.Tests
  if [[ "$build" == true ]]; then
    echo "==> build $project (Debug, warnings are errors)"
    dotnet build "$project" -c Debug -warnaserror --nologo -v quiet -clp:"ErrorsOnly;NoSummary"
  elif [[ ! -f "$project/bin/Debug/net10.0/DrainOrchestrator.EndToEnd.Tests.dll" ]]; then
    echo "error: $project is not built (Debug); run without --no-build" >&2
    exit 1
  fi

  filter="FullyQualifiedName~Chaos&("
  for i in "${!kinds[@]}"; do
    ((i > 0)) && filter+="|"
    filter+="ChaosKind=${kinds[$i]}"
  done
  filter+=")"

  # One line per run as it is judged, while the campaign goes on.
  field() { # field NAME LINE: the value of a top-level field of a result line, unquoted (for display only)
    local rest="${2#*\"$1\":}"
    [[ "$rest" == "$2" ]] && return 0
    rest="${rest%%,\"*}"
    rest="${rest%\}}"
    printf '%s' "${rest//\"/}"
  }
  tail -n 0 -F --pid=$$ "$results" 2>/dev/null | while IFS= read -r line; do
    echo "    $(field kind "$line") run $(field run "$line") seed $(field seed "$line") ($(field policy "$line") policy):" \
      "completed $(field completed "$line"), duplicates $(field duplicates "$line"), lost $(field lostRecords "$line")," \
      "violations $(field limitViolations "$line"), contradictions $(field contradictions "$line")," \
      "unfinished drains $(field unfinishedDrains "$line"), fault hit $(field faultHit "$line"), $(field durationSeconds "$line") s"
  done &
  progress=$!

  echo "==> fault campaign: ${runs} run(s) of ${kinds[*]} in $jobs process(es)"
  started=$SECONDS
  test_exit=0
  pids=()
  for ((job = 1; job <= jobs; job++)); do
    # Each process appends whole lines to the one results file (O_APPEND), and takes every jobs-th run of each kind.
    DRAIN_CHAOS_RUNS="$runs" DRAIN_CHAOS_RESULTS="$results" DRAIN_CHAOS_SHARD="$job/$jobs" DRAIN_CHAOS_COMMIT="$commit" \
      dotnet test "$project" --no-build -c Debug --nologo --filter "$filter" --logger "console;verbosity=normal" \
      --logger "trx;LogFileName=chaos-$job.trx" --results-directory "$work" \
      --blame-hang-timeout "$((10 + 3 * runs))m" >"$work/job-$job.log" 2>&1 &
    pids+=("$!")
  done
  for ((job = 1; job <= jobs; job++)); do
    code=0
    wait "${pids[$((job - 1))]}" || code=$?
    if ((code != 0)); then
      test_exit=$code
      echo "error: test process $job of $jobs exited with $code; its log: $work/job-$job.log" >&2
      tail -n 40 "$work/job-$job.log" >&2
    fi
  done
  elapsed=$((SECONDS - started))
  sleep 1
  kill "$progress" 2>/dev/null || true
  wait "$progress" 2>/dev/null || true
fi
cp "$results" "$out/chaos-runs.jsonl"

# Aggregate per kind, and per kind and policy (awk over the flat, known-shape JSON lines the tests write). Each row:
# kind, policy ("all" for every run of the kind), runs, completed, duplicates, lost, violations, contradictions,
# unfinished drains, fault struck, mean and max seconds, guest outcomes, seeds not clean.
summary="$(awk -v kinds="${kinds[*]}" '
  function str(name,   re, v) {
    re = "\"" name "\":\"[^\"]*\""
    if (!match($0, re)) return ""
    v = substr($0, RSTART, RLENGTH); sub("^\"" name "\":\"", "", v); sub("\"$", "", v); return v
  }
  function num(name,   re, v) {
    re = "\"" name "\":-?[0-9.]+"
    if (!match($0, re)) return 0
    v = substr($0, RSTART, RLENGTH); sub("^\"" name "\":", "", v); return v + 0
  }
  function flag(name) { return index($0, "\"" name "\":true") > 0 }
  function add(k,   g) {
    n[k]++; done[k] += c; dup[k] += d; lost[k] += l; viol[k] += v; contra[k] += x; unfin[k] += u; hit[k] += h
    secs[k] += t; if (t > maxs[k]) maxs[k] = t
    if (!clean) bad[k] = bad[k] (bad[k] == "" ? "" : " ") num("seed")
    g = str("guestOutcome"); if (g != "") { guest[k, g]++; if (!((k, g) in seen)) { seen[k, g] = 1; gs[k] = gs[k] (gs[k] == "" ? "" : " ") g } }
  }
  function row(k, kind, policy,   outcomes, m, j, names) {
    outcomes = ""
    m = split(gs[k], names, " ")
    for (j = 1; j <= m; j++) outcomes = outcomes (j > 1 ? "," : "") names[j] "=" guest[k, names[j]]
    # "-" for an empty field: read splits on tabs, and would merge two in a row.
    printf "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f\t%.1f\t%s\t%s\n", kind, policy, n[k] + 0, done[k] + 0, dup[k] + 0,
      lost[k] + 0, viol[k] + 0, contra[k] + 0, unfin[k] + 0, hit[k] + 0, (n[k] ? secs[k] / n[k] : 0), maxs[k] + 0,
      (outcomes == "" ? "-" : outcomes), (bad[k] == "" ? "-" : bad[k])
  }
  {
    k = str("kind"); p = str("policy"); if (p == "") p = "tuned"
    c = flag("completed"); d = num("duplicates"); l = num("lostRecords"); v = num("limitViolations")
    x = num("contradictions"); u = num("unfinishedDrains"); h = flag("faultHit"); t = num("durationSeconds")
    clean = c && d == 0 && l == 0 && v == 0 && x == 0 && u == 0 && flag("judged") && index($0, "\"problems\":[]") > 0
    add(k); add(k SUBSEP p)
  }
  END {
    count = split(kinds, list, " ")
    for (i = 1; i <= count; i++) {
      k = list[i]
      row(k, k, "all")
      if ((k SUBSEP "tuned") in n) row(k SUBSEP "tuned", k, "tuned")
      if ((k SUBSEP "default") in n) row(k SUBSEP "default", k, "default")
    }
  }' "$results")"

json="$out/chaos.json"
md="$out/chaos.md"
finished="$(date -u '+%Y-%m-%d %H:%M UTC')"
failed=0
{
  echo "{"
  echo "  \"commit\": \"$commit\","
  echo "  \"finished\": \"$finished\","
  echo "  \"runsPerKind\": $runs,"
  echo "  \"jobs\": $jobs,"
  echo "  \"merged\": \"$merge\","
  echo "  \"totalSeconds\": $elapsed,"
  echo "  \"testExitCode\": $test_exit,"
  echo "  \"kinds\": ["
  first=true
  while IFS=$'\t' read -r kind policy n completed dup lost viol contra unfin hit mean max outcomes bad; do
    [[ "$first" == true ]] || echo ","
    first=false
    guests=""
    if [[ "$outcomes" != "-" ]]; then
      IFS=',' read -r -a pairs <<<"$outcomes"
      for pair in "${pairs[@]}"; do
        guests+="${guests:+, }\"${pair%%=*}\": ${pair#*=}"
      done
    fi
    seeds=""
    if [[ "$bad" != "-" ]]; then
      for seed in $bad; do seeds+="${seeds:+, }$seed"; done
    fi
    printf '    {"kind": "%s", "policy": "%s", "runs": %d, "completed": %d, "duplicates": %d, "lostRecords": %d, "limitViolations": %d, ' \
      "$kind" "$policy" "$n" "$completed" "$dup" "$lost" "$viol"
    printf '"contradictions": %d, "unfinishedDrains": %d, "faultStruck": %d, "guestOutcomes": {%s}, "meanRunSeconds": %s, ' \
      "$contra" "$unfin" "$hit" "$guests" "$mean"
    printf '"maxRunSeconds": %s, "seedsNotClean": [%s]}' "$max" "$seeds"
  done <<<"$summary"
  echo
  echo "  ]"
  echo "}"
} >"$json"

{
  echo "# Fault campaign"
  echo
  if [[ -n "$merge" ]]; then
    echo "\`scripts/chaos.sh --merge ${merge}\`: the campaigns in those directories (\`--runs $runs\` each, their own"
    echo "chaos.md says how they ran), together $runs run(s) of each fault kind, each on a fresh simulator and database with a"
    echo "random seed, judged from the simulator's ground truth and PostgreSQL ($((elapsed / 60)) min $((elapsed % 60)) s of"
    echo "campaign time in all, commits $commit, merged $finished)."
  else
    echo "\`scripts/chaos.sh --runs $runs --jobs $jobs\`: $runs run(s) of each fault kind in $jobs test process(es) side by side, each"
    echo "run on a fresh simulator and database with a random seed, judged from the simulator's ground truth and PostgreSQL"
    echo "($((elapsed / 60)) min $((elapsed % 60)) s in all, commit $commit, finished $finished)."
  fi
  echo "Duplicates, lost records, limit violations, contradicting records (attempt records that contradict the ground"
  echo "truth) and unfinished drains (drains left unfinished that could have finished) count individual findings; all must"
  echo "be 0. \"Fault struck\" counts the runs in which the fault really hit the drain (not only was injected). Each kind"
  echo "runs with the tuned policy (5 attempts, 1 s backoff) in odd runs and drainctl's default policy (3 attempts, 20 s"
  echo "backoff) in even runs: a row per kind for all its runs, then one per policy."
  echo
  echo "| fault kind | policy | runs | completed | duplicate VMIMs | lost records | limit violations | contradicting records | unfinished drains | fault struck | guest (post-copy loss) | mean run (s) | seeds not clean |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  while IFS=$'\t' read -r kind policy n completed dup lost viol contra unfin hit mean max outcomes bad; do
    echo "| $kind | $policy | $n | $completed | $dup | $lost | $viol | $contra | $unfin | $hit | ${outcomes//,/, } | $mean | $bad |"
  done <<<"$summary"
  echo
  echo "Guest outcomes: \`lost-restarted-cold\`: KubeVirt gave the guest up (\"VMI is irrecoverable due to failed post-copy"
  echo "migration\") and its run strategy started it again, cold, as a new VMI; the engine recorded the attempt as"
  echo "PostCopyFailed and gave the VM up with that reason. \`not-hit\`: the loss came after the post-copy had finished."
} >"$md"

while IFS=$'\t' read -r kind policy n completed dup lost viol contra unfin hit mean max outcomes bad; do
  [[ "$policy" == all ]] || continue
  if ((n != runs || completed != runs || dup != 0 || lost != 0 || viol != 0 || contra != 0 || unfin != 0)) || [[ "$bad" != "-" ]]; then
    echo "error: $kind: $n of $runs run(s) reported, $completed completed, $dup duplicate(s), $lost lost record(s)," \
      "$viol limit violation(s), $contra contradicting record(s), $unfin unfinished drain(s); seeds not clean: $bad" >&2
    failed=1
  fi
done <<<"$summary"

echo "==> campaign done in ${elapsed} s: $json, $md"
if compgen -G "$work/run-*.txt" >/dev/null; then
  echo "    the runs that were not clean, each described: $work/run-*.txt"
fi
cat "$md"
if ((test_exit != 0)); then
  echo "error: the chaos tests exited with $test_exit" >&2
  failed=1
fi
exit "$failed"
