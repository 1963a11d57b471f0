// Lean `aviatrix_smart_group` / `aviatrix_web_group` resources for packs with tens of thousands
// of groups. The generated L1 classes build nested ComplexObject/ComplexList helpers whose
// tokens each capture a full stack trace (≈ 0.25 ms apiece, 4 per group): at 10k MCP servers
// that alone breaks the synth budget (docs/ARCHITECTURE.md §7). These classes keep only the config and reuse
// the generated binding's own mapping functions, so the synthesized JSON is identical.
import { Construct } from "constructs";
import { TerraformResource } from "../../core/cdktf";
import { skipWhilePreparing } from "../../core/prepare-skip";
import { SmartGroupSelector, smartGroupSelectorToHclTerraform, smartGroupSelectorToTerraform } from "../../aviatrix/gen/providers/aviatrix/smart-group";
import { WebGroupSelector, webGroupSelectorToHclTerraform, webGroupSelectorToTerraform } from "../../aviatrix/gen/providers/aviatrix/web-group";

/** Same metadata as the generated bindings (provider presence checks read providerName). */
const GENERATOR_METADATA = { providerName: "aviatrix", providerVersion: "10.0.1", providerVersionConstraint: "~> 10.0.0" };

export abstract class LeanGroupResource<S> extends TerraformResource {
  private uuidToken?: string;
  private attributes?: { [name: string]: unknown };

  protected constructor(
    scope: Construct,
    id: string,
    type: string,
    public readonly name: string,
    public readonly selector: S,
  ) {
    super(scope, id, { terraformResourceType: type, terraformGeneratorMetadata: GENERATOR_METADATA });
  }

  /** `${<type>.<id>.uuid}` (the token is created on first use only). */
  public get uuid(): string {
    this.uuidToken ??= this.getStringAttribute("uuid");
    return this.uuidToken;
  }

  /**
   * Only the meta-arguments that are set: cdktf snake-cases every key of this object on each of
   * its passes, and unset ones are dropped from the output anyway (this resource has no attribute
   * of the same name for their `undefined` to delete).
   */
  public get terraformMetaArguments(): { [name: string]: unknown } {
    return Object.fromEntries(Object.entries(super.terraformMetaArguments).filter(([, v]) => v !== undefined));
  }

  protected abstract selectorToTerraform(s: S): unknown;
  protected abstract selectorToHcl(s: S): unknown;
  protected abstract readonly selectorStorageClass: string;

  /** Token-free resources are skipped by cdktf's preparing pass (lib/core/prepare-skip; same output). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf's TerraformElement.toTerraform(): any
  public toTerraform(): any {
    return skipWhilePreparing(super.toTerraform());
  }

  /** Only the metadata that is set (unset entries are dropped from the output anyway). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf's TerraformElement.toMetadata(): any
  public toMetadata(): any {
    return withoutUndefined(super.toMetadata());
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    // Overrides deep-merge into (and so change) the attribute objects: build fresh ones then.
    if (Object.keys(this.rawOverrides).length > 0) return this.plainAttributes();
    // Name and selector are fixed at construction: map them once for both synth passes.
    this.attributes ??= this.plainAttributes();
    return this.attributes;
  }

  private plainAttributes(): { [name: string]: unknown } {
    // The mappers emit every schema field (mostly undefined); cdktf resolves each key of every
    // object twice per synth, so dropping them up front roughly halves the resolve work.
    return { name: this.name, selector: withoutUndefined(this.selectorToTerraform(this.selector)) };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return {
      name: { value: this.name, isBlock: false, type: "simple", storageClassType: "string" },
      selector: { value: this.selectorToHcl(this.selector), isBlock: true, type: "list", storageClassType: this.selectorStorageClass },
    };
  }
}

/** `aviatrix_smart_group` with only `name` and `selector`. */
export class LeanSmartGroupResource extends LeanGroupResource<SmartGroupSelector> {
  public static readonly tfResourceType = "aviatrix_smart_group";
  protected readonly selectorStorageClass = "SmartGroupSelectorList";

  constructor(scope: Construct, id: string, config: { readonly name: string; readonly selector: SmartGroupSelector }) {
    super(scope, id, LeanSmartGroupResource.tfResourceType, config.name, config.selector);
  }

  protected selectorToTerraform(s: SmartGroupSelector): unknown {
    return smartGroupSelectorToTerraform(s);
  }

  protected selectorToHcl(s: SmartGroupSelector): unknown {
    return smartGroupSelectorToHclTerraform(s);
  }
}

/** `aviatrix_web_group` with only `name` and `selector`. */
export class LeanWebGroupResource extends LeanGroupResource<WebGroupSelector> {
  public static readonly tfResourceType = "aviatrix_web_group";
  protected readonly selectorStorageClass = "WebGroupSelectorList";

  constructor(scope: Construct, id: string, config: { readonly name: string; readonly selector: WebGroupSelector }) {
    super(scope, id, LeanWebGroupResource.tfResourceType, config.name, config.selector);
  }

  protected selectorToTerraform(s: WebGroupSelector): unknown {
    return webGroupSelectorToTerraform(s);
  }

  protected selectorToHcl(s: WebGroupSelector): unknown {
    return webGroupSelectorToHclTerraform(s);
  }
}

/** Plain objects/arrays with undefined members removed (tokens and other class instances kept as-is). */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
  return out;
}
