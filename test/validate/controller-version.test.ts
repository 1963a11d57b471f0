import { constraintFloor } from "../../lib/core/controller-version";
import { validateTerraformJson } from "../../lib/validate";
import { brief, doc, policy, policyList } from "./docs";

// doc() declares what the resources refer to (variables, groups), so only the version checks speak.
const pinned = (version: string, resource: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...doc(resource),
  terraform: { required_providers: { aviatrix: { source: "AviatrixSystems/aviatrix", version } } },
  ...extra,
});

const MITM_CA = { aviatrix_dcf_mitm_ca: { ca: { name: "ca", key: "${var.key}", certificate_chain: "${var.chain}" } } };

describe("introduced_in against the declared controller version", () => {
  test.each([
    ["~> 10.0.1", "10.0.1"],
    ["~> 8.2", "8.2.0"],
    ["9.0.10", "9.0.10"],
    [">= 9.0.0, < 10.0.0", "9.0.0"],
    ["< 10", undefined],
  ])("GIVEN the constraint %p WHEN read THEN the floor is %p", (constraint, floor) => {
    expect(constraintFloor(constraint)?.toString()).toBe(floor);
  });

  test("GIVEN a resource newer than the pinned controller WHEN validated THEN introduced-in names resource and versions", () => {
    const findings = validateTerraformJson(pinned("~> 8.2.0", MITM_CA));
    expect(brief(findings)).toEqual(["error:introduced-in@aviatrix_dcf_mitm_ca.ca"]);
    expect(findings[0].message).toMatchSnapshot();
    expect(validateTerraformJson(pinned("~> 9.0.0", MITM_CA))).toEqual([]);
  });

  test("GIVEN an attribute newer than the pinned controller WHEN validated THEN introduced-in names the attribute path", () => {
    const findings = validateTerraformJson(pinned("~> 8.1.10", policyList(policy({ log_profile: "def000ad-7000-0000-0000-000000000001" }))));
    expect(brief(findings)).toEqual(["error:introduced-in@aviatrix_distributed_firewalling_policy_list.main.policies[0].log_profile"]);
  });

  test("GIVEN --controller-version WHEN it differs from the pin THEN the option wins", () => {
    expect(brief(validateTerraformJson(pinned("~> 10.0.1", MITM_CA), { controllerVersion: "8.2.20" }))).toEqual([
      "error:introduced-in@aviatrix_dcf_mitm_ca.ca",
    ]);
  });

  test("GIVEN a data source absent from the targeted release line WHEN validated THEN introduced-in reports the gap", () => {
    const data = { data: { aviatrix_web_group: { w: { name: "w" } } } };
    expect(brief(validateTerraformJson(pinned("~> 8.1.10", {}, data)))).toEqual(["error:introduced-in@data.aviatrix_web_group.w"]);
    expect(validateTerraformJson(pinned("~> 8.1.20", {}, data))).toEqual([]);
  });

  test("GIVEN no aviatrix pin WHEN validated THEN the check is skipped with one warning", () => {
    const { terraform, ...unpinned } = doc(MITM_CA);
    const findings = validateTerraformJson(unpinned);
    expect(brief(findings)).toEqual(["warning:controller-version-unknown@terraform.required_providers.aviatrix.version"]);
  });

  test("GIVEN a malformed --controller-version WHEN validated THEN a UserInputError names the option", () => {
    expect(() => validateTerraformJson(doc({}), { controllerVersion: "latest" })).toThrow(/--controller-version: got "latest"/);
  });
});
