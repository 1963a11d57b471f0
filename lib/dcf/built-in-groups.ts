// The controller's built-in groups, always present under their well-known UUIDs: the one name of
// each (the builder, the Terraform and CRD readers, the construct refs, preflight and the analyzer
// all take it from here). UUIDs and names: docs/research/k8s-obot-crds.md §5.2 "Well-known UUIDs".
import { SmartGroupModel, WebGroupModel, WELL_KNOWN } from "./model";

/** Built-in SmartGroups by UUID: "Anywhere", "Public Internet", "ThreatIQ". */
export const BUILT_IN_SMART_GROUPS: Readonly<Record<string, SmartGroupModel>> = {
  [WELL_KNOWN.anywhere]: { key: WELL_KNOWN.anywhere, name: "Anywhere", kind: "anywhere", expressions: [] },
  [WELL_KNOWN.publicInternet]: { key: WELL_KNOWN.publicInternet, name: "Public Internet", kind: "publicInternet", expressions: [] },
  // The controller's ThreatIQ group is the threatiq feed: flows join it with `feeds: [threatiq]`.
  [WELL_KNOWN.threatIntel]: { key: WELL_KNOWN.threatIntel, name: "ThreatIQ", kind: "selector", expressions: [{ external: "threatiq" }] },
};
/** Built-in WebGroups by UUID: "All-Web". */
export const BUILT_IN_WEB_GROUPS: Readonly<Record<string, WebGroupModel>> = {
  [WELL_KNOWN.allWeb]: { key: WELL_KNOWN.allWeb, name: "All-Web", kind: "allWeb", matches: [] },
};
