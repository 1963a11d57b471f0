// LibreChat egress as Terraform: runs the same pure shim model as `vca shim librechat`
// (librechat.yaml + env keys + Helm values → reviewed egress groups) and renders it as WebGroups
// and V1 rule props, and/or the same FirewallPolicy object the CLI writes — so CLI and Terraform
// can never disagree (one model, two renderers).
import { Construct } from "constructs";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { ITerraformDependable, Lazy, TerraformProvider } from "../../core/cdktf";
import { FirewallPolicyObject } from "../../dcf/crd/firewall-policy-types";
import { Protocol } from "../../dcf/model";
import { addPreflightFacts } from "../../preflight/facts";
import { annotationsFromText, librechatEgressModel, LibreChatEgressModel, EgressGroup } from "../../shim/model";
import { egressJson, EgressJson } from "../../shim/render/json";
import { DEFAULT_POD_LABELS, librechatFirewallPolicies } from "../../shim/render/crd";
import { UserInputError } from "../../util/errors";
import { DcfRuleProps } from "../dcf/dcf-rule";
import { SmartGroupInput } from "../dcf/group-refs";
import { SmartGroup } from "../dcf/smart-group";
import { WebGroup } from "../dcf/web-group";
import { clusterKeyOf } from "../kubernetes/cluster-key";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { checkBooleanProps } from "../../core/prop-types";
import { ensureSecretScan } from "../../secrets/terraform-scan";
import { terraformLiteralTree } from "../../core/terraform-literal";

/** Kinds of pod-scope egress groups besides LLM providers and MCP servers. */
const OTHER_POD_KINDS = ["sso", "integrations", "actions", "mcp-allowlist", "proxy"] as const;

export interface LibreChatEgressFirewallPolicyOptions {
  /** Watch (log-only) mode on every CRD rule. @default false */
  readonly watch?: boolean;
  /** Kubernetes provider for the manifest. @default - the stack's default kubernetes provider */
  readonly provider?: TerraformProvider;
  /** Cluster key the objects are applied to (preflight fact). @default - the path of the KubernetesProviders owning `provider`, else "default" */
  readonly clusterKey?: string;
  /** Resources the manifest waits for (the CRD chart). @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

export interface LibreChatEgressProps {
  /** librechat.yaml text (the same file `vca shim librechat --config` reads). */
  readonly config: string;
  /** Name used in messages and `from` paths. @default "librechat.yaml" */
  readonly configName?: string;
  /** dotenv text; only URL-shaped values are read (as `--dotenv`). @default - none */
  readonly envFile?: string;
  /** Names of env variables that are set (as `--env-keys`). @default - none */
  readonly envKeys?: string[];
  /** LibreChat Helm values text (as `--helm-values`). @default - none */
  readonly helmValues?: string;
  /** Reviewed exceptions YAML text (as `--annotations`). @default - none */
  readonly annotations?: string;
  /** LibreChat image tag; selects the config schema (as `--image-tag`). @default - Helm image.tag, else the pinned schema */
  readonly imageTag?: string;
  /** Extra DNS suffixes that count as internal (as `--internal-suffix`). @default - none */
  readonly internalSuffixes?: string[];
  /** Namespace of the LibreChat pods. @default "librechat" */
  readonly namespace?: string;
  /** Pod labels the CRD selects. @default { "app.kubernetes.io/name": "librechat" } */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * Prefix of the controller objects (WebGroups, CIDR SmartGroups) this construct creates:
   * `<namePrefix>-<shim group name>`. Controller names are global, so two LibreChat stacks on one
   * controller need different prefixes. @default - none: the shim's names as they are
   */
  readonly namePrefix?: string;
  /** FirewallPolicy metadata.name (as `--policy-name`). @default "librechat-egress" */
  readonly policyName?: string;
  /**
   * Also apply the FirewallPolicy CRD the CLI writes (kubernetes_manifest, K8S tier).
   * @default - none: only WebGroups and V1 rule props
   */
  readonly firewallPolicy?: LibreChatEgressFirewallPolicyOptions;
}

