// The blueprints app: one call per stack module. Stack modules only deep-import what they use
// (DESIGN §7). Exported so tests can synthesize it in-process into a temp folder.
import { App, DISABLE_STACK_TRACE_IN_METADATA } from "../../lib/core/cdktf";
import { addAgentCore } from "./agentcore/stack";
import { addFoundryByoVnet } from "./foundry-byovnet/stack";
import { addLibreChatAks } from "./librechat-aks/stack";
import { addLibreChatEks } from "./librechat-eks/stack";
import { addLibreChatGke } from "./librechat-gke/stack";
import { addObotAks } from "./obot-aks/stack";
import { addObotEks } from "./obot-eks/stack";

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

/**
 * @param outdir where to synthesize. @default - cdktf's (cdktf.out, or the CLI's --output)
 * @param context extra app context, e.g. `avx:preflightBaseline`. @default - none: preflight reads ./vca-preflight.lock.json
 */
export function buildBlueprintsApp(outdir?: string, context: Readonly<Record<string, unknown>> = {}): App {
  // Annotation stack traces carry absolute paths of the machine that synthesized: leave them out so
  // manifest.json is byte-identical on every machine and run.
  const app = new App({ ...(outdir === undefined ? {} : { outdir }), context: { ...context, [DISABLE_STACK_TRACE_IN_METADATA]: true } });
  addFoundryByoVnet(app);
  addAgentCore(app);
  addLibreChatEks(app);
  addLibreChatAks(app);
  addLibreChatGke(app);
  addObotAks(app);
  addObotEks(app);
  return app;
}
