// Public API of vca-cdktf: re-exports only, listed by name so every addition is deliberate
// (test/repo/public-api.test.ts snapshots the list). Internals (rule helpers, evaluator indexes,
// validators, network fetchers) stay reachable through their modules, not from here.

// ---------------------------------------------------------------- L1 bindings (generated), namespaced apart from the L2 names
export { aviatrix, azapi } from "./aviatrix/l1";

// ---------------------------------------------------------------- constructs: Aviatrix + DCF
export { AVIATRIX_CREDENTIAL_VARIABLES, AviatrixProvider } from "./constructs/aviatrix/aviatrix-provider";
export type { AviatrixCredentials, AviatrixProviderProps } from "./constructs/aviatrix/aviatrix-provider";
export { CONFIG_FEATURE_NAMES, DcfFeature } from "./constructs/dcf/dcf-feature";
export type { ConfigFeatureName, DcfFeatureProps } from "./constructs/dcf/dcf-feature";
export { DcfControllerBaseline } from "./constructs/dcf/dcf-controller-baseline";
export type { DcfControllerBaselineProps } from "./constructs/dcf/dcf-controller-baseline";
export { DcfPolicyPack } from "./constructs/dcf/dcf-policy-pack";
export type { LeanGroupResource, LeanSmartGroupResource, LeanWebGroupResource } from "./constructs/dcf/lean-group-resources";
export type { DcfAttachmentPointName, DcfDefaultActionProps, DcfPolicyPackProps, DcfRenderMode } from "./constructs/dcf/dcf-policy-pack";
export { LOG_PROFILES } from "./dcf/rule-props";
export type { DcfRuleProps, PackRule } from "./constructs/dcf/dcf-rule";
export { FirewallPolicy } from "./constructs/dcf/firewall-policy";
export type { FirewallPolicyProps, FirewallPolicyRuleProps, FirewallPolicySourceSelector } from "./constructs/dcf/firewall-policy";
export { isSmartGroupRef, isWebGroupRef, WellKnownSmartGroups, WellKnownWebGroups } from "./constructs/dcf/group-refs";
export type { ISmartGroupRef, IWebGroupRef, SmartGroupInput, WebGroupInput } from "./constructs/dcf/group-refs";
export { ManagedSmartGroup, ManagedWebGroup } from "./constructs/dcf/managed-groups";
export { SmartGroup } from "./constructs/dcf/smart-group";
export type { SmartGroupProps } from "./constructs/dcf/smart-group";
export { WebGroup } from "./constructs/dcf/web-group";
export type { WebGroupProps } from "./constructs/dcf/web-group";
export { DCF_MIN_VERSIONS, requireControllerVersion } from "./constructs/dcf/version-gates";

// ---------------------------------------------------------------- constructs: Kubernetes
export { K8S_FIREWALL_CHART_NAME, K8S_FIREWALL_CHART_REPOSITORY, K8S_FIREWALL_MIN_VERSION, K8sFirewallChart } from "./constructs/kubernetes/k8s-firewall-chart";
export type { K8sFirewallChartProps } from "./constructs/kubernetes/k8s-firewall-chart";
export { checkK8sFirewallValues, k8sFirewallDefaultValues } from "./constructs/kubernetes/k8s-firewall-values";
export type {
  K8sFirewallRbacValues,
  K8sFirewallRoleSubject,
  K8sFirewallRoleValues,
  K8sFirewallServiceAccountValues,
  K8sFirewallValues,
  ValuesCheck,
} from "./constructs/kubernetes/k8s-firewall-values";
export type { HelmValueTree } from "./constructs/kubernetes/helm-values";
export type { ChartVersion } from "./constructs/kubernetes/chart-version";
export type { IClusterProviderSet } from "./constructs/kubernetes/cluster-providers";
export type { AksClusterShape, AksKubeConfigShape, GkeClusterShape, GkeSnatClusterShape } from "./constructs/kubernetes/cluster-shapes";
export { KUBERNETES_CLOUDS, KubernetesCloud } from "./constructs/kubernetes/kubernetes-cloud";
export { KubernetesClusterOnboarding } from "./constructs/kubernetes/kubernetes-cluster-onboarding";
export type { CustomClusterDetails, KubernetesClusterOnboardingProps, OnboardingCredentials } from "./constructs/kubernetes/kubernetes-cluster-onboarding";
export { KubernetesProviders } from "./constructs/kubernetes/kubernetes-providers";
export type {
  AksProvidersOptions,
  EksProvidersOptions,
  GkeProvidersOptions,
  KubeconfigProvidersOptions,
  KubernetesProvidersBaseOptions,
} from "./constructs/kubernetes/kubernetes-providers";
export {
  CaTrustRuntime,
  caTrustSnippets,
  MITM_CA_CONFIGMAP_KEY,
  MITM_CA_CONFIGMAP_NAME,
  MITM_CA_HASH_ANNOTATION,
  MITM_CA_MOUNT_DIR,
  MitmCa,
} from "./constructs/kubernetes/mitm-ca";
export type { CaTrustSnippets, MitmCaProps } from "./constructs/kubernetes/mitm-ca";
export { EKS_EXTERNAL_SNAT_ENV, EksSnatMethod, IP_MASQ_AGENT_CONFIG, PodSnatDisabled } from "./constructs/kubernetes/pod-snat-disabled";
export type { AksPodSnatOptions, EksPodSnatOptions, GkePodSnatOptions, PodSnatDisabledProps } from "./constructs/kubernetes/pod-snat-disabled";

