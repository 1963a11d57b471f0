// Jest matchers for users' suites (and ours). On a stack they run what `cdktf synth` runs —
// `Testing.synth(stack)` alone skips validations, so a stack synth rejects would pass:
//   expect(stack).toPassVcaChecks()        construct validations + schema + preflight + analysis
//   expect(stack).toPassVcaPreflight()     every preflight rule (Preflight.check)
//   expect(stack).toPassVcaAnalysis()      the DCF analyzer on the synthesized policy
//   expect(stack).toPassVcaValidation()    construct validations + provider schema
// toPassVcaValidation / toPassVcaAnalysis also take Testing.synth output or a parsed cdk.tf.json.
// No runtime dependency on jest: VcaMatchers.register() uses the global `expect` it finds.
import type { PolicyFinding } from "../dcf/analyze/finding";
import type { PreflightFinding } from "../preflight/finding";
import { ValidationFinding, formatValidationFinding } from "./finding";
import { analysisFindings, isStackLike, preflightFindings, schemaFindings, synthStack, type StackCheckOptions } from "./stack-checks";

export interface VcaValidationMatcherOptions extends StackCheckOptions {
  /** Fail on warnings too. @default false */
  readonly failOnWarnings?: boolean;
}

interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** The failures of one check family, as lines; `all` counts every finding (for the negated message). */
interface Section {
  readonly title: string;
  readonly failing: readonly string[];
  readonly all: number;
}

