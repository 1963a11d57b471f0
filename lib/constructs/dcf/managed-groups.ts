// Groups that exist on the controller already (Aviatrix-managed AI provider lists, groups made in
// CoPilot): looked up by name with data sources. Their contents are unknown offline, so the
// model marks them "managed" and flows match them only by naming them.
import { Construct } from "constructs";
import { TerraformStack } from "../../core/cdktf";
import { DataAviatrixSmartGroups } from "../../aviatrix/gen/providers/aviatrix/data-aviatrix-smart-groups";
import { DataAviatrixWebGroup } from "../../aviatrix/gen/providers/aviatrix/data-aviatrix-web-group";
import { SmartGroupModel, WebGroupModel } from "../../dcf/model";
import { ConstructPropsError } from "../../core/construct-props-error";
import { ISmartGroupRef, IWebGroupRef, WellKnownSmartGroups, WellKnownWebGroups } from "./group-refs";

/** Stack-level id of the shared `data.aviatrix_smart_groups` lookup. */
export const ALL_SMART_GROUPS_DATA_ID = "aviatrix_smart_groups_all";

function checkName(construct: string, scope: Construct, id: string, name: string): void {
  if (typeof name !== "string" || name.trim() === "" || name.includes('"') || name.includes("${")) {
    throw new ConstructPropsError(
      { path: `${scope.node.path}/${id}`, construct },
      "name",
      name,
      "the group's name on the controller",
      "names cannot be empty or contain quotes or ${",
    );
  }
}

/** A WebGroup that already exists on the controller, found by name (`data.aviatrix_web_group`). */
export class ManagedWebGroup extends Construct implements IWebGroupRef {
  /** e.g. `ManagedWebGroup.fromName(this, "llm", "avx-ai-llm-providers")`. */
  public static fromName(scope: Construct, id: string, name: string): ManagedWebGroup {
    return new ManagedWebGroup(scope, id, name);
  }

  /** The built-in All-Web group (any host, also TLS without SNI). */
  public static allWeb(): IWebGroupRef {
    return WellKnownWebGroups.allWeb();
  }

  /** Any WebGroup by literal UUID. */
  public static fromUuid(uuid: string, name?: string): IWebGroupRef {
    return WellKnownWebGroups.fromUuid(uuid, name);
  }

  public readonly dataSource: DataAviatrixWebGroup;
  public readonly uuid: string;
  public readonly name: string;

  private constructor(scope: Construct, id: string, name: string) {
    checkName("ManagedWebGroup", scope, id, name);
    super(scope, id);
    this.name = name;
    this.dataSource = new DataAviatrixWebGroup(this, "Default", { name });
    this.uuid = this.dataSource.uuid;
  }

  /** `data.aviatrix_web_group.<logical id>`. */
  public get address(): string {
    return `data.${this.dataSource.terraformResourceType}.${this.dataSource.friendlyUniqueId}`;
  }

  public get model(): WebGroupModel {
    return { key: this.address, name: this.name, kind: "managed", matches: [] };
  }
}

/**
 * A SmartGroup that already exists on the controller, found by name among
 * `data.aviatrix_smart_groups` (one shared lookup per stack), plus the built-in groups.
 */
export class ManagedSmartGroup extends Construct implements ISmartGroupRef {
  public static fromName(scope: Construct, id: string, name: string): ManagedSmartGroup {
    return new ManagedSmartGroup(scope, id, name);
  }

  /** Built-in "Anywhere". */
  public static anywhere(): ISmartGroupRef {
    return WellKnownSmartGroups.anywhere();
  }

  /** Built-in "Public Internet" (the destination of egress rules). */
  public static publicInternet(): ISmartGroupRef {
    return WellKnownSmartGroups.publicInternet();
  }

  /** Built-in ThreatIQ group (known-malicious IPs). */
  public static threatIq(): ISmartGroupRef {
    return WellKnownSmartGroups.threatIq();
  }

  /** Any SmartGroup by literal UUID. */
  public static fromUuid(uuid: string, name?: string): ISmartGroupRef {
    return WellKnownSmartGroups.fromUuid(uuid, name);
  }

  public readonly uuid: string;
  public readonly name: string;
  private readonly lookup: DataAviatrixSmartGroups;

  private constructor(scope: Construct, id: string, name: string) {
    checkName("ManagedSmartGroup", scope, id, name);
    super(scope, id);
    this.name = name;
    const stack = TerraformStack.of(this);
    this.lookup =
      (stack.node.tryFindChild(ALL_SMART_GROUPS_DATA_ID) as DataAviatrixSmartGroups | undefined) ??
      new DataAviatrixSmartGroups(stack, ALL_SMART_GROUPS_DATA_ID, {});
    // one(...) fails the plan when the name matches no group (or several) instead of silently
    // dropping the rule's source/destination.
    this.uuid = `\${one([for g in ${this.lookup.fqn}.smart_groups : g.uuid if g.name == ${JSON.stringify(name)}])}`;
  }

  /** The lookup's address plus the name: `data.aviatrix_smart_groups.<id>["<name>"]`. */
  public get model(): SmartGroupModel {
    const address = `data.${this.lookup.terraformResourceType}.${this.lookup.friendlyUniqueId}`;
    return { key: `${address}[${JSON.stringify(this.name)}]`, name: this.name, kind: "managed", expressions: [] };
  }
}
