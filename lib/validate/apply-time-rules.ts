// Cross-field rules the provider enforces in Create/Update code (errors at apply, not plan),
// from provider-constraints.json `apply_time_rules`, for the resources the VCAs use. Only
// literal values are judged; anything unknown before plan (an expression) is skipped.
import { sniPatternProblem } from "../dcf/host-match";
import { SMART_GROUP_TYPES } from "../dcf/model";
import { WalkContext } from "./schema-walk";
import { blockInstances, BlockInstance, isExpression, isNonZero, isObject, isSet, joinPath, JsonObject } from "./terraform-values";
import { own } from "../util/own";

type Rule = (ctx: WalkContext) => void;

/** Instances of a nested block: static ones and the `content` of `dynamic` ones. */
function childBlocks(body: JsonObject, name: string, path: string): BlockInstance[] {
  const result = blockInstances(body[name], joinPath(path, name)).instances;
  const dynamic = body.dynamic;
  if (isObject(dynamic) && isSet(dynamic[name])) {
    for (const spec of blockInstances(dynamic[name], joinPath(path, `dynamic.${name}`)).instances) {
      result.push(...blockInstances(spec.body.content, joinPath(spec.path, "content")).instances);
    }
  }
  return result;
}

/** Set keys of a block body, ignoring `dynamic` and nulls. */
function setKeys(body: JsonObject): string[] {
  return Object.keys(body).filter((k) => k !== "dynamic" && isSet(body[k]));
}

