#!/usr/bin/env node
// Prints the scale benchmark's tables (markdown) from the result files run.sh writes: bench/scale/out/results.tsv
// (the engine scenario: figures per N, targets with pass/miss, and the growth between consecutive N held against
// N log N) and bench/scale/out/cluster.tsv (the cluster scenario, issue 5: figures per N with the sim inventory's
// counts after each step as correctness checks).
//
// usage: node bench/scale/report.js FILE...   (each file is reported by its kind: "#scenario cluster" or the engine)
'use strict';
const fs = require('fs');

function load(file) {
  const meta = {}, rows = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (line.startsWith('#')) { meta[f[0].slice(1)] = f[1]; continue; }
    rows.push({
      n: f[0], name: f[1], wall: parseFloat(f[2]), rss: parseInt(f[3], 10), status: f[4], cpu: parseFloat(f[5] || 'NaN'),
      load: f[6] || '',
      checks: f.length > 7 ? { machines: f[7], joined: f[8], etcd: f[9], incidents: f[10] } : null,
    });
  }
  return { meta, rows };
}

const fmt = r => !r ? 'n/a' : r.status !== 'ok' ? `${r.status} (${r.wall.toFixed(1)} s)` : `${r.wall.toFixed(2)} s (cpu ${r.cpu.toFixed(1)})`;
const mib = kib => `${Math.round(kib / 1024)} MiB`;

