import type { IConstruct } from "constructs";
import { compareText } from "../../dcf/builder/canonical";
import { isTerraformRef } from "../../dcf/builder/tokens";
import type { PolicyModel, RuleModel } from "../../dcf/model";
import { isUnresolved } from "../../core/construct-props-error";
import type { RuleContext } from "../context";
import { fail, pass, unknown, type PreflightRule, type RuleCheck } from "../rule";

/** AVX-K8S6: a rule that decrypts a Kubernetes workload's traffic needs the workload to trust the DCF CA (MitmCa in its namespace). */
export const decryptionNeedsCaTrust: PreflightRule = {
  id: "AVX-K8S6",
  area: "K8S",
  name: "decryption-needs-ca-trust",
  severity: "error",
  cause: "a rule decrypts traffic from Kubernetes pods whose namespace does not get the DCF MITM CA, so their TLS to the decrypted hosts fails",
  explanation:
    "A DECRYPT_ALLOWED rule (or a FirewallPolicy rule with decryptPolicy decryptAllowed) makes the spoke gateway present certificates " +
    "signed by the DCF MITM CA. Pods that do not trust that CA fail the TLS handshake (or, with decryption off, the rule's URL filters " +
    "are inert). The CA reaches a namespace through MitmCa `namespaces` (its ConfigMap, mounted with `trustSnippets()`, e.g. " +
    "LibreChat's `mitmCa`). Checked per source namespace of every decrypting rule: type=k8s SmartGroup selectors of V1/ruleset rules " +
    "(a selector without a namespace means every namespace of the cluster) and the namespace of each FirewallPolicy. MitmCa in the same stack.",
  fix: "add MitmCa({ namespaces: [<namespace>] }) and mount it into the workload (trustSnippets / LibreChat mitmCa; the Kubernetes blueprints: librechat.tlsDecryption), or stop decrypting that source (DECRYPT_NOT_ALLOWED, or scope the rule's source)",
  // A CA baked into the image (or a node-wide trust store) is trust this check cannot see: acknowledge it with that reason.
  suppressible: true,
  reads:
    "dcf-policy facts (DECRYPT_ALLOWED rules and their k8s source SmartGroups), firewall-policy-crd facts (decryptAllowed rules) and mitm-ca facts (namespaces)",
  check(ctx): readonly RuleCheck[] {
    const trusted = new Set(ctx.facts("mitm-ca").flatMap(({ fact }) => fact.namespaces ?? []));
    return [...policyRuleChecks(ctx, trusted), ...firewallPolicyChecks(ctx, trusted)];
  },
};

/** Source namespaces of a rule's type=k8s SmartGroups: literal names, "*" for a selector without one; `unresolved` when one is a token. */
function sourceNamespaces(model: PolicyModel, rule: RuleModel): { readonly namespaces: string[]; readonly unresolved: boolean } {
  const namespaces = new Set<string>();
  let unresolved = false;
  for (const key of rule.srcGroups) {
    for (const e of model.smartGroups[key]?.expressions ?? []) {
      if (e.type !== "k8s") continue;
      if (e.k8sNamespace === undefined) namespaces.add("*");
      else if (isUnresolved(e.k8sNamespace) || isTerraformRef(e.k8sNamespace)) unresolved = true;
      else namespaces.add(e.k8sNamespace);
    }
  }
  return { namespaces: [...namespaces].sort(compareText), unresolved };
}

function verdict(node: IConstruct, findingId: string, what: string, namespaces: readonly string[], trusted: ReadonlySet<string>): RuleCheck {
  const missing = namespaces.filter((ns) => ns === "*" || !trusted.has(ns));
  const shown = (ns: string) => (ns === "*" ? "every namespace (a k8s selector without a namespace)" : `namespace "${ns}"`);
  if (missing.length === 0)
    return pass(node, { findingId, cause: `${what} decrypts traffic from ${namespaces.map(shown).join(", ")}, which get the DCF MITM CA` });
  return fail(node, {
    findingId,
    cause: `${what} decrypts traffic from ${missing.map(shown).join(", ")}, which no MitmCa covers`,
    got: trusted.size > 0 ? `MitmCa namespaces: ${[...trusted].sort(compareText).join(", ")}` : "no MitmCa in the stack",
    want: `MitmCa namespaces including ${missing.map((ns) => (ns === "*" ? "every source namespace (scope the selector to a namespace)" : ns)).join(", ")}`,
  });
}

function policyRuleChecks(ctx: RuleContext, trusted: ReadonlySet<string>): RuleCheck[] {
  const checks: RuleCheck[] = [];
  for (const { node, fact } of ctx.facts("dcf-policy")) {
    for (const rule of fact.model.rules.filter((r) => r.decryptPolicy === "DECRYPT_ALLOWED")) {
      const { namespaces, unresolved } = sourceNamespaces(fact.model, rule);
      const what = `rule "${rule.name}"`;
      if (unresolved)
        checks.push(unknown(node, { findingId: rule.name, cause: `${what} decrypts traffic from a Kubernetes namespace only known at plan time` }));
      else if (namespaces.length > 0) checks.push(verdict(node, rule.name, what, namespaces, trusted));
    }
  }
  return checks;
}

function firewallPolicyChecks(ctx: RuleContext, trusted: ReadonlySet<string>): RuleCheck[] {
  const checks: RuleCheck[] = [];
  for (const { node, fact } of ctx.facts("firewall-policy-crd")) {
    for (const policy of fact.objects) {
      const ns = policy.metadata.namespace ?? "default";
      for (const rule of (policy.spec.rules ?? []).filter((r) => r.decryptPolicy === "decryptAllowed")) {
        const id = `${ns}/${policy.metadata.name}/${rule.name}`;
        const what = `FirewallPolicy rule "${id}"`;
        if (isUnresolved(ns)) checks.push(unknown(node, { findingId: id, cause: `${what} decrypts traffic from a namespace only known at plan time` }));
        else checks.push(verdict(node, id, what, [ns], trusted));
      }
    }
  }
  return checks;
}
