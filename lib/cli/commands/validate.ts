import { Command } from "commander";
import { CheckFailedError } from "../../util/errors";
import { hasErrors } from "../../core/finding";
import { formatValidationFinding, validateFiles } from "../../validate";
import { PROGRAM_NAME } from "../../util/program-name";

interface ValidateCommandOptions {
  readonly controllerVersion?: string;
  readonly json?: boolean;
}

/** `vca validate`: offline schema + constraint check of synthesized Terraform JSON and CRD manifests. */
export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description(
      "check cdk.tf.json (or a cdktf.out dir: every stacks/*/cdk.tf.json) and FirewallPolicy/WebgroupPolicy YAML " +
        "against the vendored Aviatrix provider schema, constraints and apply-time rules; exit 1 on error findings",
    )
    .argument("<inputs...>", "cdktf.out directory, cdk.tf.json or manifest .yaml files")
    .option("--controller-version <X.Y.Z>", "controller version to check introduced_in against (default: the aviatrix provider pin)")
    .option("--json", "print findings as one JSON document")
    .action((inputs: string[], opts: ValidateCommandOptions) => {
      const { files, findings } = validateFiles(inputs, { controllerVersion: opts.controllerVersion });
      const errors = findings.filter((f) => f.severity === "error").length;
      const warnings = findings.length - errors;
      const summary = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${files.length} file${files.length === 1 ? "" : "s"}`;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ files, errors, warnings, findings }, null, 2) + "\n");
      } else {
        for (const finding of findings) process.stdout.write(formatValidationFinding(finding) + "\n");
        process.stdout.write(`${PROGRAM_NAME} validate: ${summary}\n`);
      }
      if (hasErrors(findings)) throw new CheckFailedError(`validation failed: ${summary}`);
    });
}
