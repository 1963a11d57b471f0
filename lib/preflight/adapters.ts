// Facts derived from library constructs that do not (yet) implement PREFLIGHT_FACTS, read
// through their public, brand-checked properties (duck typing; no imports of lib/constructs so
// preflight stays usable without them). Explicit facts on a construct take precedence.
import type { IConstruct } from "constructs";
import type { PolicyMode, PolicyModel } from "../dcf/model";
import type { PreflightFact } from "./facts";

const POLICY_PACK_BRAND = Symbol.for("vca-cdktf.DcfPolicyPack");
const PROVIDER_BRAND = Symbol.for("vca-cdktf.AviatrixProvider");

export function derivedFacts(node: IConstruct): readonly PreflightFact[] {
  const n = node as unknown as Record<string | symbol, unknown>;
  if (n[PROVIDER_BRAND] === true) {
    const v = n.controllerVersion as { major?: unknown; minor?: unknown; patch?: unknown } | undefined;
    if (v && typeof v.major === "number" && typeof v.minor === "number") {
      return [{ kind: "aviatrix-provider", controllerVersion: `${v.major}.${v.minor}.${typeof v.patch === "number" ? v.patch : 0}` }];
    }
  }
  if (n[POLICY_PACK_BRAND] === true) {
    const model = n.model as PolicyModel | undefined;
    const mode = n.mode as PolicyMode | undefined;
    if (model && Array.isArray(model.rules) && (mode === "discover" || mode === "enforce")) return [{ kind: "dcf-policy", model, mode }];
  }
  return [];
}
