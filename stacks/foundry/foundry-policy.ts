// The Foundry VCA rule table (docs/research/cloud-stacks.md §2.2, issue 5): source of every rule is
// the agent-subnet SmartGroup; first match wins.
//   1 deny-threat-intel      DENY   ANY      → ThreatIQ
//   2 allow-aca-fqdn         PERMIT TCP 443  → Public Internet, ACA FQDN WebGroup, no decryption
//   3 allow-aca-svctag       PERMIT TCP 443  → 4 azureips service-tag SmartGroups, no decryption
//   4 allow-tool-calls       PERMIT TCP 443  → Public Internet, operator WebGroup (decryption optional)
//   5 default-deny-internet  DENY   ANY      → Public Internet
//   6 deny-east-west         DENY   ANY      → other spoke resources (RFC 1918 ranges; the vendor
//                                              writes Anywhere, which after rule 5 only adds private
//                                              destinations, so naming them is the same rule made explicit)
// `*.blob.core.windows.net` (in the seed's ACA list: ACR layer downloads) matches every Azure
// storage account, an exfiltration path, so it is left out of rule 2 unless `allowBlobStorage` is
// set (with a synth warning); the stack notes the omission at synth either way.
// DCF is enabled and the default action owned only with ownController (stacks/controller-ownership.ts).
import { Construct } from "constructs";
import { DcfPolicyPack, DcfRenderMode } from "../../lib/constructs/dcf/dcf-policy-pack";
import { DcfRuleProps } from "../../lib/constructs/dcf/dcf-rule";
import { DcfFeature } from "../../lib/constructs/dcf/dcf-feature";
import { ISmartGroupRef, WellKnownSmartGroups } from "../../lib/constructs/dcf/group-refs";
import { SmartGroup } from "../../lib/constructs/dcf/smart-group";
import { WebGroup } from "../../lib/constructs/dcf/web-group";
import { Select } from "../../lib/dcf/builder/selectors";
import { PolicyMode, WELL_KNOWN } from "../../lib/dcf/model";
import { ITerraformDependable } from "../../lib/core/cdktf";
import { ControllerOwnership } from "../controller-ownership";
import { ACA_PLATFORM_FQDNS, ACA_SERVICE_TAGS, AZURE_BLOB_WILDCARD } from "./aca-egress";
import { Annotations } from "../../lib/core/cdktf";

/** Rule name suffixes and priorities (the rule name is `<namePrefix>-<suffix>`). */
export const FOUNDRY_RULES = {
  denyThreatIntel: { suffix: "deny-threat-intel", priority: 1 },
  allowAcaFqdn: { suffix: "allow-aca-fqdn", priority: 2 },
  allowAcaServiceTags: { suffix: "allow-aca-svctag", priority: 3 },
  allowToolCalls: { suffix: "allow-tool-calls", priority: 4 },
  defaultDenyInternet: { suffix: "default-deny-internet", priority: 5 },
  denyEastWest: { suffix: "deny-east-west", priority: 6 },
} as const;

export interface FoundryPolicyProps {
  readonly namePrefix: string;
  readonly aviatrixAccountName: string;
  /** Agent subnet name (reference or literal): the rules' source. */
  readonly agentSubnetName: string;
  readonly toolCallDomains: string[];
  readonly toolCallDecryption: boolean;
  /** Destinations of rule 6 (other spokes). */
  readonly eastWestCidrs: string[];
  /** Add *.blob.core.windows.net to the ACA FQDN permit. */
  readonly allowBlobStorage: boolean;
  readonly mode: PolicyMode;
  readonly promoteRules: string[];
  readonly renderAs: DcfRenderMode;
  readonly manageDefaultAction: boolean;
  readonly ownership: ControllerOwnership;
  readonly dependsOn: ITerraformDependable[];
}

export class FoundryPolicy extends Construct {
  /** DCF on the controller, only when the stack owns the controller. */
  public readonly feature?: DcfFeature;
  public readonly agentGroup: SmartGroup;
  public readonly acaFqdns: WebGroup;
  public readonly serviceTagGroups: readonly SmartGroup[];
  /** Rule 6's destination: the private ranges of other spokes. */
  public readonly otherSpokes: SmartGroup;
  public readonly toolCalls?: WebGroup;
  public readonly pack: DcfPolicyPack;

