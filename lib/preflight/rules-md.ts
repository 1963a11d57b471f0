// RULES.md is generated from the rule metadata (test/preflight/rules-md.test.ts fails when the
// committed file is stale; `npm run rules-md` (scripts/rules-md.js) rewrites it, and
// `vca preflight rules --markdown` prints it).
import type { RuleMetadata } from "./rule";

const AREA_TITLES: Record<string, string> = {
  APP: "Construct tree",
  CTRL: "Controller, provider and chart versions",
  DCF: "DCF policy",
  IMM: "Immutable bindings",
  FDY: "Microsoft Foundry (BYOVNet)",
  K8S: "Kubernetes",
  AGC: "AWS Bedrock AgentCore",
};

export function renderRulesMarkdown(rules: readonly RuleMetadata[]): string {
  const lines: string[] = [
    "# Preflight rules",
    "",
    "<!-- Generated from lib/preflight/rules/*.ts by renderRulesMarkdown — do not edit by hand. -->",
    "",
    "Preflight runs at `cdktf synth` for every stack with `Preflight.of(stack)`. Findings of severity error fail synth; warning",
    "and info findings become annotations; every finding is written to `cdktf.out/preflight/<stack>.json` and `.sarif`. Findings print as",
    "`[ERROR at <construct path>] AVX-<AREA><N>: <cause> (got <x>, want <y>); <fix> (terraform: <address>; see RULES.md#<id>)`.",
    "Values only known at plan time give an explicit *unknown* finding (never a silent pass) and, where possible, a Terraform",
    "`lifecycle.precondition` whose error message starts with the same rule id.",
    "",
    'Acknowledge a finding with `Preflight.acknowledge(scope, { id: "AVX-DCF2", reason: "ticket NET-123: discovery until go-live", expires: "2026-12-31" })`',
    "(reason of 10+ characters; `expires` optional, inclusive; `AVX-X1[finding]` targets one finding; applies to the scope and its children).",
    "Rules that cannot be acknowledged ignore acknowledgements and say so in the finding.",
    "",
    "Rules read *facts* the library constructs declare (K8sFirewallChart, KubernetesClusterOnboarding, PodSnatDisabled, ObotPlatform,",
    "LibreChat, MitmCa, DcfFeature, FirewallPolicy, DcfPolicyPack, AviatrixProvider); stacks composing plain resources attach them",
    "with `addPreflightFacts` (attached facts replace a construct's own facts of the same kind). Facts of one Kubernetes cluster share a",
    "`clusterKey`: the `clusterKey` prop, else the path of the `KubernetesProviders` the construct deploys with, else `default`.",
    "The DCF policy rules (AVX-DCF1, 3, 4, 5, AVX-K8S3) run the checks of `vca-cdktf analyze` on the policy model, so both always agree.",
    "",
    "| Rule | Severity | Can be acknowledged | Cause |",
    "| --- | --- | --- | --- |",
    ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.severity} | ${r.suppressible ? "yes" : "no"} | ${escape(r.cause)} |`),
    "",
  ];
  const areas = [...new Set(rules.map((r) => r.area))];
  for (const area of areas) {
    lines.push(`## ${AREA_TITLES[area] ?? area}`, "");
    for (const r of rules.filter((x) => x.area === area)) {
      lines.push(
        `### ${r.id}`,
        "",
        `**${r.name}** — severity ${r.severity}, ${r.suppressible ? "can be acknowledged" : "cannot be acknowledged"}.`,
        "",
        `- Cause: ${r.cause}`,
        `- Why: ${r.explanation}`,
        `- Fix: ${r.fix}`,
        `- Reads: ${r.reads}`,
        "",
      );
    }
  }
  return lines.join("\n");
}

function escape(text: string): string {
  return text.replace(/\|/g, "\\|");
}
