// Eager validation of model values, shared by the builders and the parse-back readers.
// Facts: docs/research/aviatrix-provider-schema.md §5 (field rules, port ranges max 64, ICMP has no
// ports, snifilter xor urlfilter), docs/research/k8s-obot-crds.md §5.2 (k8s fields need type k8s).
import { isCidrOrIp } from "../../net/ip";
import { DcfModelError } from "../errors";
import { normalizeSniPattern } from "../host-match";
import { DECRYPT_POLICIES, FLOW_APP_REQUIREMENTS, MatchExpression, PortRange, PROTOCOLS, RULE_ACTIONS, RuleModel, SMART_GROUP_TYPES, WebMatch } from "../model";
import { isTerraformRef } from "./tokens";
import { own } from "../../util/own";
import { checkPorts, isPortProblem, LOG_PROFILES, portProblemReason } from "../rule-props";

/**
 * A value of a case-insensitive upper-case enum (protocol, action) in its canonical spelling.
 * Readers normalise case before validating; the error must still quote the value exactly as the
 * input spells it (`"Tcpx"`, never `"TCPX"`), so the normalising and the message live together.
 */
export function upperCaseEnum<T extends string>(value: unknown, allowed: readonly T[], path: string, what: string): T {
  const canonical = typeof value === "string" ? value.toUpperCase() : undefined;
  if (canonical === undefined || !(allowed as readonly string[]).includes(canonical)) {
    throw new DcfModelError(path, `unknown ${what} ${JSON.stringify(value)} (want one of ${allowed.join("|")})`);
  }
  return canonical as T;
}

const STANDALONE = ["cidr", "fqdn", "site", "s2c"] as const;
const K8S_FIELDS = ["k8sClusterId", "k8sNamespace", "k8sPod", "k8sService"] as const;
const LOG_PROFILE_IDS: readonly string[] = Object.values(LOG_PROFILES);

/** Known external feeds and the ext_args keys they accept (provider docs). */
export const EXTERNAL_FEED_ARGS: Readonly<Record<string, readonly string[]>> = {
  geo: ["country_iso_code", "is_in_eu", "continent_code"],
  threatiq: ["protocol", "type", "severity"],
  azureips: ["service_name", "region"],
  githubips: ["service_name"],
};

function setKeys(e: MatchExpression): string[] {
  return Object.entries(e)
    .filter(([, v]) => v !== undefined && !(typeof v === "object" && Object.keys(v).length === 0))
    .map(([k]) => k)
    .sort();
}

/** Throws a DcfModelError naming `path` when a match expression cannot be right. */
export function validateMatchExpression(e: MatchExpression, path: string): void {
  const keys = setKeys(e);
  if (keys.length === 0) throw new DcfModelError(path, "empty match expression; set cidr, fqdn, site, s2c, external or type");
  for (const f of STANDALONE) {
    if (e[f] === undefined) continue;
    if (keys.length > 1) {
      throw new DcfModelError(path, `${f} must be alone in its match expression (got ${keys.join(", ")}); put the other fields in a separate expression`);
    }
    if (String(e[f]).trim() === "") throw new DcfModelError(path, `${f} is empty`);
  }
  if (e.cidr !== undefined && !isTerraformRef(e.cidr) && !isCidrOrIp(e.cidr)) {
    throw new DcfModelError(path, `cidr is not a CIDR or IP address (got "${e.cidr}", want e.g. "10.0.0.0/16")`);
  }
  if (e.external !== undefined) {
    const others = keys.filter((k) => k !== "external" && k !== "extArgs");
    if (others.length > 0) throw new DcfModelError(path, `external must only be combined with extArgs (got ${others.join(", ")})`);
    if (e.external.trim() === "") throw new DcfModelError(path, "external feed id is empty");
    const allowed = own(EXTERNAL_FEED_ARGS, e.external);
    for (const k of Object.keys(e.extArgs ?? {})) {
      if (allowed && !allowed.includes(k)) {
        throw new DcfModelError(path, `unknown ext_args key "${k}" for feed ${e.external} (want one of ${allowed.join(", ")})`);
      }
    }
    return;
  }
  if (e.extArgs !== undefined && keys.includes("extArgs")) throw new DcfModelError(path, "extArgs needs external");
  if (STANDALONE.some((f) => e[f] !== undefined)) return;
  if (e.type === undefined) {
    throw new DcfModelError(
      path,
      `type is required unless cidr, fqdn, site, s2c or external is used (got ${keys.join(", ")}); want type one of ${SMART_GROUP_TYPES.join("|")}`,
    );
  }
  if (!isTerraformRef(e.type) && !(SMART_GROUP_TYPES as readonly string[]).includes(e.type)) {
    throw new DcfModelError(path, `unknown type "${e.type}" (want one of ${SMART_GROUP_TYPES.join("|")})`);
  }
  const k8sSet = K8S_FIELDS.filter((f) => e[f] !== undefined);
  if (k8sSet.length > 0 && e.type !== "k8s") {
    throw new DcfModelError(path, `${k8sSet.join(", ")} need type "k8s" (got type "${e.type}")`);
  }
  if (e.k8sPod !== undefined) {
    if (e.k8sService !== undefined) throw new DcfModelError(path, "k8sPod and k8sService are mutually exclusive");
    if (e.k8sClusterId === undefined || e.k8sNamespace === undefined) {
      throw new DcfModelError(path, "k8sPod needs k8sClusterId and k8sNamespace");
    }
  }
  for (const [k, v] of Object.entries(e.tags ?? {})) {
    if (k.trim() === "") throw new DcfModelError(path, `tag key is empty (value "${v}")`);
  }
}

