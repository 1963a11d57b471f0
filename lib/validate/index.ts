// Offline validation: Terraform JSON vs the vendored Aviatrix provider schema, constraints and
// apply-time rules; FirewallPolicy/WebgroupPolicy manifests vs the CRD schemas.
export { Finding, FindingSeverity, formatFinding, findingLocation, hasErrors } from "./finding";
export { validateTerraformJson, ValidateOptions } from "./validate-terraform-json";
export { validateFiles, validateDocuments, expandInputs, parseFile, ValidateFilesOptions, ValidateFilesResult } from "./validate-files";
export { constraintFloor, declaredControllerVersion, DeclaredControllerVersion } from "./declared-version";
export { vcaJestMatchers, registerVcaMatchers, VcaValidationMatcherOptions } from "./jest-matchers";
