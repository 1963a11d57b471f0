export * from "./finding";
export * from "./analyze";
export * from "./check";
export * from "./rule-order";
export * from "./subsumption";
export * from "./control-plane-domains";