// ---------------------------------------------------------------- constructs: network
export { AwsSpokeVpc } from "./constructs/network/aws-spoke-vpc";
export type { AwsSpokeVpcProps } from "./constructs/network/aws-spoke-vpc";
export { AKS_OUTBOUND_TYPE_UDR, AzureEgressRouteTable } from "./constructs/network/azure-egress-route-table";
export type { AzureEgressRouteTableProps } from "./constructs/network/azure-egress-route-table";
export { AzureSpokeVnet } from "./constructs/network/azure-spoke-vnet";
export type { AzureSpokeVnetProps } from "./constructs/network/azure-spoke-vnet";
export { Cloud, CloudFamily } from "./constructs/network/cloud";
export { DEFAULT_GATEWAY_SIZE } from "./constructs/network/gateway-options";
export type { GatewayOptions, HaGatewayOptions, IGatewayRef } from "./constructs/network/gateway-options";
export { GCP_CONTROLLER_DEFAULT_ROUTE_PRIORITY, GcpEgressRoute } from "./constructs/network/gcp-egress-route";
export type { GcpEgressRouteProps } from "./constructs/network/gcp-egress-route";
export { GcpSpokeNetwork } from "./constructs/network/gcp-spoke-network";
export type { GcpSpokeNetworkProps } from "./constructs/network/gcp-spoke-network";
export { SpokeGateway } from "./constructs/network/spoke-gateway";
export type { SpokeGatewayProps } from "./constructs/network/spoke-gateway";
export type { ISpokeNetwork, NewSpokeNetworkOptions, SpokeNetworkLayout } from "./constructs/network/spoke-network";
export { MAX_TUNNEL_COUNT, SpokeTransitAttachment } from "./constructs/network/spoke-transit-attachment";
export type { SpokeTransitAttachmentOptions, SpokeTransitAttachmentProps } from "./constructs/network/spoke-transit-attachment";
export { TransitGateway } from "./constructs/network/transit-gateway";
export type { TransitGatewayProps } from "./constructs/network/transit-gateway";
export { VpcId } from "./constructs/network/vpc-id";
export type { AzureVpcIdParts, GcpVpcIdParts } from "./constructs/network/vpc-id";

// ---------------------------------------------------------------- constructs: workloads + AI
export {
  LIBRECHAT_CHART_NAME,
  LIBRECHAT_CHART_REPOSITORY,
  LIBRECHAT_DEFAULT_CHART_VERSION,
  LIBRECHAT_DEFAULT_REGISTRIES,
  LIBRECHAT_REQUIRED_SECRETS,
  LibreChat,
} from "./constructs/workloads/librechat";
export type { LibreChatImageRegistries, LibreChatProps } from "./constructs/workloads/librechat";
export { LibreChatEgress } from "./constructs/workloads/librechat-egress";
export type { LibreChatEgressFirewallPolicyOptions, LibreChatEgressProps, LibreChatPodRuleOptions } from "./constructs/workloads/librechat-egress";
export {
  OBOT_CHART_NAME,
  OBOT_CHART_REPOSITORY,
  OBOT_ENFORCEMENT_KEYS,
  OBOT_MIN_VERSION,
  OBOT_NPC_CHART_NAME,
  OBOT_NPC_DEFAULT_VERSION,
  OBOT_PLATFORM_EGRESS_DOMAINS,
  ObotPlatform,
} from "./constructs/workloads/obot-platform";
export type { ObotNetworkPolicyProviderProps, ObotPlatformProps } from "./constructs/workloads/obot-platform";
export { ZeroTrustForAi } from "./constructs/ai/zero-trust-for-ai";
export type {
  AiAccessIntent,
  AiProviderProps,
  AiWorkloadK8sSelector,
  AiWorkloadProps,
  ZeroTrustForAiProps,
  ZeroTrustStage,
} from "./constructs/ai/zero-trust-for-ai";

