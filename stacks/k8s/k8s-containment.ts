// The cloud-independent half of the Kubernetes VCA stacks: the FirewallPolicy CRD chart, cluster
// onboarding, the node SmartGroup and control-plane permit, two rulesets (permits before the K8S
// block; the stack's own closing denies after it, so its workloads are contained whatever the
// controller's default action is), the workloads (LibreChat, Obot) and Zero Trust for AI intents.
// DCF feature flags and the default action only with ownController (stacks/controller-ownership.ts).
// The constructs declare their own preflight facts (one clusterKey scheme). Install order: CRD chart → onboarding → pod SNAT off → workloads.
import { Construct } from "constructs";
import { ITerraformDependable } from "../../lib/core/cdktf";
import { ZeroTrustForAi } from "../../lib/constructs/ai/zero-trust-for-ai";
import { DcfFeature } from "../../lib/constructs/dcf/dcf-feature";
import { DcfPolicyPack } from "../../lib/constructs/dcf/dcf-policy-pack";
import { WellKnownSmartGroups } from "../../lib/constructs/dcf/group-refs";
import { SmartGroup } from "../../lib/constructs/dcf/smart-group";
import { WebGroup } from "../../lib/constructs/dcf/web-group";
import { K8sFirewallChart } from "../../lib/constructs/kubernetes/k8s-firewall-chart";
import { KubernetesCloud } from "../../lib/constructs/kubernetes/kubernetes-cloud";
import { newestPublishedVersion } from "../../lib/constructs/kubernetes/published-charts";
import { KubernetesClusterOnboarding, OnboardingCredentials } from "../../lib/constructs/kubernetes/kubernetes-cluster-onboarding";
import { KubernetesProviders } from "../../lib/constructs/kubernetes/kubernetes-providers";
import { PodSnatDisabled } from "../../lib/constructs/kubernetes/pod-snat-disabled";
import { MatchExpression, PolicyMode } from "../../lib/dcf/model";
import { Select } from "../../lib/dcf/builder/selectors";
import { K8sVcaStackProps } from "./k8s-vca-props";
import { addLibreChatWorkload, LibreChatWorkload } from "./librechat-workload";
import { addObotWorkload, ObotWorkload } from "./obot-workload";
import { ConstructPropsError } from "../../lib/core/construct-props-error";
import { controllerOwnership } from "../controller-ownership";
import { addContainmentDenies } from "./k8s-closing-denies";
import { checkBooleanProps } from "../../lib/core/prop-types";

/** Priority of the node → cloud control plane / registries permit. */
export const CONTROL_PLANE_PRIORITY = 30;
/** Priority of the in-cluster → API server (by address) permit. */
export const API_SERVER_PRIORITY = 45;

export interface K8sContainmentProps extends K8sVcaStackProps {
  readonly cloud: KubernetesCloud;
  readonly namePrefix: string;
  /** Onboarding / SmartGroup cluster id (EKS ARN, AKS resource id, GKE self link); may be a reference. */
  readonly clusterId: string;
  readonly providers: KubernetesProviders;
  readonly podSnat: PodSnatDisabled;
  /** Selects the cluster's nodes but not its pods (image pulls and kubelet traffic come from nodes). */
  readonly nodeSelector: MatchExpression[];
  /** Hosts the nodes need (API endpoint, cloud registries, bootstrap). */
  readonly controlPlaneDomains: string[];
  /**
   * The API server as a SmartGroup expression, when pods reach it through the gateway without SNI
   * (AKS: kube-proxy DNATs the `kubernetes` ClusterIP to the API server's public IP; the TLS
   * ClientHello carries no SNI, so only an address match works — the vendor's
   * obot-mcp-egress-azure dcf.tf permits it by CIDR). kube-system (and obot-system) pods get a
   * permit to it. @default - none (EKS and GKE reach a private endpoint inside the VPC)
   */
  readonly apiServer?: MatchExpression;
  /** Register aviatrix_kubernetes_cluster explicitly. @default - KubernetesClusterOnboarding's default for the cloud */
  readonly registerCluster?: boolean;
  /** @default - the onboarding default for the cloud */
  readonly onboardingCredentials?: OnboardingCredentials;
  /** The cluster and node pools: Kubernetes resources wait for them. */
  readonly clusterDependables: readonly ITerraformDependable[];
  /** Egress must be in place before workloads start (spoke gateway, routes). */
  readonly egressDependables: readonly ITerraformDependable[];
  /** Further resources the workloads wait for (storage driver, default StorageClass). @default - none */
  readonly workloadDependables?: readonly ITerraformDependable[];
  /** Resources the cluster registration waits for (the controller's cluster access). @default - none */
  readonly onboardingDependables?: readonly ITerraformDependable[];
}

