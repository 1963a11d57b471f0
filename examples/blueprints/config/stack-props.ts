// The config → stack props layer: a config section IS the stack's props (same key names; the
// schema lists a subset of them), so values pass straight through and every default stays in the
// stack classes. The only translations: files named in the config are read (librechat.configFile,
// annotationsFile), `awsProvider.assumeRoleArn` becomes the provider's assume_role block, and
// VCA_MODE / vca:mode, when set, overrides each stack's `mode`. The key lists below are checked
// against the props types here and against the schema in test/examples/vca-config.test.ts.
import * as path from "path";
import type { App } from "../../../lib/core/cdktf";
import type { LoadedVcaConfig } from "../../../lib/config/vca-config";
import { readInputText } from "../../../lib/util/input-file";
import type { AgentCoreStackProps } from "../../../stacks/agentcore-stack";
import type { AksVcaStackProps } from "../../../stacks/aks-vca-stack";
import type { EksVcaStackProps } from "../../../stacks/eks-vca-stack";
import type { FoundryByoVnetStackProps } from "../../../stacks/foundry-byovnet-stack";
import type { GkeVcaStackProps } from "../../../stacks/gke-vca-stack";
import type { LibreChatWorkloadProps } from "../../../stacks/k8s/k8s-vca-props";
import type { AwsProviderOptions } from "../../../stacks/provider-options";
import { modeOverride } from "../policy-mode";
import { stackSection } from "./config-source";

const K8S_KEYS = ["controllerVersion", "accountName", "namePrefix", "mode", "librechat", "obot", "firewallChartVersion", "gatewaySize", "haGateway"] as const;
/** Config keys per stack kind: each is a prop of that stack (TypeScript checks it). */
export const CONFIG_KEYS = {
  eks: [
    ...K8S_KEYS,
    "region",
    "newNetwork",
    "existingNetwork",
    "newCluster",
    "existingCluster",
    "controllerAccess",
    "awsProvider",
    "tags",
  ] as const satisfies ReadonlyArray<keyof EksVcaStackProps>,
  aks: [
    ...K8S_KEYS,
    "location",
    "subscriptionId",
    "resourceGroupName",
    "newNetwork",
    "existingNetwork",
    "newCluster",
    "existingCluster",
    "azurermProvider",
    "tags",
  ] as const satisfies ReadonlyArray<keyof AksVcaStackProps>,
  gke: [
    ...K8S_KEYS,
    "projectId",
    "zone",
    "newNetwork",
    "existingNetwork",
    "newCluster",
    "existingCluster",
    "googleProvider",
    "labels",
  ] as const satisfies ReadonlyArray<keyof GkeVcaStackProps>,
  agentcore: [
    "controllerVersion",
    "aviatrixAccountName",
    "region",
    "namePrefix",
    "transitCidr",
    "agentCoreSpokeCidr",
    "clientSpokeCidr",
    "availabilityZone",
    "gatewaySize",
    "allowedModelDomains",
    "allowedToolDomains",
    "allowedMcpServerDomains",
    "awsControlDomains",
    "iocUrlFilters",
    "agentImageUri",
    "agentModelId",
    "mitmCa",
    "guardrailRoleNames",
    "mode",
    "promoteRules",
    "awsProvider",
    "tags",
  ] as const satisfies ReadonlyArray<keyof AgentCoreStackProps>,
  foundry: [
    "controllerVersion",
    "aviatrixAccountName",
    "location",
    "subscriptionId",
    "namePrefix",
    "resourceGroupName",
    "newNetwork",
    "existingNetwork",
    "gatewaySize",
    "gatewayName",
    "transitGateway",
    "eastWestCidrs",
    "allowBlobStorage",
    "toolCallDomains",
    "toolCallDecryption",
    "accountName",
    "customSubdomainName",
    "projectName",
    "capabilityHost",
    "mode",
    "promoteRules",
    "tags",
    "azurermProvider",
  ] as const satisfies ReadonlyArray<keyof FoundryByoVnetStackProps>,
} as const;

