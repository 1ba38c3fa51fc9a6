#!/usr/bin/env bash
# Runs every DrainOrchestrator check on this machine: installs what is missing, restores, builds with warnings as
# errors, verifies formatting, runs every test (against real PostgreSQL and the simulator, end-to-end tests included)
# and the quick benchmark, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/prerequisites.sh
source scripts/lib/prerequisites.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The browser tests use the chromium that prerequisites.sh installs: Playwright must never fetch one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
results="artifacts/test-results"

fail_before_tests() {
  echo "error: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

ensure_prerequisites || fail_before_tests "prerequisites missing"

echo "==> restore"
dotnet restore DrainOrchestrator.sln --nologo -v quiet || fail_before_tests "restore failed"

echo "==> build (warnings are errors)"
dotnet build DrainOrchestrator.sln --no-restore --nologo -v quiet -warnaserror -clp:ErrorsOnly \
  || fail_before_tests "build failed"

echo "==> format check"
dotnet format DrainOrchestrator.sln --verify-no-changes --no-restore -v quiet \
  || fail_before_tests "formatting differs: run 'dotnet format DrainOrchestrator.sln' and commit the result"

echo "==> tests"
rm -rf "$results"
dotnet test DrainOrchestrator.sln --no-build --nologo -v quiet \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 10m
test_exit=$?

passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if ((${#trx_files[@]} == 0)); then
  failed=$((failed + 1))
  echo "error: no test results were written" >&2
elif ((test_exit != 0 && failed == 0)); then
  # The runner failed without a failed test (a crash or a hang): count it so the run cannot look green.
  failed=1
  echo "error: the test runner exited with $test_exit" >&2
fi

# The reduced benchmark: the scheduler in virtual time on scenarios (a) and (c); it fails on a limit violation, an
# unfinished drain or a drain slower than KubeVirt alone. It counts as one check.
echo "==> benchmark (quick)"
if scripts/bench.sh --quick --no-build -c Debug; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "error: scripts/bench.sh --quick failed" >&2
fi

echo "$passed passed, $failed failed"
((failed == 0))
