#!/usr/bin/env bash
# Scale benchmark of the engine: plan, apply and no-op plans of N sim machines, through the CLI, one process per
# command (wall time and peak RSS from /usr/bin/time), plus the latency scenario (1,000 creates, latency_ms = 100,
# -parallelism=50, held against the ideal ceil(1000 / 50) x 100 ms = 2 s).
#
# With --cluster, the cluster scenario (issue 5) instead: 3 control-plane nodes (etcd + controlplane) + N workers
# in sim node pools, an API load balancer and an RKE cluster (gen-cluster.js); per N: plan from empty, apply from
# empty, no-op plan, then a scale-down of 10% of the workers (plan, then apply), each as one CLI process, with the
# sim inventory's machines / joined nodes / etcd members / incidents after each step as correctness checks.
#
# usage: bench/scale/run.sh [--runs R] [--timeout SEC] [--no-latency] [--latency-only] [N...]
#        bench/scale/run.sh --cluster [--ingress] [--runs R] [--timeout SEC] [N...]
#   N               machine counts; default "1000 10000 100000" (--cluster: worker counts, default "1000 10000")
#   --no-build      reuse the CLI already built in out/cli (after a build of the same commit)
#   --cluster       the cluster scenario; its rows go to out/cluster.tsv (the engine rows in out/results.tsv are
#                   kept), and the report prints both
#   --ingress       (--cluster) also an ingress load balancer targeting every worker (gen-cluster.js --ingress);
#                   each row's checks then end with the ingress load balancer's target count (expected: workers)
#   --runs R        run each command R times (an apply from an empty state and inventory each time) and keep the
#                   fastest (its CPU time; the largest peak RSS); default 1
#   --timeout SEC   give up on one command after SEC seconds (reported as a miss); default 900
#   --no-latency    skip the latency scenario
#   --latency-only  run only the latency scenario
# Figures: wall time (the targets) and CPU time (user + system, all threads; steadier on a shared machine).
# Needs: dotnet (SDK from global.json), node (the generator and the report), GNU time (/usr/bin/time; on Debian
# `apt-get install time`). Writes into bench/scale/out/ (ignored by git): n<N>/ (generated configuration, state and
# sim inventory), latency/, results.tsv, report.md; with --cluster: cluster<N>/ (and cluster<N>.applied/, the
# state and inventory after the apply, restored before each scale-down run), cluster.tsv, cluster-*.log. Output
# of the CLI goes to out/*.log, not the terminal: the figures include rendering the plan, not the terminal's speed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/out"
timeout_s=900; latency=1; sizes=(); runs=1; cluster=0; build=1; ingress=()
while [ $# -gt 0 ]; do
  case "$1" in
    --timeout) timeout_s="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --no-latency) latency=0; shift ;;
    --latency-only) latency=2; shift ;;
    --cluster) cluster=1; shift ;;
    --ingress) ingress=(--ingress); shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
