// FirewallPolicy (networking.aviatrix.com/v1alpha1) rule vocabulary: model enums → the CRD's
// lower-camel spellings, and the chart-version gate for the 10.1.0-only fields
// (research docs/research/k8s-obot-crds.md §1.1).
import { CrdRule, CrdSmartGroupSelector } from "../../dcf/crd/firewall-policy-types";
import { DecryptPolicy, FlowAppRequirement, MatchExpression, Protocol, RuleAction, WELL_KNOWN } from "../../dcf/model";

/** Rule fields that exist only from k8s-firewall chart 10.1.0. */
export const CRD_10_1_FIELDS = ["decryptPolicy", "watch", "tlsProfile", "logProfile", "flowAppRequirement"] as const;
export const CRD_10_1_CHART = "10.1.0";

export const CRD_ACTIONS: Partial<Record<RuleAction, NonNullable<CrdRule["action"]>>> = {
  PERMIT: "permit",
  DENY: "deny",
  INTRUSION_DETECTION_PERMIT: "intrusion_detection_permit",
};

export const CRD_PROTOCOLS: Record<Protocol, NonNullable<CrdRule["protocol"]>> = {
  TCP: "tcp",
  UDP: "udp",
  ICMP: "icmp",
  ANY: "any",
};

export const CRD_DECRYPT: Partial<Record<DecryptPolicy, NonNullable<CrdRule["decryptPolicy"]>>> = {
  DECRYPT_ALLOWED: "decryptAllowed",
  DECRYPT_NOT_ALLOWED: "decryptNotAllowed",
};

export const CRD_FLOW_APP: Partial<Record<FlowAppRequirement, NonNullable<CrdRule["flowAppRequirement"]>>> = {
  TLS_REQUIRED: "tlsRequired",
  NOT_TLS_REQUIRED: "tlsNotRequired",
};

/** CRD log profile names ↔ controller log profile UUIDs. */
export const CRD_LOG_PROFILES: Readonly<Record<NonNullable<CrdRule["logProfile"]>, string>> = {
  start: WELL_KNOWN.logProfileSessionStart,
  end: WELL_KNOWN.logProfileSessionEnd,
  "start/end": WELL_KNOWN.logProfileSessionStartEnd,
};

/** Model match-expression fields the CRD selector has no field for. */
const NOT_IN_CRD: Array<keyof MatchExpression> = ["fqdn", "site", "resId"];

/**
 * A model match expression as a CRD selector; returns the offending field name instead when the
 * CRD cannot express it.
 */
export function toCrdSelector(e: MatchExpression): CrdSmartGroupSelector | string {
  const bad = NOT_IN_CRD.find((f) => e[f] !== undefined);
  if (bad !== undefined) return bad;
  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined) out[k] = v;
  };
  put("type", e.type);
  put("cidr", e.cidr);
  put("s2c", e.s2c);
  put("external", e.external);
  put("extArgs", e.extArgs);
  put("k8sClusterId", e.k8sClusterId);
  put("k8sNamespace", e.k8sNamespace);
  put("k8sPodName", e.k8sPod);
  put("k8sService", e.k8sService);
  put("tags", e.tags);
  put("name", e.name);
  put("region", e.region);
  put("zone", e.zone);
  put("accountId", e.accountId);
  put("accountName", e.accountName);
  return out as CrdSmartGroupSelector;
}
