// The preflight engine, installed per stack by Preflight.of(stack).
//
// How it runs (cdktf 0.21 stack synthesis: Aspects → validations → JSON):
//  1. An Aspect on the stack evaluates every rule when it visits the stack node (the tree is
//     complete by then), adds plan-time lifecycle preconditions for facts only Terraform knows,
//     turns warning/info/unknown/acknowledged findings into Annotations, and writes
//     <outdir>/preflight/<stack>.json + .sarif.
//  2. A validation on the stack (node.addValidation) returns the ERROR findings, so synth fails
//     (`cdktf synth`, app.synth(), Testing.synth(stack, true)) — not bypassable by the
//     CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS env var, only by App skipValidation.
// `Preflight.of(stack).evaluate()` gives the same result without synthesizing (for tests/CLIs).
import { CONTEXT_KEYS, contextValue } from "../core/context-keys";
import * as path from "path";
import type { IConstruct, IValidation } from "constructs";
import { Annotations, App, Aspects, type IAspect, TerraformResource, TerraformStack } from "../core/cdktf";
import { type Acknowledgement, recordAcknowledgement } from "./acknowledge";
import { type Baseline, DEFAULT_BASELINE_FILE, readBaseline } from "./baseline";
import { RuleContext } from "./context";
import { evaluateRules, type PreflightResult } from "./engine";
import { writeReports } from "./report";
import type { PlanTimeCheck, PreflightRule, RuleMetadata } from "./rule";
import { ALL_RULES } from "./rules";

const INSTANCE = Symbol.for("vca-cdktf.preflight.instance");
const ANNOTATED = Symbol.for("vca-cdktf.preflight.annotated");

export interface PreflightProps {
  /**
   * Controller release the stack targets, used when no AviatrixProvider fact declares one.
   * @default - the app context value `vca:controllerVersion`
   */
  readonly controllerVersion?: string;
  /**
   * Baseline of immutable bindings written by `npx vca-cdktf preflight lock`.
   * @default - context `vca:preflightBaseline`, else `vca-preflight.lock.json` in the working directory
   */
  readonly baselineFile?: string;
  /**
   * Write `<outdir>/preflight/<stack>.json` and `.sarif` at synth.
   * @default true
   */
  readonly reports?: boolean;
  /**
   * Clock used for acknowledgement expiry.
   * @default - the current time
   */
  readonly now?: Date;
  /**
   * Extra rules evaluated after the built-in ones.
   * @default - none
   */
  readonly additionalRules?: readonly PreflightRule[];
}

export class Preflight {
  /** Installs preflight on the stack containing `scope` (idempotent; later props override earlier ones). */
  public static of(scope: IConstruct, props: PreflightProps = {}): Preflight {
    const stack = TerraformStack.of(scope);
    const holder = stack as unknown as Record<symbol, Preflight | undefined>;
    const existing = holder[INSTANCE];
    if (existing) {
      existing.props = { ...existing.props, ...props };
      return existing;
    }
    const created = new Preflight(stack, props);
    holder[INSTANCE] = created;
    return created;
  }

  /**
   * Accepts the findings of one rule (or one finding, `AVX-X1[finding]`) on `scope` and its
   * children. The reason must have 10+ characters; after `expires` (YYYY-MM-DD, inclusive) the
   * finding is active again; unknown ids throw; rules marked non-suppressible ignore it (and say so).
   */
  public static acknowledge(scope: IConstruct, acknowledgement: Acknowledgement): void {
    recordAcknowledgement(scope, acknowledgement, new Set(Preflight.rules().map((r) => r.id)));
  }

  /**
   * Evaluates the rules on the stack containing `scope` now, without installing anything (the
   * jest matchers use it: `Testing.synth(stack)` runs no validations). With Preflight.of(stack)
   * installed, its props apply (overridden by `props`).
   */
  public static check(scope: IConstruct, props: PreflightProps = {}): PreflightResult {
    const stack = TerraformStack.of(scope);
    const installed = (stack as unknown as Record<symbol, Preflight | undefined>)[INSTANCE];
    return evaluateStack(stack, { ...(installed?.props ?? {}), ...props });
  }

