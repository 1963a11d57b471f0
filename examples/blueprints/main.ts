// The one cdktf app of the blueprints: `npx cdktf synth` runs dist/examples/blueprints/main.js.
// Bad input (an unknown stack id, a bad stack prop) prints its message without a stack trace and
// exits 2, like `vca`.
import { UserInputError } from "../../lib/util/errors";
import { buildBlueprintsApp } from "./app";

try {
  buildBlueprintsApp().synth();
} catch (err) {
  if (!(err instanceof UserInputError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 2;
}
