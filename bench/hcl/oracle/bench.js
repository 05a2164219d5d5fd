#!/usr/bin/env node
// Times the reference implementation (@cdktf/hcl2json: hashicorp/hcl as WASM) on the benchmark files.
//
// usage: node bench.js [--runs N] [--json OUT.json] [--dump DIR] FILE...
//
// Per file: one discarded cold call (the first ever also instantiates the WASM module), then N warm calls of
// the public parse() (parse + convert to JSON + JSON.parse, the whole API call); reports the median, min and
// max, MB/s on the median (MB = 10^6 bytes), the same on the median CPU time of the process (user + system, all
// threads; steadier than wall time on a busy machine), and the process's peak RSS so far. --json writes the results
// for Provisioner.Bench.Hcl to print next to our own figures. --dump writes the oracle's raw JSON text for each
// file to DIR/<file>.json (exact numbers), which Provisioner.Bench.Hcl compares with our `hcl to-json` output.
"use strict";
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");
const { parse } = require("@cdktf/hcl2json");

const argv = process.argv.slice(2);
let runs = 5, jsonOut = null, dumpDir = null;
const files = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--runs") runs = parseInt(argv[++i], 10);
  else if (argv[i] === "--json") jsonOut = argv[++i];
  else if (argv[i] === "--dump") dumpDir = argv[++i];
  else files.push(argv[i]);
}
if (!files.length) {
  console.error("usage: node bench.js [--runs N] [--json OUT.json] [--dump DIR] FILE...");
  process.exit(2);
}

const median = a => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
let peakRss = 0;
const sampleRss = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const timer = setInterval(sampleRss, 20);

(async () => {
  const results = [];
  let first = true;
  for (const f of files) {
    const src = fs.readFileSync(f, "utf8");
    const bytes = Buffer.byteLength(src);
    const name = path.basename(f);
    let t = performance.now();
    const r0 = await parse(name, src);
    const coldMs = performance.now() - t;
    if (!r0 || typeof r0 !== "object") throw new Error(`no result for ${f}`);
    const times = [], cpu = [];
    for (let i = 0; i < runs; i++) {
      const c = process.cpuUsage();
      t = performance.now();
      await parse(name, src);
      times.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
      sampleRss();
    }
    if (dumpDir) {
      // The raw text from the Go side (the package's parse() would round big numbers through JSON.parse).
      const root = global.__parse_terraform_config_wasm__;
      const raw = await new Promise((resolve, reject) =>
        root.parse(name, src, (err, res) => (err ? reject(new Error(err)) : resolve(res))));
      fs.mkdirSync(dumpDir, { recursive: true });
      fs.writeFileSync(path.join(dumpDir, name + ".json"), raw);
    }
    const med = median(times);
    const r = {
      file: name, bytes, runs, coldMs: Math.round(coldMs), coldIncludesWasmInit: first,
      medianMs: +med.toFixed(1), minMs: +Math.min(...times).toFixed(1), maxMs: +Math.max(...times).toFixed(1),
      mbPerSec: +((bytes / 1e6) / (med / 1000)).toFixed(3), peakRssBytes: peakRss,
      cpuMedianMs: +median(cpu).toFixed(1), cpuMbPerSec: +((bytes / 1e6) / (median(cpu) / 1000)).toFixed(3),
    };
    first = false;
    results.push(r);
    console.log(`hcl2json ${name}: ${(bytes / 1e6).toFixed(2)} MB, cold ${r.coldMs} ms, warm median ${r.medianMs} ms ` +
      `(min ${r.minMs}, max ${r.maxMs}, ${runs} runs) => ${r.mbPerSec} MB/s; CPU median ${r.cpuMedianMs} ms => ${r.cpuMbPerSec} MB/s; ` +
      `peak RSS ${(peakRss / 1048576).toFixed(0)} MiB`);
  }
  clearInterval(timer);
  if (jsonOut) {
    fs.writeFileSync(jsonOut, JSON.stringify({
      oracle: "@cdktf/hcl2json " + require("@cdktf/hcl2json/package.json").version,
      node: process.version, results,
    }, null, 2) + "\n");
  }
})().catch(e => { console.error(e); process.exit(1); });
