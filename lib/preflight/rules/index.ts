// The built-in rule catalogue, in RULES.md order. Add a rule: one file here + one line below.
import type { PreflightRule } from "../rule";
import { agentCoreRuntimeVpcMode } from "./agc1-runtime-vpc-mode";
import { agentCoreGuardrailAttached } from "./agc2-guardrail-attached";
import { factsOutsideStack } from "./app1-facts-outside-stack";
import { aviatrixProviderPresent } from "./app2-aviatrix-provider-present";
import { controllerVersionDeclared } from "./ctrl1-controller-version-declared";
import { resourcesInRelease } from "./ctrl2-resources-in-release";
import { featuresInRelease } from "./ctrl3-features-in-release";
import { crdFieldsNeedChart } from "./ctrl4-crd-fields-chart";
import { obotVersion } from "./ctrl5-obot-version";
import { providerPinFollowsController } from "./ctrl6-provider-pin";
import { finalDefaultDeny } from "./dcf1-default-deny";
import { discoverModeWarning } from "./dcf2-discover-mode";
import { noWildcardPermit } from "./dcf3-no-wildcard-permit";
import { urlFilterNeedsDecryption } from "./dcf4-url-filter-needs-decryption";
import { noControlPlaneDecryption } from "./dcf5-no-control-plane-decryption";
import { foundryByoVnetRequired } from "./fdy1-byo-vnet-required";
import { foundryAcaPermits } from "./fdy2-aca-permits";
import { foundryPrivateEndpointRouting } from "./fdy3-private-endpoint-routing";
import { immutableBindingChanged } from "./imm1-immutable-binding-changed";
import { immutableBindingUnrecorded } from "./imm2-immutable-binding-unrecorded";
import { podSnatDisabled } from "./k8s1-pod-snat-disabled";
import { crdChartBeforeDependents } from "./k8s2-crd-chart-before-dependents";
import { noV1DenyAllWithK8sTier } from "./k8s3-no-v1-deny-all-with-k8s-tier";
import { onboardingForLabelGroups } from "./k8s4-onboarding-for-label-groups";
import { publishedChartVersion } from "./k8s5-published-chart-version";
import { decryptionNeedsCaTrust } from "./k8s6-decryption-needs-ca-trust";

export const ALL_RULES: readonly PreflightRule[] = [
  factsOutsideStack,
  aviatrixProviderPresent,
  controllerVersionDeclared,
  resourcesInRelease,
  featuresInRelease,
  crdFieldsNeedChart,
  obotVersion,
  providerPinFollowsController,
  finalDefaultDeny,
  discoverModeWarning,
  noWildcardPermit,
  urlFilterNeedsDecryption,
  noControlPlaneDecryption,
  immutableBindingChanged,
  immutableBindingUnrecorded,
  foundryByoVnetRequired,
  foundryAcaPermits,
  foundryPrivateEndpointRouting,
  podSnatDisabled,
  crdChartBeforeDependents,
  noV1DenyAllWithK8sTier,
  onboardingForLabelGroups,
  publishedChartVersion,
  decryptionNeedsCaTrust,
  agentCoreRuntimeVpcMode,
  agentCoreGuardrailAttached,
];

export {
  agentCoreGuardrailAttached,
  agentCoreRuntimeVpcMode,
  aviatrixProviderPresent,
  controllerVersionDeclared,
  crdChartBeforeDependents,
  crdFieldsNeedChart,
  decryptionNeedsCaTrust,
  discoverModeWarning,
  factsOutsideStack,
  featuresInRelease,
  finalDefaultDeny,
  foundryAcaPermits,
  foundryByoVnetRequired,
  foundryPrivateEndpointRouting,
  immutableBindingChanged,
  immutableBindingUnrecorded,
  noControlPlaneDecryption,
  noV1DenyAllWithK8sTier,
  noWildcardPermit,
  obotVersion,
  onboardingForLabelGroups,
  podSnatDisabled,
  providerPinFollowsController,
  publishedChartVersion,
  resourcesInRelease,
  urlFilterNeedsDecryption,
};