  constructor(scope: Construct, id: string, props: FoundryPolicyProps) {
    super(scope, id);
    const p = props.namePrefix;
    if (props.ownership.owned) this.feature = new DcfFeature(this, "DcfFeature");
    this.agentGroup = new SmartGroup(this, "AgentSubnet", {
      name: `${p}-agent-subnet`,
      matchExpressions: [Select.subnet({ name: props.agentSubnetName, accountName: props.aviatrixAccountName })],
    });
    if (props.allowBlobStorage) {
      Annotations.of(this).addWarning(
        `allowBlobStorage: rule 2 permits ${AZURE_BLOB_WILDCARD}, i.e. every Azure storage account (including an attacker's); prefer ACR dedicated data endpoints`,
      );
    } else {
      Annotations.of(this).addInfo(
        `${AZURE_BLOB_WILDCARD} (ACR layer downloads in the ACA firewall list) is not permitted: it matches every Azure storage account; set allowBlobStorage to add it, or use ACR dedicated data endpoints`,
      );
    }
    this.acaFqdns = new WebGroup(this, "AcaFqdns", {
      name: `${p}-aca-requirements-fqdns`,
      domains: props.allowBlobStorage ? [...ACA_PLATFORM_FQDNS, AZURE_BLOB_WILDCARD].sort() : [...ACA_PLATFORM_FQDNS],
    });
    this.otherSpokes = new SmartGroup(this, "OtherSpokes", {
      name: `${p}-other-spoke-resources`,
      matchExpressions: props.eastWestCidrs.map((c) => Select.cidr(c)),
    });
    this.serviceTagGroups = ACA_SERVICE_TAGS.map((tag) => {
      return new SmartGroup(this, `ServiceTag-${tag}`, { name: `${p}-svctag-${tag.toLowerCase()}`, matchExpressions: [Select.azureIps({ serviceName: tag })] });
    });
    if (props.toolCallDomains.length > 0) {
      this.toolCalls = new WebGroup(this, "ToolCalls", { name: `${p}-tool-calls`, domains: props.toolCallDomains });
    }

    const src: ISmartGroupRef[] = [this.agentGroup];
    const internet = WellKnownSmartGroups.publicInternet();
    const promoted = new Set(props.promoteRules);
    const rule = (r: { suffix: string; priority: number }, rest: Omit<DcfRuleProps, "name" | "priority" | "src">): DcfRuleProps => ({
      name: `${p}-${r.suffix}`,
      priority: r.priority,
      src,
      // Every rule is a DCF rule only: the agent subnet has no NSG for the controller to orchestrate.
      excludeSgOrchestration: true,
      ...rest,
      ...(promoted.has(r.suffix) ? { promote: true } : {}),
    });
    // The ACA platform permits act even in discover mode: discover permits everything anyway, so this
    // never widens egress, and Foundry preflight (AVX-FDY2) requires them to be live before any deny.
    const noDecrypt = { decryptPolicy: "DECRYPT_NOT_ALLOWED", flowAppRequirement: "TLS_REQUIRED", promote: true } as const;
    const rules: DcfRuleProps[] = [
      rule(FOUNDRY_RULES.denyThreatIntel, { action: "DENY", protocol: "ANY", dst: [WellKnownSmartGroups.threatIq()] }),
      rule(FOUNDRY_RULES.allowAcaFqdn, { action: "PERMIT", protocol: "TCP", ports: [443], dst: [internet], webGroups: [this.acaFqdns], ...noDecrypt }),
      rule(FOUNDRY_RULES.allowAcaServiceTags, { action: "PERMIT", protocol: "TCP", ports: [443], dst: [...this.serviceTagGroups], ...noDecrypt }),
    ];
    if (this.toolCalls) {
      rules.push(
        rule(FOUNDRY_RULES.allowToolCalls, {
          action: "PERMIT",
          protocol: "TCP",
          ports: [443],
          dst: [internet],
          webGroups: [this.toolCalls],
          ...(props.toolCallDecryption
            ? { decryptPolicy: "DECRYPT_ALLOWED", tlsProfile: WELL_KNOWN.defaultTlsProfile }
            : { decryptPolicy: "DECRYPT_NOT_ALLOWED" }),
        }),
      );
    }
    rules.push(rule(FOUNDRY_RULES.defaultDenyInternet, { action: "DENY", protocol: "ANY", dst: [internet] }));
    rules.push(rule(FOUNDRY_RULES.denyEastWest, { action: "DENY", protocol: "ANY", dst: [this.otherSpokes] }));
    this.pack = new DcfPolicyPack(this, "Policy", {
      mode: props.mode,
      renderAs: props.renderAs,
      rulesetName: `${p}-policy`,
      ...(props.renderAs === "ruleset" ? props.ownership.beforeK8s : {}),
      manageDefaultAction: props.manageDefaultAction,
      rules,
      dependsOn: [...(this.feature ? [this.feature] : []), ...props.dependsOn],
    });
  }
}
