#!/usr/bin/env node
"use strict";
require("../dist/lib/cli/main").main(process.argv).then((code) => {
  process.exitCode = code;
});
