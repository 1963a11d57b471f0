// Runs the rules over one stack and turns their checks into findings (pure apart from reading
// the construct tree; reports and annotations are the caller's job).
import { TerraformStack } from "../core/cdktf";
import { findAcknowledgement } from "./acknowledge";
import { resolveBindingValues } from "./binding-values";
import { addressOf, RuleContext } from "./context";
import { compliantCause, formatMessage, NOTHING_TO_FIX, type PreflightFinding } from "./finding";
import type { Severity } from "../core/finding";
import type { PlanTimeCheck, PreflightRule, RuleCheck } from "./rule";
import { compareText } from "../dcf/builder/canonical";

export interface ImmutableRecord {
  readonly key: string;
  readonly constructPath: string;
  readonly address?: string;
  readonly description: string;
  /** Literal values as is, references as their Terraform expression text (lib/preflight/binding-values.ts). */
  readonly values: Readonly<Record<string, string>>;
  /** Names of values that are Terraform references (recorded by expression, tracked by Terraform at plan). */
  readonly references: readonly string[];
}

export interface PreflightSummary {
  readonly rules: number;
  readonly applicableRules: number;
  readonly checks: number;
  readonly passed: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly unknown: number;
  readonly acknowledged: number;
}

export interface PreflightResult {
  readonly stack: string;
  readonly controllerVersion?: string;
  /** Every check, compliant ones included, in rule order then tree order. */
  readonly findings: readonly PreflightFinding[];
  readonly applicableRuleIds: readonly string[];
  readonly immutable: readonly ImmutableRecord[];
  readonly planTimeChecks: readonly PlanTimeCheck[];
  readonly summary: PreflightSummary;
  readonly summaryLine: string;
}

export function evaluateRules(ctx: RuleContext, rules: readonly PreflightRule[], now: Date): PreflightResult {
  const findings: PreflightFinding[] = [];
  const planTimeChecks: PlanTimeCheck[] = [];
  const applicable: string[] = [];
  for (const rule of rules) {
    let checks: readonly RuleCheck[];
    try {
      checks = rule.check(ctx);
    } catch (err) {
      // A crashing rule is reported, never a silent pass (cdk-nag's validation-failure finding).
      checks = [{ node: ctx.stack, status: "unknown", cause: `${rule.cause} — the rule failed to evaluate: ${(err as Error).message}` }];
    }
    if (checks.length) applicable.push(rule.id);
    for (const check of checks) {
      const finding = toFinding(rule, check, now);
      findings.push(finding);
      // An accepted finding must not come back as a failing plan (e.g. a planned teardown).
      if (check.planTimeCheck && finding.status !== "acknowledged") planTimeChecks.push(check.planTimeCheck);
    }
  }
  const controller = ctx.controllerVersion();
  const summary = summarize(rules.length, applicable.length, findings);
  return {
    stack: ctx.stackName,
    ...(controller && typeof controller.value === "string" ? { controllerVersion: controller.value } : {}),
    findings,
    applicableRuleIds: applicable,
    immutable: immutableRecords(ctx),
    planTimeChecks,
    summary,
    summaryLine: summaryLine(ctx.stackName, summary),
  };
}

function toFinding(rule: PreflightRule, check: RuleCheck, now: Date): PreflightFinding {
  const id = check.findingId ? `${rule.id}[${check.findingId}]` : rule.id;
  let status: PreflightFinding["status"] = check.status === "pass" ? "compliant" : check.status === "unknown" ? "unknown" : "non-compliant";
  let severity: Severity = status === "unknown" && rule.severity === "error" ? "warning" : rule.severity;
  let acknowledgement: PreflightFinding["acknowledgement"];
  let note: string | undefined;
  if (status !== "compliant") {
    const found = findAcknowledgement(check.node, rule.id, check.findingId, now);
    if (found && !rule.suppressible) {
      note = `acknowledgement ignored: ${rule.id} cannot be acknowledged`;
    } else if (found?.expired) {
      note = `acknowledgement expired on ${found.ack.expires}`;
    } else if (found) {
      status = "acknowledged";
      severity = "info";
      acknowledgement = { reason: found.ack.reason, ...(found.ack.expires ? { expires: found.ack.expires } : {}), at: found.at };
    }
  }
  const base = {
    ruleId: rule.id,
    id,
    severity: status === "compliant" ? ("info" as const) : severity,
    status,
    constructPath: check.node.node.path,
    ...optional("address", check.address ?? (TerraformStack.isStack(check.node) ? undefined : addressOf(check.node))),
    // A compliant finding says what holds; the rule's cause and fix describe the failure.
    cause: status === "compliant" ? (check.cause ?? compliantCause(rule.name)) : (check.cause ?? rule.cause),
    ...optional("got", check.got),
    ...optional("want", check.want),
    fix: status === "compliant" ? NOTHING_TO_FIX : (check.fix ?? rule.fix),
    ...optional("acknowledgement", acknowledgement),
    ...optional("note", note),
  };
  return { ...base, message: formatMessage(base) };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function summarize(rules: number, applicableRules: number, findings: readonly PreflightFinding[]): PreflightSummary {
  const count = (pred: (f: PreflightFinding) => boolean) => findings.filter(pred).length;
  return {
    rules,
    applicableRules,
    checks: findings.length,
    passed: count((f) => f.status === "compliant"),
    errors: count((f) => f.status === "non-compliant" && f.severity === "error"),
    warnings: count((f) => f.status === "non-compliant" && f.severity === "warning"),
    infos: count((f) => f.status === "non-compliant" && f.severity === "info"),
    unknown: count((f) => f.status === "unknown"),
    acknowledged: count((f) => f.status === "acknowledged"),
  };
}

export function summaryLine(stack: string, s: PreflightSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    `preflight ${stack}: ${plural(s.checks, "check")} (${s.applicableRules}/${s.rules} rules applied), ${s.passed} passed, ` +
    `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${s.unknown} unknown, ${s.acknowledged} acknowledged`
  );
}

function immutableRecords(ctx: RuleContext): ImmutableRecord[] {
  return ctx
    .facts("immutable-binding")
    .map(({ node, fact }) => {
      const { values, references } = resolveBindingValues(ctx.stack, fact.values);
      const address = addressOf(fact.guard ?? node);
      return { key: fact.key, constructPath: node.node.path, ...(address ? { address } : {}), description: fact.description, values, references };
    })
    .sort((a, b) => compareText(a.key, b.key));
}
