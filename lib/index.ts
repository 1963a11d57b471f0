// Public API of vca-cdktf: re-exports only.
export * from "./dcf/model";
export * from "./obot";
export * from "./core/controller-version";
export * from "./constructs/aviatrix";
export * from "./constructs/kubernetes";
export * from "./constructs/workloads";
export * from "./constructs/network";
export * from "./preflight";
export * from "./shim";
