import type { IConstruct } from "constructs";
import { TerraformStack } from "../../core/cdktf";
import { hasFacts } from "../facts";
import { fail, type PreflightRule, type RuleCheck } from "../rule";

/** AVX-APP1: VCA constructs live inside a stack (otherwise they are never synthesized). */
export const factsOutsideStack: PreflightRule = {
  id: "AVX-APP1",
  area: "APP",
  name: "construct-outside-stack",
  severity: "error",
  cause: "a VCA construct is not inside any TerraformStack, so nothing it declares is deployed",
  explanation:
    "Only stacks are synthesized. A construct created directly under the App (e.g. `new DcfPolicyPack(app, ...)`) is silently " +
    "dropped — its policy would look configured in code but never reach the controller (cdk-terrain#57).",
  fix: "create the construct inside a TerraformStack (pass the stack, not the app, as scope)",
  suppressible: false,
  reads: "the whole App tree: constructs with preflight facts that have no TerraformStack ancestor",
  check(ctx): readonly RuleCheck[] {
    // Everything inside a stack is deployed: walk the App tree in construct order without entering
    // stacks (once per stack, so not the whole tree each time).
    const orphans: IConstruct[] = [];
    const visit = (n: IConstruct): void => {
      if (TerraformStack.isStack(n)) return;
      if (hasFacts(n)) orphans.push(n);
      n.node.children.forEach(visit);
    };
    visit(ctx.stack.node.root);
    return orphans.map((n) => fail(n, { findingId: n.node.path, got: `under ${n.node.scope?.node.path || "<app>"}`, want: "inside a TerraformStack" }));
  },
};