if [ "$cluster" = 1 ]; then
  [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
  latency=0
else
  [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
fi
[ "$latency" = 2 ] && sizes=()
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v node >/dev/null || { echo "node is required (generator, report)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is required: apt-get install time" >&2; exit 1; }
mkdir -p "$out"

if [ "$build" = 1 ]; then
echo "== building the CLI (Release) into bench/scale/out/cli"
dotnet build "$root/src/Provisioner.Cli/Provisioner.Cli.csproj" -c Release -o "$out/cli" -nologo -v:q -clp:ErrorsOnly >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; exit 1; }
fi
dll="$out/cli/provisioner.dll"
[ -f "$dll" ] || { echo "no CLI in $out/cli: run without --no-build" >&2; exit 1; }
results="$out/results.tsv"
[ "$cluster" = 1 ] && results="$out/cluster.tsv"
{
  printf '#commit\t%s\n' "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  printf '#date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf '#cpu\t%s x %s\n' "$(nproc)" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  printf '#mem\t%s\n' "$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  printf '#dotnet\t%s\n' "$(dotnet --version)"
  printf '#load\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '#runs\t%s\n' "$runs"
  [ "$cluster" = 1 ] && printf '#scenario\tcluster\n'
  if [ ${#ingress[@]} -gt 0 ]; then printf '#ingress\tyes\n'; fi
} > "$results"

# measure N NAME EXPECTED_RC ARGS...: runs one CLI process $runs times (before each run, the function named by
# $reset, if set, restores the starting point); appends "N NAME wall_s peak_kib status cpu_s load" (fastest run;
# load = the 1-minute load average when that run started) to results.tsv, followed by the fields the function
# named by $post prints (if set), run after the last run.
reset=""; post=""; logprefix=""
[ "$cluster" = 1 ] && logprefix="cluster-"
clean() { rm -rf "$dir/.sim" "$dir"/provisioner.state.json*; }  # the apply's starting point: no state, empty cloud
measure() {
  local n="$1" name="$2" want="$3"; shift 3
  local log="$out/${logprefix}n$n-$name.log" tf="$out/time.txt" r best_wall="" best_cpu="" best_load="" max_rss=0 status=ok
  for ((r = 1; r <= runs; r++)); do
    [ -n "$reset" ] && "$reset"
    local rc=0 wall rss usr sys cpu load
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f '%e %M %U %S' -o "$tf" timeout "$timeout_s" dotnet "$dll" "$@" >"$log" 2>&1 || rc=$?
    read -r wall rss usr sys < <(tail -1 "$tf")
    cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    if [ "$rc" = 124 ]; then status="timeout"; elif [ "$rc" != "$want" ]; then status="exit$rc"; fi
    [ "$rss" -gt "$max_rss" ] && max_rss=$rss
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; best_cpu=$cpu; best_load=$load; fi
    [ "$status" != ok ] && break
  done
  local extra=""
  [ -n "$post" ] && extra=$("$post")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s%s\n' "$n" "$name" "$best_wall" "$max_rss" "$status" "$best_cpu" "$best_load" "$extra" >> "$results"
  printf '   %-16s %8.2f s wall %8.2f s cpu %6d MiB  load %5s  %s%s\n' "$name" "$best_wall" "$best_cpu" "$((max_rss / 1024))" "$best_load" "$status" "$(echo "$extra" | tr '\t' ' ')"
  if [ "$status" != ok ]; then tail -5 "$log" | sed 's/^/     | /'; return 1; fi
}

# The cluster scenario's correctness checks: "\tmachines joined_nodes etcd_members incidents" (tab-separated) from
# `provisioner sim inventory -json` of $dir, and with --ingress "\tingress_targets".
inventory() {
  dotnet "$dll" sim inventory -dir "$dir/.sim" -json 2>/dev/null | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      let j; try { j = JSON.parse(s); } catch { console.log("\t?\t?\t?\t?"); return; }
      const len = k => Array.isArray(j[k]) ? j[k].length : "?";
      const row = ["", len("machines"), len("joined_nodes"), len("etcd_members"), len("incidents")];
      if (process.argv[1] === "--ingress") {
        const lb = (j.load_balancers || []).find(l => l.name === "ingress");
        row.push(lb ? lb.targets.length : 0);
      }
      console.log(row.join("\t"));
    });' -- "${ingress[@]}"
}
snapshot() { rm -rf "$dir.applied"; mkdir -p "$dir.applied"; cp -a "$dir/.sim" "$dir"/provisioner.state.json* "$dir.applied/"; }
restore() { rm -rf "$dir/.sim" "$dir"/provisioner.state.json*; cp -a "$dir.applied/.sim" "$dir.applied"/provisioner.state.json* "$dir/"; }

if [ "$cluster" = 1 ]; then
  for n in "${sizes[@]}"; do
    dir="$out/cluster$n"
    rm -rf "$dir" "$dir.applied"
    node "$here/gen-cluster.js" --workers "$n" --out "$dir" "${ingress[@]}"
    down=$((n - n / 10))
    echo "== cluster: 3 control-plane + $n workers, LB${ingress:+, ingress LB over the workers}, cluster; scale-down to $down workers ($dir)"
    measure "$n" plan-empty 2 -chdir="$dir" plan -detailed-exitcode || continue
    reset=clean; post=inventory
    measure "$n" apply 0 -chdir="$dir" apply -auto-approve || { reset=""; post=""; logprefix=""
[ "$cluster" = 1 ] && logprefix="cluster-"; continue; }
    reset=""
    measure "$n" noop 0 -chdir="$dir" plan -detailed-exitcode || true
    snapshot
    node "$here/gen-cluster.js" --workers "$down" --out "$dir" "${ingress[@]}"
    measure "$n" down-plan 2 -chdir="$dir" plan -detailed-exitcode || true
    reset=restore
    measure "$n" down-apply 0 -chdir="$dir" apply -auto-approve || true
    reset=""
    measure "$n" down-noop 0 -chdir="$dir" plan -detailed-exitcode || true
    post=""
  done
  echo
  reports=("$results"); [ -f "$out/results.tsv" ] && reports=("$out/results.tsv" "$results")
  node "$here/report.js" "${reports[@]}" | tee "$out/report.md"
  echo "(table also written to bench/scale/out/report.md)"
  exit 0
fi

for n in "${sizes[@]}"; do
  dir="$out/n$n"
  rm -rf "$dir"
  node "$here/gen.js" --machines "$n" --out "$dir"
  echo "== N = $n ($dir)"
  # -detailed-exitcode: 2 = changes present, 0 = no changes; anything else is a failure.
  measure "$n" plan-empty 2 -chdir="$dir" plan -detailed-exitcode || continue
  reset=clean
  measure "$n" apply 0 -chdir="$dir" apply -auto-approve || { reset=""; continue; }
  reset=""
  measure "$n" noop-refresh 0 -chdir="$dir" plan -detailed-exitcode || true
  measure "$n" noop-no-refresh 0 -chdir="$dir" plan -refresh=false -detailed-exitcode || true
done

if [ "$latency" != 0 ]; then
  dir="$out/latency"
  rm -rf "$dir"
  node "$here/gen.js" --flat --machines 1000 --latency 100 --out "$dir"
  echo "== latency: 1000 creates, latency_ms = 100, -parallelism=50"
  reset=clean
  ok=1; measure latency apply 0 -chdir="$dir" apply -auto-approve -parallelism=50 -json || ok=0
  reset=""
  if [ "$ok" = 1 ]; then
    # The apply phase of the last run: first apply_start event to the apply summary (plan and process start excluded).
    phase=$(node -e '
      const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map(l => { try { return JSON.parse(l); } catch { return null; } }).filter(Boolean);
      const start = lines.find(e => e.type === "apply_start");
      const end = lines.find(e => e.type === "change_summary" && e.changes && e.changes.operation === "apply");
      const creates = lines.filter(e => e.type === "apply_complete").length;
      if (!start || !end) { console.log("nan 0"); } else { console.log(((Date.parse(end["@timestamp"]) - Date.parse(start["@timestamp"])) / 1000).toFixed(3) + " " + creates); }
    ' "$out/nlatency-apply.log")
    read -r secs creates <<<"$phase"
    printf 'latency\tapply-phase\t%s\t0\t%s\t0\n' "$secs" "$([ "$creates" = 1000 ] && echo ok || echo "creates$creates")" >> "$results"
    printf '   %-16s %8s s (ideal 2.00 s; %s creates)\n' "apply-phase" "$secs" "$creates"
  fi
fi

echo
reports=("$results"); [ -f "$out/cluster.tsv" ] && reports+=("$out/cluster.tsv")
node "$here/report.js" "${reports[@]}" | tee "$out/report.md"
echo "(table also written to bench/scale/out/report.md)"
