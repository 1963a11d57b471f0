// The blueprints app: one entry per stack module. Stack modules only deep-import what they use
// and are loaded only when their stack is selected (docs/ARCHITECTURE.md §7: one blueprint synthesized alone
// does not pay for the others' providers or for LibreChat's schema). Exported so tests can
// synthesize it in-process into a temp folder.
import type { TerraformStack } from "../../lib/core/cdktf";
import { App, DISABLE_STACK_TRACE_IN_METADATA } from "../../lib/core/cdktf";
import { selectStacks, STACKS_CONTEXT_KEY, STACKS_ENV } from "./stack-selection";

type AddStack = (app: App) => TerraformStack;

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
 * @param context extra app context, e.g. `avx:preflightBaseline`, or `vca:stacks` (comma-separated
 *   stack ids to build). @default - none: preflight reads ./vca-preflight.lock.json; stacks from
 *   the env VCA_STACKS, else every stack
 * @throws UserInputError when `vca:stacks` / VCA_STACKS names an unknown stack
 */
export function buildBlueprintsApp(outdir?: string, context: Readonly<Record<string, unknown>> = {}): App {
  // Annotation stack traces carry absolute paths of the machine that synthesized: leave them out so
  // manifest.json is byte-identical on every machine and run.
  const app = new App({ ...(outdir === undefined ? {} : { outdir }), context: { ...context, [DISABLE_STACK_TRACE_IN_METADATA]: true } });
  const fromContext = app.node.tryGetContext(STACKS_CONTEXT_KEY) as unknown;
  const fromEnv = process.env[STACKS_ENV] || undefined;
  const selected =
    fromContext !== undefined ? selectStacks(fromContext, BLUEPRINT_STACK_IDS) : selectStacks(fromEnv, BLUEPRINT_STACK_IDS, STACKS_ENV);
  for (const id of BLUEPRINT_STACK_IDS) {
    if (selected.includes(id)) BLUEPRINTS[id]()(app);
  }
  return app;
}
