// Public API of the LibreChat shim: the pure egress model (shared by the CLI and the LibreChat
// constructs), its renderers, the diff and the MITM CA helpers.
export { librechatEgressModel, annotationsFromText } from "./model";
export type { LibreChatEgressModelProps, LibreChatEgressModel, EgressGroup, EgressDestination, InternalHost, CidrPermit } from "./model";
export type { EgressGroupKind, ShimWarning, AppliedException } from "./collector";
export { loadAnnotations, parseAnnotations } from "./annotations";
export type { Annotations, ExceptionAnnotation } from "./annotations";
export { ShimInputError } from "./errors";
export type { ShimIssue, ShimIssueCode } from "./errors";
export { classifyUrl, classifyHost, isPrivateIp, DEFAULT_INTERNAL_SUFFIXES } from "./hosts";
export { chooseSchema, KNOWN_RELEASES, PINNED_DATA_PROVIDER } from "./schema-version";
export { librechatFirewallPolicies, renderFirewallPolicyYaml, DEFAULT_POD_LABELS } from "./render/crd";
export type { FirewallPolicyOptions } from "./render/crd";
export { egressJson, renderEgressJson } from "./render/json";
export type { EgressJson } from "./render/json";
export { renderEgressMarkdown } from "./render/markdown";
export { diffEgress, formatDiff, parseEgressJson } from "./diff";
export type { EgressDiff } from "./diff";
export { parseMitmCa, renderMitmCaConfigMap, fetchMitmCa, credentialsFromEnv } from "./mitm-ca";
export type { MitmCaCertificate } from "./mitm-ca";
export { shimOutputs, OUTPUT_FILES } from "./outputs";
