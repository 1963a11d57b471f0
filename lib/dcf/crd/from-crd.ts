// FirewallPolicy objects → K8S-tier rules. Each rule's source is the workloads in the policy's
// namespace selected by `selector.matchLabels` (or `service`; no selector = the whole
// namespace); destinations/WebGroups are the policy's own spec groups by name, or groups that
// already exist on the controller (by name or uuid, kept as "managed"). Policies are ordered by
// namespace/name, rules by list order (research docs/research/k8s-obot-crds.md §1.1, §2.2, §5.4).
import { canonicalExpressions, canonicalJson, canonicalWebMatches, compareText } from "../builder/canonical";
import { BUILT_IN_SMART_GROUPS, BUILT_IN_WEB_GROUPS } from "../built-in-groups";
import { upperCaseEnum, validateMatchExpression, validateRule, validateWebMatch } from "../builder/validate";
import { DcfModelError } from "../errors";
import {
  DecryptPolicy,
  FlowAppRequirement,
  MatchExpression,
  PolicyModel,
  PROTOCOLS,
  RuleAction,
  RuleModel,
  SmartGroupModel,
  WebGroupModel,
  WELL_KNOWN,
} from "../model";
import { CrdGroupRef, CrdRule, CrdSmartGroupSelector, FirewallPolicyObject } from "./firewall-policy-types";
import { own } from "../../util/own";

/** A FirewallPolicy plus where it was read from (for error messages). */
export interface LocatedFirewallPolicy {
  readonly policy: FirewallPolicyObject;
  /** e.g. `policies.yaml: documents[1]`. */
  readonly where: string;
}

const ACTIONS: Record<string, RuleAction> = { permit: "PERMIT", deny: "DENY", intrusion_detection_permit: "INTRUSION_DETECTION_PERMIT" };
const DECRYPT: Record<string, DecryptPolicy> = { decryptAllowed: "DECRYPT_ALLOWED", decryptNotAllowed: "DECRYPT_NOT_ALLOWED" };
const FLOW_APP: Record<string, FlowAppRequirement> = { tlsRequired: "TLS_REQUIRED", tlsNotRequired: "NOT_TLS_REQUIRED" };
const LOG_PROFILE: Record<string, string> = {
  start: WELL_KNOWN.logProfileSessionStart,
  end: WELL_KNOWN.logProfileSessionEnd,
  "start/end": WELL_KNOWN.logProfileSessionStartEnd,
};

function selectorToExpression(s: CrdSmartGroupSelector): MatchExpression {
  return {
    type: s.type as MatchExpression["type"],
    cidr: s.cidr,
    s2c: s.s2c,
    external: s.external,
    extArgs: s.extArgs,
    k8sClusterId: s.k8sClusterId,
    k8sNamespace: s.k8sNamespace,
    k8sPod: s.k8sPodName,
    k8sService: s.k8sService,
    tags: s.tags,
    name: s.name,
    region: s.region,
    zone: s.zone,
    accountId: s.accountId,
    accountName: s.accountName,
  };
}

/** Stable policy id used in keys and origins: `<namespace>/<name>`. */
function policyId(p: FirewallPolicyObject): string {
  return `${p.metadata.namespace ?? "default"}/${p.metadata.name}`;
}

/** The K8S-tier model of a set of FirewallPolicies; rule priorities continue from `firstPriority`. */
export function modelFromFirewallPolicies(policies: readonly LocatedFirewallPolicy[], firstPriority = 0): PolicyModel {
  const smartGroups: Record<string, SmartGroupModel> = { ...BUILT_IN_SMART_GROUPS };
  const webGroups: Record<string, WebGroupModel> = { ...BUILT_IN_WEB_GROUPS };
  const rules: RuleModel[] = [];
  const seen = new Map<string, { where: string; content: string }>();
  const ordered = [...policies].sort((a, b) => compareText(policyId(a.policy), policyId(b.policy)));
  let priority = firstPriority;
  for (const { policy, where } of ordered) {
    const id = policyId(policy);
    const content = canonicalJson(policy.spec);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      // The same policy from two sources (kubernetes_manifest and --manifests) is one policy.
      if (earlier.content === content) continue;
      throw new DcfModelError(where, `FirewallPolicy ${id} is also defined at ${earlier.where} with different contents; keep one definition`);
    }
    seen.set(id, { where, content });
    const ns = policy.metadata.namespace ?? "default";
    const localSg = new Map<string, string>();
    const localWg = new Map<string, string>();
    (policy.spec.smartGroups ?? []).forEach((g, i) => {
      const path = `${where}.spec.smartGroups[${i}]`;
      const key = `k8s:${id}/sg/${g.name}`;
      const exprs = (g.selectors ?? []).map(selectorToExpression);
      if (exprs.length === 0) throw new DcfModelError(path, `SmartGroup "${g.name}" has no selectors`);
      exprs.forEach((e, j) => validateMatchExpression(e, `${path}.selectors[${j}]`));
      smartGroups[key] = { key, name: g.name, kind: "selector", expressions: canonicalExpressions(exprs) };
      localSg.set(g.name, key);
    });
    (policy.spec.webGroups ?? []).forEach((w, i) => {
      const path = `${where}.spec.webGroups[${i}]`;
      const key = `k8s:${id}/wg/${w.name}`;
      const matches = (w.domains ?? []).map((d) => ({ sni: d }));
      if (matches.length === 0) throw new DcfModelError(path, `WebGroup "${w.name}" has no domains`);
      matches.forEach((m, j) => validateWebMatch(m, `${path}.domains[${j}]`));
      webGroups[key] = { key, name: w.name, kind: "domains", matches: canonicalWebMatches(matches) };
      localWg.set(w.name, key);
    });
    const names = new Set<string>();
    (policy.spec.rules ?? []).forEach((r, i) => {
      const path = `${where}.spec.rules[${i}]`;
      if (names.has(r.name)) throw new DcfModelError(`${path}.name`, `duplicate rule name "${r.name}" in FirewallPolicy ${id}`);
      names.add(r.name);
      rules.push(ruleFromCrd(r, path, id, ns, priority++, smartGroups, webGroups, localSg, localWg));
    });
  }
  return { smartGroups, webGroups, rules };
}

