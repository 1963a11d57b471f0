// Public API of the DCF policy model: builders, host matching, parse-back and the simulator.
export * from "./model";
export * from "./errors";
export * from "./host-match";
export * from "./merge";
export * from "./builder/policy-pack";
export * from "./builder/selectors";
export * from "./builder/validate";
export { isTerraformRef, terraformRefAddress } from "./builder/tokens";
export * from "./crd/firewall-policy-types";
export * from "./crd/from-crd";
export * from "./crd/read-yaml";
export { policyModelFromTerraform } from "./terraform/from-terraform";
export * from "./simulate/flow";
export { evaluate, orderRules, PolicyEvaluator } from "./simulate/evaluate";
export * from "./simulate/scenarios";
export * from "./opaque-groups";
