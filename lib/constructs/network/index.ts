// Network constructs: spoke/transit gateways, attachment, created spoke networks and egress routing.
export * from "./cloud";
export * from "./vpc-id";
export { IGatewayRef, HaGatewayOptions, GatewayOptions, DEFAULT_GATEWAY_SIZE } from "./gateway-options";
export { ISpokeNetwork, NewSpokeNetworkOptions } from "./spoke-network";
export * from "./spoke-gateway";
export * from "./transit-gateway";
export * from "./spoke-transit-attachment";
export * from "./aws-spoke-vpc";
export * from "./azure-spoke-vnet";
export * from "./gcp-spoke-network";
export * from "./azure-egress-route-table";
export * from "./gcp-egress-route";
