// Kubernetes onboarding, CRD chart, pod SNAT, MITM CA delivery and cluster providers.
export type { ChartVersion } from "./chart-version";
export * from "./cluster-providers";
export * from "./k8s-firewall-chart";
export * from "./k8s-firewall-values";
export * from "./kubernetes-cloud";
export * from "./kubernetes-cluster-onboarding";
export * from "./kubernetes-providers";
export * from "./mitm-ca";
export * from "./pod-snat-disabled";
