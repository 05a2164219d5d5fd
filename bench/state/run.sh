#!/usr/bin/env bash
# State and journal benchmark (issue 4): the apply journal's bytes and time per resource as N grows, and the state
# write at the end of an apply of 100,000 resources, for the local backend (plain and encrypted), postgres and etcd.
#
# usage: bench/state/run.sh [--sizes "1000 10000 100000"] [--runs R] [--big-runs R] [--state-runs R]
#                           [--backends local,local-encrypted,postgres,etcd] [--parallelism P] [--quick]
#   --sizes        journal sizes N (creates per apply); default "1000 10000 100000"
#   --runs         runs per figure for N < 100,000 (median, min-max printed); default 5
#   --big-runs     runs per figure for N >= 100,000; default 3
#   --state-runs   timed state writes per backend; default 5
#   --backends     comma-separated subset; default all four
#   --parallelism  concurrent journal writers (the CLI's -parallelism); default 10
#   --etcd-args    extra flags for the throwaway etcd server, e.g. "--auto-compaction-mode=revision --auto-compaction-retention=1000"
#   --quick        = --sizes "1000 10000" --runs 2 --state-runs 2 (a smoke run)
# Needs: dotnet (SDK from global.json); for postgres, PostgreSQL 15 under /usr/lib/postgresql (run as root: the
# server runs as the postgres user); for etcd, the etcd binary on PATH (tests/services/ensure-packages.sh installs
# both). Starts a throwaway server of each on 127.0.0.1 (free ports, temporary directories) and stops it at the end.
# Writes bench/state/out/report.md (ignored by git).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/out"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes|--runs|--big-runs|--state-runs|--backends|--parallelism|--state-resources|--etcd-args) args+=("$1" "$2"); shift 2 ;;
    --quick) args+=(--sizes "1000 10000" --runs 2 --state-runs 2); shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$out"
echo "== building Provisioner.Bench.State (Release)"
dotnet build "$here/Provisioner.Bench.State/Provisioner.Bench.State.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; exit 1; }
exe="$here/Provisioner.Bench.State/bin/Release/net10.0/Provisioner.Bench.State"
echo "== commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$exe" --work "$out/work" --report "$out/report.md" ${args[@]+"${args[@]}"}
echo
echo "(table also written to bench/state/out/report.md)"
