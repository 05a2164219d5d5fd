#!/usr/bin/env bash
# HCL benchmark: our parser vs the reference implementation (@cdktf/hcl2json under node), same files, one run.
#
# usage: bench/hcl/run.sh [--sizes "1 3 6"] [--runs N] [--oracle-runs N] [--no-oracle] [--quick]
#   --sizes        input sizes in MB (10^6 bytes) to generate; default "1 3 6"
#   --runs         warm runs per figure for our parser (median); default 7
#   --oracle-runs  warm runs per file for hcl2json (median); default 5
#   --no-oracle    skip node/hcl2json (ratios then show n/a)
#   --quick        = --sizes 1 --runs 3 --oracle-runs 2 (a smoke run)
# Needs: dotnet (SDK from global.json), node 20+ and npm (for the generator and the oracle).
# Writes into bench/hcl/out/ (ignored by git): the generated bench-*mb.tf files, oracle.json, oracle-json/
# (hcl2json's output, which our `hcl to-json` is checked against), report.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/out"
sizes="1 3 6"; runs=7; oracle_runs=5; oracle=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --oracle-runs) oracle_runs="$2"; shift 2 ;;
    --no-oracle) oracle=0; shift ;;
    --quick) sizes="1"; runs=3; oracle_runs=2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v node >/dev/null || { echo "node (20+) is required for the generator and the oracle" >&2; exit 1; }
mkdir -p "$out"

# 1. Oracle: install @cdktf/hcl2json (pinned by package-lock.json) if missing.
if [ "$oracle" = 1 ] && [ ! -f "$here/oracle/node_modules/@cdktf/hcl2json/package.json" ]; then
  echo "== installing the oracle (npm ci in bench/hcl/oracle)"
  (cd "$here/oracle" && npm ci --no-audit --no-fund --loglevel=error)
fi

# 2. Inputs: deterministic, regenerated every run (takes about a second).
files=()
for s in $sizes; do
  f="$out/bench-${s}mb.tf"
  node "$here/gen-tf.js" --bytes $((s * 1000000)) > "$f"
  files+=("$f")
done
echo "== inputs: $(for f in "${files[@]}"; do printf '%s (%s bytes) ' "$(basename "$f")" "$(wc -c < "$f")"; done)"

# 3. Build our side.
echo "== building Provisioner.Bench.Hcl (Release)"
dotnet build "$here/Provisioner.Bench.Hcl/Provisioner.Bench.Hcl.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >/dev/null
exe="$here/Provisioner.Bench.Hcl/bin/Release/net10.0/Provisioner.Bench.Hcl"

# 4. The oracle on the same files.
oracle_args=()
if [ "$oracle" = 1 ]; then
  echo "== hcl2json (node $(node --version)), $oracle_runs warm runs per file"
  (cd "$here/oracle" && node bench.js --runs "$oracle_runs" --json "$out/oracle.json" --dump "$out/oracle-json" "${files[@]}")
  oracle_args=(--oracle "$out/oracle.json" --oracle-json "$out/oracle-json")
fi

# 5. Ours, then the table with ratios and targets.
echo "== Provisioner.Hcl, $runs warm runs per figure"
"$exe" --runs "$runs" ${oracle_args[@]+"${oracle_args[@]}"} --report "$out/report.md" "${files[@]}"
echo
echo "(table also written to bench/hcl/out/report.md)"
