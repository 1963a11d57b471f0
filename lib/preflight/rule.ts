// The shape of one preflight rule (one file per rule under ./rules) and of what it returns.
import type { IConstruct } from "constructs";
import type { Severity } from "../core/finding";
import type { RuleContext } from "./context";

/** Rule areas: CTRL controller/versions, IMM immutable bindings, FDY Foundry, K8S Kubernetes, DCF policy, AGC AgentCore, APP construct tree. */
export type RuleArea = "CTRL" | "IMM" | "FDY" | "K8S" | "DCF" | "AGC" | "APP";

/** Metadata: everything RULES.md and the reports say about a rule. */
export interface RuleMetadata {
  /** `AVX-<AREA><N>`. */
  readonly id: string;
  readonly area: RuleArea;
  /** Short name, e.g. "controller-version-declared". */
  readonly name: string;
  /** error fails synth; warning and info become annotations (lib/core/finding.ts). */
  readonly severity: Severity;
  /** One-line cause, printed in every finding. */
  readonly cause: string;
  /** Why it matters (RULES.md, SARIF fullDescription). */
  readonly explanation: string;
  /** How to fix it, printed after the cause. */
  readonly fix: string;
  /** Whether Preflight.acknowledge can silence it. */
  readonly suppressible: boolean;
  /** What the rule reads (facts / resources), so stack authors know what to declare. */
  readonly reads: string;
}

/** A plan-time re-check: a lifecycle precondition added to a resource, carrying the rule id. */
export interface PlanTimeCheck {
  readonly resource: IConstruct;
  /** A Terraform boolean expression (string or cdktf token). */
  readonly condition: unknown;
  readonly errorMessage: string;
}

/** One evaluated instance of a rule on a construct. */
export interface RuleCheck {
  readonly node: IConstruct;
  /** pass = compliant; fail = non-compliant; unknown = could not be decided at synth (tokens). */
  readonly status: "pass" | "fail" | "unknown";
  /** Finding-granular id suffix: `AVX-SG2[<findingId>]`; acknowledgements may target it. */
  readonly findingId?: string;
  /** Specific cause (for a pass: what holds); @default - the rule's cause, for a pass `compliant: <rule name>` */
  readonly cause?: string;
  readonly got?: string;
  readonly want?: string;
  /** Specific fix; @default - the rule's fix */
  readonly fix?: string;
  /** Terraform address when it is not the node's own. */
  readonly address?: string;
  readonly planTimeCheck?: PlanTimeCheck;
}

export interface PreflightRule extends RuleMetadata {
  /** Pure check of one stack; returns no checks when the rule does not apply. */
  check(ctx: RuleContext): readonly RuleCheck[];
}

export function pass(node: IConstruct, extra: Partial<RuleCheck> = {}): RuleCheck {
  return { ...extra, node, status: "pass" };
}

export function fail(node: IConstruct, extra: Partial<RuleCheck> = {}): RuleCheck {
  return { ...extra, node, status: "fail" };
}

export function unknown(node: IConstruct, extra: Partial<RuleCheck> = {}): RuleCheck {
  return { ...extra, node, status: "unknown" };
}
