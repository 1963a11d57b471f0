#!/usr/bin/env node
"use strict";
// bin "vca-cdktf" (and "vca" for local use): package.json "bin".
const { endQuietlyOnClosedPipe } = require("../dist/lib/cli/closed-pipe");
endQuietlyOnClosedPipe(process.stdout);
endQuietlyOnClosedPipe(process.stderr);
// The build of the CDK core the app installed (lib/core/choose-core.ts): commands that read the
// construct tree's helpers must load the same core as the app. With no core installed, the
// commands that need none (validate, simulate, analyze, shim, obot) still run.
let lib = "../dist/lib";
try {
  if (require("../dist/lib/core/choose-core").chooseCore() === "cdktn") lib = "../dist/cdktn/lib";
} catch {
  // neither cdktf nor cdktn: keep dist/lib
}
require(`${lib}/cli/main`)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
