// `expect(Testing.synth(stack)).toPassVcaValidation()` for users' jest suites (and ours).
// No runtime dependency on jest: registerVcaMatchers() uses the global `expect` it finds.
import { ValidationFinding, formatValidationFinding } from "./finding";
import { validateTerraformJson } from "./validate-terraform-json";

export interface VcaValidationMatcherOptions {
  /** @default - the document's aviatrix provider pin */
  readonly controllerVersion?: string;
  /** Fail on warnings too. @default false */
  readonly failOnWarnings?: boolean;
}

interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** Findings for `Testing.synth()` output (a JSON string) or an already-parsed document. */
function findingsOf(received: unknown, options: VcaValidationMatcherOptions): ValidationFinding[] | string {
  let doc = received;
  if (typeof received === "string") {
    try {
      doc = JSON.parse(received);
    } catch (err) {
      return `received a string that is not JSON (${err instanceof Error ? err.message : String(err)}); pass Testing.synth(stack) or a parsed cdk.tf.json`;
    }
  }
  try {
    return validateTerraformJson(doc, { controllerVersion: options.controllerVersion });
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export const vcaJestMatchers = {
  toPassVcaValidation(received: unknown, options: VcaValidationMatcherOptions = {}): MatcherResult {
    const result = findingsOf(received, options);
    if (typeof result === "string") return { pass: false, message: () => `expected a valid Terraform JSON document: ${result}` };
    const failing = result.filter((f) => f.severity === "error" || options.failOnWarnings === true);
    const list = (fs: readonly ValidationFinding[]): string => fs.map((f) => `  ${formatValidationFinding(f)}`).join("\n");
    return failing.length === 0
      ? { pass: true, message: () => `expected VCA validation findings, got none${result.length ? ` that fail (warnings:\n${list(result)})` : ""}` }
      : { pass: false, message: () => `expected no VCA validation findings, got ${failing.length}:\n${list(failing)}` };
  },
};

/** Registers the matchers with jest's global `expect` (call from a setupFilesAfterEnv file). */
export function registerVcaMatchers(): void {
  const expectFn = (globalThis as { expect?: { extend(matchers: object): void } }).expect;
  if (!expectFn || typeof expectFn.extend !== "function") {
    throw new Error("registerVcaMatchers(): no global jest `expect`; call it from a jest setupFilesAfterEnv file");
  }
  expectFn.extend(vcaJestMatchers);
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> {
      /** Validates Terraform JSON (Testing.synth output) against the Aviatrix provider schema and VCA rules. */
      toPassVcaValidation(options?: VcaValidationMatcherOptions): R;
    }
  }
}
