// Two analyzer cases preflight relies on since AVX-DCF3/AVX-DCF5 call the analyzer checks:
// a permit through the built-in All-Web group, and DECRYPT_ALLOWED with no WebGroup at all.
import { analyze } from "../../../lib/dcf/analyze";
import { WELL_KNOWN, type WebGroupModel } from "../../../lib/dcf/model";
import { INTERNET, model, rule, sniGroup } from "./model-helpers";

const ALL_WEB: WebGroupModel = { key: WELL_KNOWN.allWeb, name: "All-Web", kind: "allWeb", matches: [] };
const byId = (m: ReturnType<typeof model>, id: string) => analyze(m).filter((f) => f.id === id);

describe("match-all-domain: All-Web", () => {
  test("GIVEN a permit through All-Web WHEN analyzed THEN a warning like a '*' entry", () => {
    const m = model([rule("p", { webGroups: [ALL_WEB.key] })], { webGroups: [ALL_WEB] });
    expect(byId(m, "match-all-domain").map((f) => [f.rule, f.severity, f.explanation])).toEqual([
      ["p", "warning", expect.stringContaining('WebGroup "All-Web" has All-Web, which matches every host')],
    ]);
  });
  test("GIVEN All-Web only on a deny WHEN analyzed THEN info, not a warning", () => {
    const m = model([rule("d", { action: "DENY", webGroups: [ALL_WEB.key] })], { webGroups: [ALL_WEB] });
    expect(byId(m, "match-all-domain").map((f) => f.severity)).toEqual(["info"]);
  });
});

describe("decrypt-control-plane: no WebGroup", () => {
  test("GIVEN DECRYPT_ALLOWED to the Internet without a WebGroup WHEN analyzed THEN a warning (every host is decrypted)", () => {
    const m = model([rule("all", { decryptPolicy: "DECRYPT_ALLOWED", dstGroups: [INTERNET] })]);
    expect(byId(m, "decrypt-control-plane").map((f) => [f.rule, f.severity])).toEqual([["all", "warning"]]);
  });
  test("GIVEN DECRYPT_ALLOWED without a WebGroup to a private CIDR WHEN analyzed THEN nothing (no Internet control plane reached)", () => {
    const m = model([rule("east-west", { decryptPolicy: "DECRYPT_ALLOWED", dstGroups: ["other"] })]);
    expect(byId(m, "decrypt-control-plane")).toEqual([]);
  });
  test("GIVEN a GKE control-plane host WHEN decrypted THEN an error (one shared list with preflight)", () => {
    const m = model([rule("gke", { decryptPolicy: "DECRYPT_ALLOWED", webGroups: ["g"] })], { webGroups: [sniGroup("g", "container.googleapis.com")] });
    expect(byId(m, "decrypt-control-plane").map((f) => f.severity)).toEqual(["error"]);
  });
});
