// The jsii entry: the construct API other CDK languages get (Python, Java, Go, .NET), compiled by
// scripts/build/jsii-assembly.js into build/jsii/.jsii on every `npm run build`. Constructs,
// stacks, their props and enums, the match-expression helpers (`Select`, `Web`), the jest
// matchers' entry (`VcaMatchers`), and the generated L1 bindings as the `aviatrix` and `azapi`
// namespaces (apart from the L2 names). The TypeScript-only tools (CLI, policy simulator,
// analyzer, validators, LibreChat shim) stay in the npm package's root index (lib/index.ts);
// members jsii cannot express carry `@jsii ignore` and are listed in README "jsii".
// test/repo/jsii-assembly.test.ts fails when a construct or stack of the root index is missing here.

// ---------------------------------------------------------------- constructs
export { ZeroTrustForAi } from "../lib/constructs/ai/zero-trust-for-ai";
export type { AiAccessIntent, AiProviderProps, AiWorkloadProps, ZeroTrustForAiProps, ZeroTrustStage } from "../lib/constructs/ai/zero-trust-for-ai";
export type { AiWorkloadK8sSelector } from "../lib/constructs/ai/zero-trust-for-ai";
export { AviatrixProvider } from "../lib/constructs/aviatrix/aviatrix-provider";
export type { AviatrixCredentials, AviatrixProviderProps } from "../lib/constructs/aviatrix/aviatrix-provider";
export { DcfControllerBaseline } from "../lib/constructs/dcf/dcf-controller-baseline";
export type { DcfControllerBaselineProps } from "../lib/constructs/dcf/dcf-controller-baseline";
export { DcfFeature } from "../lib/constructs/dcf/dcf-feature";
export type { ConfigFeatureName, DcfFeatureProps } from "../lib/constructs/dcf/dcf-feature";
export { DcfPolicyPack } from "../lib/constructs/dcf/dcf-policy-pack";
export type { DcfAttachmentPointName, DcfDefaultActionProps, DcfPolicyPackProps, DcfRenderMode } from "../lib/constructs/dcf/dcf-policy-pack";
export type { DcfRuleProps } from "../lib/constructs/dcf/dcf-rule";
export type { RuleCommonProps } from "../lib/dcf/rule-props";
export { FirewallPolicy } from "../lib/constructs/dcf/firewall-policy";
export type { FirewallPolicyProps, FirewallPolicyRuleProps, FirewallPolicySourceSelector } from "../lib/constructs/dcf/firewall-policy";
export { WellKnownSmartGroups, WellKnownWebGroups } from "../lib/constructs/dcf/group-refs";
export type { ISmartGroupRef, IWebGroupRef, SmartGroupInput, WebGroupInput } from "../lib/constructs/dcf/group-refs";
export { ManagedSmartGroup, ManagedWebGroup } from "../lib/constructs/dcf/managed-groups";
export { SmartGroup } from "../lib/constructs/dcf/smart-group";
export type { SmartGroupProps } from "../lib/constructs/dcf/smart-group";
export { WebGroup } from "../lib/constructs/dcf/web-group";
export type { WebGroupProps } from "../lib/constructs/dcf/web-group";
export type { ChartVersion } from "../lib/constructs/kubernetes/chart-version";
export type { IClusterProviderSet } from "../lib/constructs/kubernetes/cluster-providers";
export { K8sFirewallChart } from "../lib/constructs/kubernetes/k8s-firewall-chart";
export type { K8sFirewallChartProps } from "../lib/constructs/kubernetes/k8s-firewall-chart";
export type { K8sFirewallValues, ValuesCheck } from "../lib/constructs/kubernetes/k8s-firewall-values";
export type {
  K8sFirewallRbacValues,
  K8sFirewallRoleSubject,
  K8sFirewallRoleValues,
  K8sFirewallServiceAccountValues,
} from "../lib/constructs/kubernetes/k8s-firewall-values";
export { KubernetesCloud } from "../lib/constructs/kubernetes/kubernetes-cloud";
export { KubernetesClusterOnboarding } from "../lib/constructs/kubernetes/kubernetes-cluster-onboarding";
export type { CustomClusterDetails, KubernetesClusterOnboardingProps, OnboardingCredentials } from "../lib/constructs/kubernetes/kubernetes-cluster-onboarding";
export { KubernetesProviders } from "../lib/constructs/kubernetes/kubernetes-providers";
export type { EksProvidersOptions, KubeconfigProvidersOptions, KubernetesProvidersBaseOptions } from "../lib/constructs/kubernetes/kubernetes-providers";
export { CaTrustRuntime, MitmCa } from "../lib/constructs/kubernetes/mitm-ca";
export type { MitmCaProps } from "../lib/constructs/kubernetes/mitm-ca";
export { EksSnatMethod, PodSnatDisabled } from "../lib/constructs/kubernetes/pod-snat-disabled";
export type { AksPodSnatOptions, EksPodSnatOptions, GkePodSnatOptions, PodSnatDisabledProps } from "../lib/constructs/kubernetes/pod-snat-disabled";
export { AwsSpokeVpc } from "../lib/constructs/network/aws-spoke-vpc";
export type { AwsSpokeVpcProps } from "../lib/constructs/network/aws-spoke-vpc";
export { AzureEgressRouteTable } from "../lib/constructs/network/azure-egress-route-table";
export type { AzureEgressRouteTableProps } from "../lib/constructs/network/azure-egress-route-table";
export { AzureSpokeVnet } from "../lib/constructs/network/azure-spoke-vnet";
export type { AzureSpokeVnetProps } from "../lib/constructs/network/azure-spoke-vnet";
export { Cloud, CloudFamily } from "../lib/constructs/network/cloud";
export type { GatewayOptions, HaGatewayOptions, IGatewayRef } from "../lib/constructs/network/gateway-options";
export { GcpEgressRoute } from "../lib/constructs/network/gcp-egress-route";
export type { GcpEgressRouteProps } from "../lib/constructs/network/gcp-egress-route";
export { GcpSpokeNetwork } from "../lib/constructs/network/gcp-spoke-network";
export type { GcpSpokeNetworkProps } from "../lib/constructs/network/gcp-spoke-network";
export { SpokeGateway } from "../lib/constructs/network/spoke-gateway";
export type { SpokeGatewayProps } from "../lib/constructs/network/spoke-gateway";
export type { ISpokeNetwork, NewSpokeNetworkOptions } from "../lib/constructs/network/spoke-network";
export type { SpokeNetworkLayout } from "../lib/constructs/network/spoke-network";
export { SpokeTransitAttachment } from "../lib/constructs/network/spoke-transit-attachment";
export type { SpokeTransitAttachmentOptions, SpokeTransitAttachmentProps } from "../lib/constructs/network/spoke-transit-attachment";
export { TransitGateway } from "../lib/constructs/network/transit-gateway";
export type { TransitGatewayProps } from "../lib/constructs/network/transit-gateway";
export { VpcId } from "../lib/constructs/network/vpc-id";
export type { AzureVpcIdParts, GcpVpcIdParts } from "../lib/constructs/network/vpc-id";
export { LibreChat } from "../lib/constructs/workloads/librechat";
export type { LibreChatImageRegistries, LibreChatProps } from "../lib/constructs/workloads/librechat";
export { LibreChatEgress } from "../lib/constructs/workloads/librechat-egress";
export type { LibreChatEgressFirewallPolicyOptions, LibreChatEgressProps, LibreChatPodRuleOptions } from "../lib/constructs/workloads/librechat-egress";
export { ObotPlatform } from "../lib/constructs/workloads/obot-platform";
export type { ObotNetworkPolicyProviderProps, ObotPlatformProps } from "../lib/constructs/workloads/obot-platform";
export type { ConstructLocation } from "../lib/core/construct-props-error";
export { ControllerVersion } from "../lib/core/controller-version";
export type { GroupKind, MatchExpression, PortRange, SmartGroupModel, SmartGroupType, WebGroupKind, WebGroupModel, WebMatch } from "../lib/dcf/model";