function engine({ meta, rows }) {
  const get = (n, name) => rows.find(r => r.n === String(n) && r.name === name);
  const sizes = [...new Set(rows.filter(r => r.n !== 'latency').map(r => r.n))].map(Number).sort((a, b) => a - b);
  const ops = [['plan-empty', 'plan from empty'], ['apply', 'apply (latency 0)'], ['noop-refresh', 'no-op plan (refresh)'], ['noop-no-refresh', 'no-op plan -refresh=false']];
  const out = [];
  out.push(`Scale benchmark (engine), commit ${meta.commit}, ${meta.date}`);
  out.push(`Machine: ${meta.cpu}, ${meta.mem}, .NET SDK ${meta.dotnet}, load average at start ${meta.load}`);
  out.push('');
  if (sizes.length) {
    out.push('Each cell: wall time (cpu = user + system seconds, all threads).');
    out.push('');
    out.push(`| N machines | ${ops.map(o => o[1]).join(' | ')} | peak RSS (max of the four) |`);
    out.push(`|---:|${ops.map(() => '---:').join('|')}|---:|`);
    for (const n of sizes) {
      const rs = ops.map(o => get(n, o[0]));
      const peak = Math.max(0, ...rs.filter(Boolean).map(r => r.rss));
      out.push(`| ${n.toLocaleString('en-US')} | ${rs.map(fmt).join(' | ')} | ${mib(peak)} |`);
    }
    out.push('');
    out.push('Peak RSS per command (MiB): ' + sizes.map(n => `N=${n}: ` + ops.map(o => { const r = get(n, o[0]); return r ? `${o[0]} ${Math.round(r.rss / 1024)}` : `${o[0]} n/a`; }).join(', ')).join('; '));
    out.push('');
    if (sizes.length > 1) {
      out.push('Growth between consecutive N (wall-time ratio, CPU-time ratio in brackets; the N log N bound is (N2 log N2) / (N1 log N1)):');
      out.push('');
      out.push(`| N1 → N2 | ${ops.map(o => o[0]).join(' | ')} | N log N bound |`);
      out.push(`|---|${ops.map(() => '---:').join('|')}|---:|`);
      for (let i = 1; i < sizes.length; i++) {
        const a = sizes[i - 1], b = sizes[i];
        const bound = (b * Math.log(b)) / (a * Math.log(a));
        const cells = ops.map(o => {
          const ra = get(a, o[0]), rb = get(b, o[0]);
          if (!ra || !rb || ra.status !== 'ok' || rb.status !== 'ok') return 'n/a';
          const ratio = rb.wall / ra.wall, cpu = rb.cpu / ra.cpu;
          return `${ratio.toFixed(1)}× ${ratio <= bound ? 'pass' : 'MISS'} (cpu ${cpu.toFixed(1)}× ${cpu <= bound ? 'pass' : 'MISS'})`;
        });
        out.push(`| ${a} → ${b} | ${cells.join(' | ')} | ${bound.toFixed(1)}× |`);
      }
      out.push('');
    }
  }
  const targets = [];
  const t = (what, r, limit, unit, value) => {
    if (!r) { targets.push(`| ${what} | < ${limit} ${unit} | not run | n/a |`); return; }
    const v = value(r);
    const ok = r.status === 'ok' && v < limit;
    const cpu = r.status === 'ok' && r.cpu < limit ? 'pass' : 'MISS';
    targets.push(`| ${what} | < ${limit} ${unit} | ${r.status === 'ok' ? v.toFixed(2) + ' ' + unit : r.status} (cpu ${r.cpu.toFixed(2)} ${unit}) | ${ok ? 'pass' : 'MISS'} (cpu: ${cpu}) |`);
  };
  t('no-op plan (refresh), 10,000', get(10000, 'noop-refresh'), 1.5, 's', r => r.wall);
  t('no-op plan -refresh=false, 10,000', get(10000, 'noop-no-refresh'), 1.5, 's', r => r.wall);
  t('no-op plan (refresh), 100,000', get(100000, 'noop-refresh'), 15, 's', r => r.wall);
  t('no-op plan -refresh=false, 100,000', get(100000, 'noop-no-refresh'), 15, 's', r => r.wall);
  t('apply of 10,000 creates', get(10000, 'apply'), 5, 's', r => r.wall);
  {
    const rs = ops.map(o => get(100000, o[0])).filter(Boolean);
    if (rs.length) {
      const peak = Math.max(...rs.map(r => r.rss)) / 1024 / 1024;
      targets.push(`| peak memory, 100,000 | < 2 GiB | ${peak.toFixed(2)} GiB | ${peak < 2 && rs.every(r => r.status === 'ok') ? 'pass' : 'MISS'} |`);
    } else targets.push('| peak memory, 100,000 | < 2 GiB | not run | n/a |');
  }
  const phase = get('latency', 'apply-phase'), proc = get('latency', 'apply');
  if (phase) {
    const ratio = phase.wall / 2;
    targets.push(`| latency 100 ms, -parallelism=50, 1,000 creates: apply phase / ideal 2 s | ≤ 1.10 | ${phase.wall.toFixed(2)} s = ${ratio.toFixed(2)}× (process ${proc ? proc.wall.toFixed(2) + ' s' : 'n/a'}) | ${phase.status === 'ok' && ratio <= 1.1 ? 'pass' : 'MISS'} |`);
  } else targets.push('| latency 100 ms, -parallelism=50, 1,000 creates | ≤ 1.10 × 2 s | not run | n/a |');
  out.push('Targets: pass/miss on wall time; on CPU time in brackets (what a quiet machine would approach, since the work is mostly on one thread).');
  out.push('');
  out.push('| target | limit | measured | |');
  out.push('|---|---:|---:|---|');
  out.push(...targets);
  return out;
}

