// The one shared parent object several Terraform roots need to add DCF policy side by side.
// Each root attachment point (TERRAFORM_BEFORE_UI_MANAGED, TERRAFORM_AFTER_K8S_MANAGED, …) holds
// ONE object, so two blueprints cannot both attach there. The baseline — owned once per
// controller by one team — attaches one policy group at each of two points and declares, per
// consumer, a named attachment point on each; every blueprint attaches its own rulesets to its
// own named points (`<consumer>-before-k8s`, `<consumer>-after-k8s`) by name through
// `data "aviatrix_dcf_attachment_point"`, and destroying a blueprint removes only its rulesets.
// Sources (AviatrixSystems/terraform-provider-aviatrix resource pages, quoted in
// docs/research/aviatrix-provider-schema.md "Composing several Terraform roots"):
// aviatrix_dcf_policy_group ("attachment_point … will be created if not already present"),
// aviatrix_dcf_ruleset (the three terraform attachment points; "only one object can be attached
// to each"), and the aviatrix_dcf_attachment_point data source (lookup by name).
import { Construct } from "constructs";
import { DataAviatrixDcfAttachmentPoint } from "../../aviatrix/gen/providers/aviatrix/data-aviatrix-dcf-attachment-point";
import { DcfPolicyGroup } from "../../aviatrix/gen/providers/aviatrix/dcf-policy-group";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { registerControllerName } from "./controller-names";
import { DCF_MIN_VERSIONS, requireControllerVersion } from "./version-gates";

export interface DcfControllerBaselineProps {
  /** Prefix of the two policy groups' names. @default "vca-baseline" */
  readonly name?: string;
  /**
   * The consumers (blueprint name prefixes, e.g. "librechat-eks"), in evaluation order: each gets
   * the attachment points `<consumer>-before-k8s` and `<consumer>-after-k8s`.
   */
  readonly consumers: string[];
  /**
   * Where the "before the K8S block" group attaches. @default "TERRAFORM_BEFORE_UI_MANAGED"
   * (before the rules managed in the UI, so a blueprint's scoped denies are not overridden by a broad UI permit)
   */
  readonly beforeK8sParent?: string;
  /** Where the "after the K8S block" group attaches. @default "TERRAFORM_AFTER_K8S_MANAGED" */
  readonly afterK8sParent?: string;
}

/** Two policy groups declaring one named attachment point per consumer on each side of the K8S block. */
export class DcfControllerBaseline extends Construct {
  public readonly beforeK8s: DcfPolicyGroup;
  public readonly afterK8s: DcfPolicyGroup;
  /**
   * Attachment point names by consumer.
   * TypeScript-only: a map of inline objects.
   * @jsii ignore
   */
  public readonly points: Readonly<Record<string, { readonly beforeK8s: string; readonly afterK8s: string }>>;

  constructor(scope: Construct, id: string, props: DcfControllerBaselineProps) {
    super(scope, id);
    const name = props.name ?? "vca-baseline";
    if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name))
      throw new ConstructPropsError(this, "name", name, "letters, digits, '-' and '_'");
    const consumers = props.consumers;
    if (!Array.isArray(consumers) || consumers.length === 0) {
      throw new ConstructPropsError(this, "consumers", consumers, "at least one consumer prefix", "list the namePrefix of every blueprint that attaches here");
    }
    const seen = new Set<string>();
    consumers.forEach((c, i) => {
      if (typeof c !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(c))
        throw new ConstructPropsError(this, `consumers[${i}]`, c, "a blueprint name prefix (lower-case letters, digits, '-')");
      if (seen.has(c)) throw new ConstructPropsError(this, `consumers[${i}]`, described(`"${c}" twice`), "each consumer once");
      seen.add(c);
    });
    const points: Record<string, { beforeK8s: string; afterK8s: string }> = {};
    for (const c of consumers) points[c] = { beforeK8s: `${c}-before-k8s`, afterK8s: `${c}-after-k8s` };
    this.points = points;
    this.beforeK8s = this.group(
      "before-k8s",
      `${name}-before-k8s`,
      props.beforeK8sParent ?? "TERRAFORM_BEFORE_UI_MANAGED",
      consumers.map((c) => points[c].beforeK8s),
    );
    this.afterK8s = this.group(
      "after-k8s",
      `${name}-after-k8s`,
      props.afterK8sParent ?? "TERRAFORM_AFTER_K8S_MANAGED",
      consumers.map((c) => points[c].afterK8s),
    );
    requireControllerVersion(this, "aviatrix_dcf_policy_group", DCF_MIN_VERSIONS.ruleset);
  }

  private group(id: string, groupName: string, parent: string, pointNames: readonly string[]): DcfPolicyGroup {
    const point = new DataAviatrixDcfAttachmentPoint(this, `${id}-parent`, { name: parent });
    const group = new DcfPolicyGroup(this, id, {
      name: groupName,
      attachTo: point.id,
      // Priorities leave room to insert consumers later without renumbering.
      attachmentPoint: pointNames.map((n, i) => ({ name: n, priority: (i + 1) * 100 })),
    });
    registerControllerName(group, "aviatrix_dcf_policy_group", groupName);
    return group;
  }
}
