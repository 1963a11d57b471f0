// GIVEN helpers for preflight tests on stacks built from the real library constructs.
import * as path from "path";
import { TerraformStack, Testing } from "../../lib/core/cdktf";
import { AviatrixProvider } from "../../lib/constructs/aviatrix/aviatrix-provider";
import { KubernetesProviders } from "../../lib/constructs/kubernetes/kubernetes-providers";
import { Preflight, type PreflightProps } from "../../lib/preflight/preflight";
import { tmpDir } from "./helpers";

export interface ConstructStack {
  readonly stack: TerraformStack;
  readonly preflight: Preflight;
  /** One cluster's kubernetes/helm providers (cluster key "s/k8s"). */
  readonly providers: KubernetesProviders;
}

/** Stack "s" with Preflight (no baseline, no reports), an AviatrixProvider when `aviatrixController` is set, and cluster providers. */
export function givenConstructStack(opts: { readonly aviatrixController?: string; readonly preflight?: PreflightProps } = {}): ConstructStack {
  const stack = new TerraformStack(Testing.app(), "s");
  const preflight = Preflight.of(stack, { baselineFile: path.join(tmpDir(), "none.lock.json"), reports: false, ...opts.preflight });
  if (opts.aviatrixController !== undefined) new AviatrixProvider(stack, "aviatrix", { controllerVersion: opts.aviatrixController, credentials: "env" });
  const providers = KubernetesProviders.fromKubeconfig(stack, "k8s", { configPath: "~/.kube/config" });
  return { stack, preflight, providers };
}

/** `<status> <finding id> @ <construct path>` for every check of one rule. */
export function ruleResults(preflight: Preflight, ruleId: string): string[] {
  return preflight
    .evaluate()
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.status} ${f.id} @ ${f.constructPath}`);
}
