// A scenario that names a subnet, VPC, cluster or group the synthesized policy does not contain
// (a typo, a renamed resource) matches no group, so `expect: DENY` would pass vacuously. Every
// such name must appear in the model: a group's key, name or reference, or a value (or the
// Terraform address inside a reference) of one of its match expressions. Failing that is bad
// input (exit 2), naming the file and YAML path.
import { terraformRefAddress } from "../builder/tokens";
import { DcfModelError } from "../errors";
import { PolicyModel } from "../model";
import { Scenario } from "./scenarios";

// Terraform addresses inside an expression: data.<type>.<name>, <type>.<name> (types have a
// provider prefix and "_"), var.<name>, local.<name>.
const ADDRESS =
  /\b(?:data\.[a-z][a-z0-9]*_[a-z0-9_]*\.[A-Za-z_][\w-]*|[a-z][a-z0-9]*_[a-z0-9_]*\.[A-Za-z_][\w-]*|var\.[A-Za-z_][\w-]*|local\.[A-Za-z_][\w-]*)/g;

function addText(known: Set<string>, value: string | undefined): void {
  if (value === undefined) return;
  known.add(value);
  const address = terraformRefAddress(value);
  if (address !== undefined) known.add(address);
  if (value.includes("${")) for (const m of value.match(ADDRESS) ?? []) known.add(m);
}

/** Every name a flow may use to join a group of `model`. */
export function knownReferences(model: PolicyModel): ReadonlySet<string> {
  const known = new Set<string>();
  for (const g of Object.values(model.smartGroups)) {
    addText(known, g.key);
    addText(known, g.name);
    addText(known, g.ref);
    for (const e of g.expressions) {
      for (const [field, v] of Object.entries(e)) {
        if (typeof v !== "string") continue;
        addText(known, v);
        if (field === "site" || field === "s2c") known.add(`${field}:${v}`);
      }
    }
  }
  for (const w of Object.values(model.webGroups)) {
    addText(known, w.key);
    addText(known, w.name);
    addText(known, w.ref);
  }
  return known;
}

/**
 * Throws a DcfModelError (exit 2) for the first scenario naming a subnet, VPC, cluster or group
 * the model does not contain. `file` prefixes the YAML path.
 */
export function checkScenarioReferences(model: PolicyModel, scenarios: readonly Scenario[], file: string): void {
  const known = knownReferences(model);
  scenarios.forEach((s, i) => {
    const at = `${file}: flows[${i}]`;
    const check = (value: string | undefined, path: string, what: string) => {
      if (value === undefined || known.has(value)) return;
      throw new DcfModelError(
        `${at}.${path}`,
        `${what} "${value}" is not in the synthesized policy, so the flow would match no group and any DENY expectation would pass vacuously ` +
          `(flow "${s.name}"); name a subnet, VPC, cluster or group the policy uses (a Terraform address such as aws_subnet.runtime, a group name or key)`,
      );
    };
    check(s.flow.from.subnet, "from.subnet", "subnet");
    check(s.flow.from.vpc, "from.vpc", "VPC");
    check(s.flow.from.k8s?.cluster, "from.k8s.cluster", "cluster");
    (s.flow.from.groups ?? []).forEach((g, j) => check(g, `from.groups[${j}]`, "group"));
    (s.flow.to.groups ?? []).forEach((g, j) => check(g, `to.groups[${j}]`, "group"));
  });
}
