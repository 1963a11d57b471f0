// Preflight: construct-level checks run at synth (rules as an Aspect + node.addValidation),
// acknowledgements, per-stack JSON/SARIF reports, the immutable-binding baseline and RULES.md.
export * from "./facts";
export * from "./rule";
export { RuleContext, addressOf, show, referenceText, type FactAt, type FactOf, type ControllerVersionSource } from "./context";
export { type Acknowledgement, PreflightAcknowledgementError, MIN_REASON_LENGTH } from "./acknowledge";
export * from "./baseline";
export { type PreflightFinding, type FindingStatus, formatMessage } from "./finding";
export { type PreflightResult, type PreflightSummary, type ImmutableRecord, summaryLine } from "./engine";
export { REPORT_DIR, reportJson, reportSarif, writeReports, type PreflightReportJson } from "./report";
export { Preflight, type PreflightProps } from "./preflight";
export { renderRulesMarkdown } from "./rules-md";
export { ALL_RULES } from "./rules";