  /** Metadata of every built-in rule, in catalogue order. */
  public static rules(): readonly RuleMetadata[] {
    return ALL_RULES;
  }

  private props: PreflightProps;
  private lastResult?: PreflightResult;

  private constructor(
    public readonly stack: TerraformStack,
    props: PreflightProps,
  ) {
    this.props = props;
    const aspect: IAspect = {
      visit: (node: IConstruct) => {
        if (node === this.stack) this.runAtSynth();
      },
    };
    Aspects.of(stack).add(aspect);
    const validation: IValidation = {
      validate: () => (this.lastResult ?? this.evaluate()).findings.filter((f) => f.status === "non-compliant" && f.severity === "error").map((f) => f.message),
    };
    stack.node.addValidation(validation);
  }

  /** Evaluates every rule on the current tree (no reports, no annotations). */
  public evaluate(): PreflightResult {
    return evaluateStack(this.stack, this.props);
  }

  /** The result of the last synth-time evaluation. */
  public get result(): PreflightResult | undefined {
    return this.lastResult;
  }

  private runAtSynth(): void {
    const result = this.evaluate();
    this.lastResult = result;
    for (const check of result.planTimeChecks) addPrecondition(check);
    const byPath = new Map(this.stack.node.findAll().map((n) => [n.node.path, n] as const));
    for (const f of result.findings) {
      if (f.status === "compliant" || (f.status === "non-compliant" && f.severity === "error")) continue;
      annotateOnce(byPath.get(f.constructPath) ?? this.stack, f.severity === "info" ? "info" : "warn", f.message);
    }
    annotateOnce(this.stack, "info", result.summaryLine);
    if (this.props.reports ?? true) {
      writeReports(App.of(this.stack).outdir, result, activeRules(this.props));
    }
  }
}

/** The built-in rules, then `additionalRules`. */
function activeRules(props: PreflightProps): readonly PreflightRule[] {
  return [...ALL_RULES, ...(props.additionalRules ?? [])];
}

function baselineFileOf(stack: TerraformStack, props: PreflightProps): string {
  const fromContext = contextValue(stack, CONTEXT_KEYS.preflightBaseline);
  return path.resolve(props.baselineFile ?? (typeof fromContext === "string" ? fromContext : DEFAULT_BASELINE_FILE));
}

/** Every rule on the stack's current tree (no reports, no annotations). */
function evaluateStack(stack: TerraformStack, props: PreflightProps): PreflightResult {
  const baselineFile = baselineFileOf(stack, props);
  const baseline: Baseline | undefined = readBaseline(baselineFile);
  const ctx = new RuleContext({ stack, controllerVersionOption: props.controllerVersion, baseline, baselineFile });
  return evaluateRules(ctx, activeRules(props), props.now ?? new Date());
}

function annotateOnce(node: IConstruct, level: "info" | "warn", message: string): void {
  const holder = node as unknown as Record<symbol, Set<string> | undefined>;
  const seen = holder[ANNOTATED] ?? new Set<string>();
  holder[ANNOTATED] = seen;
  if (seen.has(message)) return;
  seen.add(message);
  if (level === "warn") Annotations.of(node).addWarning(message);
  else Annotations.of(node).addInfo(message);
}

function addPrecondition(check: PlanTimeCheck): void {
  if (!TerraformResource.isTerraformResource(check.resource)) return;
  const resource = check.resource as TerraformResource;
  const existing = resource.lifecycle?.precondition ?? [];
  if (existing.some((p) => p.errorMessage === check.errorMessage)) return;
  resource.lifecycle = {
    ...(resource.lifecycle ?? {}),
    precondition: [...existing, { condition: check.condition, errorMessage: check.errorMessage }],
  };
}