/** A stack, `Testing.synth()` output (JSON text) or a parsed document → the parsed document (+ stack). */
function received(value: unknown): { stack?: ReturnType<typeof synthStack>; stackNode?: unknown; document?: unknown; problem?: string } {
  if (isStackLike(value)) {
    try {
      const synth = synthStack(value);
      return { stack: synth, stackNode: value, document: synth.document };
    } catch (err) {
      return { problem: `the stack does not synthesize: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  if (typeof value === "string") {
    try {
      return { document: JSON.parse(value) };
    } catch (err) {
      return {
        problem: `received a string that is not JSON (${err instanceof Error ? err.message : String(err)}); pass a stack, Testing.synth(stack) or a parsed cdk.tf.json`,
      };
    }
  }
  return { document: value };
}

function guarded(title: string, run: () => Section): Section {
  try {
    return run();
  } catch (err) {
    return { title, failing: [`could not run: ${err instanceof Error ? err.message : String(err)}`], all: 1 };
  }
}

function synthSection(r: ReturnType<typeof received>): Section {
  const errors = r.stack?.validationErrors ?? [];
  return { title: "construct validations (what `cdktf synth` runs)", failing: errors, all: errors.length };
}

function schemaSection(document: unknown, options: VcaValidationMatcherOptions): Section {
  return guarded("provider schema validation", () => {
    const findings: ValidationFinding[] = schemaFindings(document, options);
    const failing = findings.filter((f) => f.severity === "error" || options.failOnWarnings === true);
    return { title: "provider schema validation", failing: failing.map(formatValidationFinding), all: findings.length };
  });
}

function preflightSection(stack: unknown, options: VcaValidationMatcherOptions): Section {
  return guarded("preflight", () => {
    const findings: readonly PreflightFinding[] = preflightFindings(stack as never, options);
    const active = findings.filter((f) => f.status === "non-compliant" || f.status === "unknown");
    const failing = active.filter((f) => (f.status === "non-compliant" && f.severity === "error") || options.failOnWarnings === true);
    return { title: "preflight", failing: failing.map((f) => f.message), all: active.length };
  });
}

function analysisSection(document: unknown, source: string, options: VcaValidationMatcherOptions): Section {
  return guarded("policy analysis", () => {
    const findings: PolicyFinding[] = analysisFindings(document, source);
    const failing = findings.filter((f) => f.severity === "error" || (options.failOnWarnings === true && f.severity === "warning"));
    const format = (f: PolicyFinding) => `${f.severity.toUpperCase()} ${f.id}${f.rule !== undefined ? ` [${f.rule}]` : ""}: ${f.explanation}`;
    return { title: "policy analysis", failing: failing.map(format), all: findings.length };
  });
}

function verdict(what: string, sections: readonly Section[]): MatcherResult {
  const failing = sections.filter((s) => s.failing.length > 0);
  if (failing.length === 0) {
    return {
      pass: true,
      message: () =>
        `expected ${what} to fail, but it passed (${sections.map((s) => `${s.title}: ${s.all} finding${s.all === 1 ? "" : "s"}, none failing`).join("; ")})`,
    };
  }
  const count = failing.reduce((n, s) => n + s.failing.length, 0);
  return {
    pass: false,
    message: () =>
      `expected ${what} to pass, got ${count} failing finding${count === 1 ? "" : "s"}:\n` +
      failing.map((s) => `${s.title}:\n${s.failing.map((l) => `  ${l}`).join("\n")}`).join("\n"),
  };
}

function needsStack(matcher: string): MatcherResult {
  return { pass: false, message: () => `${matcher} needs a TerraformStack (preflight reads the construct tree, not synthesized JSON)` };
}

export const vcaJestMatchers = {
  toPassVcaValidation(value: unknown, options: VcaValidationMatcherOptions = {}): MatcherResult {
    const r = received(value);
    if (r.problem) return { pass: false, message: () => `expected a valid Terraform JSON document: ${r.problem}` };
    return verdict("VCA validation", [...(r.stack ? [synthSection(r)] : []), schemaSection(r.document, options)]);
  },

  toPassVcaPreflight(value: unknown, options: VcaValidationMatcherOptions = {}): MatcherResult {
    if (!isStackLike(value)) return needsStack("toPassVcaPreflight()");
    return verdict("VCA preflight", [preflightSection(value, options)]);
  },

  toPassVcaAnalysis(value: unknown, options: VcaValidationMatcherOptions = {}): MatcherResult {
    const r = received(value);
    if (r.problem) return { pass: false, message: () => `expected a policy to analyze: ${r.problem}` };
    return verdict("VCA policy analysis", [analysisSection(r.document, r.stack ? `stack ${r.stack.stack}` : "cdk.tf.json", options)]);
  },

  toPassVcaChecks(value: unknown, options: VcaValidationMatcherOptions = {}): MatcherResult {
    if (!isStackLike(value)) return needsStack("toPassVcaChecks()");
    const r = received(value);
    if (r.problem) return { pass: false, message: () => `expected the stack to pass the VCA checks: ${r.problem}` };
    return verdict("the VCA checks", [
      synthSection(r),
      schemaSection(r.document, options),
      preflightSection(value, options),
      analysisSection(r.document, `stack ${r.stack?.stack ?? ""}`, options),
    ]);
  },
};

/** The jest matchers' entry: `VcaMatchers.register()` from a jest setupFilesAfterEnv file. */
export class VcaMatchers {
  /** Registers the matchers with jest's global `expect` (call from a setupFilesAfterEnv file). */
  public static register(): void {
    const expectFn = (globalThis as { expect?: { extend(matchers: object): void } }).expect;
    if (!expectFn || typeof expectFn.extend !== "function") {
      throw new Error("VcaMatchers.register(): no global jest `expect`; call it from a jest setupFilesAfterEnv file");
    }
    expectFn.extend(vcaJestMatchers);
  }

  private constructor() {}
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type -- merges with @types/jest's Matchers<R, T = {}>
    interface Matchers<R, T = {}> {
      /** A stack (construct validations + provider schema) or Terraform JSON (provider schema) passes VCA validation. */
      toPassVcaValidation(options?: VcaValidationMatcherOptions): R;
      /** Every preflight rule passes on the stack (error findings fail; with failOnWarnings, warnings and unknown too). */
      toPassVcaPreflight(options?: VcaValidationMatcherOptions): R;
      /** The DCF analyzer finds no error (shadowed deny, URL filter without decryption, …) in the stack's or document's policy. */
      toPassVcaAnalysis(options?: VcaValidationMatcherOptions): R;
      /** Everything `cdktf synth` and the CI checks catch: construct validations, schema, preflight and analysis. */
      toPassVcaChecks(options?: VcaValidationMatcherOptions): R;
    }
  }
}
