#!/usr/bin/env node
// Golden files from the reference HCL implementation (hashicorp/hcl's hclsyntax, compiled to WASM and
// shipped as @cdktf/hcl2json, pinned in package.json).
//
// usage: node golden.js DIR [--check]
//
// For every *.hcl under DIR (recursively) it writes, next to the input:
//   <name>.json  the oracle's JSON, pretty printed (2 spaces) in the oracle's own key order (Go sorts keys).
//                Numbers keep the exact digits the oracle printed (it prints arbitrary precision; the
//                public parse() API would round them through JSON.parse), strings are re-serialised by
//                JSON.stringify (so Go's \u003c-style escapes become plain characters).
//   <name>.err   when the oracle rejects the file. Line 1: the first diagnostic as "file:RANGE: Summary",
//                with RANGE in HCL's own form ("L,C-C" on one line, "L,C-L,C" across lines). Line 2: the raw
//                thrown message ("parse config: [diag diag ...]", each diag "file:RANGE: Summary; Detail"),
//                with any newline written as the two characters \n.
// The file name handed to the oracle is the input's base name (e.g. "attr-basic.hcl").
// --check writes nothing and exits 1 when any golden is missing, stale or of the wrong kind.
"use strict";
const fs = require("fs");
const path = require("path");
const { parse } = require("@cdktf/hcl2json");

const args = process.argv.slice(2);
const check = args.includes("--check");
const dir = args.find(a => !a.startsWith("--"));
if (!dir) {
  console.error("usage: node golden.js DIR [--check]");
  process.exit(2);
}

function walk(d, out) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== ".git") walk(p, out);
    } else if (e.name.endsWith(".hcl")) {
      out.push(p);
    }
  }
  return out;
}

// The raw JSON text the Go side returns, before the package's JSON.parse. The hook is installed by the
// package once its WASM module is running (after the first parse() call). Falls back to re-serialising
// parse()'s result if a future version moves it.
async function rawParse(filename, src) {
  const root = global.__parse_terraform_config_wasm__;
  if (root && typeof root.parse === "function") {
    return new Promise((resolve, reject) =>
      root.parse(filename, src, (err, res) => (err ? reject(new Error(err)) : resolve(res))));
  }
  return JSON.stringify(await parse(filename, src));
}

// Pretty prints JSON text with 2-space indentation, keeping key order and number lexemes as they are.
function pretty(text) {
  let i = 0;
  const ws = () => { while (i < text.length && " \t\r\n".includes(text[i])) i++; };
  const str = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.stringify(JSON.parse(text.slice(start, i)));
  };
  const value = (ind) => {
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++; ws();
      if (text[i] === close) { i++; return c + close; }
      const items = [];
      const inner = ind + "  ";
      for (;;) {
        ws();
        let item = "";
        if (c === "{") { item = str() + ": "; ws(); i++; /* ':' */ }
        item += value(inner);
        items.push(inner + item);
        ws();
        if (text[i] === ",") { i++; continue; }
        i++; // close
        break;
      }
      return c + "\n" + items.join(",\n") + "\n" + ind + close;
    }
    if (c === '"') return str();
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 100000));
    if (!m) throw new Error(`unexpected JSON at ${i}: ${text.slice(i, i + 20)}`);
    i += m[0].length;
    return m[0];
  };
  const out = value("");
  ws();
  if (i !== text.length) throw new Error(`trailing JSON at ${i}`);
  return out + "\n";
}

function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

// "parse config: [f:1,2-3: S; D f:2,1-2: S2; D2]" -> ["f:1,2-3: S; D", "f:2,1-2: S2; D2"]
function splitDiagnostics(message, filename) {
  let body = message;
  const m = /^parse config: \[([\s\S]*)\]$/.exec(body);
  if (m) body = m[1];
  const start = new RegExp(` (?=${escapeRegExp(filename)}:\\d+,\\d+-(?:\\d+,)?\\d+: )`, "g");
  return body.split(start);
}

function errText(message, filename) {
  const first = splitDiagnostics(message, filename)[0];
  // Anchored search first; the unanchored one finds the diagnostic inside a conversion error's prefix.
  const diag = `(${escapeRegExp(filename)}:\\d+,\\d+-(?:\\d+,)?\\d+): ([^;]*)`;
  const m = new RegExp("^" + diag).exec(first) || new RegExp(diag).exec(message);
  const line1 = m ? `${m[1]}: ${m[2]}` : first.split("\n")[0];
  return line1 + "\n" + message.replace(/\r?\n/g, "\\n") + "\n";
}

(async () => {
  const files = walk(dir, []);
  await parse("warmup.hcl", ""); // instantiates the WASM module and installs the raw hook
  let ok = 0, bad = 0, problems = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    const src = bytes.toString("utf8");
    if (!Buffer.from(src, "utf8").equals(bytes)) {
      console.error(`SKIP ${f}: not valid UTF-8 (the oracle only takes JavaScript strings)`);
      problems++;
      continue;
    }
    const name = path.basename(f);
    const base = f.slice(0, -".hcl".length);
    let want, ext;
    try {
      const raw = await rawParse(name, src);
      want = pretty(raw);
      // Sanity: the pretty text means the same as the public API's result (up to number precision).
      const viaApi = JSON.stringify(await parse(name, src));
      if (JSON.stringify(JSON.parse(want)) !== viaApi && !/\d{16,}|e[+-]?\d{3}/i.test(raw)) {
        throw new Error(`internal: raw and parse() disagree for ${f}`);
      }
      ext = ".json"; ok++;
    } catch (e) {
      const msg = String((e && e.message) || e);
      if (msg.startsWith("internal:")) throw e;
      want = errText(msg, name);
      if (!msg.startsWith("parse config:")) {
        // e.g. "convert to HCL: …: Invalid operand" for `-true`: hcl2json folds unary operators on literals and
        // fails on a type error. That is not a syntax error; keep such inputs out of the corpus.
        console.error(`WARN ${f}: the oracle failed after parsing (not a parse error): ${msg.split("\n")[0].slice(0, 160)}`);
      }
      ext = ".err"; bad++;
    }
    const other = ext === ".json" ? ".err" : ".json";
    if (check) {
      const have = fs.existsSync(base + ext) ? fs.readFileSync(base + ext, "utf8") : null;
      if (have !== want) { console.error(`DIFF ${base + ext}${have === null ? " (missing)" : ""}`); problems++; }
      if (fs.existsSync(base + other)) { console.error(`STALE ${base + other}`); problems++; }
    } else {
      fs.writeFileSync(base + ext, want);
      if (fs.existsSync(base + other)) fs.unlinkSync(base + other);
    }
  }
  console.log(`files=${files.length} json=${ok} err=${bad}${check ? ` problems=${problems}` : ""}`);
  process.exit(problems ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