// ---------------------------------------------------------------- match-expression helpers, jest matchers' entry
export { Select, Web } from "../lib/dcf/builder/selectors";
export type { AzureIpsArgs, GeoArgs, GithubIpsArgs, K8sSelectorProps, ResourceSelectorProps, ThreatIqArgs } from "../lib/dcf/builder/selectors";
export { VcaMatchers } from "../lib/validate/jest-matchers";
export type { VcaValidationMatcherOptions } from "../lib/validate/jest-matchers";
export type { StackCheckOptions } from "../lib/validate/stack-checks";

// ---------------------------------------------------------------- stacks
export { AgentCoreStack } from "../stacks/agentcore-stack";
export type { AgentCoreMitmCaOptions, AgentCoreStackProps } from "../stacks/agentcore-stack";
export { AksVcaStack } from "../stacks/aks-vca-stack";
export type { AksExistingClusterProps, AksExistingNetworkProps, AksNewClusterProps, AksNewNetworkProps, AksVcaStackProps } from "../stacks/aks-vca-stack";
export { ControllerBaselineStack } from "../stacks/controller-baseline-stack";
export type { ControllerBaselineStackProps } from "../stacks/controller-baseline-stack";
export type { ControllerOwnershipProps, StackAttachmentPoints } from "../stacks/controller-ownership";
export { EksVcaStack } from "../stacks/eks-vca-stack";
export type { EksExistingClusterProps, EksExistingNetworkProps, EksNewClusterProps, EksNewNetworkProps, EksVcaStackProps } from "../stacks/eks-vca-stack";
export type { EksControllerAccessOptions } from "../stacks/eks-vca-stack";
export { FoundryByoVnetStack } from "../stacks/foundry-byovnet-stack";
export type { FoundryByoVnetStackProps } from "../stacks/foundry-byovnet-stack";
export type { CapabilityHostConnections, CapabilityHostOptions } from "../stacks/foundry/foundry-account";
export type { ExistingFoundryNetworkOptions, NewFoundryNetworkOptions } from "../stacks/foundry/foundry-network";
export { GkeVcaStack } from "../stacks/gke-vca-stack";
export type { GkeExistingClusterProps, GkeExistingNetworkProps, GkeNewClusterProps, GkeNewNetworkProps, GkeVcaStackProps } from "../stacks/gke-vca-stack";
export type {
  K8sVcaStackProps,
  LibreChatTlsDecryptionProps,
  K8sZeroTrustForAiProps,
  LibreChatWorkloadProps,
  ObotWorkloadProps,
} from "../stacks/k8s/k8s-vca-props";

// ---------------------------------------------------------------- L1 bindings (generated)
export * as aviatrix from "../lib/aviatrix/gen/aviatrix";
export * as azapi from "../lib/aviatrix/gen/azapi";
