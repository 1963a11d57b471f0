#!/usr/bin/env node
// `npm run diagrams`: regenerates docs/diagrams (one SVG + Mermaid source per blueprint) from the
// built examples (examples/blueprints/diagrams.ts). Run it after a change to a blueprint's policy;
// test/examples/diagrams.test.ts fails until the committed pictures match.
"use strict";
const fs = require("fs");
const path = require("path");
const { blueprintPolicies, blueprintDiagrams, DIAGRAMS_DIR } = require("../dist/examples/blueprints/diagrams");
const { writeFilesAtomically } = require("../dist/lib/util/atomic-write");

(async () => {
  const root = path.join(__dirname, "..");
  const blueprints = path.join(root, "examples/blueprints");
  const files = await blueprintDiagrams(await blueprintPolicies(blueprints));
  const dir = path.join(root, DIAGRAMS_DIR);
  const stale = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.(svg|mmd)$/.test(f) && !files.has(f)) : [];
  writeFilesAtomically(dir, files, { remove: stale });
  process.stdout.write(`wrote ${files.size} files to ${DIAGRAMS_DIR}${stale.length ? ` (removed ${stale.join(", ")})` : ""}\n`);
})().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
