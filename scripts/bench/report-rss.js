// Preloaded (node -r) into measured child processes: writes the process's peak RSS in KB to the
// file named by VCA_BENCH_RSS_FILE at exit, so no external `time` binary is needed.
"use strict";
const fs = require("fs");
process.on("exit", () => {
  if (process.env.VCA_BENCH_RSS_FILE) fs.writeFileSync(process.env.VCA_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
