// A FirewallPolicy custom resource (networking.aviatrix.com/v1alpha1): per-namespace rules the
// controller puts in the K8S block (V1 → K8S → POST_RULES). Rendered as a `kubernetes_manifest`
// and as deterministic YAML text from the same object; exposes its rules as a PolicyModel (tier K8S).
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { Construct } from "constructs";
import { dependable, Lazy, TerraformProvider, TerraformResource, Token } from "../../core/cdktf";
import { CrdGroupRef, CrdRule, CrdSmartGroupSelector, FirewallPolicyObject } from "../../dcf/crd/firewall-policy-types";
import { PolicyMode, PolicyModel, PortRange, Protocol, RuleModel, SmartGroupModel, WebGroupModel } from "../../dcf/model";
import { canonicalExpressions, canonicalWebMatches, compareText } from "../../dcf/builder/canonical";
import { validateMatchExpression, validateWebMatch } from "../../dcf/builder/validate";
import { firewallPolicyObject, firewallPolicyToYaml } from "../../dcf/crd/firewall-policy-yaml";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource } from "../../preflight/facts";
import { chartVersionAtLeast, parseChartVersion } from "../kubernetes/chart-version";
import { clusterKeyOf } from "../kubernetes/cluster-key";
import { resolveTokens } from "../../core/resolve-tokens";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { isSmartGroupRef, isWebGroupRef, SmartGroupInput, WebGroupInput } from "./group-refs";
import { withConstructPath } from "./model-checks";
import {
  CRD_10_1_CHART,
  CRD_10_1_FIELDS,
  CRD_ACTIONS,
  CRD_DECRYPT,
  CRD_FLOW_APP,
  CRD_LOG_PROFILES,
  CRD_PROTOCOLS,
  toCrdSelector,
} from "./firewall-policy-rules";
import { sortedByKey } from "../../dcf/builder/canonical";
import { checkBooleanProps } from "../../core/prop-types";
import { checkRulePorts, DEFAULT_RULE_LOGGING, isPortProblem, logProfileId, RuleCommonProps, unknownRuleKey } from "../../dcf/rule-props";
import { terraformLiteralTree } from "../../core/terraform-literal";
import { own } from "../../util/own";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The workloads a rule applies to, always inside the policy's namespace (and cluster). */
export interface FirewallPolicySourceSelector {
  /** Pod labels that must all match. @default - every workload of the namespace */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** A Service name (not together with matchLabels). @default - none */
  readonly service?: string;
}

/**
 * One rule of a FirewallPolicy: the shared rule fields (lib/dcf/rule-props.ts), a source selector
 * in the policy's namespace, and destinations. The CRD holds one port range per rule, so `ports`
 * has at most one entry; decryptPolicy, watch, tlsProfile, logProfile and flowAppRequirement need
 * chart ≥ 10.1.0.
 */
export interface FirewallPolicyRuleProps extends RuleCommonProps {
  /** TCP, UDP, ICMP or ANY (any case). @default "ANY" */
  readonly protocol?: Protocol | Lowercase<Protocol>;
  /** Source workloads. @default - every workload of the namespace */
  readonly selector?: FirewallPolicySourceSelector;
  /**
   * Destinations: SmartGroup constructs and managed groups (referenced by name), well-known
   * groups (by UUID) or selector models (defined inline in `spec.smartGroups`).
   */
  readonly dst: SmartGroupInput[];
  /** WebGroups: constructs/managed (by name), All-Web (by UUID) or domain models (inline). @default - none */
  readonly webGroups?: WebGroupInput[];
  /** In discover mode: act instead of watching. @default false */
  readonly promote?: boolean;
}

/** The keys {@link FirewallPolicyRuleProps} adds to the shared rule fields. */
const FIREWALL_POLICY_RULE_KEYS: readonly string[] = ["protocol", "selector", "dst", "webGroups", "promote"];