/** The schema definition each stack id uses. */
export const STACK_KINDS = {
  "vca-foundry-byovnet": "foundry",
  "vca-agentcore": "agentcore",
  "vca-librechat-eks": "eks",
  "vca-librechat-aks": "aks",
  "vca-librechat-gke": "gke",
  "vca-obot-aks": "aks",
  "vca-obot-eks": "eks",
} as const;

type Section = Readonly<Record<string, unknown>>;

export function eksProps(app: App, config: LoadedVcaConfig, stackId: string): EksVcaStackProps {
  const s = stackSection(config, stackId);
  return { ...(s as unknown as EksVcaStackProps), ...k8sWorkloads(app, config, stackId, s), ...awsProvider(s) };
}

export function aksProps(app: App, config: LoadedVcaConfig, stackId: string): AksVcaStackProps {
  const s = stackSection(config, stackId);
  return { ...(s as unknown as AksVcaStackProps), ...k8sWorkloads(app, config, stackId, s) };
}

export function gkeProps(app: App, config: LoadedVcaConfig, stackId: string): GkeVcaStackProps {
  const s = stackSection(config, stackId);
  return { ...(s as unknown as GkeVcaStackProps), ...k8sWorkloads(app, config, stackId, s) };
}

export function agentCoreProps(app: App, config: LoadedVcaConfig, stackId: string): AgentCoreStackProps {
  const s = stackSection(config, stackId);
  return { ...(s as unknown as AgentCoreStackProps), ...mode(app, s), ...awsProvider(s) };
}

export function foundryProps(app: App, config: LoadedVcaConfig, stackId: string): FoundryByoVnetStackProps {
  const s = stackSection(config, stackId);
  return { ...(s as unknown as FoundryByoVnetStackProps), ...mode(app, s) };
}

function mode(app: App, s: Section): { mode?: "discover" | "enforce" } {
  const m = modeOverride(app) ?? (s.mode as "discover" | "enforce" | undefined);
  return m === undefined ? {} : { mode: m };
}

function k8sWorkloads(app: App, config: LoadedVcaConfig, stackId: string, s: Section): { mode?: "discover" | "enforce"; librechat?: LibreChatWorkloadProps } {
  const librechat = libreChatWorkload(config, stackId);
  return { ...mode(app, s), ...(librechat ? { librechat } : {}) };
}

/** A stack's `librechat` section as workload props: its librechat.yaml (and annotations) read from disk. */
export function libreChatWorkload(config: LoadedVcaConfig, stackId: string): LibreChatWorkloadProps | undefined {
  const lc = stackSection(config, stackId).librechat as (Section & { configFile: string; annotationsFile?: string }) | undefined;
  if (!lc) return undefined;
  const { configFile, annotationsFile, ...rest } = lc;
  const at = `stacks.${stackId}.librechat`;
  return {
    ...(rest as Partial<LibreChatWorkloadProps>),
    config: readConfigFile(config, configFile, `${at}.configFile`),
    configName: (rest.configName as string | undefined) ?? path.basename(configFile),
    ...(annotationsFile !== undefined ? { annotations: readConfigFile(config, annotationsFile, `${at}.annotationsFile`) } : {}),
  };
}

/** `awsProvider: { profile, assumeRoleArn, allowedAccountIds }` → the AWS provider's settings. */
function awsProvider(s: Section): { awsProvider?: AwsProviderOptions } {
  const p = s.awsProvider as { profile?: string; assumeRoleArn?: string; allowedAccountIds?: string[] } | undefined;
  if (!p) return {};
  return {
    awsProvider: {
      ...(p.profile !== undefined ? { profile: p.profile } : {}),
      ...(p.assumeRoleArn !== undefined ? { assumeRole: [{ roleArn: p.assumeRoleArn }] } : {}),
      ...(p.allowedAccountIds !== undefined ? { allowedAccountIds: p.allowedAccountIds } : {}),
    },
  };
}

/** A file named in the config, relative to the config file; errors name the file and the key. */
function readConfigFile(config: LoadedVcaConfig, relative: string, key: string): string {
  const file = path.resolve(config.dir, relative);
  return readInputText(file, `${key} (named in ${config.file})`, 1024 * 1024);
}
