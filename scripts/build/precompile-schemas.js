#!/usr/bin/env node
// Writes ajv's standalone validator for each schema a cold synth checks (lib/config/gen/, shipped),
// so synth loads generated code instead of compiling the schema (lib/validate/precompiled-schema.ts).
// Runs after tsc: it uses the compiled specs in dist/, so the options are those the runtime uses.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "../..");
const { precompiledSource } = require(path.join(root, "dist/lib/validate/precompiled-schema"));
const { VCA_CONFIG_VALIDATOR } = require(path.join(root, "dist/lib/config/vca-config"));

for (const spec of [VCA_CONFIG_VALIDATOR]) {
  const out = path.join(root, "lib", spec.precompiled);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, precompiledSource(spec));
  fs.renameSync(tmp, out);
  process.stderr.write(`precompile-schemas: lib/${spec.precompiled} from lib/${spec.schema}\n`);
}