// ---------------------------------------------------------------- errors (CLI: UserInputError → exit 2)
export { ConstructPropsError, DcfValidationError, NetworkPropError, StackPropsError } from "./core/construct-props-error";
export type { ConstructLocation } from "./core/construct-props-error";
export { LocatedInputError, UserInputError } from "./util/errors";

// ---------------------------------------------------------------- stacks
export { AgentCoreStack } from "../stacks/agentcore-stack";
export type { AgentCoreMitmCaOptions, AgentCoreStackProps } from "../stacks/agentcore-stack";
export type { AgentImage } from "../stacks/agentcore/agentcore-image";
export type { AgentCoreIam } from "../stacks/agentcore/agentcore-iam";
export type { AgentCoreVpc } from "../stacks/agentcore/agentcore-network";
export type { AgentCorePolicy } from "../stacks/agentcore/agentcore-policy";
export type { AgentCoreEndpoint, AgentCorePrivateLink } from "../stacks/agentcore/agentcore-privatelink";
export { AksVcaStack } from "../stacks/aks-vca-stack";
export type { AksExistingClusterProps, AksExistingNetworkProps, AksNewClusterProps, AksNewNetworkProps, AksVcaStackProps } from "../stacks/aks-vca-stack";
export { ControllerBaselineStack } from "../stacks/controller-baseline-stack";
export type { ControllerBaselineStackProps } from "../stacks/controller-baseline-stack";
export type { ControllerOwnershipProps, StackAttachmentPoints } from "../stacks/controller-ownership";
export { EksVcaStack } from "../stacks/eks-vca-stack";
export type {
  EksControllerAccessOptions,
  EksExistingClusterProps,
  EksExistingNetworkProps,
  EksNewClusterProps,
  EksNewNetworkProps,
  EksVcaStackProps,
} from "../stacks/eks-vca-stack";
export type { EksControllerAccess } from "../stacks/k8s/eks-access";
export type { EksStorage } from "../stacks/k8s/eks-storage";
export { FoundryByoVnetStack } from "../stacks/foundry-byovnet-stack";
export type { FoundryByoVnetStackProps } from "../stacks/foundry-byovnet-stack";
export type { CapabilityHostConnections, CapabilityHostOptions, FoundryAccount } from "../stacks/foundry/foundry-account";
export type { ExistingFoundryNetworkOptions, FoundryNetwork, NewFoundryNetworkOptions } from "../stacks/foundry/foundry-network";
export type { BindingFingerprint } from "../stacks/foundry/binding-fingerprint";
export type { FoundryPolicy } from "../stacks/foundry/foundry-policy";
export { GkeVcaStack } from "../stacks/gke-vca-stack";
export type { GkeExistingClusterProps, GkeExistingNetworkProps, GkeNewClusterProps, GkeNewNetworkProps, GkeVcaStackProps } from "../stacks/gke-vca-stack";
export type { K8sContainment } from "../stacks/k8s/k8s-containment";
export type { LibreChatWorkload } from "../stacks/k8s/librechat-workload";
export type { ObotWorkload } from "../stacks/k8s/obot-workload";
export type {
  K8sVcaStackProps,
  K8sZeroTrustForAiProps,
  LibreChatTlsDecryptionProps,
  LibreChatWorkloadProps,
  ObotWorkloadProps,
} from "../stacks/k8s/k8s-vca-props";
export type { AwsProviderOptions, AzurermProviderOptions, GoogleProviderOptions } from "../stacks/provider-options";

