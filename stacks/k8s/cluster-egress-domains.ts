// What cluster nodes need on the internet per cloud (kubelet → API server, node bootstrap,
// the cloud's own registries). Facts: docs/research/cloud-stacks.md §2.3 (EKS infra WebGroup),
// §2.4 (AKS), §2.7 (GKE gcp_required), docs/research/k8s-obot-crds.md §5.4. Region-specific names instead of
// the blueprints' mid-label wildcards (`ec2.*`), which SNI filters cannot express.

/**
 * EKS: API endpoint, ECR (API, registry, S3 layer bucket), STS, EC2 (node bootstrap; the EBS CSI
 * controller's volume calls), and the EKS Auth API the Pod Identity agent exchanges tokens with
 * (eks-auth.<region>.api.aws, AWS EKS Pod Identity docs).
 */
export function eksControlPlaneDomains(region: string): string[] {
  return [
    "*.eks.amazonaws.com",
    `eks-auth.${region}.api.aws`,
    `api.ecr.${region}.amazonaws.com`,
    `*.dkr.ecr.${region}.amazonaws.com`,
    `*.s3.${region}.amazonaws.com`,
    `ec2.${region}.amazonaws.com`,
    `sts.${region}.amazonaws.com`,
    "sts.amazonaws.com",
  ].sort();
}

/** AKS: API server FQDN zone, ACR, MCR, ARM / Entra ID, node packages. */
export function aksControlPlaneDomains(location: string): string[] {
  return [
    `*.hcp.${location}.azmk8s.io`,
    "*.azurecr.io",
    "mcr.microsoft.com",
    "*.data.mcr.microsoft.com",
    "management.azure.com",
    "login.microsoftonline.com",
    "packages.microsoft.com",
    "acs-mirror.azureedge.net",
  ].sort();
}

/** GKE: Google APIs (container, logging, oauth2), Artifact Registry and GCR. */
export function gkeControlPlaneDomains(): string[] {
  return ["*.googleapis.com", "accounts.google.com", "gcr.io", "*.gcr.io", "*.pkg.dev"].sort();
}

/** Obot's own egress from obot-system besides its LLM API (docs/research/cloud-stacks.md §2.3, docs/research/k8s-obot-crds.md §3.1). */
export const OBOT_SYSTEM_DOMAINS: readonly string[] = [
  "charts.obot.ai",
  "github.com",
  "*.github.com",
  "objects.githubusercontent.com",
  "raw.githubusercontent.com",
];

/** Images Obot, its network policy controller and MCP server images are pulled from (by the nodes). */
export const OBOT_IMAGE_REGISTRY_DOMAINS: readonly string[] = ["ghcr.io", "pkg-containers.githubusercontent.com"];
