#!/usr/bin/env bash
# Restores, builds and runs every test project; ends with one line totalling them all:
#   N passed, N failed[, N skipped]
# Exits non-zero when anything failed (or did not build).
# Usage: ./test.sh [--filter EXPR]   (EXPR is passed to every `dotnet test --filter`)
set -uo pipefail
cd "$(dirname "$0")"

filter=()
if [ "${1:-}" = "--filter" ] && [ -n "${2:-}" ]; then filter=(--filter "$2"); fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required (see README.md)"; echo "0 passed, 1 failed"; exit 1; }

# The backend tests start their own PostgreSQL and etcd; install the packages when missing.
tests/services/ensure-packages.sh || echo "warning: could not install PostgreSQL/etcd; the backend tests will fail"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if ! dotnet build Provisioner.sln -c Release -nologo -v:q -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; skipped=0; rc=0
for proj in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c Release --no-build -nologo ${filter[@]+"${filter[@]}"} \
    --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=minimal" || rc=1
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    nx=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${nx:-0}))
  else
    echo "no results for $name"; failed=$((failed + 1)); rc=1
  fi
done

[ "$failed" -gt 0 ] && rc=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $rc
