// cdktf's default local backend writes the state path as an absolute path of the machine that
// synthesized (path.join(process.cwd(), "terraform.<stack>.tfstate"), cdktf lib/backends/local-backend.js),
// so the same checkout in two folders gave two different cdk.tf.json files. Terraform resolves a
// relative local-backend path from its working directory, <outdir>/stacks/<id>, so
// "../../../terraform.<id>.tfstate" is the same file cdktf's default names when outdir is the project's
// cdktf.out, and the JSON no longer depends on where the repository was cloned.
import { LocalBackend, TerraformBackend, TerraformStack } from "../../lib/core/cdktf";
import type { App } from "../../lib/core/cdktf";

/** The state path of a blueprint stack, relative to the folder terraform runs in. */
export function relativeStatePath(stackId: string): string {
  return `../../../terraform.${stackId}.tfstate`;
}

/** Gives every stack of the app that declares no backend a local backend with a relative path. */
export function useRelativeLocalState(app: App): void {
  for (const child of app.node.children) {
    if (!TerraformStack.isStack(child)) continue;
    const hasBackend = child.node.findAll().some((c) => TerraformBackend.isBackend(c));
    if (!hasBackend) new LocalBackend(child, { path: relativeStatePath(child.node.id) });
  }
}
