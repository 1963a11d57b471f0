// Zero Trust for AI workloads: AI provider WebGroups (an Aviatrix-managed list by name, or
// explicit domains) + workload SmartGroups (k8s label/namespace, cloud tag, Lambda ARN, CIDR) +
// ordered intents ("prod tagged approved → Bedrock", "dev → any AI provider"), closed by a deny
// of every other workload to every AI provider. Rolled out in stages: log-only → permit → deny.
import { Construct } from "constructs";
import { MatchExpression } from "../../dcf/model";
import { Select } from "../../dcf/builder/selectors";
import { DcfPolicyPack } from "../dcf/dcf-policy-pack";
import { DcfRuleProps } from "../dcf/dcf-rule";
import { IWebGroupRef, WellKnownSmartGroups } from "../dcf/group-refs";
import { ManagedWebGroup } from "../dcf/managed-groups";
import { SmartGroup } from "../dcf/smart-group";
import { WebGroup } from "../dcf/web-group";
import { ConstructPropsError, described } from "../../core/construct-props-error";

/**
 * Rollout stage.
 * - "log-only": every rule watches (logs and falls through): nothing changes yet;
 * - "permit": intents permit, the closing deny still only logs what it would block;
 * - "deny": intents permit and every other AI access is denied.
 */
export type ZeroTrustStage = "log-only" | "permit" | "deny";

/** An AI provider destination: exactly one of `managedWebGroup` or `domains`. */
export interface AiProviderProps {
  /** Name of an Aviatrix-managed (or pre-existing) WebGroup on the controller. @default - use `domains` */
  readonly managedWebGroup?: string;
  /** Explicit SNI domains (exact or `*.` wildcard). @default - use `managedWebGroup` */
  readonly domains?: string[];
  /** WebGroup name on the controller. @default - `ai-<key>` */
  readonly name?: string;
}

/** Who an intent is about: any combination of selectors (OR'ed). */
/** Kubernetes pods of an AI workload: every given field must match. */
export interface AiWorkloadK8sSelector {
  readonly cluster?: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface AiWorkloadProps {
  /** Kubernetes pods by cluster/namespace/labels. @default - none */
  readonly k8s?: AiWorkloadK8sSelector;
  /** VMs carrying all these cloud tags. @default - none */
  readonly cloudTags?: Readonly<Record<string, string>>;
  /** Lambda functions by ARN (serverless SmartGroup). @default - none */
  readonly lambdaArns?: string[];
  /** Source CIDRs. @default - none */
  readonly cidrs?: string[];
  /** SmartGroup name on the controller. @default - `ai-workload-<key>` */
  readonly name?: string;
}

/** One allowed access, evaluated in the order given (first match wins). */
export interface AiAccessIntent {
  /** Rule name. */
  readonly name: string;
  /** Keys of `workloads`. */
  readonly workloads: string[];
  /** Keys of `providers`, or "any" for every declared provider. */
  readonly providers: string[] | "any";
  /** @default [443] */
  readonly ports?: number[];
}

export interface ZeroTrustForAiProps {
  /** The policy pack the rules are added to. */
  readonly pack: DcfPolicyPack;
  /** AI providers by key (e.g. bedrock, all). */
  readonly providers: Readonly<Record<string, AiProviderProps>>;
  /** Workloads by key (e.g. prod, dev). */
  readonly workloads: Readonly<Record<string, AiWorkloadProps>>;
  /** Allowed accesses in evaluation order. */
  readonly intents: AiAccessIntent[];
  /** @default "log-only" */
  readonly stage?: ZeroTrustStage;
  /** Priority of the first intent; intents are 1 apart, the closing deny follows. @default 100 */
  readonly firstPriority?: number;
  /** Name of the closing deny. @default "deny-other-ai-access" */
  readonly denyRuleName?: string;
  /**
   * The pack the closing deny joins. Give a pack evaluated after the K8S block (e.g. a ruleset at
   * TERRAFORM_AFTER_K8S_MANAGED) when FirewallPolicies permit AI providers to other workloads: a
   * deny before the K8S block would pre-empt them (docs/research/k8s-obot-crds.md §5.4).
   * @default - `pack`
   */
  readonly closingPack?: DcfPolicyPack;
  /** Prefix of the controller names of the groups created here (provider WebGroups, workload SmartGroups). @default - none */
  readonly namePrefix?: string;
}

const STAGES: readonly ZeroTrustStage[] = ["log-only", "permit", "deny"];
const KEY = /^[a-z][a-z0-9-]{0,40}$/;

/** Zero Trust for AI: intents as DCF rules in a pack, staged log-only → permit → deny. */
export class ZeroTrustForAi extends Construct {
  public readonly stage: ZeroTrustStage;
  /**
   * TypeScript-only (a Map; README "jsii").
   * @jsii ignore
   */
  public readonly providerGroups: ReadonlyMap<string, IWebGroupRef>;
  /**
   * TypeScript-only (a Map; README "jsii").
   * @jsii ignore
   */
  public readonly workloadGroups: ReadonlyMap<string, SmartGroup>;
  /** The rule props added to the pack, in order. */
  public readonly rules: DcfRuleProps[];

