// Synthesized (or hcl2json-converted) Terraform JSON → PolicyModel, so what the simulator tests
// is what is deployed. Reads SmartGroups, WebGroups (+ data sources by name), the V1 policy
// list, dcf_ruleset rules (V1 or AFTER_K8S tier by attachment point), the POST_RULES default action and kubernetes_manifest
// FirewallPolicies (K8S tier). Group references resolve to the group at that address; well-known
// UUIDs to the built-ins; anything else stays an unresolved group flows can name.
import { DcfPosition, isRootAttachmentPoint, Placement, placementOf, positionOfName, positionOfRoot, V1_LIST_ORDER } from "../attachment-points";
import { BUILT_IN_SMART_GROUPS, BUILT_IN_WEB_GROUPS } from "../built-in-groups";
import { canonicalExpressions, canonicalWebMatches, compareText } from "../builder/canonical";
import { terraformRefAddress } from "../builder/tokens";
import { upperCaseEnum, validateMatchExpression, validateRule, validateWebMatch } from "../builder/validate";
import { LocatedFirewallPolicy, modelFromFirewallPolicies } from "../crd/from-crd";
import { FIREWALL_POLICY_API_VERSION, FIREWALL_POLICY_KIND } from "../crd/firewall-policy-types";
import { checkFirewallPolicyShape } from "../crd/read-yaml";
import { DcfModelError } from "../errors";
import { mergeModels } from "../merge";
import { DefaultActionModel, MatchExpression, PolicyModel, PortRange, PROTOCOLS, RuleModel, SmartGroupModel, WebGroupModel, WebMatch } from "../model";
import { attr, block, blocks, bodiesOfType, documentScope, list, Node, Raw, stringMap, text, toBool, toNumber } from "./document";
import { isUnknown, Value } from "./expression";

const EXPRESSION_FIELDS: ReadonlyArray<[string, keyof MatchExpression]> = [
  ["cidr", "cidr"],
  ["fqdn", "fqdn"],
  ["site", "site"],
  ["s2c", "s2c"],
  ["type", "type"],
  ["res_id", "resId"],
  ["name", "name"],
  ["account_id", "accountId"],
  ["account_name", "accountName"],
  ["region", "region"],
  ["zone", "zone"],
  ["k8s_cluster_id", "k8sClusterId"],
  ["k8s_namespace", "k8sNamespace"],
  ["k8s_pod", "k8sPod"],
  ["k8s_service", "k8sService"],
  ["external", "external"],
];

class Reader {
  readonly smartGroups: Record<string, SmartGroupModel> = { ...BUILT_IN_SMART_GROUPS };
  readonly webGroups: Record<string, WebGroupModel> = { ...BUILT_IN_WEB_GROUPS };
  readonly rules: RuleModel[] = [];
  defaultAction?: DefaultActionModel;
  readonly manifests: LocatedFirewallPolicy[] = [];

  constructor(
    private readonly doc: Raw,
    private readonly source: string,
  ) {}

  private nodes(section: "resource" | "data", type: string): Array<[string, Node]> {
    const scope = documentScope(this.doc);
    return bodiesOfType(this.doc, section, type).map(([name, raw]) => {
      const address = `${section === "data" ? "data." : ""}${type}.${name}`;
      return [address, { raw, scope, path: `${this.source}: ${address}` }];
    });
  }

  read(): PolicyModel {
    for (const [address, n] of this.nodes("resource", "aviatrix_smart_group")) this.readSmartGroup(address, n);
    for (const [address, n] of this.nodes("resource", "aviatrix_web_group")) this.readWebGroup(address, n);
    for (const [address, n] of this.nodes("data", "aviatrix_web_group")) {
      this.webGroups[address] = { key: address, name: text(attr(n, "name")) ?? address, kind: "managed", matches: [] };
    }
    for (const [address, n] of this.nodes("resource", "aviatrix_distributed_firewalling_policy_list")) {
      const v1List: Placement = { tier: "V1", order: V1_LIST_ORDER };
      blocks(n, "policies").forEach((p, i) => this.rules.push(this.readRule(p, `${address}.policies[${i}]`, "policies", v1List)));
    }
    const points = this.attachmentPointNames();
    for (const [address, n] of this.nodes("resource", "aviatrix_dcf_ruleset")) {
      const placement = this.rulesetPlacement(n, points);
      blocks(n, "rules").forEach((p, i) => this.rules.push(this.readRule(p, `${address}.rules[${i}]`, "rules", placement)));
    }
    for (const [address, n] of this.nodes("resource", "aviatrix_distributed_firewalling_default_action_rule")) {
      if (this.defaultAction !== undefined) throw new DcfModelError(n.path, "more than one default action rule (it is a controller singleton)");
      const action = upperCaseEnum(text(attr(n, "action")), ["PERMIT", "DENY"] as const, `${n.path}.action`, "default action");
      const logProfile = text(attr(n, "log_profile"));
      this.defaultAction = { action, logging: toBool(attr(n, "logging"), `${n.path}.logging`) ?? false, ...(logProfile ? { logProfile } : {}) };
      void address;
    }
    for (const [address, n] of this.nodes("resource", "kubernetes_manifest")) this.readManifest(address, n);
    return {
      smartGroups: this.smartGroups,
      webGroups: this.webGroups,
      rules: this.rules,
      ...(this.defaultAction ? { defaultAction: this.defaultAction } : {}),
    };
  }

