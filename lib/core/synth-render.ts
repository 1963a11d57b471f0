// One render of a stack's Terraform JSON per synth, shared by the synth-time checks that read the
// whole document (the secret scan, lib/secrets/terraform-scan.ts) and the cdk.tf.json cdktf writes.
// `stack.toTerraform()` resolves every token of every element; at synth cdktf renders once more to
// write the file, right after the validations. For the example app that second render was ~0.25 s
// of its cold synth (docs/ARCHITECTURE.md §7). While the stack's synthesizer runs, the check's render
// is kept and handed to the next `toTerraform()` call — cdktf's own write — exactly once. Between
// the two there are only the remaining validations (checks: they read, never change the tree),
// custom synthesis (assets copying files) and annotation collection. Outside a synthesizer run
// (Testing.synth, a test calling toTerraform) every call renders afresh, as before.
import { ISynthesisSession, TerraformStack } from "./cdktf";

interface RenderState {
  synthesizing: boolean;
  kept?: Record<string, unknown>;
}

const states = new WeakMap<TerraformStack, RenderState>();

/**
 * The stack's Terraform JSON for a synth-time check (a node validation). During a synthesizer run
 * the same object is what cdktf then writes: treat it as read-only. Call `shareRenderAtSynth` when
 * the check is added (before synth).
 */
export function renderForCheck(stack: TerraformStack): Record<string, unknown> {
  const json = stack.toTerraform() as Record<string, unknown>;
  const state = states.get(stack);
  if (state?.synthesizing) state.kept = json;
  return json;
}

/** Lets the stack's next synth write the render a check took (`renderForCheck`) instead of rendering again. Idempotent. */
export function shareRenderAtSynth(stack: TerraformStack): void {
  if (states.has(stack)) return;
  const current: RenderState = { synthesizing: false };
  states.set(stack, current);
  const synthesizer = stack.synthesizer;
  stack.synthesizer = {
    synthesize(session: ISynthesisSession): void {
      current.synthesizing = true;
      try {
        synthesizer.synthesize(session);
      } finally {
        current.synthesizing = false;
        current.kept = undefined;
      }
    },
  };
  const render = stack.toTerraform;
  Object.defineProperty(stack, "toTerraform", {
    configurable: true,
    writable: true,
    value: function toTerraform(this: TerraformStack): unknown {
      const kept = current.kept;
      current.kept = undefined;
      return kept ?? render.call(stack);
    },
  });
}
