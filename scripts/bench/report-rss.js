// Preloaded (node -r) into measured child processes: writes the process's peak RSS in KB and its
// CPU time (user + system, µs) to the file named by VCA_BENCH_RSS_FILE at exit, so no external
// `time` binary is needed. CPU time is the steadier figure on a loaded machine.
"use strict";
const fs = require("fs");
process.on("exit", () => {
  if (process.env.VCA_BENCH_RSS_FILE) {
    const usage = process.resourceUsage();
    fs.writeFileSync(process.env.VCA_BENCH_RSS_FILE, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  }
});