function ruleFromCrd(
  r: CrdRule,
  path: string,
  id: string,
  ns: string,
  priority: number,
  smartGroups: Record<string, SmartGroupModel>,
  webGroups: Record<string, WebGroupModel>,
  localSg: Map<string, string>,
  localWg: Map<string, string>,
): RuleModel {
  const srcKey = `k8s:${id}/src/${r.name}`;
  const sel = r.selector ?? {};
  const src: MatchExpression =
    sel.service !== undefined && sel.service !== ""
      ? { type: "k8s", k8sNamespace: ns, k8sService: sel.service }
      : { type: "k8s", k8sNamespace: ns, tags: Object.keys(sel.matchLabels ?? {}).length > 0 ? sel.matchLabels : undefined };
  smartGroups[srcKey] = { key: srcKey, name: `${id}/${r.name}`, kind: "selector", expressions: canonicalExpressions([src]) };
  const action = r.action === undefined ? undefined : own(ACTIONS, r.action);
  if (action === undefined) throw new DcfModelError(`${path}.action`, `want one of permit|deny|intrusion_detection_permit (got ${JSON.stringify(r.action)})`);
  const protocol = upperCaseEnum(r.protocol ?? "any", PROTOCOLS, `${path}.protocol`, "protocol");
  if (r.endPort !== undefined && r.port === undefined) throw new DcfModelError(`${path}.endPort`, "endPort needs port");
  const portRanges = r.port === undefined ? [] : r.endPort === undefined || r.endPort === r.port ? [{ lo: r.port }] : [{ lo: r.port, hi: r.endPort }];
  const resolveSg = (ref: CrdGroupRef, p: string): string =>
    resolveRef(ref, p, localSg, smartGroups, BUILT_IN_SMART_GROUPS, (key, name): SmartGroupModel => ({ key, name, kind: "managed", expressions: [] }));
  const resolveWg = (ref: CrdGroupRef, p: string): string =>
    resolveRef(ref, p, localWg, webGroups, BUILT_IN_WEB_GROUPS, (key, name): WebGroupModel => ({ key, name, kind: "managed", matches: [] }));
  if (!Array.isArray(r.destinationSmartGroups) || r.destinationSmartGroups.length === 0) {
    throw new DcfModelError(`${path}.destinationSmartGroups`, "at least one destination SmartGroup is required");
  }
  const rule: RuleModel = {
    name: r.name,
    tier: "K8S",
    priority,
    action,
    protocol,
    portRanges,
    srcGroups: [srcKey],
    dstGroups: [...new Set(r.destinationSmartGroups.map((d, j) => resolveSg(d, `${path}.destinationSmartGroups[${j}]`)))].sort(compareText),
    webGroups: [...new Set((r.webGroups ?? []).map((w, j) => resolveWg(w, `${path}.webGroups[${j}]`)))].sort(compareText),
    logging: r.logging ?? false,
    watch: r.watch ?? false,
    decryptPolicy: r.decryptPolicy === undefined ? "DECRYPT_UNSPECIFIED" : (own(DECRYPT, r.decryptPolicy) ?? (r.decryptPolicy as DecryptPolicy)),
    flowAppRequirement:
      r.flowAppRequirement === undefined ? "APP_UNSPECIFIED" : (own(FLOW_APP, r.flowAppRequirement) ?? (r.flowAppRequirement as FlowAppRequirement)),
    origin: id,
    ...(r.logProfile !== undefined ? { logProfile: own(LOG_PROFILE, r.logProfile) ?? r.logProfile } : {}),
    ...(r.tlsProfile !== undefined ? { tlsProfile: r.tlsProfile } : {}),
  };
  validateRule(rule, path);
  return rule;
}

function resolveRef<T>(
  ref: CrdGroupRef,
  path: string,
  local: Map<string, string>,
  into: Record<string, T>,
  builtIns: Readonly<Record<string, T>>,
  managed: (key: string, name: string) => T,
): string {
  const hasName = typeof ref?.name === "string" && ref.name !== "";
  const hasUuid = typeof ref?.uuid === "string" && ref.uuid !== "";
  if (hasName === hasUuid) throw new DcfModelError(path, `set exactly one of name or uuid (got ${JSON.stringify(ref)})`);
  if (hasUuid) {
    const uuid = ref.uuid as string;
    if (uuid in builtIns) return uuid;
    into[uuid] ??= managed(uuid, uuid);
    return uuid;
  }
  const name = ref.name as string;
  const localKey = local.get(name);
  if (localKey !== undefined) return localKey;
  // Not in spec: a group that already exists on the controller, referenced by name.
  const key = `managed:${name}`;
  into[key] ??= managed(key, name);
  return key;
}