export interface FirewallPolicyProps {
  /** metadata.name (DNS-1123 subdomain). @default - the construct id */
  readonly name?: string;
  /** metadata.namespace (the workloads' namespace). */
  readonly namespace: string;
  /**
   * Version of the k8s-firewall chart serving the CRD: decryptPolicy, watch, tlsProfile,
   * logProfile and flowAppRequirement need ≥ 10.1.0. @default "10.1.0"
   */
  readonly chartVersion?: string;
  /** discover: rules are watched (chart ≥ 10.1.0); enforce: rules act. @default "enforce" */
  readonly mode?: PolicyMode;
  /** `aviatrix_kubernetes_cluster` cluster_id, used for the rule sources in `model`. @default - any cluster */
  readonly clusterId?: string;
  /** @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** @default - none; add with addRule */
  readonly rules?: FirewallPolicyRuleProps[];
  /**
   * Also create a `kubernetes_manifest` (false: only `toYaml()`/`toObject()`, e.g. for GitOps).
   * @default true
   */
  readonly renderManifest?: boolean;
  /** Kubernetes provider for the manifest. @default - the default kubernetes provider */
  readonly provider?: TerraformProvider;
  /**
   * Which cluster the object is applied to, for preflight (matches the k8s-firewall chart).
   * @default - the path of the KubernetesProviders owning `provider`, else "default"
   */
  readonly clusterKey?: string;
}

interface StoredRule {
  readonly crd: CrdRule;
  readonly model: Omit<RuleModel, "priority">;
}

/** A FirewallPolicy object, as a kubernetes_manifest and as YAML. */
export class FirewallPolicy extends Construct implements PreflightFactSource {
  public readonly policyName: string;
  public readonly namespace: string;
  public readonly chartVersion: string;
  public readonly mode: PolicyMode;
  public readonly manifest?: Manifest;

  private readonly props: FirewallPolicyProps;
  private readonly supports10_1: boolean;
  private readonly rules: StoredRule[] = [];
  private readonly inlineSmartGroups = new Map<string, { selectors: CrdSmartGroupSelector[]; model: SmartGroupModel }>();
  private readonly inlineWebGroups = new Map<string, { domains: string[]; model: WebGroupModel }>();
  private readonly referencedSmartGroups = new Map<string, SmartGroupModel>();
  private readonly referencedWebGroups = new Map<string, WebGroupModel>();
  private readonly dependencies = new Set<TerraformResource>();

