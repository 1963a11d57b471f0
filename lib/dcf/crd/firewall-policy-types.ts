// networking.aviatrix.com/v1alpha1 FirewallPolicy object shape (k8s-firewall chart 10.1.0 CRD;
// 8.2.0 lacks decryptPolicy/flowAppRequirement/logProfile/tlsProfile/watch).
// Source: research docs/research/k8s-obot-crds.md §1.1; JSON Schema in lib/validate/schemas.

export const FIREWALL_POLICY_API_VERSION = "networking.aviatrix.com/v1alpha1";
export const FIREWALL_POLICY_KIND = "FirewallPolicy";

/** Exactly one of name (a group in spec or on the controller) or uuid. */
export interface CrdGroupRef {
  readonly name?: string;
  readonly uuid?: string;
}

export interface CrdSmartGroupSelector {
  readonly type?: string;
  readonly cidr?: string;
  readonly s2c?: string;
  readonly external?: string;
  readonly extArgs?: Readonly<Record<string, string>>;
  readonly k8sClusterId?: string;
  readonly k8sNamespace?: string;
  readonly k8sPodName?: string;
  readonly k8sService?: string;
  /** With type k8s, tags are pod labels. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly region?: string;
  readonly zone?: string;
  readonly accountId?: string;
  readonly accountName?: string;
}

export interface CrdRule {
  readonly name: string;
  readonly action?: "permit" | "deny" | "intrusion_detection_permit";
  /** Source workloads, always within the policy's namespace and cluster. */
  readonly selector?: { readonly matchLabels?: Readonly<Record<string, string>>; readonly service?: string };
  readonly destinationSmartGroups: readonly CrdGroupRef[];
  readonly webGroups?: readonly CrdGroupRef[];
  readonly protocol?: "tcp" | "udp" | "icmp" | "any";
  readonly port?: number;
  readonly endPort?: number;
  readonly logging?: boolean;
  /** chart ≥ 10.1.0 */
  readonly logProfile?: "start" | "end" | "start/end";
  readonly decryptPolicy?: "decryptAllowed" | "decryptNotAllowed";
  readonly flowAppRequirement?: "tlsRequired" | "tlsNotRequired";
  readonly tlsProfile?: string;
  readonly watch?: boolean;
}

export interface FirewallPolicyObject {
  readonly apiVersion: typeof FIREWALL_POLICY_API_VERSION;
  readonly kind: typeof FIREWALL_POLICY_KIND;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec: {
    readonly rules?: readonly CrdRule[];
    readonly smartGroups?: ReadonlyArray<{ readonly name: string; readonly selectors?: readonly CrdSmartGroupSelector[] }>;
    readonly webGroups?: ReadonlyArray<{ readonly name: string; readonly domains?: readonly string[] }>;
  };
}
