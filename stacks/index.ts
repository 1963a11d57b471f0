// Public stacks (re-exports only).
export * from "./foundry-byovnet-stack";
export * from "./agentcore-stack";
export * from "./eks-vca-stack";
export * from "./aks-vca-stack";
export * from "./gke-vca-stack";
