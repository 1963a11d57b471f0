import type { IConstruct } from "constructs";
import { TerraformDataSource, Token } from "../../core/cdktf";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";
import { ControllerVersion } from "../../core/controller-version";
import { declaredController } from "./controller-helpers";
import { introducedIn } from "./introduced-in";

/** AVX-CTRL2: every Aviatrix resource and attribute used exists in the declared controller release. */
export const resourcesInRelease: PreflightRule = {
  id: "AVX-CTRL2",
  area: "CTRL",
  name: "resources-in-controller-release",
  severity: "error",
  cause: "an Aviatrix resource or attribute is newer than the declared controller release",
  explanation:
    "Since 8.0 the provider version equals the controller version and the provider only talks to a controller of the same " +
    "major.minor; resources and attributes added in a later release fail at apply time in the controller API. " +
    "introduced_in comes from lib/aviatrix/schema/provider-constraints.json (provider tags v8.0.0..v10.0.1).",
  fix: "raise controllerVersion to the release named in want (and upgrade the controller), or stop using the resource/attribute",
  suppressible: false,
  reads: "synthesized configuration of every aviatrix_* resource and data source in the stack",
  check(ctx): readonly RuleCheck[] {
    const elements = ctx.aviatrixElements();
    if (!elements.length) return [];
    const lookup = declaredController(ctx, this.cause);
    if ("unavailable" in lookup) return [lookup.unavailable];
    const table = introducedIn();
    const checks: RuleCheck[] = [];
    for (const el of elements) {
      const type = TerraformDataSource.isTerraformDataSource(el) ? `data.${el.terraformResourceType}` : el.terraformResourceType;
      const entries = table[type];
      if (!entries) {
        checks.push(pass(el));
        continue;
      }
      const problems = tooNew(el, type, entries, lookup.version);
      checks.push(...(problems.length ? problems : [pass(el)]));
    }
    return checks;
  },
};

function tooNew(el: IConstruct & { toTerraform(): unknown }, type: string, entries: Readonly<Record<string, string>>, have: ControllerVersion): RuleCheck[] {
  const out: RuleCheck[] = [];
  const since = (key: string) => ControllerVersion.tryParse(entries[key]);
  const resourceSince = since("");
  if (resourceSince && !have.atLeast(resourceSince)) {
    return [fail(el, { findingId: type, cause: `${type} does not exist in controller ${have}`, got: have.toString(), want: `>= ${resourceSince}` })];
  }
  // Only attributes newer than the controller can fail: when there are none, skip re-rendering the
  // element's configuration (attributePaths) — most of this rule's cost at synth.
  const tooNewKeys = Object.keys(entries)
    .filter((k) => k !== "")
    .sort()
    .flatMap((key) => {
      const s = since(key);
      return s && !have.atLeast(s) ? [{ key, s }] : [];
    });
  if (!tooNewKeys.length) return out;
  const { paths, opaque } = attributePaths(el, type);
  for (const { key, s } of tooNewKeys) {
    if (paths.has(key)) {
      out.push(fail(el, { findingId: `${type}.${key}`, cause: `${type}.${key} does not exist in controller ${have}`, got: have.toString(), want: `>= ${s}` }));
    } else if (opaque.some((o) => key.startsWith(`${o}.`))) {
      out.push(
        unknown(el, { findingId: `${type}.${key}`, cause: `${type}.${key} may be set through a token block (needs controller >= ${s})`, got: have.toString() }),
      );
    }
  }
  return out;
}

/** Attribute paths set on the element ("policies.log_profile"), and block paths whose content is a token. */
function attributePaths(el: { toTerraform(): unknown }, type: string): { paths: Set<string>; opaque: string[] } {
  const tf = el.toTerraform() as Record<string, Record<string, Record<string, unknown>>>;
  const bucket = type.startsWith("data.") ? tf.data?.[type.slice(5)] : tf.resource?.[type];
  const body = bucket ? Object.values(bucket)[0] : undefined;
  const paths = new Set<string>();
  const opaque: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (value === undefined || value === null) return;
    if (prefix) paths.add(prefix);
    if (Array.isArray(value)) {
      for (const item of value) walk(item, prefix);
      return;
    }
    if (typeof value === "object") {
      if (Token.isUnresolved(value)) {
        opaque.push(prefix);
        return;
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  if (body) for (const [k, v] of Object.entries(body)) if (!["//", "depends_on", "lifecycle", "provider", "count", "for_each"].includes(k)) walk(v, k);
  return { paths, opaque };
}