/** Options for the V1 rules made from the egress model. */
export interface LibreChatPodRuleOptions {
  /** Source SmartGroups (the LibreChat pods). */
  readonly src: SmartGroupInput[];
  /** Destination SmartGroups. */
  readonly dst: SmartGroupInput[];
  /**
   * First priority of the LLM rules (one per port). Every family's priority is a lower bound: the
   * families are allocated in order (LLM, MCP, other, reviewed CIDRs, then registryRules), each
   * starting after the last rule of the one before, so they never overlap however many ports
   * the config uses. @default 10
   */
  readonly llmPriority?: number;
  /** Lowest priority of the MCP rules. @default 15 */
  readonly mcpPriority?: number;
  /** Lowest priority of the other pod-scope groups (SSO, integrations, allowlists, proxy), then reviewed CIDRs. @default 17 */
  readonly otherPriority?: number;
}

/** Priorities a rule family may use after its first one (one rule per extra port). */

/**
 * The egress a librechat.yaml needs, as WebGroups (one per shim group; one per MCP server),
 * V1 rule props and optionally the FirewallPolicy CRD — from the shim model itself.
 */
export class LibreChatEgress extends Construct {
  /**
   * The shim's egress model (identical to what `vca shim librechat` computes).
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public readonly model: LibreChatEgressModel;
  /**
   * egress.json content (identical to the CLI's).
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public readonly egressJson: EgressJson;
  /**
   * WebGroups by shim group name (groups with domains only), sorted by name.
   * TypeScript-only (a Map; README "jsii").
   * @jsii ignore
   */
  public readonly webGroups: ReadonlyMap<string, WebGroup>;
  /**
   * The FirewallPolicy objects (identical to the CLI's firewall-policy.yaml documents).
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public readonly firewallPolicyObjects: FirewallPolicyObject[];
  /**
   * The applied CRD, when `firewallPolicy` is set.
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public readonly manifests: Manifest[];
  public readonly namespace: string;

  private readonly cidrGroups = new Map<string, SmartGroup>();
  /** The first priority no rule made here uses yet (families are allocated in order, never overlapping). */
  private nextFree = 0;
  private readonly controllerName: (shimName: string) => string;

  constructor(scope: Construct, id: string, props: LibreChatEgressProps) {
    super(scope, id);
    ensureSecretScan(this);
    checkBooleanProps(this, props, ["watch"]);
    if (typeof props.config !== "string" || props.config.trim() === "") {
      throw new ConstructPropsError(
        this,
        "config",
        described("no librechat.yaml text"),
        'the file\'s content (e.g. fs.readFileSync("librechat.yaml", "utf8"))',
      );
    }
    this.namespace = props.namespace ?? "librechat";
    const prefix = props.namePrefix;
    if (prefix !== undefined && (typeof prefix !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(prefix))) {
      throw new ConstructPropsError(this, "namePrefix", prefix, "lower-case letters, digits and '-'");
    }
    this.controllerName = (name) => (prefix === undefined ? name : `${prefix}-${name}`);
    try {
      this.model = librechatEgressModel({
        config: props.config,
        configName: props.configName,
        envFile: props.envFile,
        envKeys: props.envKeys,
        helmValues: props.helmValues,
        annotations: props.annotations !== undefined ? annotationsFromText(props.annotations) : undefined,
        imageTag: props.imageTag,
        internalSuffixes: props.internalSuffixes,
      });
    } catch (e) {
      // Same messages as the CLI (file + YAML path), prefixed with the construct path.
      if (e instanceof UserInputError) throw ConstructPropsError.because(this, "config", e.message);
      throw e;
    }
    this.egressJson = egressJson(this.model);
    const groups = new Map<string, WebGroup>();
    for (const g of this.model.groups) {
      if (g.domains.length === 0) continue;
      groups.set(g.name, new WebGroup(this, g.name, { name: this.controllerName(g.name), domains: [...g.domains] }));
    }
    this.webGroups = groups;
    this.firewallPolicyObjects = librechatFirewallPolicies(this.model, {
      namespace: this.namespace,
      podLabels: props.podLabels ?? DEFAULT_POD_LABELS,
      name: props.policyName,
      watch: props.firewallPolicy?.watch,
    });
    const fp = props.firewallPolicy;
    this.manifests = fp
      ? this.firewallPolicyObjects.map(
          (obj, i) =>
            new Manifest(this, i === 0 ? "firewall-policy" : `firewall-policy-${i}`, {
              manifest: Lazy.anyValue({ produce: () => terraformLiteralTree(obj) }) as unknown as Record<string, unknown>,
              provider: fp.provider,
              dependsOn: fp.dependsOn,
            }),
        )
      : [];
    if (fp) addPreflightFacts(this, { kind: "firewall-policy-crd", objects: this.firewallPolicyObjects, clusterKey: clusterKeyOf(fp.clusterKey, fp.provider) });
  }

