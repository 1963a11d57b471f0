// Values of the `k8s-firewall` chart (AviatrixSystems/k8s-firewall-charts), per chart version.
// Source: charts/k8s-firewall/values.yaml and values.schema.json at 10.0.0 (commit 7962c89d)
// and 10.1.0 (commit 17d7843b); research docs/research/k8s-obot-crds.md §3.2. From 10.0.0 the chart ships a
// values.schema.json with additionalProperties:false everywhere, so Helm rejects unknown keys
// (e.g. the `cloud` key some blueprints set); 10.1.0 adds rbac.aiVisibility. Before 10.0.0
// there is no schema: unknown keys are ignored by the templates (we warn instead of failing).
import { ChartVersion, chartVersionAtLeast } from "./chart-version";

/** `rbac` values of the k8s-firewall chart. */
export interface K8sFirewallRbacValues {
  /** @default true - create the avx-controller ClusterRole and ClusterRoleBinding */
  readonly create?: boolean;
  /** Watch workload kinds for AI visibility. Chart ≥ 10.1.0 only. @default false */
  readonly aiVisibility?: boolean;
  /** Let the controller manage NetworkPolicy objects. @default false */
  readonly manageNetworkPolicies?: boolean;
}

/** The subject bound to the chart's ClusterRole. */
export interface K8sFirewallRoleSubject {
  /** "Group", "User" or "ServiceAccount". */
  readonly kind: "Group" | "User" | "ServiceAccount";
  readonly name: string;
  readonly namespace?: string;
}

/** `role` values of the k8s-firewall chart. */
export interface K8sFirewallRoleValues {
  /** @default "avx-controller" */
  readonly name?: string;
  /**
   * Subject bound to the ClusterRole; `null` binds none.
   * TypeScript-only (jsii has no null; README "jsii").
   * @default Group avx-controller
   * @jsii ignore
   */
  readonly subject?: K8sFirewallRoleSubject | null;
}

/** `serviceAccount` values of the k8s-firewall chart. */
export interface K8sFirewallServiceAccountValues {
  /** @default false - no ServiceAccount/token Secret */
  readonly create?: boolean;
  /** @default "avx-controller" */
  readonly name?: string;
}

/** Values accepted by the k8s-firewall chart (all optional here; chart defaults fill the rest). */
export interface K8sFirewallValues {
  readonly rbac?: K8sFirewallRbacValues;
  readonly role?: K8sFirewallRoleValues;
  readonly serviceAccount?: K8sFirewallServiceAccountValues;
}

type SchemaNode =
  | { readonly type: "object"; readonly properties: Readonly<Record<string, SchemaNode>>; readonly required?: readonly string[] }
  | { readonly type: "boolean" }
  | { readonly type: "string"; readonly enum?: readonly string[] };

function valuesSchema(withAiVisibility: boolean): SchemaNode {
  const rbac: Record<string, SchemaNode> = { create: { type: "boolean" }, manageNetworkPolicies: { type: "boolean" } };
  if (withAiVisibility) rbac.aiVisibility = { type: "boolean" };
  return {
    type: "object",
    required: ["rbac", "role", "serviceAccount"],
    properties: {
      rbac: { type: "object", required: ["create"], properties: rbac },
      role: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          subject: {
            type: "object",
            required: ["kind", "name"],
            properties: {
              kind: { type: "string", enum: ["Group", "User", "ServiceAccount"] },
              name: { type: "string" },
              namespace: { type: "string" },
            },
          },
        },
      },
      serviceAccount: {
        type: "object",
        required: ["create", "name"],
        properties: { create: { type: "boolean" }, name: { type: "string" } },
      },
    },
  };
}

/** The chart's own defaults (values.yaml) for a version. */
export function k8sFirewallDefaultValues(version: ChartVersion): Record<string, unknown> {
  const rbac: Record<string, unknown> = { create: true, manageNetworkPolicies: false };
  if (chartVersionAtLeast(version, "10.1.0")) rbac.aiVisibility = false;
  return {
    rbac,
    role: { name: "avx-controller", subject: { kind: "Group", name: "avx-controller" } },
    serviceAccount: { create: false, name: "avx-controller" },
  };
}

export interface ValuesCheck {
  /** Findings that make Helm (≥ 10.0.0 schema) or the templates fail: `<path>: <problem>`. */
  readonly errors: string[];
  /** Keys the chart ignores (before 10.0.0): `<path>: <problem>`. */
  readonly warnings: string[];
}

function check(node: SchemaNode, value: unknown, path: string, strict: boolean, out: ValuesCheck, versionText: string): void {
  if (value === null) return; // Helm deletes keys set to null
  if (node.type === "boolean" || node.type === "string") {
    if (typeof value !== node.type) {
      out.errors.push(`${path}: got ${JSON.stringify(value)}, want a ${node.type}`);
    } else if (node.type === "string" && node.enum && !node.enum.includes(value as string)) {
      out.errors.push(`${path}: got ${JSON.stringify(value)}, want one of ${node.enum.join(", ")}`);
    }
    return;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    out.errors.push(`${path}: got ${JSON.stringify(value)}, want an object`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    const child = node.properties[key];
    if (child) {
      check(child, record[key], `${path}.${key}`, strict, out, versionText);
    } else if (strict) {
      out.errors.push(
        `${path}.${key}: unknown key; k8s-firewall ${versionText} has a values schema that rejects it ` +
          `(allowed: ${Object.keys(node.properties).sort().join(", ")})`,
      );
    } else {
      out.warnings.push(`${path}.${key}: unknown key; k8s-firewall ${versionText} ignores it`);
    }
  }
  for (const key of node.required ?? []) {
    if (record[key] === undefined || record[key] === null) out.errors.push(`${path}.${key}: required by the chart's values schema`);
  }
}

/**
 * Checks fully merged values (chart defaults + user values) against the chart version:
 * ≥ 10.0.0 with the chart's values.schema.json semantics (unknown keys are errors),
 * older versions leniently (unknown keys are warnings, wrong types still errors).
 */
export function checkK8sFirewallValues(version: ChartVersion, values: unknown, path = "values"): ValuesCheck {
  const out: ValuesCheck = { errors: [], warnings: [] };
  const strict = chartVersionAtLeast(version, "10.0.0");
  check(valuesSchema(chartVersionAtLeast(version, "10.1.0")), values, path, strict, out, version.text);
  return out;
}
