// A flow as scenarios describe it (docs/ARCHITECTURE.md §6): who sends (from) and where to (to).
import { Tier } from "../model";

export interface FlowK8sEndpoint {
  readonly cluster?: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly pod?: string;
  readonly service?: string;
}

export interface FlowSource {
  readonly ip?: string;
  readonly k8s?: FlowK8sEndpoint;
  /** Subnet id, name, or the Terraform address of the subnet (e.g. `aws_subnet.runtime`). */
  readonly subnet?: string;
  /** VPC id, name, or Terraform address. */
  readonly vpc?: string;
  /** Cloud tags of the sending resource. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Names, keys or Terraform addresses of groups the source is known to belong to. */
  readonly groups?: readonly string[];
}

export type FlowProtocol = "TCP" | "UDP" | "ICMP";

export interface FlowDestination {
  /** TLS SNI / HTTP Host. */
  readonly host?: string;
  readonly ip?: string;
  /** Required except for ICMP. */
  readonly port?: number;
  readonly protocol: FlowProtocol;
  /** Request path (only visible when decrypted). */
  readonly path?: string;
  /**
   * The gateway decrypted the TLS session. URL filters match only decrypted flows, and only on
   * rules with decrypt_policy DECRYPT_ALLOWED. Implies `tls: true`.
   */
  readonly decrypted?: boolean;
  /**
   * The session is TLS (true) or plaintext (false). Unknown by default: rules with
   * flow_app_requirement TLS_REQUIRED match only `tls: true` (or decrypted) flows and
   * NOT_TLS_REQUIRED rules only `tls: false` flows, so neither matches an unknown flow.
   */
  readonly tls?: boolean;
  readonly groups?: readonly string[];
  /** External feed memberships: `threatiq`, `geo:CN`, `githubips:actions`… */
  readonly feeds?: readonly string[];
  /** Cloud service tags: `azureips:AzureFrontDoor.FirstParty`. */
  readonly serviceTags?: readonly string[];
}

export interface Flow {
  readonly from: FlowSource;
  readonly to: FlowDestination;
}

export type Verdict = "PERMIT" | "DENY";

export interface EvaluationResult {
  readonly verdict: Verdict;
  /** The deciding rule's name, or DEFAULT_ACTION_RULE for the POST_RULES default. */
  readonly rule: string;
  readonly tier: Tier;
  /** Watch-mode rules that matched before the decision (they log and fall through). */
  readonly watchedBy: readonly string[];
  readonly logged: boolean;
  /** Where the deciding rule came from (Terraform address, namespace/FirewallPolicy). */
  readonly origin?: string;
}

/** The `rule` reported when the POST_RULES default action decides. */
export const DEFAULT_ACTION_RULE = "default-action";