export class K8sContainment extends Construct {
  public readonly mode: PolicyMode;
  /** DCF and its Kubernetes flags, only when the stack owns the controller. */
  public readonly feature?: DcfFeature;
  public readonly firewallChart: K8sFirewallChart;
  public readonly onboarding: KubernetesClusterOnboarding;
  /** Permits and early scoped denies, evaluated before the K8S block. */
  public readonly pack: DcfPolicyPack;
  /** The stack's closing scoped denies, evaluated after the K8S block. */
  public readonly containment: DcfPolicyPack;
  public readonly nodes: SmartGroup;
  /** kube-system pods (CoreDNS, CSI controllers, konnectivity): pod IPs, not node IPs, since pod SNAT is off. */
  public readonly kubeSystem: SmartGroup;
  public readonly controlPlane: WebGroup;
  /** The API server by address (AKS). */
  public readonly apiServer?: SmartGroup;
  public readonly librechat?: LibreChatWorkload;
  public readonly obot?: ObotWorkload;
  public readonly zeroTrustForAi?: ZeroTrustForAi;

  constructor(scope: Construct, id: string, props: K8sContainmentProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["registerCluster", "defaultDenyAllEgress"]);
    this.mode = props.mode ?? "discover";
    if (this.mode !== "discover" && this.mode !== "enforce") {
      throw new ConstructPropsError(
        this,
        "mode",
        props.mode,
        '"discover" or "enforce"',
        'start with "discover", switch to "enforce" once the logged flows are reviewed',
      );
    }
    if (!props.librechat && !props.obot) {
      throw new ConstructPropsError(
        this,
        "librechat/obot",
        undefined,
        "at least one workload",
        "set librechat (Secure Enterprise Chat) and/or obot (Enterprise MCP)",
      );
    }
    const prefix = props.namePrefix;
    const ownership = controllerOwnership(this, "K8sVcaStack", prefix, props);
    if (ownership.owned) this.feature = new DcfFeature(this, "dcf", { k8sDcfPolicies: true });
    const featureDeps = this.feature ? [this.feature] : [];

    this.firewallChart = new K8sFirewallChart(this, "crds", {
      version: props.firewallChartVersion ?? newestPublishedVersion("k8s-firewall"),
      providers: props.providers,
      dependsOn: [...props.clusterDependables],
    });
    // The controller caches a missing CRD on first connect: onboard only after the chart.
    this.onboarding = new KubernetesClusterOnboarding(this, "onboarding", {
      cloud: props.cloud,
      clusterId: props.clusterId,
      register: props.registerCluster,
      credentials: props.onboardingCredentials,
      firewallChart: this.firewallChart,
      dependsOn: [
        ...(this.feature ? [this.feature.features.k8s ?? this.feature.microseg] : []),
        ...props.clusterDependables,
        ...(props.onboardingDependables ?? []),
      ],
    });

