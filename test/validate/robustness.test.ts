import * as fc from "fast-check";
import { validateTerraformJson } from "../../lib/validate";
import { AWS_SPOKE, PIN, policy } from "./docs";

// Any JSON value (including `${...}` expressions) in any attribute or block position must give
// findings, never an exception: the validator runs on other people's hand-written JSON.
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("${var.x}", "", " ", "ICMP", "443", "true", "0.0.0.0/0", "FirewallPolicy"),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("lo", "hi", "name", "snifilter", "urlfilter", "cidr", "type", "kind", "spec", "content", "dynamic", "x"), tie("value"), {
      maxKeys: 3,
    }),
  ),
})).value;

const keyOf = fc.constantFrom(
  "name",
  "action",
  "protocol",
  "port_ranges",
  "policies",
  "selector",
  "match_expressions",
  "dynamic",
  "cloud_type",
  "ha_subnet",
  "tags",
  "manifest",
  "bogus",
);

describe("robustness", () => {
  test("GIVEN arbitrary values in resource bodies WHEN validated THEN it never throws and every finding is located", () => {
    fc.assert(
      fc.property(keyOf, jsonValue, keyOf, jsonValue, (k1, v1, k2, v2) => {
        const findings = validateTerraformJson({
          ...PIN,
          resource: {
            aviatrix_distributed_firewalling_policy_list: { main: { policies: [{ ...policy(), [k1]: v1 }] } },
            aviatrix_smart_group: { g: { name: "g", selector: { match_expressions: [{ [k2]: v2 }] } } },
            aviatrix_web_group: { w: [{ name: "w", [k1]: v1 }] },
            aviatrix_spoke_gateway: { s: { ...AWS_SPOKE, [k2]: v2 } },
            kubernetes_manifest: {
              m: { manifest: { apiVersion: "networking.aviatrix.com/v1alpha1", kind: "FirewallPolicy", metadata: { name: "m" }, spec: { [k1]: v1 } } },
            },
          },
        });
        for (const f of findings) {
          expect(f.address).toMatch(/\S/);
          expect(f.id).toMatch(/^[a-z0-9-]+$/);
          expect(typeof f.message).toBe("string");
        }
      }),
      { numRuns: 150 },
    );
  });
});
