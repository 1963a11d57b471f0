// A terraform_data resource holding the values the Foundry capability host is bound to; the
// capability host's replace_triggered_by names it, so any change to those values (a literal CIDR
// or a gateway IP only known at plan) replaces the host instead of half-applying an update.
// Not cdktf's DataResource: that adds a validation running `terraform version` at synth, and
// synth must work without a terraform binary (docs/ARCHITECTURE.md §5). Same JSON either way.
import { Construct } from "constructs";
import { anyToHclTerraform, anyToTerraform, hashMapper, hashMapperHcl, TerraformResource } from "../../lib/core/cdktf";
import { sortedByKey } from "../../lib/dcf/builder/canonical";

export class BindingFingerprint extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    /** Name → value (literal or Terraform reference); keys are sorted for stable JSON. */
    private readonly input: Readonly<Record<string, string>>,
  ) {
    super(scope, id, { terraformResourceType: "terraform_data", terraformGeneratorMetadata: { providerName: "terraform" } });
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { input: hashMapper(anyToTerraform)(sortedByKey(this.input)) };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return { input: hashMapperHcl(anyToHclTerraform)(sortedByKey(this.input)) };
  }
}