// ---------------------------------------------------------------- policy model + builders
export { DECRYPT_POLICIES, FLOW_APP_REQUIREMENTS, PROTOCOLS, RULE_ACTIONS, SMART_GROUP_TYPES, TIERS, WELL_KNOWN } from "./dcf/model";
export { ROOT_ATTACHMENT_POINTS } from "./dcf/attachment-points";
export type { DcfPosition, Placement, RootAttachmentPoint } from "./dcf/attachment-points";
export type {
  DecryptPolicy,
  DefaultActionModel,
  FlowAppRequirement,
  GroupKind,
  MatchExpression,
  PolicyMode,
  PolicyModel,
  PortRange,
  Protocol,
  RuleAction,
  RuleModel,
  SmartGroupModel,
  SmartGroupType,
  Tier,
  WebGroupKind,
  WebGroupModel,
  WebMatch,
} from "./dcf/model";
export { DcfModelError } from "./dcf/errors";
export { PolicyPack } from "./dcf/builder/policy-pack";
export type { PolicyPackProps, PolicyPackSmartGroupProps, PolicyPackWebGroupProps, RuleProps } from "./dcf/builder/policy-pack";
export { DEFAULT_RULE_LOGGING, parsePortSpec } from "./dcf/rule-props";
export type { PortSpec, RuleCommonProps } from "./dcf/rule-props";
export { Select, Web } from "./dcf/builder/selectors";
export type { AzureIpsArgs, GeoArgs, GithubIpsArgs, K8sSelectorProps, ResourceSelectorProps, ThreatIqArgs } from "./dcf/builder/selectors";
export { mergeModels } from "./dcf/merge";
export { policyModelFromTerraform } from "./dcf/terraform/from-terraform";
export { modelFromFirewallPolicies } from "./dcf/crd/from-crd";
export type { LocatedFirewallPolicy } from "./dcf/crd/from-crd";
export { firewallPoliciesFromPath, firewallPoliciesFromYaml } from "./dcf/crd/read-yaml";
export { FIREWALL_POLICY_API_VERSION, FIREWALL_POLICY_KIND } from "./dcf/crd/firewall-policy-types";
export type { CrdGroupRef, CrdRule, CrdSmartGroupSelector, FirewallPolicyObject } from "./dcf/crd/firewall-policy-types";
export { formatOpaqueGroupUse, opaqueGroupUses } from "./dcf/opaque-groups";
export type { OpaqueGroupUse } from "./dcf/opaque-groups";

// ---------------------------------------------------------------- simulate + analyze
export { evaluate, PolicyEvaluator } from "./dcf/simulate/evaluate";
export { DEFAULT_ACTION_RULE } from "./dcf/simulate/flow";
export type { EvaluationResult, Flow, FlowDestination, FlowK8sEndpoint, FlowProtocol, FlowSource, Verdict } from "./dcf/simulate/flow";
export { parseScenarios, runScenarios } from "./dcf/simulate/scenarios";
export type { Scenario, ScenarioResult } from "./dcf/simulate/scenarios";
export { analyze, FINDING_IDS, POLICY_CHECKS } from "./dcf/analyze/analyze";
export type { AnalysisContext, PolicyCheck } from "./dcf/analyze/check";
export type { OrderedRule } from "./dcf/analyze/rule-order";
export { formatPolicyFinding } from "./dcf/analyze/finding";
export type { PolicyFinding } from "./dcf/analyze/finding";
export { hasErrors, SEVERITIES, severityRank } from "./core/finding";
export type { Finding, Severity } from "./core/finding";
export { MITM_SENSITIVE_DOMAINS } from "./dcf/analyze/control-plane-domains";
export type { SensitiveDomain } from "./dcf/analyze/control-plane-domains";

// ---------------------------------------------------------------- validate + jest matcher
export { validateTerraformJson } from "./validate/validate-terraform-json";
export type { ValidateTerraformJsonOptions } from "./validate/validate-terraform-json";
export { validateDocuments, validateFiles } from "./validate/validate-files";
export type { ValidateFilesOptions, ValidateFilesResult } from "./validate/validate-files";
export { formatValidationFinding } from "./validate/finding";
export type { ValidationFinding } from "./validate/finding";
export { vcaJestMatchers, VcaMatchers } from "./validate/jest-matchers";
export { MissingPeerDependencyError } from "./core/optional-peer";
export type { VcaValidationMatcherOptions } from "./validate/jest-matchers";
export type { StackCheckOptions } from "./validate/stack-checks";

