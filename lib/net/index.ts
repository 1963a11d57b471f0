// IP / CIDR parsing and classification, and internal host names (one module for the library).
export * from "./ip";
export * from "./special-purpose";
export * from "./host-names";
export { checkDomainPattern, checkHostSyntax, checkPublicDomain, domainPatternProblem, publicSuffixOf } from "./domain-name";
export type { DomainCheck } from "./domain-name";