    const promoteRules = props.promoteRules ?? [];
    this.pack = new DcfPolicyPack(this, "policy", {
      mode: this.mode,
      rulesetName: `${prefix}-policy`,
      ...ownership.beforeK8s,
      manageDefaultAction: ownership.owned,
      promoteRules,
      dependsOn: featureDeps,
    });
    this.containment = new DcfPolicyPack(this, "containment", {
      mode: this.mode,
      rulesetName: `${prefix}-containment`,
      ...ownership.afterK8s,
      promoteRules,
      dependsOn: featureDeps,
    });
    this.nodes = new SmartGroup(this, "nodes", { name: `${prefix}-nodes`, matchExpressions: props.nodeSelector });
    this.kubeSystem = new SmartGroup(this, "kube-system", {
      name: `${prefix}-kube-system`,
      matchExpressions: [Select.k8s({ cluster: this.onboarding.clusterId, namespace: "kube-system" })],
    });
    this.controlPlane = new WebGroup(this, "control-plane", { name: `${prefix}-k8s-control-plane`, domains: props.controlPlaneDomains });
    const internet = WellKnownSmartGroups.publicInternet();
    this.pack.addRule({
      name: "allow-k8s-control-plane",
      priority: CONTROL_PLANE_PRIORITY,
      action: "PERMIT",
      protocol: "TCP",
      ports: [443],
      // kube-system pods (e.g. the EBS CSI controller calling EC2, konnectivity) leave with pod IPs.
      src: [this.nodes, this.kubeSystem],
      dst: [internet],
      webGroups: [this.controlPlane],
      // Kubelets, node bootstrap and registry logins pin certificates: never decrypt them.
      decryptPolicy: "DECRYPT_NOT_ALLOWED",
    });

    const workloadOrdering: ITerraformDependable[] = [...this.onboarding.dependable, ...props.egressDependables, ...(props.workloadDependables ?? [])];
    // Selectors use the id the controller registers (AKS: lower-cased), not the raw resource id.
    const common = {
      prefix,
      clusterId: this.onboarding.clusterId,
      providers: props.providers,
      pack: this.pack,
      nodes: this.nodes,
      firewallChart: this.firewallChart,
      podSnat: props.podSnat,
      ordering: workloadOrdering,
    };
    if (props.librechat)
      this.librechat = addLibreChatWorkload(this, "librechat", { ...common, workload: props.librechat, controllerVersion: props.controllerVersion });
    if (props.obot) this.obot = addObotWorkload(this, "obot", { ...common, workload: props.obot });
    if (props.apiServer) {
      this.apiServer = new SmartGroup(this, "api-server", { name: `${prefix}-k8s-api-server`, matchExpressions: [props.apiServer] });
      this.pack.addRule({
        name: "allow-k8s-api-server",
        priority: API_SERVER_PRIORITY,
        action: "PERMIT",
        protocol: "TCP",
        ports: [443],
        // In-cluster clients only: never the MCP servers or the chat pods.
        src: [this.kubeSystem, ...(this.obot ? [this.obot.obotSystem] : [])],
        dst: [this.apiServer],
        decryptPolicy: "DECRYPT_NOT_ALLOWED",
      });
    }

    if (props.zeroTrustForAi) {
      // The closing deny joins the after-K8S ruleset: FirewallPolicy permits (Obot MCP servers) come first.
      this.zeroTrustForAi = new ZeroTrustForAi(this, "zero-trust-for-ai", {
        ...props.zeroTrustForAi,
        pack: this.pack,
        closingPack: this.containment,
        namePrefix: prefix,
      });
    }
    addContainmentDenies(this.containment, {
      nodes: this.nodes,
      kubeSystem: this.kubeSystem,
      librechat: this.librechat,
      obot: this.obot,
      aiWorkloads: this.zeroTrustForAi?.workloadGroups,
    });
    promoteRules.forEach((name, i) => {
      if (!this.pack.hasRule(name) && !this.containment.hasRule(name)) {
        const known = [...this.pack.rules, ...this.containment.rules].map((r) => r.name);
        throw new ConstructPropsError(this, `promoteRules[${i}]`, name, `a rule of this stack (${known.join(", ")})`, "name the rule as it is rendered");
      }
    });
  }
}
