// Which controller version a document targets: the --controller-version option, else the
// aviatrix provider pin in the same document. Our provider construct writes `~> X.Y.Z` with
// X.Y.Z = the controller version (since 8.0 provider version == controller version), so the
// lower bound of the constraint is the declared controller version.
import { ControllerVersion, constraintFloor } from "../core/controller-version";
import { isObject, JsonObject } from "./terraform-values";

export interface DeclaredControllerVersion {
  readonly version?: ControllerVersion;
  /** Where it came from, for messages: `--controller-version`, or the constraint text. */
  readonly source: string;
}

export function declaredControllerVersion(doc: JsonObject, option?: string): DeclaredControllerVersion {
  if (option !== undefined) {
    return { version: ControllerVersion.parse(option, "--controller-version"), source: "--controller-version" };
  }
  const pin = aviatrixProviderPin(doc);
  if (pin === undefined) return { source: "no terraform.required_providers.aviatrix.version" };
  const version = constraintFloor(pin);
  return { version, source: `terraform.required_providers.aviatrix.version ${JSON.stringify(pin)}` };
}

/** `terraform.required_providers.aviatrix.version` in cdktf (objects) or hcl2json (arrays) shape. */
function aviatrixProviderPin(doc: JsonObject): string | undefined {
  for (const terraform of asObjects(doc.terraform)) {
    for (const providers of asObjects(terraform.required_providers)) {
      const aviatrix = providers.aviatrix;
      if (typeof aviatrix === "string") return aviatrix;
      if (isObject(aviatrix) && typeof aviatrix.version === "string") return aviatrix.version;
    }
  }
  return undefined;
}

function asObjects(value: unknown): JsonObject[] {
  if (isObject(value)) return [value];
  if (Array.isArray(value)) return value.filter(isObject);
  return [];
}
