// Where the blueprints' config comes from: context `vca:config` or env VCA_CONFIG (`cdktf synth`
// 0.21 has no --context flag), else the shipped example with today's lab values. A path given
// but missing is an error naming it — never a silent fall-back to the lab values.
import * as fs from "fs";
import * as path from "path";
import type { App } from "../../../lib/core/cdktf";
import { LoadedVcaConfig, readVcaConfig } from "../../../lib/config/vca-config";
import { UserInputError } from "../../../lib/util/errors";

export const CONFIG_CONTEXT_KEY = "vca:config";
export const CONFIG_ENV = "VCA_CONFIG";

/** The lab values: examples/blueprints/vca.config.example.yaml (next to this folder in source and under dist/). */
export function exampleConfigFile(): string {
  const here = path.join(__dirname, "..", "vca.config.example.yaml");
  return fs.existsSync(here) ? here : path.join(__dirname, "..", "..", "..", "..", "examples", "blueprints", "vca.config.example.yaml");
}

export interface BlueprintConfig extends LoadedVcaConfig {
  /** True when no config was named and the example's lab values are used. */
  readonly isExample: boolean;
}

/** The config named by `vca:config` / VCA_CONFIG, else the example. */
export function blueprintConfig(app: App): BlueprintConfig {
  const fromContext = app.node.tryGetContext(CONFIG_CONTEXT_KEY) as unknown;
  const [given, source] = fromContext !== undefined ? [fromContext, CONFIG_CONTEXT_KEY] : [process.env[CONFIG_ENV], CONFIG_ENV];
  if (given === undefined || given === "") return { ...readVcaConfig(exampleConfigFile()), isExample: true };
  if (typeof given !== "string") throw new UserInputError(`${source}: got ${JSON.stringify(given)}, want the path of a YAML config file`);
  if (!fs.existsSync(given))
    throw new UserInputError(`${source}: config file ${given} does not exist (copy examples/blueprints/vca.config.example.yaml and edit it)`);
  return { ...readVcaConfig(given), isExample: false };
}

/** The values of one stack, or an error naming the file when the config does not list it. */
export function stackSection(config: LoadedVcaConfig, stackId: string): Readonly<Record<string, unknown>> {
  const section = config.config.stacks[stackId];
  if (section === undefined)
    throw new UserInputError(
      `${config.file}: stacks.${stackId}: missing (the config does not list this stack; listed: ${Object.keys(config.config.stacks).join(", ")})`,
    );
  return section;
}
