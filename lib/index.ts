// Public API of vca-cdktf: re-exports only.
export * from "./dcf";
export * from "./obot";
export * from "./core/controller-version";
export * from "./core/construct-props-error";
export * from "./constructs/aviatrix";
export * from "./constructs/dcf";
export * from "./constructs/kubernetes";
export * from "./constructs/workloads";
export * from "./constructs/network";
export * from "./preflight";
export * from "./shim";
// The constructs' props own these names at the package root (the lib/dcf builder's are reachable via its module).
export type { SmartGroupProps, WebGroupProps } from "./constructs/dcf";
export * from "./dcf/analyze";
export * from "./validate";
export * from "../stacks";
export * from "./constructs/ai";
export * from "./constructs/workloads/librechat-egress";
