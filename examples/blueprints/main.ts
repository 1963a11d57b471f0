// The one cdktf app of the blueprints: `npx cdktf synth` runs dist/examples/blueprints/main.js.
// `VCA_CONFIG=<file> npx cdktf synth` synthesizes your values; without it, the example config's
// lab values (one line on stderr says so). Bad input (a config problem, an unknown stack id, a bad
// stack prop) prints its message without a stack trace and exits 2, like `vca-cdktf`.
import * as path from "path";
import { UserInputError } from "../../lib/util/errors";
import { buildBlueprints } from "./app";
import { CONFIG_ENV } from "./config/config-source";

try {
  const { app, config } = buildBlueprints();
  if (config.isExample) {
    process.stderr.write(
      `vca: ${CONFIG_ENV} not set: synthesizing the lab values of ${path.relative(process.cwd(), config.file) || config.file} (set ${CONFIG_ENV}=<your config> for your own)\n`,
    );
  }
  app.synth();
} catch (err) {
  if (!(err instanceof UserInputError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 2;
}
