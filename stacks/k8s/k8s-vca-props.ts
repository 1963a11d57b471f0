// Props shared by EksVcaStack, AksVcaStack and GkeVcaStack: the controller, the discover/enforce
// switch, the spoke gateway, and the workloads (LibreChat and/or Obot).
import type { HaGatewayOptions } from "../../lib/constructs/network/gateway-options";
import type { AiAccessIntent, AiProviderProps, AiWorkloadProps, ZeroTrustStage } from "../../lib/constructs/ai/zero-trust-for-ai";
import type { LibreChatImageRegistries } from "../../lib/constructs/workloads/librechat";
import type { PolicyMode } from "../../lib/dcf/model";
import type { ControllerOwnershipProps } from "../controller-ownership";

/** LibreChat (Secure Enterprise Chat): the chart plus its egress derived from librechat.yaml. */
/** TLS decryption of the LibreChat workload's traffic. */
export interface LibreChatTlsDecryptionProps {
  /** Name of the existing DCF MITM CA on the controller. */
  readonly caName: string;
}

export interface LibreChatWorkloadProps {
  /** librechat.yaml text; its LLM and MCP groups come from the CI shim's model. */
  readonly config: string;
  /** Name in messages and egress `from` paths. @default "librechat.yaml" */
  readonly configName?: string;
  /**
   * Secret env names besides CREDS_KEY, CREDS_IV, JWT_SECRET, JWT_REFRESH_SECRET (e.g.
   * OPENAI_API_KEY): each becomes a sensitive variable `librechat_<name>` and, by name, enables the
   * matching built-in endpoint in the egress model. @default - none
   */
  readonly secretEnvNames?: string[];
  /** Reviewed exceptions YAML for the shim. @default - none */
  readonly annotations?: string;
  /** @default "librechat" */
  readonly namespace?: string;
  /** LibreChat chart version. @default - the newest published (LIBRECHAT_DEFAULT_CHART_VERSION) */
  readonly chartVersion?: string;
  /** @default - ghcr.io for LibreChat, docker.io for MongoDB and Meilisearch */
  readonly imageRegistries?: LibreChatImageRegistries;
  /**
   * URL filters (`host/path`) of the supply-chain IoC deny, or false for no IoC deny. The rule
   * decrypts flows to the filters' hosts only (controller ≥ 8.2): the pods must trust the DCF CA,
   * so without `tlsDecryption` preflight AVX-K8S6 fails the rule until the CA is trusted.
   * @default - SUPPLY_CHAIN_IOC_URLS when `tlsDecryption` is set, else no IoC deny (URL filters only match decrypted sessions)
   */
  readonly supplyChainIocUrls?: string[] | false;
  /** Pod labels of the data stores that must never reach the internet. @default - MongoDB and PostgreSQL chart labels */
  readonly dataStoreLabels?: Readonly<Record<string, string>>[];
  /**
   * TLS decryption (controller ≥ 9.0): the existing DCF MITM CA `caName` is published to the
   * namespace and mounted as NODE_EXTRA_CA_CERTS; the LLM and MCP rules decrypt, and the
   * supply-chain IoC deny (URL filters) is added.
   * @default - no decryption of application traffic
   */
  readonly tlsDecryption?: LibreChatTlsDecryptionProps;
}

/** Obot (Enterprise MCP): V1 named permits → per-server FirewallPolicy CRDs → POST_RULES. */
export interface ObotWorkloadProps {
  /** Obot chart version, ≥ v0.21.0. @default - the newest published (OBOT_DEFAULT_VERSION) */
  readonly version?: string;
  /** aviatrix-network-policy-controller chart Obot installs. @default - the newest published (OBOT_NPC_DEFAULT_VERSION) */
  readonly networkPolicyControllerVersion?: string;
  /** @default "obot-system" */
  readonly namespace?: string;
  /** @default "obot-mcp" */
  readonly mcpNamespace?: string;
  /** Obot's own LLM API host(s). @default ["api.openai.com"] */
  readonly llmDomains?: string[];
  /** Further hosts obot-system needs. @default - none */
  readonly extraDomains?: string[];
  /**
   * Secret env names for the Obot server; each becomes a sensitive variable `obot_<name>`.
   * @default ["OBOT_SERVER_ADMIN_PASSWORD", "OPENAI_API_KEY"]
   */
  readonly secretEnvNames?: string[];
  /** MCP servers without egressDomains are denied all egress. @default true */
  readonly defaultDenyAllEgress?: boolean;
}

/** Zero Trust for AI intents added after the workload rules (priorities from 100). */
export interface K8sZeroTrustForAiProps {
  readonly providers: Readonly<Record<string, AiProviderProps>>;
  readonly workloads: Readonly<Record<string, AiWorkloadProps>>;
  readonly intents: AiAccessIntent[];
  /** @default "log-only" */
  readonly stage?: ZeroTrustStage;
}

export interface K8sVcaStackProps extends ControllerOwnershipProps {
  /** Aviatrix controller release, "X.Y" or "X.Y.Z" (e.g. "9.0"). */
  readonly controllerVersion: string;
  /** Aviatrix access account of the cloud account. */
  readonly accountName: string;
  /** Prefix of every name. @default "vca" */
  readonly namePrefix?: string;
  /**
   * discover: rules watch (log and fall through); enforce: rules act. With `ownController` the
   * default action follows (discover PERMIT + log, enforce DENY + log).
   * @default "discover"
   */
  readonly mode?: PolicyMode;
  /**
   * Rule names that act even in discover mode: promote rules from watch to enforce one by one
   * (e.g. ["allow-llm-providers", "contain-librechat-pods"]). Unknown names are an error.
   * @default - none
   */
  readonly promoteRules?: string[];
  /** At least one workload. @default - none */
  readonly librechat?: LibreChatWorkloadProps;
  /** @default - none */
  readonly obot?: ObotWorkloadProps;
  /** k8s-firewall chart version (FirewallPolicy CRDs); preflight AVX-K8S5 flags an unpublished one. @default - the newest published (lib/constructs/kubernetes/published-charts.ts) */
  readonly firewallChartVersion?: string;
  /** @default - the cloud's default size */
  readonly gatewaySize?: string;
  /** @default - no HA gateway */
  readonly haGateway?: HaGatewayOptions;
  /** @default - none */
  readonly zeroTrustForAi?: K8sZeroTrustForAiProps;
}