/** Exactly one of sni / url, non-blank; SNI patterns must be exact hosts or leading `*.`. */
export function validateWebMatch(m: WebMatch, path: string): void {
  const hasSni = m.sni !== undefined;
  const hasUrl = m.url !== undefined;
  if (hasSni === hasUrl) {
    throw new DcfModelError(
      path,
      `set exactly one of snifilter or urlfilter in a match expression (got ${hasSni ? "both" : "neither"}); split them into separate expressions`,
    );
  }
  const v = (hasSni ? m.sni : m.url) as string;
  if (v.trim() === "") throw new DcfModelError(path, `${hasSni ? "snifilter" : "urlfilter"} is blank`);
  if (hasSni && !isTerraformRef(v)) {
    try {
      normalizeSniPattern(v);
    } catch (err) {
      throw new DcfModelError(path, (err as Error).message);
    }
  }
}

/** The model's port ranges, checked by the one rule-port check (lib/dcf/rule-props.ts). */
export function validatePortRanges(ranges: readonly PortRange[], protocol: string, path: string): void {
  const checked = checkPorts(ranges, protocol);
  if (isPortProblem(checked)) throw new DcfModelError(`${path}${checked.at}`, portProblemReason(checked));
}

/** Field-level checks of one rule (group references are checked by the pack). */
export function validateRule(r: RuleModel, path: string): void {
  if (r.name.trim() === "") throw new DcfModelError(path, "rule name is empty");
  if (!Number.isInteger(r.priority)) throw new DcfModelError(`${path}.priority`, `priority must be an integer (got ${r.priority})`);
  // Past 2^53 JSON numbers lose precision: distinct priorities could tie and first-match order would be ambiguous.
  if (!Number.isSafeInteger(r.priority))
    throw new DcfModelError(`${path}.priority`, `priority must be at most ${Number.MAX_SAFE_INTEGER} in magnitude (got ${r.priority})`);
  if (r.tier !== "K8S" && r.priority < 0) throw new DcfModelError(`${path}.priority`, `priority must be ≥ 0 (got ${r.priority})`);
  if (!RULE_ACTIONS.includes(r.action)) throw new DcfModelError(`${path}.action`, `unknown action "${r.action}" (want one of ${RULE_ACTIONS.join("|")})`);
  if (!PROTOCOLS.includes(r.protocol)) throw new DcfModelError(`${path}.protocol`, `unknown protocol "${r.protocol}" (want one of ${PROTOCOLS.join("|")})`);
  if (!DECRYPT_POLICIES.includes(r.decryptPolicy)) {
    throw new DcfModelError(`${path}.decryptPolicy`, `unknown decrypt policy "${r.decryptPolicy}" (want one of ${DECRYPT_POLICIES.join("|")})`);
  }
  if (!FLOW_APP_REQUIREMENTS.includes(r.flowAppRequirement)) {
    throw new DcfModelError(
      `${path}.flowAppRequirement`,
      `unknown flow app requirement "${r.flowAppRequirement}" (want one of ${FLOW_APP_REQUIREMENTS.join("|")})`,
    );
  }
  if (r.logProfile !== undefined && !isTerraformRef(r.logProfile) && !LOG_PROFILE_IDS.includes(r.logProfile)) {
    throw new DcfModelError(`${path}.logProfile`, `unknown log profile "${r.logProfile}" (want one of ${LOG_PROFILE_IDS.join(", ")})`);
  }
  if (r.srcGroups.length === 0) throw new DcfModelError(`${path}.srcGroups`, "a rule needs at least one source SmartGroup");
  if (r.dstGroups.length === 0) throw new DcfModelError(`${path}.dstGroups`, "a rule needs at least one destination SmartGroup");
  validatePortRanges(r.portRanges, r.protocol, `${path}.portRanges`);
}
