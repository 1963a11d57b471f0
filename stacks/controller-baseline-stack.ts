// ControllerBaselineStack: the small stack one team owns per controller so that several
// blueprints (and the customer's own Terraform) add DCF policy side by side. It creates only the
// two policy groups that declare each blueprint's attachment points (DcfControllerBaseline);
// apply it before the blueprints, destroy it after them. It owns no singleton: not the V1 list,
// not the default action, not the feature flags (stacks/controller-ownership.ts).
import { Construct } from "constructs";
import { TerraformStack } from "../lib/core/cdktf";
import { AviatrixProvider, AviatrixProviderProps } from "../lib/constructs/aviatrix/aviatrix-provider";
import { DcfControllerBaseline, DcfControllerBaselineProps } from "../lib/constructs/dcf/dcf-controller-baseline";

export interface ControllerBaselineStackProps extends DcfControllerBaselineProps {
  /** Aviatrix controller release, "X.Y" or "X.Y.Z" (≥ 8.2 for policy groups). */
  readonly controllerVersion: string;
  /** Provider credentials. @default - sensitive Terraform variables (AviatrixProvider's default) */
  readonly credentials?: AviatrixProviderProps["credentials"];
}

export class ControllerBaselineStack extends TerraformStack {
  public readonly baseline: DcfControllerBaseline;

  constructor(scope: Construct, id: string, props: ControllerBaselineStackProps) {
    super(scope, id);
    new AviatrixProvider(this, "aviatrix", { controllerVersion: props.controllerVersion, credentials: props.credentials });
    this.baseline = new DcfControllerBaseline(this, "baseline", props);
  }
}
