// Control-plane destinations that must never be TLS-decrypted (AVX-DCF5): Kubernetes API
// servers, cloud identity/management endpoints, the Aviatrix controller/CoPilot. Decrypting
// them breaks certificate pinning/mTLS of kubelets, CLIs and agents and exposes credentials.
// Sources: research k8s-obot-crds.md §5.4 (infra WebGroups of the Obot blueprints),
// cloud-stacks.md §2.1–2.2 (AgentCore/Foundry control-plane endpoints).
export const CONTROL_PLANE_DOMAINS: readonly string[] = [
  "*.azmk8s.io",
  "management.azure.com",
  "login.microsoftonline.com",
  "*.eks.amazonaws.com",
  "sts.amazonaws.com",
  "*.sts.amazonaws.com",
  "container.googleapis.com",
  "oauth2.googleapis.com",
  "*.aviatrix.com",
];