  /** data.aviatrix_dcf_attachment_point address → the point's name. */
  private attachmentPointNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const [address, n] of this.nodes("data", "aviatrix_dcf_attachment_point")) {
      const name = text(attr(n, "name"));
      if (name !== undefined) names.set(address, name);
    }
    return names;
  }

  /**
   * Where a ruleset is evaluated: from the root point it attaches to, else the position the
   * pack recorded for a named point (`"//": { "vca": { "position": … } }`, DcfPolicyPack), else
   * the point's name (`…-after-k8s`, as DcfControllerBaseline names them), else before the K8S
   * block — the side where a deny can pre-empt FirewallPolicy permits, so the analyzer errs
   * toward reporting it.
   */
  private rulesetPlacement(n: Node, points: ReadonlyMap<string, string>): Placement {
    const attachTo = text(attr(n, "attach_to"));
    const address = attachTo !== undefined ? terraformRefAddress(attachTo) : undefined;
    const point = address !== undefined ? points.get(address) : undefined;
    const hint = (n.raw["//"] as { vca?: { position?: unknown } } | undefined)?.vca?.position;
    const position: DcfPosition = hint === "after-k8s" || hint === "before-k8s" ? hint : (positionOfName(point ?? "") ?? "before-k8s");
    if (point !== undefined && isRootAttachmentPoint(point)) return placementOf(point, positionOfRoot(point));
    return placementOf(point ?? "", position);
  }

  /**
   * A kubernetes_manifest is a FirewallPolicy (K8S tier), clearly something else (skipped), or
   * unreadable offline — then it could be a FirewallPolicy whose rules would be silently lost, so
   * it is an error naming the address.
   */
  private readManifest(address: string, n: Node): void {
    const where = `${this.source}: ${address}.manifest`;
    const m = attr(n, "manifest");
    if (m === undefined || m === null) throw new DcfModelError(where, "kubernetes_manifest has no manifest");
    if (isUnknown(m) || Array.isArray(m) || typeof m !== "object") {
      throw new DcfModelError(
        where,
        `cannot read the manifest offline (got ${JSON.stringify(text(m))}); if it is a FirewallPolicy, its rules would be missing from the K8S tier — ` +
          "write the manifest as an object in the configuration, or pass the FirewallPolicy YAML with --manifests and drop it from the Terraform input",
      );
    }
    const obj = m as Record<string, Value>;
    const apiVersion = obj.apiVersion;
    const kind = obj.kind;
    if (typeof apiVersion === "string" && apiGroup(apiVersion) !== apiGroup(FIREWALL_POLICY_API_VERSION)) return;
    if (typeof kind === "string" && kind !== FIREWALL_POLICY_KIND) return;
    if (typeof kind !== "string" || typeof apiVersion !== "string") {
      const which = typeof kind !== "string" ? `kind ${JSON.stringify(text(kind))}` : `apiVersion ${JSON.stringify(text(apiVersion))}`;
      throw new DcfModelError(where, `${which} is not known offline, so it may be a FirewallPolicy whose rules would be missing; write it as a literal`);
    }
    this.manifests.push({ policy: checkFirewallPolicyShape(plain(m) as Record<string, unknown>, where), where });
  }

  private readSmartGroup(address: string, n: Node): void {
    const selector = block(n, "selector");
    if (selector === undefined) throw new DcfModelError(n.path, "aviatrix_smart_group needs a selector block");
    const exprs = blocks(selector, "match_expressions").map((m) => {
      const e: Record<string, unknown> = {};
      for (const [tf, field] of EXPRESSION_FIELDS) {
        const v = text(attr(m, tf));
        if (v !== undefined && v !== "") e[field] = v;
      }
      const tags = stringMap(attr(m, "tags"), `${m.path}.tags`);
      if (tags && Object.keys(tags).length > 0) e.tags = tags;
      const extArgs = stringMap(attr(m, "ext_args"), `${m.path}.ext_args`);
      if (extArgs && Object.keys(extArgs).length > 0) e.extArgs = extArgs;
      validateMatchExpression(e as MatchExpression, m.path);
      return e as MatchExpression;
    });
    if (exprs.length === 0) throw new DcfModelError(`${n.path}.selector`, "no match_expressions");
    this.smartGroups[address] = { key: address, name: text(attr(n, "name")) ?? address, kind: "selector", expressions: canonicalExpressions(exprs) };
  }

  private readWebGroup(address: string, n: Node): void {
    const selector = block(n, "selector");
    if (selector === undefined) throw new DcfModelError(n.path, "aviatrix_web_group needs a selector block");
    const matches = blocks(selector, "match_expressions").map((m) => {
      const sni = text(attr(m, "snifilter"));
      const url = text(attr(m, "urlfilter"));
      const w: WebMatch = { ...(sni ? { sni } : {}), ...(url ? { url } : {}) };
      validateWebMatch(w, m.path);
      return w;
    });
    if (matches.length === 0) throw new DcfModelError(`${n.path}.selector`, "no match_expressions");
    this.webGroups[address] = { key: address, name: text(attr(n, "name")) ?? address, kind: "domains", matches: canonicalWebMatches(matches) };
  }

  /** A group reference → a key in the model (adding managed/unresolved entries as needed). */
  private groupKey(v: Value, into: Record<string, SmartGroupModel> | Record<string, WebGroupModel>, web: boolean): string {
    const t = text(v) ?? "";
    if (t in into) return t;
    const address = terraformRefAddress(t);
    if (address !== undefined && address in into) return address;
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) {
      // A literal UUID of a group that exists on the controller.
      (into as Record<string, unknown>)[t] = web ? { key: t, name: t, kind: "managed", matches: [] } : { key: t, name: t, kind: "managed", expressions: [] };
      return t;
    }
    const name = address ?? t;
    (into as Record<string, unknown>)[t] = web
      ? { key: t, name, kind: "unresolved", matches: [], ref: t }
      : { key: t, name, kind: "unresolved", expressions: [], ref: t };
    return t;
  }

  private readRule(p: Node, address: string, kind: "policies" | "rules", placement: Placement): RuleModel {
    const path = p.path;
    const str = (name: string) => text(attr(p, name));
    const name = str("name");
    if (name === undefined) throw new DcfModelError(`${path}.name`, "rule name is required");
    const priority = toNumber(attr(p, "priority"), `${path}.priority`);
    if (kind === "rules" && priority === undefined) throw new DcfModelError(`${path}.priority`, "dcf_ruleset rules need a priority");
    const ports: PortRange[] = blocks(p, "port_ranges").map((r) => {
      const lo = toNumber(attr(r, "lo"), `${r.path}.lo`);
      if (lo === undefined) throw new DcfModelError(`${r.path}.lo`, "lo is required");
      const hi = toNumber(attr(r, "hi"), `${r.path}.hi`);
      return hi === undefined || hi === lo ? { lo } : { lo, hi };
    });
    const keys = (attrName: string, web: boolean) =>
      [...new Set(list(attr(p, attrName)).map((v) => this.groupKey(v, web ? this.webGroups : this.smartGroups, web)))].sort(compareText);
    const logProfile = str("log_profile");
    const tlsProfile = str("tls_profile");
    const rule: RuleModel = {
      name,
      tier: placement.tier,
      ...(placement.order !== 0 ? { order: placement.order } : {}),
      priority: priority ?? 0,
      action: (str("action") ?? "") as RuleModel["action"],
      protocol: upperCaseEnum(str("protocol") ?? "", PROTOCOLS, `${path}.protocol`, "protocol"),
      portRanges: ports,
      srcGroups: keys("src_smart_groups", false),
      dstGroups: keys("dst_smart_groups", false),
      webGroups: keys("web_groups", true),
      logging: toBool(attr(p, "logging"), `${path}.logging`) ?? false,
      watch: toBool(attr(p, "watch"), `${path}.watch`) ?? false,
      decryptPolicy: (str("decrypt_policy") ?? "DECRYPT_UNSPECIFIED") as RuleModel["decryptPolicy"],
      flowAppRequirement: (str("flow_app_requirement") ?? "APP_UNSPECIFIED") as RuleModel["flowAppRequirement"],
      origin: address,
      ...(tlsProfile ? { tlsProfile } : {}),
      ...(logProfile ? { logProfile } : {}),
    };
    const exclude = toBool(attr(p, "exclude_sg_orchestration"), `${path}.exclude_sg_orchestration`);
    const out = exclude === undefined ? rule : { ...rule, excludeSgOrchestration: exclude };
    validateRule(out, path);
    return out;
  }
}

/** Converts evaluator values back to plain JSON (unknowns become their expression text). */
function plain(v: Value): unknown {
  if (isUnknown(v)) return v.text;
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/**
 * The policy model of a Terraform JSON document (cdk.tf.json or @cdktf/hcl2json output), with
 * the K8S tier built from its FirewallPolicy kubernetes_manifests plus `moreFirewallPolicies`
 * (e.g. from --manifests) in one pass. `source` names the file in error messages.
 */
export function policyModelFromTerraform(doc: unknown, source = "cdk.tf.json", moreFirewallPolicies: readonly LocatedFirewallPolicy[] = []): PolicyModel {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new DcfModelError(source, "expected a Terraform JSON object");
  const reader = new Reader(doc as Raw, source);
  const tf = reader.read();
  // One K8S tier from every FirewallPolicy (kubernetes_manifest + --manifests): ordered by
  // namespace/name wherever each came from; a policy given twice identically counts once.
  const policies = [...reader.manifests, ...moreFirewallPolicies];
  return policies.length === 0 ? mergeModels(tf) : mergeModels(tf, modelFromFirewallPolicies(policies));
}

function apiGroup(apiVersion: string): string {
  return apiVersion.split("/")[0].trim().toLowerCase();
}
