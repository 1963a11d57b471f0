// Offline validation: Terraform JSON vs the vendored Aviatrix provider schema, constraints and
// apply-time rules; FirewallPolicy/WebgroupPolicy manifests vs the CRD schemas.
export { ValidationFinding, formatValidationFinding, validationFindingLocation } from "./finding";
export { validateTerraformJson, ValidateTerraformJsonOptions } from "./validate-terraform-json";
export { validateFiles, validateDocuments, expandValidationInputs, parseValidationInput, ValidateFilesOptions, ValidateFilesResult } from "./validate-files";
export { declaredControllerVersion, DeclaredControllerVersion } from "./declared-version";
export { vcaJestMatchers, VcaMatchers, VcaValidationMatcherOptions } from "./jest-matchers";