  constructor(scope: Construct, id: string, props: FirewallPolicyProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["renderManifest"]);
    this.props = props;
    this.policyName = props.name ?? id;
    this.namespace = props.namespace;
    if (!DNS1123_SUBDOMAIN.test(this.policyName)) {
      throw new ConstructPropsError(this, "name", this.policyName, "a DNS-1123 subdomain (lower-case letters, digits, '-', '.')", "rename the policy");
    }
    if (typeof this.namespace !== "string" || !DNS1123_LABEL.test(this.namespace)) {
      throw new ConstructPropsError(this, "namespace", props.namespace, "a DNS-1123 label (lower-case letters, digits, '-')");
    }
    this.chartVersion = props.chartVersion ?? CRD_10_1_CHART;
    const chart = parseChartVersion(this.chartVersion);
    if (chart === undefined) throw new ConstructPropsError(this, "chartVersion", props.chartVersion, `a chart version "X.Y.Z" (e.g. "${CRD_10_1_CHART}")`);
    this.supports10_1 = chartVersionAtLeast(chart, CRD_10_1_CHART);
    this.mode = props.mode ?? "enforce";
    if (this.mode !== "discover" && this.mode !== "enforce") throw new ConstructPropsError(this, "mode", props.mode, `"discover" or "enforce"`);
    if (this.mode === "discover" && !this.supports10_1) {
      throw new ConstructPropsError(
        this,
        "mode",
        described(`"discover" with chartVersion ${this.chartVersion}`),
        `chartVersion ≥ ${CRD_10_1_CHART} (watch mode)`,
        'upgrade the k8s-firewall chart or use mode: "enforce"',
      );
    }
    if (props.renderManifest ?? true) {
      // Produced at synth, so rules added after construction are included.
      this.manifest = new Manifest(this, "Default", {
        manifest: Lazy.anyValue({ produce: () => terraformLiteralTree(this.toObject()) }) as unknown as Record<string, unknown>,
        provider: props.provider,
      });
    }
    for (const r of props.rules ?? []) this.addRule(r);
    this.node.addValidation({
      validate: () =>
        this.rules.length === 0
          ? [
              ConstructPropsError.validationMessage(
                this,
                "rules",
                described("none"),
                "at least one rule",
                "a FirewallPolicy without rules enforces nothing — add rules",
              ),
            ]
          : [],
    });
  }

  /** Adds a rule (evaluated in the order added); validates it now. */
  public addRule(props: FirewallPolicyRuleProps): this {
    const index = this.rules.length;
    if (typeof props.name !== "string" || props.name.trim() === "") {
      throw new ConstructPropsError(this, `rules[${index}].name`, props.name, "a non-empty rule name");
    }
    const at = `rules[${JSON.stringify(props.name)}]`;
    const fail = (prop: string, got: unknown, want: string, fix?: string): never => {
      throw new ConstructPropsError(this, `${at}.${prop}`, got, want, fix);
    };
    if (this.rules.some((r) => r.crd.name === props.name)) fail("name", props.name, "a name unique in the policy", "rename one of the rules");
    const unknown = unknownRuleKey(props, FIREWALL_POLICY_RULE_KEYS);
    if (unknown !== undefined) fail(unknown.key, (props as unknown as Record<string, unknown>)[unknown.key], unknown.want, unknown.fix);

    checkBooleanProps(this, props, ["logging", "watch", "promote"], `${at}.`);
    const action = typeof props.action === "string" && Object.hasOwn(CRD_ACTIONS, props.action) ? CRD_ACTIONS[props.action] : undefined;
    if (action === undefined) fail("action", props.action, "PERMIT, DENY or INTRUSION_DETECTION_PERMIT", "the CRD has no deep packet inspection action");
    const protocol = (typeof props.protocol === "string" ? props.protocol : props.protocol === undefined ? "ANY" : "").toUpperCase() as Protocol;
    if (!Object.hasOwn(CRD_PROTOCOLS, protocol)) fail("protocol", props.protocol, "TCP, UDP, ICMP or ANY");
    const ports = checkRulePorts(props.ports, protocol);
    if (isPortProblem(ports)) fail(`ports${ports.at}`, ports.gotIsText ? described(String(ports.got)) : ports.got, ports.want, ports.fix);
    const portRanges = ports as PortRange[];
    if (portRanges.length > 1)
      fail("ports", props.ports, "at most one port or range (the CRD has one port/endPort per rule)", "split the rule, one per port range");
    const port = portRanges[0];

    const sel = props.selector;
    if (sel !== undefined) {
      const hasLabels = sel.matchLabels !== undefined && Object.keys(sel.matchLabels).length > 0;
      if (hasLabels && sel.service !== undefined && sel.service !== "") fail("selector", sel, "matchLabels or service, not both");
      if (sel.service !== undefined && sel.service !== "" && !DNS1123_LABEL.test(sel.service))
        fail("selector.service", sel.service, "a Service name (DNS-1123 label)");
    }

    // 10.1.0-only fields: reject explicitly set ones on older charts rather than have the API server prune them.
    const watch = props.watch ?? (this.mode === "discover" && props.promote !== true);
    if (props.watch === true && props.promote === true) fail("watch", true, "not together with promote: true", "drop one of them");
    if (!this.supports10_1) {
      const used = CRD_10_1_FIELDS.filter((f) => props[f] !== undefined && (f !== "watch" || props.watch === true));
      if (used.length > 0) {
        fail(
          used[0],
          props[used[0]],
          `no ${used[0]} with chartVersion ${this.chartVersion}`,
          `upgrade the k8s-firewall chart to ≥ ${CRD_10_1_CHART} or drop ${used.join(", ")}`,
        );
      }
    }
    let decrypt: CrdRule["decryptPolicy"];
    if (props.decryptPolicy !== undefined && props.decryptPolicy !== "DECRYPT_UNSPECIFIED") {
      decrypt = own(CRD_DECRYPT, props.decryptPolicy);
      if (decrypt === undefined) fail("decryptPolicy", props.decryptPolicy, "DECRYPT_ALLOWED or DECRYPT_NOT_ALLOWED");
    }
    let flowApp: CrdRule["flowAppRequirement"];
    if (props.flowAppRequirement !== undefined && props.flowAppRequirement !== "APP_UNSPECIFIED") {
      flowApp = own(CRD_FLOW_APP, props.flowAppRequirement);
      if (flowApp === undefined) fail("flowAppRequirement", props.flowAppRequirement, "TLS_REQUIRED or NOT_TLS_REQUIRED");
    }
    const logging = props.logging ?? DEFAULT_RULE_LOGGING;
    if (props.logProfile !== undefined) {
      if (own(CRD_LOG_PROFILES, props.logProfile) === undefined) fail("logProfile", props.logProfile, `"start", "end" or "start/end"`);
      if (!logging) fail("logProfile", props.logProfile, "no log profile when logging is off", "turn logging on or drop logProfile");
    }
    if (watch && props.logging === false) fail("logging", false, "true for a watched rule", "a watched rule that does not log does nothing");

    if (!Array.isArray(props.dst) || props.dst.length === 0)
      fail("dst", props.dst, "at least one destination group", "egress rules use ManagedSmartGroup.publicInternet()");
    const dst = props.dst.map((g, i) => this.smartGroupRef(g, `${at}.dst[${i}]`));
    const web = (props.webGroups ?? []).map((g, i) => this.webGroupRef(g, `${at}.webGroups[${i}]`));
    const urlGroup = web.find((w) => w.hasUrl);
    if (urlGroup !== undefined && props.decryptPolicy !== "DECRYPT_ALLOWED") {
      fail(
        "decryptPolicy",
        props.decryptPolicy,
        `"DECRYPT_ALLOWED" because WebGroup "${urlGroup.model.name}" has URL filters`,
        "URL filters only match decrypted flows",
      );
    }
    const byName = (a: { ref: CrdGroupRef; model: { key: string } }, b: { ref: CrdGroupRef; model: { key: string } }) => compareText(a.model.key, b.model.key);
    dst.sort(byName);
    web.sort(byName);

    const crd: CrdRule = {
      name: props.name,
      action: action!,
      ...(sel !== undefined ? { selector: compactSelector(sel) } : {}),
      destinationSmartGroups: dedupeRefs(dst.map((d) => d.ref)),
      ...(web.length > 0 ? { webGroups: dedupeRefs(web.map((w) => w.ref)) } : {}),
      protocol: CRD_PROTOCOLS[protocol],
      ...(port !== undefined ? { port: port.lo } : {}),
      ...(port?.hi !== undefined ? { endPort: port.hi } : {}),
      logging,
      ...(props.logProfile !== undefined ? { logProfile: props.logProfile as NonNullable<CrdRule["logProfile"]> } : {}),
      ...(decrypt !== undefined ? { decryptPolicy: decrypt } : {}),
      ...(flowApp !== undefined ? { flowAppRequirement: flowApp } : {}),
      ...(props.tlsProfile !== undefined ? { tlsProfile: props.tlsProfile } : {}),
      ...(watch && this.supports10_1 ? { watch: true } : props.watch === false && this.supports10_1 ? { watch: false } : {}),
    };
    const src = this.sourceGroup(props.name, sel);
    this.rules.push({
      crd,
      model: {
        name: props.name,
        tier: "K8S",
        action: props.action,
        protocol,
        portRanges,
        srcGroups: [src.key],
        dstGroups: [...new Set(dst.map((d) => d.model.key))],
        webGroups: [...new Set(web.map((w) => w.model.key))],
        logging,
        watch,
        decryptPolicy: props.decryptPolicy ?? "DECRYPT_UNSPECIFIED",
        ...(props.tlsProfile !== undefined ? { tlsProfile: props.tlsProfile } : {}),
        ...(props.logProfile !== undefined ? { logProfile: logProfileId(props.logProfile) } : {}),
        flowAppRequirement: props.flowAppRequirement ?? "APP_UNSPECIFIED",
        origin: `${this.namespace}/${this.policyName}`,
      },
    });
    this.referencedSmartGroups.set(src.key, src);
    return this;
  }

  /**
   * The FirewallPolicy object (groups sorted by name, rules in the order added).
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public toObject(): FirewallPolicyObject {
    const metadata = {
      name: this.policyName,
      namespace: this.namespace,
      ...(this.props.labels ? { labels: { ...this.props.labels } } : {}),
      ...(this.props.annotations ? { annotations: { ...this.props.annotations } } : {}),
    };
    const smartGroups = [...this.inlineSmartGroups.entries()].sort(([a], [b]) => compareText(a, b));
    const webGroups = [...this.inlineWebGroups.entries()].sort(([a], [b]) => compareText(a, b));
    return firewallPolicyObject(metadata, {
      rules: this.rules.map((r) => r.crd),
      ...(smartGroups.length > 0 ? { smartGroups: smartGroups.map(([name, g]) => ({ name, selectors: g.selectors })) } : {}),
      ...(webGroups.length > 0 ? { webGroups: webGroups.map(([name, g]) => ({ name, domains: g.domains })) } : {}),
    });
  }

  /**
   * The object as YAML text (deterministic), for GitOps or kubectl. Fails when a field is a
   * Terraform token (e.g. a group name computed at apply time), which YAML cannot carry.
   */
  public toYaml(): string {
    const obj = this.toObject();
    const text = JSON.stringify(obj);
    if (Token.isUnresolved(text)) {
      throw new ConstructPropsError(
        this,
        "toYaml()",
        described("a Terraform token in the object"),
        "literal values only",
        "use the kubernetes_manifest rendering, or give groups literal names",
      );
    }
    return firewallPolicyToYaml(obj);
  }

  /**
   * The policy's rules as model data (tier K8S, priority = position), with every group they use.
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public get model(): PolicyModel {
    const smartGroups: Record<string, SmartGroupModel> = {};
    const webGroups: Record<string, WebGroupModel> = {};
    for (const k of [...this.referencedSmartGroups.keys()].sort()) smartGroups[k] = this.referencedSmartGroups.get(k)!;
    for (const k of [...this.referencedWebGroups.keys()].sort()) webGroups[k] = this.referencedWebGroups.get(k)!;
    return resolveTokens(this, {
      smartGroups,
      webGroups,
      rules: this.rules.map((r, i) => ({ ...r.model, priority: i })),
    });
  }

  /** Preflight: the applied object, on which cluster, written for which chart (AVX-CTRL4, AVX-K8S3). */
  /** @internal */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    if (this.manifest === undefined) return []; // toYaml()/toObject() only: applied elsewhere (GitOps)
    return [
      {
        kind: "firewall-policy-crd",
        objects: [this.toObject()],
        clusterKey: clusterKeyOf(this.props.clusterKey, this.props.provider),
        chartVersion: this.chartVersion,
      },
    ];
  }

  private get keyPrefix(): string {
    return `${this.namespace}/${this.policyName}`;
  }

  /** The rule's source as a SmartGroup model: k8s workloads of this namespace (and cluster). */
  private sourceGroup(rule: string, sel: FirewallPolicySourceSelector | undefined): SmartGroupModel {
    const labels = sel?.matchLabels && Object.keys(sel.matchLabels).length > 0 ? sortedByKey(sel.matchLabels) : undefined;
    const service = sel?.service !== undefined && sel.service !== "" ? sel.service : undefined;
    return {
      key: `${this.keyPrefix}#${rule}/src`,
      name: `${this.keyPrefix} ${rule} source`,
      kind: "selector",
      expressions: [
        {
          type: "k8s",
          ...(this.props.clusterId !== undefined ? { k8sClusterId: this.props.clusterId } : {}),
          k8sNamespace: this.namespace,
          ...(service !== undefined ? { k8sService: service } : {}),
          ...(labels !== undefined ? { tags: labels } : {}),
        },
      ],
    };
  }

  private smartGroupRef(g: SmartGroupInput, prop: string): { ref: CrdGroupRef; model: SmartGroupModel } {
    if (g === undefined || g === null || typeof g !== "object") throw new ConstructPropsError(this, prop, g, "a group construct, reference or model");
    if (isSmartGroupRef(g)) {
      const model = g.model;
      this.referencedSmartGroups.set(model.key, model);
      this.dependOn(g);
      // Built-in / UUID refs by uuid; groups created by Terraform or found by name, by name.
      const byUuid = model.kind === "anywhere" || model.kind === "publicInternet" || model.key === g.uuid;
      return { ref: byUuid ? { uuid: g.uuid } : { name: model.name }, model };
    }
    const model = g as SmartGroupModel;
    if (model.kind === "selector") {
      model.expressions.forEach((e, i) => withConstructPath(this, `${prop}.expressions[${i}]`, () => validateMatchExpression(e, `${prop}.expressions[${i}]`)));
      const selectors: CrdSmartGroupSelector[] = canonicalExpressions(model.expressions).map((e, i) => {
        const s = toCrdSelector(e);
        if (typeof s === "string") {
          throw new ConstructPropsError(
            this,
            `${prop}.expressions[${i}].${s}`,
            e[s as keyof typeof e],
            "a field the FirewallPolicy selector has",
            "create a SmartGroup construct and reference it instead",
          );
        }
        return s;
      });
      const local: SmartGroupModel = { ...model, key: `${this.keyPrefix}/smartGroups/${model.name}`, expressions: canonicalExpressions(model.expressions) };
      const existing = this.inlineSmartGroups.get(model.name);
      if (existing && JSON.stringify(existing.selectors) !== JSON.stringify(selectors)) {
        throw new ConstructPropsError(
          this,
          prop,
          described(`two different groups named ${JSON.stringify(model.name)}`),
          "unique inline group names",
          "rename one of the groups",
        );
      }
      this.inlineSmartGroups.set(model.name, { selectors, model: local });
      this.referencedSmartGroups.set(local.key, local);
      return { ref: { name: model.name }, model: local };
    }
    if (model.kind === "managed") {
      this.referencedSmartGroups.set(model.key, model);
      return { ref: { name: model.name }, model };
    }
    throw new ConstructPropsError(
      this,
      prop,
      model.kind,
      "a SmartGroup construct/reference or a selector/managed model",
      "use ManagedSmartGroup.anywhere() / publicInternet() for built-in groups",
    );
  }

  private webGroupRef(g: WebGroupInput, prop: string): { ref: CrdGroupRef; model: WebGroupModel; hasUrl: boolean } {
    if (g === undefined || g === null || typeof g !== "object") throw new ConstructPropsError(this, prop, g, "a group construct, reference or model");
    if (isWebGroupRef(g)) {
      const model = g.model;
      this.referencedWebGroups.set(model.key, model);
      this.dependOn(g);
      const byUuid = model.kind === "allWeb" || model.key === g.uuid;
      return { ref: byUuid ? { uuid: g.uuid } : { name: model.name }, model, hasUrl: model.matches.some((m) => m.url !== undefined) };
    }
    const model = g as WebGroupModel;
    if (model.kind === "domains") {
      const url = model.matches.find((m) => m.url !== undefined);
      if (url !== undefined) {
        throw new ConstructPropsError(
          this,
          prop,
          url.url,
          "SNI domains only (FirewallPolicy webGroups have no URL filters)",
          "create a WebGroup construct with the URL filter and reference it",
        );
      }
      model.matches.forEach((m, i) => withConstructPath(this, `${prop}.matches[${i}]`, () => validateWebMatch(m, `${prop}.matches[${i}]`)));
      const domains = canonicalWebMatches(model.matches).map((m) => m.sni as string);
      const local: WebGroupModel = { ...model, key: `${this.keyPrefix}/webGroups/${model.name}`, matches: canonicalWebMatches(model.matches) };
      const existing = this.inlineWebGroups.get(model.name);
      if (existing && JSON.stringify(existing.domains) !== JSON.stringify(domains)) {
        throw new ConstructPropsError(
          this,
          prop,
          described(`two different web groups named ${JSON.stringify(model.name)}`),
          "unique inline group names",
          "rename one of the groups",
        );
      }
      this.inlineWebGroups.set(model.name, { domains, model: local });
      this.referencedWebGroups.set(local.key, local);
      return { ref: { name: model.name }, model: local, hasUrl: false };
    }
    if (model.kind === "managed") {
      this.referencedWebGroups.set(model.key, model);
      return { ref: { name: model.name }, model, hasUrl: false };
    }
    throw new ConstructPropsError(
      this,
      prop,
      model.kind,
      "a WebGroup construct/reference or a domains/managed model",
      "use ManagedWebGroup.allWeb() for All-Web",
    );
  }

  /** Groups created in Terraform must exist before the controller reconciles the policy (by name). */
  private dependOn(g: object): void {
    const resource = (g as { resource?: unknown }).resource;
    if (this.manifest === undefined || resource === undefined || !TerraformResource.isTerraformResource(resource)) return;
    if (this.dependencies.has(resource)) return;
    this.dependencies.add(resource);
    this.manifest.dependsOn = [...(this.manifest.dependsOn ?? []), dependable(resource)];
  }
}

function compactSelector(sel: FirewallPolicySourceSelector): NonNullable<CrdRule["selector"]> {
  const labels = sel.matchLabels && Object.keys(sel.matchLabels).length > 0 ? sortedByKey(sel.matchLabels) : undefined;
  if (labels) return { matchLabels: labels };
  if (sel.service !== undefined && sel.service !== "") return { service: sel.service };
  return { matchLabels: {} };
}

function dedupeRefs(refs: CrdGroupRef[]): CrdGroupRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = JSON.stringify(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
