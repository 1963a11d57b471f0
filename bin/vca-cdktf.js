#!/usr/bin/env node
"use strict";
// bin "vca-cdktf" (and "vca" for local use): package.json "bin".
const { endQuietlyOnClosedPipe } = require("../dist/lib/cli/closed-pipe");
endQuietlyOnClosedPipe(process.stdout);
endQuietlyOnClosedPipe(process.stderr);
require("../dist/lib/cli/main").main(process.argv).then((code) => {
  process.exitCode = code;
});