/** A literal string, upper/lower-case insensitive compare helper; undefined for unknowns. */
function literal(value: unknown): string | undefined {
  if (!isSet(value) || isExpression(value)) return undefined;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

function literalBool(value: unknown): boolean | undefined {
  const text = literal(value);
  return text === "true" ? true : text === "false" ? false : undefined;
}

// --- DCF policies (policy list `policies`, ruleset `rules`) ----------------------------------

function dcfRuleRules(blockName: string): Rule {
  return (ctx) => {
    for (const rule of childBlocks(ctx.root, blockName, "")) {
      const protocol = literal(rule.body.protocol);
      if (protocol?.toUpperCase() === "ICMP" && (isNonZero(rule.body.port_ranges) || hasDynamic(rule.body, "port_ranges"))) {
        ctx.sink.error(
          ctx.address,
          joinPath(rule.path, "port_ranges"),
          "icmp-port-ranges",
          `port_ranges must not be set when protocol is ICMP (the controller rejects it at apply); remove port_ranges or use TCP/UDP`,
        );
      }
    }
  };
}

function hasDynamic(body: JsonObject, name: string): boolean {
  return isObject(body.dynamic) && isSet(body.dynamic[name]);
}

// --- SmartGroup / WebGroup match expressions ---------------------------------------------------

function matchExpressions(ctx: WalkContext): BlockInstance[] {
  return childBlocks(ctx.root, "selector", "").flatMap((sel) => childBlocks(sel.body, "match_expressions", sel.path));
}

function emptyExpression(ctx: WalkContext, expr: BlockInstance): boolean {
  if (setKeys(expr.body).length === 0 && !isSet(expr.body.dynamic)) {
    ctx.sink.error(ctx.address, expr.path, "empty-match-expression", "match_expressions block is empty; set at least one field");
    return true;
  }
  return false;
}

const webGroupRules: Rule = (ctx) => {
  for (const expr of matchExpressions(ctx)) {
    if (emptyExpression(ctx, expr)) continue;
    if (isSet(expr.body.snifilter) && isSet(expr.body.urlfilter)) {
      ctx.sink.error(
        ctx.address,
        expr.path,
        "sni-and-url-filter",
        "snifilter and urlfilter cannot both be set in one match_expressions block; use one block per filter (urlfilter matches host/path)",
      );
    }
    // The one SNI grammar (lib/dcf/host-match → lib/net/domain-name), as simulate and analyze read it.
    const sni = expr.body.snifilter;
    if (typeof sni === "string" && sni.trim() !== "" && !isExpression(sni)) {
      const problem = sniPatternProblem(sni);
      if (problem) ctx.sink.error(ctx.address, `${expr.path}.snifilter`, "sni-filter", problem);
    }
  }
};

const EXCLUSIVE_SMART_GROUP_FIELDS = ["cidr", "fqdn", "site"];
const K8S_FIELDS = ["k8s_cluster_id", "k8s_namespace", "k8s_pod", "k8s_service"];

const smartGroupRules: Rule = (ctx) => {
  for (const expr of matchExpressions(ctx)) {
    if (emptyExpression(ctx, expr)) continue;
    const keys = setKeys(expr.body);
    const exclusive = EXCLUSIVE_SMART_GROUP_FIELDS.filter((k) => keys.includes(k));
    if (exclusive.length > 0) {
      const others = keys.filter((k) => k !== exclusive[0]);
      if (others.length > 0) {
        ctx.sink.error(
          ctx.address,
          joinPath(expr.path, exclusive[0]),
          "exclusive-selector-field",
          `${exclusive[0]} must be alone in its match_expressions block (also set: ${others.join(", ")}); put the other filters in a separate block`,
        );
      }
      continue;
    }
    const type = literal(expr.body.type);
    const k8sSet = K8S_FIELDS.filter((k) => keys.includes(k));
    if (!isSet(expr.body.type) && !isSet(expr.body.external) && !isSet(expr.body.s2c)) {
      ctx.sink.error(
        ctx.address,
        joinPath(expr.path, "type"),
        "smart-group-type-required",
        `type is required unless cidr, fqdn, site or external is used; want one of ${SMART_GROUP_TYPES.join(", ")}`,
      );
    } else if (type !== undefined && !(SMART_GROUP_TYPES as readonly string[]).includes(type.toLowerCase()) && !isSet(expr.body.external)) {
      ctx.sink.warning(
        ctx.address,
        joinPath(expr.path, "type"),
        "smart-group-type",
        `type ${JSON.stringify(type)} is not a documented SmartGroup type (${SMART_GROUP_TYPES.join(", ")}); the controller validates it at apply`,
      );
    }
    if (k8sSet.length > 0 && isSet(expr.body.type) && type !== undefined && type.toLowerCase() !== "k8s") {
      ctx.sink.error(
        ctx.address,
        joinPath(expr.path, k8sSet[0]),
        "k8s-needs-type-k8s",
        `${k8sSet.join(", ")} need type = "k8s" (got type ${JSON.stringify(type)})`,
      );
    }
    if (keys.includes("k8s_pod")) {
      const missing = ["k8s_cluster_id", "k8s_namespace"].filter((k) => !keys.includes(k));
      if (missing.length > 0) {
        ctx.sink.error(ctx.address, joinPath(expr.path, "k8s_pod"), "k8s-pod-scope", `k8s_pod needs ${missing.join(" and ")} in the same block`);
      }
      if (keys.includes("k8s_service")) {
        ctx.sink.error(ctx.address, joinPath(expr.path, "k8s_service"), "k8s-pod-scope", "k8s_pod and k8s_service cannot be combined in one block");
      }
    }
  }
};

// --- Spoke gateway -------------------------------------------------------------------------

const AWS_FAMILY = [1, 256, 1024];
const AZURE_FAMILY = [8, 32, 2048];
const GCP = [4];
const OCI = [16];
const EDGE_CLOUDS = [4096, 65536, 262144, 524288, 1048576];
const TAG_CLOUDS = [1, 8, 32, 256, 1024, 2048];
const CLOUD_NAMES: Record<number, string> = {
  1: "AWS",
  4: "GCP",
  8: "Azure",
  16: "OCI",
  32: "AzureGov",
  256: "AWSGov",
  1024: "AWSChina",
  2048: "AzureChina",
  8192: "AliCloud",
};

/** Attributes only valid on some clouds: name → allowed cloud ids and a label for messages. */
const CLOUD_ONLY: ReadonlyArray<[string, readonly number[], string]> = [
  ["enable_private_vpc_default_route", AWS_FAMILY, "AWS-related clouds"],
  ["enable_skip_public_route_table_update", AWS_FAMILY, "AWS-related clouds"],
  ["enable_encrypt_volume", AWS_FAMILY, "AWS-related clouds"],
  ["rx_queue_size", AWS_FAMILY, "AWS-related clouds"],
  ["insertion_gateway", AWS_FAMILY, "AWS-related clouds"],
  ["enable_private_oob", AWS_FAMILY, "AWS-related clouds"],
  ["enable_monitor_gateway_subnets", [1, 256], "AWS and AWSGov"],
  ["zone", AZURE_FAMILY, "Azure-related clouds"],
  ["ha_zone", [...GCP, ...AZURE_FAMILY], "GCP and Azure-related clouds"],
  ["enable_global_vpc", GCP, "GCP"],
  ["tags", TAG_CLOUDS, "AWS, Azure, AzureGov, AWSGov, AWSChina and AzureChina"],
  ["enable_bgp", [1, 8], "AWS and Azure"],
  ["enable_spot_instance", [...AWS_FAMILY, ...AZURE_FAMILY], "AWS- and Azure-related clouds"],
  ["availability_domain", OCI, "OCI"],
  ["fault_domain", OCI, "OCI"],
];

function cloudName(id: number): string {
  return own(CLOUD_NAMES, id) ?? `cloud_type ${id}`;
}

const spokeGatewayRules: Rule = (ctx) => {
  const b = ctx.root;
  const cloudText = literal(b.cloud_type);
  const cloud = cloudText !== undefined && /^\d+$/.test(cloudText) ? Number(cloudText) : undefined;
  // "Turned on": true for flags, non-empty for strings/maps; unknown (expression) counts as off.
  const on = (name: string): boolean => {
    const value = b[name];
    if (isExpression(value)) return false;
    return literalBool(value) ?? isNonZero(value);
  };

  if (cloud !== undefined && EDGE_CLOUDS.includes(cloud)) {
    ctx.sink.error(
      ctx.address,
      "cloud_type",
      "spoke-cloud-type",
      `cloud_type ${cloud} is an edge cloud; aviatrix_spoke_gateway accepts CSP clouds only (use the aviatrix_edge_* resources)`,
    );
  }
  if (cloud !== undefined) {
    for (const [name, clouds, label] of CLOUD_ONLY) {
      if (on(name) && !clouds.includes(cloud)) {
        ctx.sink.error(
          ctx.address,
          name,
          "cloud-only-attribute",
          `${name} is only supported on ${label}; this gateway is ${cloudName(cloud)} (cloud_type ${cloud})`,
        );
      }
    }
    if (OCI.includes(cloud)) {
      for (const name of ["availability_domain", "fault_domain"]) {
        if (!isSet(b[name])) ctx.sink.error(ctx.address, name, "missing-required", `${name} is required for OCI gateways`);
      }
    }
  }

  const haOn = isNonZero(b.ha_subnet) || isNonZero(b.ha_zone);
  if (haOn && !isSet(b.ha_gw_size)) {
    ctx.sink.error(ctx.address, "ha_gw_size", "ha-gw-size", "ha_gw_size is required when ha_subnet or ha_zone is set (HA gateway)");
  }
  if (!haOn && isNonZero(b.ha_gw_size) && !isExpression(b.ha_subnet) && !isExpression(b.ha_zone)) {
    ctx.sink.error(ctx.address, "ha_gw_size", "ha-gw-size", "ha_gw_size must be empty unless ha_subnet or ha_zone is set");
  }
  if (literalBool(b.manage_ha_gateway) === false) {
    for (const key of Object.keys(b).filter((k) => k.startsWith("ha_") && isNonZero(b[k]))) {
      ctx.sink.error(ctx.address, key, "manage-ha-gateway", `${key} must be empty when manage_ha_gateway = false (use aviatrix_spoke_ha_gateway)`);
    }
  }
  if (cloud !== undefined && AWS_FAMILY.includes(cloud) && literalBool(b.insane_mode) === true) {
    if (!isSet(b.insane_mode_az)) {
      ctx.sink.error(ctx.address, "insane_mode_az", "insane-mode-az", "insane_mode_az is required for insane mode on AWS-related clouds");
    }
    if (haOn && !isSet(b.ha_insane_mode_az)) {
      ctx.sink.error(
        ctx.address,
        "ha_insane_mode_az",
        "insane-mode-az",
        "ha_insane_mode_az is required for insane mode with an HA gateway on AWS-related clouds",
      );
    }
  }
  if (literalBool(b.allocate_new_eip) === false && !isSet(b.eip)) {
    ctx.sink.error(ctx.address, "eip", "eip-required", "eip is required when allocate_new_eip = false");
  }
};

// --- Spoke-transit attachment, TLS profile ---------------------------------------------------

const spokeTransitAttachmentRules: Rule = (ctx) => {
  if (isSet(ctx.root.tunnel_count) && literalBool(ctx.root.enable_max_performance) === false) {
    ctx.sink.error(ctx.address, "tunnel_count", "tunnel-count", "tunnel_count is only valid with enable_max_performance = true");
  }
};

const tlsProfileRules: Rule = (ctx) => {
  const validation = literal(ctx.root.certificate_validation);
  if (validation !== undefined && validation !== "CERTIFICATE_VALIDATION_NONE" && !isSet(ctx.root.ca_bundle_id)) {
    ctx.sink.error(
      ctx.address,
      "ca_bundle_id",
      "ca-bundle-required",
      `ca_bundle_id must be set when certificate_validation is ${validation} (only CERTIFICATE_VALIDATION_NONE works without a CA bundle)`,
    );
  }
};

/** Apply-time rules by resource type. */
export const APPLY_TIME_RULES: Readonly<Record<string, Rule>> = {
  aviatrix_distributed_firewalling_policy_list: dcfRuleRules("policies"),
  aviatrix_dcf_ruleset: dcfRuleRules("rules"),
  aviatrix_web_group: webGroupRules,
  aviatrix_smart_group: smartGroupRules,
  aviatrix_spoke_gateway: spokeGatewayRules,
  aviatrix_spoke_transit_attachment: spokeTransitAttachmentRules,
  aviatrix_dcf_tls_profile: tlsProfileRules,
};