  private readonly namePrefix?: string;

  constructor(scope: Construct, id: string, props: ZeroTrustForAiProps) {
    super(scope, id);
    this.namePrefix = props.namePrefix;
    this.stage = props.stage ?? "log-only";
    if (!STAGES.includes(this.stage)) throw new ConstructPropsError(this, "stage", props.stage, `one of ${STAGES.join(", ")}`);
    if (!DcfPolicyPack.isDcfPolicyPack(props.pack)) throw new ConstructPropsError(this, "pack", described("no DcfPolicyPack"), "the pack the rules join");

    const providers = new Map<string, IWebGroupRef>();
    for (const key of Object.keys(props.providers ?? {}).sort()) providers.set(key, this.provider(key, props.providers[key]));
    if (providers.size === 0) throw new ConstructPropsError(this, "providers", described("none"), "at least one AI provider (managedWebGroup or domains)");
    const workloads = new Map<string, SmartGroup>();
    for (const key of Object.keys(props.workloads ?? {}).sort()) workloads.set(key, this.workload(key, props.workloads[key]));
    if (workloads.size === 0) throw new ConstructPropsError(this, "workloads", described("none"), "at least one workload selector");
    this.providerGroups = providers;
    this.workloadGroups = workloads;

    const first = props.firstPriority ?? 100;
    if (!Number.isInteger(first) || first < 0) throw new ConstructPropsError(this, "firstPriority", props.firstPriority, `an integer ≥ 0`);
    if (!Array.isArray(props.intents) || props.intents.length === 0) {
      throw new ConstructPropsError(
        this,
        "intents",
        described("none"),
        'at least one intent such as { name: "prod-to-bedrock", workloads: ["prod"], providers: ["bedrock"] }',
      );
    }
    const pick = <T>(map: ReadonlyMap<string, T>, keys: readonly string[], prop: string): T[] =>
      keys.map((k, i) => {
        const v = map.get(k);
        if (v === undefined) throw new ConstructPropsError(this, `${prop}[${i}]`, k, `one of ${[...map.keys()].join(", ")}`);
        return v;
      });
    const permitsAct = this.stage !== "log-only";
    const rules: DcfRuleProps[] = props.intents.map((intent, i) => {
      const at = `intents[${i}]`;
      if (typeof intent.name !== "string" || !KEY.test(intent.name)) {
        throw new ConstructPropsError(this, `${at}.name`, intent.name, `a rule name of lower-case letters, digits and '-'`);
      }
      if (!Array.isArray(intent.workloads) || intent.workloads.length === 0)
        throw new ConstructPropsError(this, `${at}.workloads`, described("none"), "at least one workload key");
      const web = intent.providers === "any" ? [...providers.values()] : pick(providers, intent.providers, `${at}.providers`);
      if (web.length === 0) throw new ConstructPropsError(this, `${at}.providers`, described("none"), 'provider keys or "any"');
      return {
        name: intent.name,
        priority: first + i,
        action: "PERMIT",
        protocol: "TCP",
        ports: intent.ports ?? [443],
        src: pick(workloads, intent.workloads, `${at}.workloads`),
        dst: [WellKnownSmartGroups.publicInternet()],
        webGroups: web,
        logging: true,
        enforce: permitsAct,
      };
    });
    // Everything else the declared workloads send to an AI provider, every port, logged; acts only
    // in "deny". Scoped to the workloads declared here, never Anywhere: a deny from every source
    // would also decide other teams' traffic on a shared controller and, evaluated before the K8S
    // block, pre-empt FirewallPolicy permits (e.g. an Obot MCP server's own LLM permit).
    const closing: DcfRuleProps = {
      name: props.denyRuleName ?? "deny-other-ai-access",
      priority: first + props.intents.length,
      action: "DENY",
      protocol: "TCP",
      src: [...workloads.values()],
      dst: [WellKnownSmartGroups.publicInternet()],
      webGroups: [...providers.values()],
      logging: true,
      enforce: this.stage === "deny",
    };
    if (props.closingPack !== undefined && !DcfPolicyPack.isDcfPolicyPack(props.closingPack)) {
      throw new ConstructPropsError(this, "closingPack", described("no DcfPolicyPack"), "a DcfPolicyPack evaluated after the K8S block");
    }
    for (const r of rules) props.pack.addRule(r);
    (props.closingPack ?? props.pack).addRule(closing);
    this.rules = [...rules, closing];
  }

