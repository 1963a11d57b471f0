#!/usr/bin/env node
// `npm run rules-md`: regenerates RULES.md from the rule metadata (lib/preflight/rules/*.ts) of the
// built package. test/preflight/rules-md.test.ts only checks the committed file and fails with this
// command when it is stale.
"use strict";
const fs = require("fs");
const path = require("path");
const { Preflight } = require("../dist/lib/preflight/preflight");
const { renderRulesMarkdown } = require("../dist/lib/preflight/rules-md");

// Rendered first, then renamed over the old file: a failure leaves RULES.md as it was.
const file = path.join(__dirname, "..", "RULES.md");
const tmp = `${file}.${process.pid}.tmp`;
fs.writeFileSync(tmp, renderRulesMarkdown(Preflight.rules()));
fs.renameSync(tmp, file);
process.stdout.write(`wrote RULES.md (${Preflight.rules().length} rules)\n`);
