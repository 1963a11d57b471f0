import { show } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";
import { chartVersionAtLeast, parseChartVersion } from "../../constructs/kubernetes/chart-version";
import { OBOT_MIN_VERSION } from "../../constructs/workloads/obot-release";

/** AVX-CTRL5: Obot >= v0.21.0 (first release with the network policy controller). */
export const obotVersion: PreflightRule = {
  id: "AVX-CTRL5",
  area: "CTRL",
  name: "obot-minimum-version",
  severity: "error",
  cause: "the Obot release does not create per-MCP-server FirewallPolicy objects",
  explanation:
    "Obot's network policy controller (MCP server egressDomains → FirewallPolicy CRDs) first ships in v0.21.0; older releases " +
    "leave MCP servers with only the V1 and POST_RULES tiers (research docs/research/k8s-obot-crds.md §2, §6.1).",
  fix: `pin Obot >= v${OBOT_MIN_VERSION}`,
  suppressible: false,
  reads: "obot facts (version)",
  check(ctx): readonly RuleCheck[] {
    return ctx.facts("obot").map(({ node, fact }) => {
      if (isUnresolved(fact.version)) return unknown(node, { got: show(fact.version), want: `>= v${OBOT_MIN_VERSION}` });
      const parsed = parseChartVersion(fact.version);
      if (!parsed) return fail(node, { cause: "the Obot version is not a semantic version", got: fact.version, want: `>= v${OBOT_MIN_VERSION}` });
      return chartVersionAtLeast(parsed, OBOT_MIN_VERSION) ? pass(node) : fail(node, { got: fact.version, want: `>= v${OBOT_MIN_VERSION}` });
    });
  },
};
