#!/usr/bin/env node
// `npm run bench`: runs every scripts/bench/cases/*.js in its own process (cold starts are part
// of what we measure), in name order, and forwards the JSON lines each prints:
// {"name","ms","rssMb","ratio"?,"baseline"?}. Needs a build (npm ci / npm run build).
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const casesDir = path.join(__dirname, "cases");
const only = process.argv[2];
const results = [];
for (const file of fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith(".js"))
  .sort()) {
  if (only && !file.includes(only)) continue;
  const out = execFileSync(process.execPath, [path.join(casesDir, file)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of out.split("\n").filter((l) => l.trim().startsWith("{"))) {
    process.stdout.write(line + "\n");
    results.push(JSON.parse(line));
  }
}
fs.mkdirSync(path.join(__dirname, "../../.bench"), { recursive: true });
fs.writeFileSync(path.join(__dirname, "../../.bench/results.json"), JSON.stringify(results, null, 2) + "\n");