// ---------------------------------------------------------------- LibreChat shim
export { librechatEgressModel } from "./shim/model";
export type { CidrPermit, EgressDestination, EgressGroup, InternalHost, LibreChatEgressModel, LibreChatEgressModelProps } from "./shim/model";
export { loadAnnotations, parseAnnotations } from "./shim/annotations";
export type { Annotations, ExceptionAnnotation } from "./shim/annotations";
export type { AppliedException, EgressGroupKind, ShimWarning } from "./shim/collector";
export { ShimInputError } from "./shim/errors";
export type { ShimIssue, ShimIssueCode } from "./shim/errors";
export { DEFAULT_POD_LABELS, librechatFirewallPolicies, renderFirewallPolicyYaml } from "./shim/render/crd";
export type { FirewallPolicyOptions as LibrechatFirewallPolicyOptions } from "./shim/render/crd";
export { egressJson, renderEgressJson } from "./shim/render/json";
export type { EgressJson } from "./shim/render/json";
export { renderEgressMarkdown } from "./shim/render/markdown";
export { diffEgress, formatDiff, parseEgressJson } from "./shim/diff";
export type { EgressDiff } from "./shim/diff";
export { OUTPUT_FILES, shimOutputs } from "./shim/outputs";
export { chooseSchema, KNOWN_RELEASES, PINNED_DATA_PROVIDER } from "./shim/schema-version";
export type { SchemaChoice } from "./shim/schema-version";
export { parseMitmCa, renderMitmCaConfigMap } from "./shim/mitm-ca";
export type { MitmCaCertificate } from "./shim/mitm-ca";

// ---------------------------------------------------------------- Obot MCP servers
export { parseServersYaml } from "./obot/servers-file";
export { effectiveDenyAllEgress, OBOT_LABELS, OBOT_MANAGED_BY, obotEgressMode, obotFirewallPolicy, OWNER_SUB_CONTEXT_ANNOTATION } from "./obot/translate";
export type { ObotEgressMode } from "./obot/translate";
export { DEFAULT_MCP_NAMESPACE } from "./obot/mcp-server";
export type { McpServerSpec, ObotPreviewOptions } from "./obot/mcp-server";
export { firewallPolicyToYaml, obotPreviewFile, obotPreviewFiles } from "./obot/render";
export { firewallPolicyName } from "./obot/names";

// ---------------------------------------------------------------- preflight: engine
export { Preflight } from "./preflight/preflight";
export type { PreflightProps } from "./preflight/preflight";
export type { ImmutableRecord, PreflightResult, PreflightSummary } from "./preflight/engine";
export type { FindingStatus, PreflightFinding } from "./preflight/finding";
export { REPORT_DIR } from "./preflight/report";
export type { PreflightReportJson } from "./preflight/report";
export { BASELINE_FORMAT_VERSION, DEFAULT_BASELINE_FILE } from "./preflight/baseline";
export type { Baseline, BaselineEntry } from "./preflight/baseline";

// ---------------------------------------------------------------- preflight: acknowledge
export { MIN_REASON_LENGTH, PreflightAcknowledgementError } from "./preflight/acknowledge";
export type { Acknowledgement } from "./preflight/acknowledge";

// ---------------------------------------------------------------- preflight: facts for construct authors
export { addPreflightFacts, factsOf, hasFacts, PREFLIGHT_FACTS, terraformAddressOf } from "./preflight/facts";
export type {
  AgentCoreRuntimeFact,
  AviatrixProviderFact,
  ClusterOnboardingFact,
  DcfFeatureFact,
  DcfPolicyFact,
  FirewallPolicyCrdFact,
  FoundryHostedAgentsFact,
  ImmutableBindingFact,
  K8sFirewallChartFact,
  KubernetesClusterFact,
  LibreChatFact,
  MitmCaFact,
  ObotFact,
  PreflightFact,
  PreflightFactKind,
  PreflightFactSource,
} from "./preflight/facts";

// ---------------------------------------------------------------- preflight: rule metadata
export { ALL_RULES } from "./preflight/rules";
export type { PlanTimeCheck, PreflightRule, RuleArea, RuleCheck, RuleMetadata } from "./preflight/rule";
export type { ControllerVersionSource, FactAt, FactOf, RuleContext, RuleContextInit } from "./preflight/context";
export { renderRulesMarkdown } from "./preflight/rules-md";

// ---------------------------------------------------------------- core
export { ControllerVersion, providerConstraint } from "./core/controller-version";
// User text into Terraform JSON, escaped once for where it lands (for your own constructs).
export { terraformLiteral, terraformLiteralTree } from "./core/terraform-literal";
