// Which blueprint stacks the app builds: context `vca:stacks` (or env VCA_STACKS, because
// `cdktf synth` 0.21 has no --context flag and replaces CDKTF_CONTEXT_JSON with cdktf.json's
// context). One stack alone synthesizes without loading the others' modules (docs/ARCHITECTURE.md §7 cold synth).
import { UserInputError } from "../../lib/util/errors";

/** The context key (and its env fallback) that picks stacks: `vca-agentcore,vca-obot-aks`. */
export const STACKS_CONTEXT_KEY = "vca:stacks";
export const STACKS_ENV = "VCA_STACKS";

/**
 * Resolves a stack selection against the valid ids. Returns the selected ids in `validIds` order
 * (the app's order, so output does not depend on how the user listed them).
 * @param selection a comma-separated string or a list of ids. @default - every stack (undefined)
 * @throws UserInputError naming the source, the unknown ids and the valid ones
 */
export function selectStacks(selection: unknown, validIds: readonly string[], source: string = STACKS_CONTEXT_KEY): string[] {
  if (selection === undefined) return [...validIds];
  const listed = parseSelection(selection, validIds, source);
  const unknown = listed.filter((id) => !validIds.includes(id));
  if (unknown.length > 0) {
    throw new UserInputError(
      `${source}: unknown stack id${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => JSON.stringify(id)).join(", ")}; ` +
        `valid ids: ${validIds.join(", ")} (comma-separated, e.g. ${source}=${validIds[0]})`,
    );
  }
  return validIds.filter((id) => listed.includes(id));
}

function parseSelection(selection: unknown, validIds: readonly string[], source: string): string[] {
  const items = typeof selection === "string" ? selection.split(",") : Array.isArray(selection) ? selection : undefined;
  if (items === undefined || items.some((item) => typeof item !== "string")) {
    throw new UserInputError(`${source}: got ${JSON.stringify(selection)}, want a comma-separated string or a list of stack ids (${validIds.join(", ")})`);
  }
  const ids = (items as string[]).map((id) => id.trim()).filter((id) => id !== "");
  if (ids.length === 0) {
    throw new UserInputError(
      `${source}: got ${JSON.stringify(selection)}, want at least one stack id (${validIds.join(", ")}); leave it unset for every stack`,
    );
  }
  return ids;
}
