// The blueprints app: one entry per stack module. Stack modules only deep-import what they use
// and are loaded only when their stack is selected (docs/ARCHITECTURE.md §7: one blueprint synthesized alone
// does not pay for the others' providers or for LibreChat's schema). The config (VCA_CONFIG, else
// the example's lab values) says which stacks exist and their values; VCA_STACKS narrows that.
// Exported so tests can synthesize it in-process into a temp folder.
import type { TerraformStack } from "../../lib/core/cdktf";
import { App, DISABLE_STACK_TRACE_IN_METADATA } from "../../lib/core/cdktf";
import type { LoadedVcaConfig } from "../../lib/config/vca-config";
import { UserInputError } from "../../lib/util/errors";
import { BlueprintConfig, blueprintConfig } from "./config/config-source";
import { useRelativeLocalState } from "./relative-state";
import { selectStacks, STACKS_CONTEXT_KEY, STACKS_ENV } from "./stack-selection";

type AddStack = (app: App, config: LoadedVcaConfig) => TerraformStack;

/** The controller baseline's stack id: first in the app, applied once per controller before the blueprints. */
export const BASELINE_STACK_ID = "vca-dcf-baseline";

/** Stack ids, in the order the app adds them. */
export const BLUEPRINT_STACK_IDS = [
  "vca-foundry-byovnet",
  "vca-agentcore",
  "vca-librechat-eks",
  "vca-librechat-aks",
  "vca-librechat-gke",
  "vca-obot-aks",
  "vca-obot-eks",
] as const;

/** Every stack id the app can build, in the order it adds them: the baseline, then the blueprints. */
export const APP_STACK_IDS: readonly string[] = [BASELINE_STACK_ID, ...BLUEPRINT_STACK_IDS];

// Stack id → its module's add function. `require` keeps each module out of the process until its
// stack is built.
const BLUEPRINTS: Readonly<Record<(typeof BLUEPRINT_STACK_IDS)[number], () => AddStack>> = {
  "vca-foundry-byovnet": () => (require("./foundry-byovnet/stack") as typeof import("./foundry-byovnet/stack")).addFoundryByoVnet,
  "vca-agentcore": () => (require("./agentcore/stack") as typeof import("./agentcore/stack")).addAgentCore,
  "vca-librechat-eks": () => (require("./librechat-eks/stack") as typeof import("./librechat-eks/stack")).addLibreChatEks,
  "vca-librechat-aks": () => (require("./librechat-aks/stack") as typeof import("./librechat-aks/stack")).addLibreChatAks,
  "vca-librechat-gke": () => (require("./librechat-gke/stack") as typeof import("./librechat-gke/stack")).addLibreChatGke,
  "vca-obot-aks": () => (require("./obot-aks/stack") as typeof import("./obot-aks/stack")).addObotAks,
  "vca-obot-eks": () => (require("./obot-eks/stack") as typeof import("./obot-eks/stack")).addObotEks,
};

/**
 * @param outdir where to synthesize. @default - cdktf's (cdktf.out, or the CLI's --output)
 * @param context extra app context, e.g. `vca:preflightBaseline`, `vca:config` (config file),
 *   `vca:stacks` (comma-separated stack ids to build). @default - none: preflight reads
 *   ./vca-preflight.lock.json; the config from env VCA_CONFIG, else the example; stacks from the
 *   env VCA_STACKS, else every stack the config lists, plus the controller baseline
 *   (`vca-dcf-baseline`, not a config entry) declaring the attachment points of the chosen
 *   blueprints — of every blueprint the config lists when the baseline is selected alone
 * @throws UserInputError when the config is missing or invalid, or `vca:stacks` / VCA_STACKS
 *   names an unknown stack or one the config does not list
 */
export function buildBlueprints(outdir?: string, context: Readonly<Record<string, unknown>> = {}): { readonly app: App; readonly config: BlueprintConfig } {
  // Annotation stack traces carry absolute paths of the machine that synthesized: leave them out so
  // manifest.json is byte-identical on every machine and run.
  const app = new App({ ...(outdir === undefined ? {} : { outdir }), context: { ...context, [DISABLE_STACK_TRACE_IN_METADATA]: true } });
  const config = blueprintConfig(app);
  const fromContext = app.node.tryGetContext(STACKS_CONTEXT_KEY) as unknown;
  const fromEnv = process.env[STACKS_ENV] || undefined;
  const selected = fromContext !== undefined ? selectStacks(fromContext, APP_STACK_IDS) : selectStacks(fromEnv, APP_STACK_IDS, STACKS_ENV);
  const listed = Object.keys(config.config.stacks);
  const chosen = selected.filter((id) => listed.includes(id));
  if (fromContext !== undefined || fromEnv !== undefined) {
    const missing = selected.filter((id) => id !== BASELINE_STACK_ID && !listed.includes(id));
    if (missing.length > 0)
      throw new UserInputError(
        `${fromContext !== undefined ? STACKS_CONTEXT_KEY : STACKS_ENV}: ${missing.join(", ")} not in ${config.file} (it lists ${listed.join(", ")})`,
      );
  }
  const addBlueprints = (into: App, ids: readonly string[]): TerraformStack[] =>
    BLUEPRINT_STACK_IDS.filter((id) => ids.includes(id)).map((id) => {
      try {
        return BLUEPRINTS[id]()(into, config);
      } catch (err) {
        // A stack prop the schema cannot judge (a CIDR too small, a region without PrivateLink…): name the file and stack too.
        if (err instanceof UserInputError && !err.message.startsWith(config.file)) throw new UserInputError(`${config.file}: stacks.${id}: ${err.message}`);
        throw err;
      }
    });
  if (!selected.includes(BASELINE_STACK_ID)) {
    addBlueprints(app, chosen);
    useRelativeLocalState(app);
    return { app, config };
  }
  const { addDcfBaseline } = require("./dcf-baseline/stack") as typeof import("./dcf-baseline/stack");
  const declarePoints = addDcfBaseline(app, BASELINE_STACK_ID);
  if (chosen.length > 0) {
    const blueprints = addBlueprints(app, chosen);
    const baseline = declarePoints(blueprints);
    // `cdktf deploy` applies the baseline first: the blueprints look its points up by name.
    for (const blueprint of blueprints) blueprint.addDependency(baseline);
  } else {
    // The baseline alone (its owning team's run): it declares the points of every blueprint the
    // config lists, read from blueprints built in a scratch app that is never synthesized.
    const scratch = new App({ outdir: app.outdir, context: { ...context, [DISABLE_STACK_TRACE_IN_METADATA]: true } });
    declarePoints(addBlueprints(scratch, listed));
  }
  useRelativeLocalState(app);
  return { app, config };
}

/** The app alone (see buildBlueprints). */
export function buildBlueprintsApp(outdir?: string, context: Readonly<Record<string, unknown>> = {}): App {
  return buildBlueprints(outdir, context).app;
}
