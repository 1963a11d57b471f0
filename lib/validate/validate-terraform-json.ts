// Offline validation of a Terraform JSON document (cdktf's cdk.tf.json or hcl2json output):
// the Terraform language for every provider (lib/validate/terraform-language.ts), then
// every aviatrix_* resource / data source against the vendored provider schema + constraints,
// plus FirewallPolicy/WebgroupPolicy manifests inside kubernetes_manifest resources.
import { ControllerVersion } from "../core/controller-version";
import { UserInputError } from "../util/errors";
import { APPLY_TIME_RULES } from "./apply-time-rules";
import { isAviatrixCrdManifest, validateCrdManifest } from "./crd-manifest";
import { declaredControllerVersion } from "./declared-version";
import { ValidationFinding, FindingSink } from "./finding";
import { aviatrixNameNotes, aviatrixSchema, aviatrixTypeNames, ResourceKind } from "./provider-schema";
import { checkAtLeastOneOf, checkVersionFacts, walkResource, WalkContext } from "./schema-walk";
import { checkTerraformLanguage } from "./terraform-language";
import { closest, isObject, JsonObject, resourceBodies } from "./terraform-values";
import { own } from "../util/own";

export interface ValidateTerraformJsonOptions {
  /** File name put on every finding. @default - findings carry no file */
  readonly file?: string;
  /**
   * Controller version the document targets (`X.Y` / `X.Y.Z`).
   * @default - the floor of `terraform.required_providers.aviatrix.version` in the document; when
   * that is absent the introduced_in checks are skipped with a warning
   */
  readonly controllerVersion?: string;
}

const PREFIX = "aviatrix_";

/** Validates a parsed Terraform JSON document; returns findings in document order. */
export function validateTerraformJson(doc: unknown, options: ValidateTerraformJsonOptions = {}): ValidationFinding[] {
  const sink = new FindingSink(options.file);
  if (!isObject(doc)) {
    throw new UserInputError(`${options.file ?? "document"}: got ${Array.isArray(doc) ? "a list" : typeof doc}, want a Terraform JSON object`);
  }
  checkTerraformLanguage(doc, sink);
  const declared = declaredControllerVersion(doc, options.controllerVersion);
  const version = declared.version;
  let sawAviatrix = false;

  for (const kind of ["resource", "data"] as const) {
    const section = doc[kind];
    if (!isObject(section)) continue;
    for (const [type, byName] of Object.entries(section)) {
      if (!isObject(byName)) continue;
      for (const [name, value] of Object.entries(byName)) {
        const address = kind === "data" ? `data.${type}.${name}` : `${type}.${name}`;
        for (const body of resourceBodies(value)) {
          if (type.startsWith(PREFIX)) {
            sawAviatrix = true;
            validateAviatrix(sink, kind, type, address, body, version, declared.source);
          } else if (kind === "resource" && type === "kubernetes_manifest") {
            validateKubernetesManifest(sink, address, body, version);
          }
        }
      }
    }
  }
  for (const body of resourceBodies(isObject(doc.provider) ? doc.provider.aviatrix : undefined)) {
    sawAviatrix = true;
    validateAviatrix(sink, "provider", "aviatrix", "provider.aviatrix", body, version, declared.source);
  }
  if (sawAviatrix && !version) {
    sink.warning(
      "terraform",
      "required_providers.aviatrix.version",
      "controller-version-unknown",
      `cannot tell the target controller version (${declared.source}); introduced_in checks skipped — pass --controller-version X.Y.Z or pin the aviatrix provider`,
    );
  }
  return sink.findings;
}

function validateAviatrix(
  sink: FindingSink,
  kind: ResourceKind,
  type: string,
  address: string,
  body: JsonObject,
  version: ControllerVersion | undefined,
  versionSource: string,
): void {
  const resource = aviatrixSchema(kind, type);
  if (!resource) {
    const listKind = kind === "data" ? "data" : "resource";
    const note = aviatrixNameNotes()[`data.${type}`] ?? "";
    const hint = closest(type, aviatrixTypeNames(listKind));
    sink.error(
      address,
      "",
      "unknown-resource-type",
      `provider aviatrix has no ${kind === "data" ? "data source" : "resource"} "${type}"${hint ? ` (did you mean "${hint}"?)` : ""}${note ? `; ${note}` : ""}`,
    );
    return;
  }
  let ctx: WalkContext = { sink, address, resource, root: body, version, versionSource, skipRequired: kind === "provider" };
  if (checkVersionFacts(ctx, resource, "", kind === "data" ? `data source ${type}` : `resource ${type}`)) {
    ctx = { ...ctx, version: undefined }; // the whole resource is missing: no per-attribute repeats
  }
  if (resource.deprecationMessage) {
    sink.warning(
      address,
      "",
      "deprecated-resource",
      `${type} is deprecated: ${resource.deprecationMessage}` +
        (resource.replacement && !resource.deprecationMessage.includes(resource.replacement) ? ` (replace with ${resource.replacement})` : ""),
    );
  }
  walkResource(ctx);
  checkAtLeastOneOf(ctx);
  if (kind === "resource") own(APPLY_TIME_RULES, type)?.(ctx);
}

function validateKubernetesManifest(sink: FindingSink, address: string, body: JsonObject, version: ControllerVersion | undefined): void {
  // hcl2json keeps attribute objects as objects; tolerate a one-element wrapper too.
  const manifest = Array.isArray(body.manifest) && body.manifest.length === 1 ? body.manifest[0] : body.manifest;
  if (!isAviatrixCrdManifest(manifest)) return;
  validateCrdManifest(manifest, { sink, address, pathPrefix: "manifest", version });
}
