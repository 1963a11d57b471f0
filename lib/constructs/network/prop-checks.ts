// Eager, token-aware prop checks shared by the network constructs. Each check skips values that are
// unresolved cdktf tokens (they are only known at apply time) and throws ConstructPropsError otherwise.
import { ConstructLocation, ConstructPropsError, isUnresolved } from "../../core/construct-props-error";
import { Cloud, CloudFamily } from "./cloud";
import { parseIpv4, parseIpv4Cidr } from "../../net/ip";
import { sortedByKey } from "../../dcf/builder/canonical";
import { terraformLiteralTree } from "../../core/terraform-literal";

/** Where a check runs: the construct path and the construct's class name. */
export type CheckContext = ConstructLocation;

/**
 * Gateway names as terraform-aviatrix-mc-spoke validates them (variables.tf `gw_name`):
 * at most 50 characters of a-z, A-Z, 0-9, hyphen and underscore.
 */
export const GATEWAY_NAME_MAX_LENGTH = 50;
const GATEWAY_NAME = /^[a-zA-Z0-9_-]+$/;

export function checkGatewayName(ctx: CheckContext, prop: string, name: string): void {
  if (isUnresolved(name)) return;
  if (!GATEWAY_NAME.test(name) || name.length > GATEWAY_NAME_MAX_LENGTH) {
    throw new ConstructPropsError(
      ctx,
      prop,
      name,
      `letters, digits, hyphens and underscores, 1 to ${GATEWAY_NAME_MAX_LENGTH} characters`,
      "rename the gateway",
    );
  }
}

export function checkNonEmpty(ctx: CheckContext, prop: string, value: string, fix: string): void {
  if (isUnresolved(value)) return;
  if (value.trim() === "") throw new ConstructPropsError(ctx, prop, value, "a non-empty string", fix);
}

export function checkCidr(ctx: CheckContext, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!parseIpv4Cidr(value)) throw new ConstructPropsError(ctx, prop, value, "an IPv4 CIDR such as 10.1.0.0/28", "fix the address or prefix length");
}

export function checkIpv4(ctx: CheckContext, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (parseIpv4(value) === undefined) {
    throw new ConstructPropsError(ctx, prop, value, "an IPv4 address such as 10.1.0.4", "pass the gateway's private IP (e.g. spokeGateway.privateIp)");
  }
}

/** A prop that only one cloud family accepts (the provider rejects it at apply time otherwise). */
export function checkOnlyFor(
  ctx: CheckContext,
  prop: string,
  value: unknown,
  cloud: Cloud,
  allowed: readonly CloudFamily[],
  isSet: (v: unknown) => boolean = (v) => v !== undefined && v !== false,
): void {
  if (!isSet(value) || allowed.includes(cloud.family)) return;
  throw new ConstructPropsError(
    ctx,
    prop,
    value,
    `unset on ${cloud}: the provider accepts it on ${allowed.map((f) => FAMILY_NAMES[f]).join(" and ")} only`,
    `remove ${prop} for this cloud`,
  );
}

export const FAMILY_NAMES: Readonly<Record<CloudFamily, string>> = {
  [CloudFamily.AWS]: "AWS (AWS, AWSGov, AWSChina)",
  [CloudFamily.AZURE]: "Azure (Azure, AzureGov, AzureChina)",
  [CloudFamily.GCP]: "GCP",
};

/** vpc_id formats per family (docs/research/aviatrix-provider-schema.md §6). */
const VPC_ID: Readonly<Record<CloudFamily, { re: RegExp; want: string }>> = {
  [CloudFamily.AWS]: { re: /^vpc-[0-9a-f]{8,17}$/, want: "an AWS VPC id such as vpc-0a1b2c3d4e5f67890" },
  [CloudFamily.AZURE]: {
    re: /^[^:\s]+:[^:\s]+:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    want: "vnet_name:resource_group:vnet_guid (VpcId.azure(...))",
  },
  [CloudFamily.GCP]: { re: /^[a-z]([-a-z0-9]*[a-z0-9])?~-~[a-z][-a-z0-9]{4,28}[a-z0-9]$/, want: "network_name~-~project_id (VpcId.gcp(...))" },
};

export function checkVpcId(ctx: CheckContext, prop: string, cloud: Cloud, vpcId: string): void {
  // Composite ids built from tokens (e.g. "${vnet.name}:rg:${vnet.guid}") are only checkable at apply.
  if (isUnresolved(vpcId)) return;
  const rule = VPC_ID[cloud.family];
  if (!rule.re.test(vpcId))
    throw new ConstructPropsError(ctx, prop, vpcId, `${rule.want} on ${cloud}`, "pass the id of the existing network in the gateway's cloud");
}

/** vpc_reg: AWS region, Azure location, GCP zone (the provider sends it to GCP as the zone). */
const REGION: Readonly<Record<CloudFamily, { re: RegExp; want: string }>> = {
  [CloudFamily.AWS]: { re: /^[a-z]{2}(-[a-z]+)+-\d$/, want: "an AWS region such as us-east-2" },
  [CloudFamily.AZURE]: { re: /^[A-Za-z][A-Za-z0-9 ]*[A-Za-z0-9]$/, want: "an Azure location such as francecentral or France Central" },
  [CloudFamily.GCP]: { re: /^[a-z]+-[a-z]+\d+-[a-z]$/, want: "a GCP zone such as us-west1-b (vpc_reg is a zone on GCP)" },
};

export function checkRegion(ctx: CheckContext, prop: string, cloud: Cloud, region: string): void {
  if (isUnresolved(region)) return;
  const rule = REGION[cloud.family];
  if (!rule.re.test(region)) throw new ConstructPropsError(ctx, prop, region, `${rule.want} on ${cloud}`, "set the region the network lives in");
}

/** Azure availability zones are written az-1, az-2, az-3. */
export function checkAzureZone(ctx: CheckContext, prop: string, zone: string | undefined): void {
  if (zone === undefined || isUnresolved(zone)) return;
  if (!/^az-[1-3]$/.test(zone)) throw new ConstructPropsError(ctx, prop, zone, "az-1, az-2 or az-3", "use the Aviatrix az-N form");
}

export function checkGcpZone(ctx: CheckContext, prop: string, zone: string | undefined): void {
  if (zone === undefined || isUnresolved(zone)) return;
  if (!REGION[CloudFamily.GCP].re.test(zone))
    throw new ConstructPropsError(ctx, prop, zone, "a GCP zone such as us-west1-c", "name a zone in the gateway's region");
}

export function checkTags(ctx: CheckContext, prop: string, tags: Readonly<Record<string, string>> | undefined): void {
  if (tags === undefined || isUnresolved(tags)) return;
  for (const key of Object.keys(tags)) {
    if (!isUnresolved(key) && key.trim() === "") throw new ConstructPropsError(ctx, prop, tags, "tag keys that are non-empty", "remove the empty tag key");
  }
}

/** Copy a tag map with sorted keys so synthesized JSON is byte-stable. */
export function sortedTags(tags: Readonly<Record<string, string>> | undefined): { [key: string]: string } | undefined {
  if (tags === undefined || isUnresolved(tags)) return tags as { [key: string]: string } | undefined;
  // Tags are user text: escaped for Terraform's templates (lib/core/terraform-literal.ts).
  return terraformLiteralTree(sortedByKey(tags));
}