  private provider(key: string, p: AiProviderProps): IWebGroupRef {
    const at = `providers.${key}`;
    if (!KEY.test(key)) throw new ConstructPropsError(this, at, key, "a key of lower-case letters, digits and '-'", "rename the key");
    if ((p.managedWebGroup === undefined) === (p.domains === undefined)) {
      throw new ConstructPropsError(this, at, p, `exactly one of managedWebGroup (an Aviatrix-managed list by name) or domains`);
    }
    if (p.managedWebGroup !== undefined) return ManagedWebGroup.fromName(this, `provider-${key}`, p.managedWebGroup);
    return new WebGroup(this, `provider-${key}`, { name: p.name ?? this.controllerName(`ai-${key}`), domains: p.domains });
  }

  private workload(key: string, w: AiWorkloadProps): SmartGroup {
    const at = `workloads.${key}`;
    if (!KEY.test(key)) throw new ConstructPropsError(this, at, key, "a key of lower-case letters, digits and '-'", "rename the key");
    const exprs: MatchExpression[] = [];
    if (w.k8s) exprs.push(Select.k8s({ cluster: w.k8s.cluster, namespace: w.k8s.namespace, labels: w.k8s.labels }));
    if (w.cloudTags) exprs.push(Select.vm({ tags: w.cloudTags }));
    for (const arn of w.lambdaArns ?? []) {
      if (!/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9-_]+(:[A-Za-z0-9$_-]+)?$/.test(arn) && !arn.includes("${")) {
        throw new ConstructPropsError(this, `${at}.lambdaArns`, arn, `a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)`);
      }
      exprs.push(Select.serverless({ resId: arn }));
    }
    for (const cidr of w.cidrs ?? []) exprs.push(Select.cidr(cidr));
    if (exprs.length === 0) throw new ConstructPropsError(this, at, described("no selector"), "k8s, cloudTags, lambdaArns or cidrs");
    return new SmartGroup(this, `workload-${key}`, { name: w.name ?? this.controllerName(`ai-workload-${key}`), matchExpressions: exprs });
  }

  private controllerName(name: string): string {
    return this.namePrefix === undefined ? name : `${this.namePrefix}-${name}`;
  }
}
