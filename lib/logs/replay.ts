// Discover → enforce from real traffic: stream the logs into distinct flows, switch the policy
// to enforce on the model (lib/dcf/enforce-mode.ts), judge every flow. Pure of the CLI so tests
// and other tools can call it.
import { EnforceSwitch, switchToEnforce } from "../dcf/enforce-mode";
import { PolicyModel } from "../dcf/model";
import { terraformRefAddress } from "../dcf/builder/tokens";
import { compareText } from "../dcf/builder/canonical";
import { UserInputError } from "../util/errors";
import { FlowAggregator } from "./flows";
import { WorkloadInventory } from "./inventory";
import { FlowJudge, JudgedFlow } from "./judge";
import { readLogs, ReadSummary } from "./read-logs";

export interface ReplayResult {
  readonly enforce: EnforceSwitch;
  readonly read: ReadSummary;
  readonly flows: readonly JudgedFlow[];
}

/** Every k8s_cluster_id the policy's SmartGroups select by (sorted). */
export function policyClusters(model: PolicyModel): string[] {
  const ids = new Set<string>();
  for (const g of Object.values(model.smartGroups)) for (const e of g.expressions) if (e.k8sClusterId !== undefined) ids.add(e.k8sClusterId);
  return [...ids].sort(compareText);
}

function namesCluster(id: string, wanted: string): boolean {
  if (id === wanted) return true;
  if (terraformRefAddress(id) === wanted) return true;
  // `${lower(azurerm_kubernetes_cluster.cluster.id)}`: the address inside an expression.
  return id.includes("${") && /^[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*$/.test(wanted) && id.includes(`${wanted}.`);
}

/**
 * The cluster the inventory's pods run in, as the policy spells it: the one cluster the policy
 * names, or the one `--cluster` picks; none when the policy selects no cluster.
 */
export function chooseCluster(model: PolicyModel, wanted: string | undefined): string | undefined {
  const ids = policyClusters(model);
  if (wanted === undefined) {
    if (ids.length <= 1) return ids[0];
    throw new UserInputError(`--cluster: the policy selects pods in ${ids.length} clusters; say which one the inventory is from: ${ids.join(", ")}`);
  }
  if (ids.length === 0) return wanted;
  const hit = ids.find((id) => namesCluster(id, wanted));
  if (hit === undefined)
    throw new UserInputError(`--cluster ${JSON.stringify(wanted)}: not a cluster the policy selects (${ids.join(", ")}); give the id or its Terraform address`);
  return hit;
}

export interface ReplayInput {
  readonly model: PolicyModel;
  readonly inventory: (cluster: string | undefined) => WorkloadInventory;
  readonly logFiles: readonly string[];
  readonly cluster?: string;
  readonly assumedControllerDefault?: "PERMIT" | "DENY";
  /** Year for BSD syslog headers before a line of the file names one. @default - the current UTC year */
  readonly year?: number;
}

export async function replayLogs(input: ReplayInput): Promise<ReplayResult> {
  const enforce = switchToEnforce(input.model, input.assumedControllerDefault);
  const inventory = input.inventory(chooseCluster(input.model, input.cluster));
  const flows = new FlowAggregator(inventory);
  const read = await readLogs(input.logFiles, (r) => flows.add(r), input.year ?? new Date().getUTCFullYear());
  const judge = new FlowJudge(enforce.model);
  return { enforce, read, flows: flows.finish().map((f) => judge.judge(f)) };
}