// The cluster scenario: 3 control-plane + N workers. Expected counts after each step, with W = N workers and
// D = N - N/10 after the scale-down: machines = joined nodes = 3 + W (then 3 + D), etcd members = 3, incidents = 0.
function cluster({ meta, rows }) {
  const out = [];
  const get = (n, name) => rows.find(r => r.n === String(n) && r.name === name);
  const sizes = [...new Set(rows.map(r => r.n))].map(Number).sort((a, b) => a - b);
  const ops = [['plan-empty', 'plan from empty'], ['apply', 'apply from empty'], ['noop', 'no-op plan'],
    ['down-plan', 'scale-down plan (−10%)'], ['down-apply', 'scale-down apply'], ['down-noop', 'no-op plan after']];
  out.push(`Cluster scenario (issue 5): 3 control-plane + N workers, LB, cluster; commit ${meta.commit}, ${meta.date}`);
  out.push(`Machine: ${meta.cpu}, ${meta.mem}, .NET SDK ${meta.dotnet}, load average at start ${meta.load}`);
  out.push('');
  out.push('Each cell: wall time (cpu = user + system seconds, all threads; load = 1-minute load average when the command started).');
  out.push('Apply: sim latency 0, so the figures are the engine\'s and the simulation\'s own cost.');
  out.push('');
  out.push(`| N workers | ${ops.map(o => o[1]).join(' | ')} | peak RSS (max) |`);
  out.push(`|---:|${ops.map(() => '---:').join('|')}|---:|`);
  for (const n of sizes) {
    const rs = ops.map(o => get(n, o[0]));
    const peak = Math.max(0, ...rs.filter(Boolean).map(r => r.rss));
    out.push(`| ${n.toLocaleString('en-US')} | ${rs.map(r => fmt(r) + (r && r.load ? ` load ${r.load}` : '')).join(' | ')} | ${mib(peak)} |`);
  }
  out.push('');
  out.push('Correctness checks from `provisioner sim inventory -json` after each step: machines / joined nodes / etcd members / incidents (expected in brackets).');
  out.push('');
  const checked = ops.filter(o => o[0] !== 'plan-empty');
  out.push(`| N workers | ${checked.map(o => o[1]).join(' | ')} | |`);
  out.push(`|---:|${checked.map(() => '---:').join('|')}|---|`);
  for (const n of sizes) {
    const down = n - Math.floor(n / 10);
    let all = true;
    const cells = checked.map(o => {
      const r = get(n, o[0]);
      if (!r || !r.checks) { all = false; return 'n/a'; }
      const w = o[0] === 'down-apply' || o[0] === 'down-noop' ? down : n;
      const want = [3 + w, 3 + w, 3, 0].map(String);
      const got = [r.checks.machines, r.checks.joined, r.checks.etcd, r.checks.incidents];
      const ok = got.every((g, i) => g === want[i]) && r.status === 'ok';
      if (!ok) all = false;
      return `${got.join(' / ')}${ok ? '' : ` (want ${want.join(' / ')}) MISS`}`;
    });
    out.push(`| ${n.toLocaleString('en-US')} | ${cells.join(' | ')} | ${all ? 'ok' : 'MISS'} |`);
  }
  if (sizes.length > 1) {
    out.push('');
    out.push('Growth between consecutive N (CPU-time ratio; the N log N bound is (N2 log N2) / (N1 log N1)):');
    out.push('');
    out.push(`| N1 → N2 | ${ops.map(o => o[0]).join(' | ')} | N log N bound |`);
    out.push(`|---|${ops.map(() => '---:').join('|')}|---:|`);
    for (let i = 1; i < sizes.length; i++) {
      const a = sizes[i - 1], b = sizes[i];
      const bound = (b * Math.log(b)) / (a * Math.log(a));
      const cells = ops.map(o => {
        const ra = get(a, o[0]), rb = get(b, o[0]);
        if (!ra || !rb || ra.status !== 'ok' || rb.status !== 'ok') return 'n/a';
        const cpu = rb.cpu / ra.cpu;
        return `${cpu.toFixed(1)}× ${cpu <= bound ? 'pass' : 'MISS'}`;
      });
      out.push(`| ${a} → ${b} | ${cells.join(' | ')} | ${bound.toFixed(1)}× |`);
    }
  }
  return out;
}

const files = process.argv.slice(2);
if (!files.length) { console.error('usage: report.js FILE...'); process.exit(2); }
const parts = files.map(load).map(d => (d.meta.scenario === 'cluster' ? cluster(d) : engine(d)).join('\n'));
console.log(parts.join('\n\n'));
