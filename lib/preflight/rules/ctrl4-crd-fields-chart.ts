import type { CrdRule } from "../../dcf/crd/firewall-policy-types";
import { show } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";
import { CRD_10_1_CHART, CRD_10_1_FIELDS } from "../../constructs/dcf/firewall-policy-rules";
import { chartVersionAtLeast, parseChartVersion } from "../../constructs/kubernetes/chart-version";

// The 10.1.0-only fields and that version: one definition, shared with the FirewallPolicy construct.
const CRD_EXTENDED_FIELDS_CHART = CRD_10_1_CHART;
const EXTENDED_FIELDS = CRD_10_1_FIELDS;

/** AVX-CTRL4: FirewallPolicy rule fields decryptPolicy/watch/tlsProfile/logProfile/flowAppRequirement need k8s-firewall chart >= 10.1.0. */
export const crdFieldsNeedChart: PreflightRule = {
  id: "AVX-CTRL4",
  area: "CTRL",
  name: "crd-fields-need-chart-10-1",
  severity: "error",
  cause: "a FirewallPolicy uses rule fields the installed k8s-firewall chart's CRD does not define",
  explanation:
    "decryptPolicy, flowAppRequirement, logProfile, tlsProfile and watch exist only in the FirewallPolicy CRD of k8s-firewall " +
    "chart 10.1.0; older CRDs prune or reject them (and Helm never upgrades CRDs in place).",
  fix: `install k8s-firewall chart >= ${CRD_EXTENDED_FIELDS_CHART} (and apply its CRDs) or drop the fields`,
  suppressible: false,
  reads: "firewall-policy-crd facts (objects, clusterKey) and the k8s-firewall-chart fact of the same clusterKey (else the facts' chartVersion)",
  check(ctx): readonly RuleCheck[] {
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("firewall-policy-crd")) {
      const used = new Set<string>();
      for (const obj of fact.objects)
        for (const rule of obj.spec.rules ?? []) for (const f of EXTENDED_FIELDS) if ((rule as CrdRule)[f] !== undefined) used.add(f);
      if (!used.size) {
        checks.push(pass(node));
        continue;
      }
      // The chart installed on the cluster decides what the CRD accepts; the version the objects
      // were written for only stands in when the stack does not install the chart itself.
      const chart = ctx.facts("k8s-firewall-chart").find((c) => c.fact.clusterKey === fact.clusterKey)?.fact.chartVersion ?? fact.chartVersion;
      const fields = [...used].sort().join(", ");
      if (chart === undefined) {
        checks.push(
          unknown(node, {
            cause: `FirewallPolicy fields ${fields} need chart >= ${CRD_EXTENDED_FIELDS_CHART}, but no k8s-firewall chart is known for cluster ${fact.clusterKey}`,
            want: `>= ${CRD_EXTENDED_FIELDS_CHART}`,
          }),
        );
        continue;
      }
      if (isUnresolved(chart)) {
        checks.push(unknown(node, { got: show(chart), want: `>= ${CRD_EXTENDED_FIELDS_CHART}` }));
        continue;
      }
      const parsed = parseChartVersion(chart);
      checks.push(
        parsed && chartVersionAtLeast(parsed, CRD_EXTENDED_FIELDS_CHART)
          ? pass(node)
          : fail(node, {
              cause: `FirewallPolicy fields ${fields} need k8s-firewall chart >= ${CRD_EXTENDED_FIELDS_CHART}`,
              got: chart,
              want: `>= ${CRD_EXTENDED_FIELDS_CHART}`,
            }),
      );
    }
    return checks;
  },
};
