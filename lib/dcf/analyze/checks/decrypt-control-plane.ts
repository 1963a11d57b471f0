import { Severity } from "../../../core/finding";
import { BUILT_IN_WEB_GROUPS } from "../../built-in-groups";
import { WELL_KNOWN } from "../../model";
import { PolicyFinding } from "../finding";
import { PolicyCheck } from "../check";
import { MITM_SENSITIVE_DOMAINS } from "../control-plane-domains";
import { hasInternetWideDestination, webGroupName } from "../groups";
import { ruleLabel } from "../rule-order";
import { sniPatternCovers } from "../subsumption";

// Decrypting control-plane hosts (cloud APIs, registries, identity, Kubernetes API servers)
// breaks nodes and SDKs that do not trust the MITM CA. error: a WebGroup entry lies inside a
// listed control-plane pattern; warning: an entry is broader and includes one (e.g. "*").

function hostOfUrl(url: string): string | undefined {
  const slash = url.indexOf("/");
  const host = (slash < 0 ? url : url.slice(0, slash)).trim();
  return host === "" || host.includes("*") ? undefined : host;
}

interface Hit {
  readonly entry: string;
  readonly group: string;
  readonly severity: Severity;
  readonly what: string;
}

function classify(pattern: string): { severity: Severity; what: string } | undefined {
  for (const d of MITM_SENSITIVE_DOMAINS) {
    if (sniPatternCovers(d.pattern, pattern)) return { severity: "error", what: d.what };
  }
  for (const d of MITM_SENSITIVE_DOMAINS) {
    if (sniPatternCovers(pattern, d.pattern)) return { severity: "warning", what: d.what };
  }
  return undefined;
}

export const decryptControlPlane: PolicyCheck = {
  id: "decrypt-control-plane",
  description: "TLS decryption on WebGroups holding control-plane hosts that break under MITM",
  run(ctx) {
    const findings: PolicyFinding[] = [];
    for (const { rule } of ctx.ordered) {
      if (rule.decryptPolicy !== "DECRYPT_ALLOWED") continue;
      // No WebGroup: the rule decrypts every host of its Internet-wide destination.
      if (rule.webGroups.length === 0 && hasInternetWideDestination(ctx.model, rule.dstGroups)) {
        findings.push({
          id: this.id,
          severity: "warning",
          rule: ruleLabel(rule),
          explanation:
            `rule "${rule.name}" decrypts (DECRYPT_ALLOWED) every host of an Internet-wide destination (no WebGroup), which includes control-plane hosts that break under MITM; ` +
            "scope decryption to a WebGroup of application domains",
        });
        continue;
      }
      const hits: Hit[] = [];
      for (const key of rule.webGroups) {
        const g = ctx.model.webGroups[key];
        if (g === undefined) continue;
        const group = webGroupName(ctx.model, key);
        if (g.kind === "allWeb") {
          hits.push({ entry: BUILT_IN_WEB_GROUPS[WELL_KNOWN.allWeb].name, group, severity: "warning", what: "every host, control-plane APIs included" });
          continue;
        }
        if (g.kind !== "domains") continue;
        for (const m of g.matches) {
          const pattern = m.sni ?? (m.url !== undefined ? hostOfUrl(m.url) : undefined);
          const c = pattern === undefined ? undefined : classify(pattern);
          if (c !== undefined) hits.push({ entry: m.sni ?? m.url ?? "", group, ...c });
        }
      }
      if (hits.length === 0) continue;
      const severity: Severity = hits.some((h) => h.severity === "error") ? "error" : "warning";
      // One clause per kind of host: `"a", "b" in WebGroup "g" (what)`.
      const clauses = new Map<string, string[]>();
      for (const h of hits.filter((x) => x.severity === severity)) {
        const k = `in WebGroup "${h.group}" (${h.what})`;
        clauses.set(k, [...(clauses.get(k) ?? []), `"${h.entry}"`]);
      }
      findings.push({
        id: this.id,
        severity,
        rule: ruleLabel(rule),
        explanation:
          `rule "${rule.name}" decrypts (DECRYPT_ALLOWED) ` +
          [...clauses].map(([k, entries]) => `${entries.join(", ")} ${k}`).join("; ") +
          (severity === "error" ? ": these clients do not trust the MITM CA and break" : ", which includes control-plane hosts that break under MITM") +
          "; move control-plane hosts to a DECRYPT_NOT_ALLOWED rule",
      });
    }
    return findings;
  },
};