  /**
   * Shim groups of one kind (sorted by name).
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public groupsOf(kind: EgressGroup["kind"]): EgressGroup[] {
    return this.model.groups.filter((g) => g.kind === kind && g.domains.length > 0);
  }

  /** The pod-scope V1 rules: LLM providers, one WebGroup per MCP server, other groups and reviewed CIDRs. */
  public podRules(opts: LibreChatPodRuleOptions): DcfRuleProps[] {
    const base = { src: opts.src, dst: opts.dst };
    const llm = this.rulesByPort("allow-llm-providers", this.priorityProp("llmPriority", opts.llmPriority, 10), this.groupsOf("llm"), base);
    const mcp = this.rulesByPort(
      "allow-mcp-per-server",
      Math.max(this.priorityProp("mcpPriority", opts.mcpPriority, 15), this.nextFree),
      this.groupsOf("mcp"),
      base,
    );
    const other = this.otherRules(Math.max(this.priorityProp("otherPriority", opts.otherPriority, 17), this.nextFree), base);
    return [...llm, ...mcp, ...other];
  }

  /**
   * Node-scope rules: image pulls by containerd on the nodes (never the pods), no decryption.
   * TypeScript-only helper for stacks.
   * @jsii ignore
   */
  public registryRules(opts: {
    readonly src: readonly SmartGroupInput[];
    readonly dst: readonly SmartGroupInput[];
    readonly priority?: number;
  }): DcfRuleProps[] {
    const start = Math.max(this.priorityProp("priority", opts.priority, 20), this.nextFree);
    return this.rulesByPort("allow-oci-registry", start, this.groupsOf("oci-registries"), { src: opts.src, dst: opts.dst }, "DECRYPT_NOT_ALLOWED");
  }

  private otherRules(priority: number, base: { src: readonly SmartGroupInput[]; dst: readonly SmartGroupInput[] }): DcfRuleProps[] {
    const groups = OTHER_POD_KINDS.flatMap((k) => this.groupsOf(k));
    const rules = this.rulesByPort("allow-librechat-integrations", priority, groups, base);
    this.model.cidrPermits.forEach((p, i) => {
      // Reviewed IP exceptions: a CIDR destination, no WebGroup (no SNI to match).
      let group = this.cidrGroups.get(p.cidr);
      if (!group) {
        group = new SmartGroup(this, `cidr-${i + 1}`, { name: this.controllerName(`librechat-cidr-${i + 1}`), matchExpressions: [{ cidr: p.cidr }] });
        this.cidrGroups.set(p.cidr, group);
      }
      rules.push({
        name: `allow-reviewed-cidr-${i + 1}`,
        priority: this.nextFree++,
        action: "PERMIT",
        protocol: "TCP",
        ports: [p.port],
        src: [...base.src],
        dst: [group],
      });
    });
    return rules;
  }

  private priorityProp(prop: string, value: unknown, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw new ConstructPropsError(this, prop, value, "an integer ≥ 0");
    return value;
  }

  private rulesByPort(
    name: string,
    priority: number,
    groups: readonly EgressGroup[],
    base: { src: readonly SmartGroupInput[]; dst: readonly SmartGroupInput[] },
    decryptPolicy?: DcfRuleProps["decryptPolicy"],
  ): DcfRuleProps[] {
    const ports = [...new Set(groups.map((g) => g.port))].sort((a, b) => (a === 443 ? -1 : b === 443 ? 1 : a - b));
    this.nextFree = Math.max(this.nextFree, priority + ports.length);
    return ports.map((port, i) => ({
      name: port === 443 ? name : `${name}-${port}`,
      priority: priority + i,
      action: "PERMIT" as const,
      protocol: "TCP" as Protocol,
      ports: [port],
      src: [...base.src],
      dst: [...base.dst],
      webGroups: groups.filter((g) => g.port === port).map((g) => this.webGroups.get(g.name)!),
      ...(decryptPolicy ? { decryptPolicy } : {}),
    }));
  }
}
