#!/usr/bin/env node
// `npm run bench:check`: asserts every docs/ARCHITECTURE.md §7 budget (scripts/bench/budgets.json) against the
// figures of the last `npm run bench` (.bench/results.json). Prints PASS/FAIL per budget and the
// machine; exit 1 when a budget fails or has no measurement. `--markdown` also prints the table
// for the README. Timing is measured by the bench run, never by unit tests.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "../..");
const resultsFile = process.env.VCA_BENCH_RESULTS || path.join(root, ".bench/results.json");
const budgets = JSON.parse(fs.readFileSync(path.join(__dirname, "budgets.json"), "utf8")).budgets;

function fail(message) {
  process.stderr.write(`bench:check: ${message}\n`);
  process.exit(1);
}

let results;
try {
  results = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
} catch (err) {
  fail(`cannot read ${path.relative(root, resultsFile)} (${err.code || err.message}); run \`npm run build && npm run bench\` first`);
}
if (!Array.isArray(results)) fail(`${resultsFile}: expected a list of bench results`);
const byName = new Map(results.map((r) => [r.name, r]));

function limitText(b) {
  return b.max !== undefined ? `≤ ${b.max}` : `≥ ${b.min}`;
}

// A budget with `resultPrefix` applies to every result line whose name starts with it (one row
// each, e.g. one per example stack); at least one such line must exist.
function expand(b) {
  if (b.resultPrefix === undefined) return [b];
  const names = results.map((r) => r.name).filter((n) => typeof n === "string" && n.startsWith(b.resultPrefix));
  if (names.length === 0) return [{ ...b, result: `${b.resultPrefix}*` }];
  return names.map((name) => ({ ...b, id: `${b.id}:${name.slice(b.resultPrefix.length)}`, result: name }));
}

const rows = budgets.flatMap(expand).map((b) => {
  const r = byName.get(b.result);
  if (!r) return { b, status: "MISSING", value: undefined, note: `no "${b.result}" line in the results` };
  const value = r[b.field];
  if (typeof value !== "number" || !Number.isFinite(value)) return { b, status: "FAIL", value, note: `"${b.field}" is not a number` };
  for (const [k, want] of Object.entries(b.require || {})) {
    if (r[k] !== want) return { b, status: "FAIL", value, note: `${k} is ${JSON.stringify(r[k])}, want ${JSON.stringify(want)}` };
  }
  const ok = (b.max === undefined || value <= b.max) && (b.min === undefined || value >= b.min);
  return { b, status: ok ? "PASS" : "FAIL", value, r, note: b.field === "ratio" && r.baseline ? `ratio vs ${r.baseline}` : "" };
});

const cpu = os.cpus();
const machine = `${cpu.length} × ${cpu[0] ? cpu[0].model.trim() : "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
process.stdout.write(`bench:check on ${machine} (results: ${path.relative(root, resultsFile)})\n`);
for (const { b, status, value, note } of rows) {
  const shown = value === undefined ? "—" : `${value}${b.field === "ms" ? " ms" : b.field === "rssMb" ? " MB" : "×"}`;
  process.stdout.write(`${status.padEnd(7)} ${b.id.padEnd(36)} ${shown.padStart(10)}  (${b.field} ${limitText(b)})  ${b.budget}${note ? ` — ${note}` : ""}\n`);
}

if (process.argv.includes("--markdown")) {
  process.stdout.write(`\n| budget | limit | measured | result |\n| --- | --- | --- | --- |\n`);
  for (const { b, status, value } of rows)
    process.stdout.write(
      `| ${b.budget}${b.resultPrefix ? ` (${b.result.slice(b.resultPrefix.length)})` : ""} | ${b.field} ${limitText(b)} | ${value === undefined ? "—" : value} | ${status} |\n`,
    );
  process.stdout.write(`\nMeasured on ${machine}.\n`);
}

const bad = rows.filter((x) => x.status !== "PASS");
if (bad.length > 0) fail(`${bad.length} of ${rows.length} budgets not met: ${bad.map((x) => x.b.id).join(", ")}`);
process.stdout.write(`bench:check: all ${rows.length} budgets met\n`);
