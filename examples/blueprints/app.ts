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
 * @param context extra app context, e.g. `avx:preflightBaseline`, `vca:config` (config file),
 *   `vca:stacks` (comma-separated stack ids to build). @default - none: preflight reads
 *   ./vca-preflight.lock.json; the config from env VCA_CONFIG, else the example; stacks from the
 *   env VCA_STACKS, else every stack the config lists
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
  const selected =
    fromContext !== undefined ? selectStacks(fromContext, BLUEPRINT_STACK_IDS) : selectStacks(fromEnv, BLUEPRINT_STACK_IDS, STACKS_ENV);
  const listed = Object.keys(config.config.stacks);
  const chosen = selected.filter((id) => listed.includes(id));
  if (fromContext !== undefined || fromEnv !== undefined) {
    const missing = selected.filter((id) => !listed.includes(id));
    if (missing.length > 0) throw new UserInputError(`${fromContext !== undefined ? STACKS_CONTEXT_KEY : STACKS_ENV}: ${missing.join(", ")} not in ${config.file} (it lists ${listed.join(", ")})`);
  }
  for (const id of BLUEPRINT_STACK_IDS) {
    if (!chosen.includes(id)) continue;
    try {
      BLUEPRINTS[id]()(app, config);
    } catch (err) {
      // A stack prop the schema cannot judge (a CIDR too small, a region without PrivateLink…): name the file and stack too.
      if (err instanceof UserInputError && !err.message.startsWith(config.file)) throw new UserInputError(`${config.file}: stacks.${id}: ${err.message}`);
      throw err;
    }
  }
  useRelativeLocalState(app);
  return { app, config };
}

/** The app alone (see buildBlueprints). */
export function buildBlueprintsApp(outdir?: string, context: Readonly<Record<string, unknown>> = {}): App {
  return buildBlueprints(outdir, context).app;
}
