import * as fs from "fs";
import * as path from "path";
import { egressDomainProblem, parseServersYaml } from "../../lib/obot";
import { UserInputError } from "../../lib/util/errors";

const invalidFile = path.join(__dirname, "..", "fixtures", "obot", "invalid-servers.yaml");

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected an error");
}

describe("Obot egress domain validation (mirrors Obot admission)", () => {
  test.each(["api.openai.com", "*.google.com", "API.Example.COM", " api.openai.com "])("GIVEN %j THEN accepted", (d) => {
    expect(egressDomainProblem(d)).toBeUndefined();
  });

  test.each([
    ["", "cannot be empty"],
    ["https://api.openai.com", "must not include a protocol"],
    ["10.0.0.1", "must not be an IP address"],
    ["api.openai.com:443", "must not include a path or port"],
    ["api.openai.com/v1", "must not include a path or port"],
    ["*", "valid hostname or leading wildcard"],
    ["*.*.example.com", "valid hostname or leading wildcard"],
    ["foo*.example.com", "valid hostname or leading wildcard"],
    ["-bad.example.com", "valid hostname or leading wildcard"],
    ["com", "at least two DNS labels"],
    ["*.com", "at least two DNS labels"],
    ["localhost", "at least two DNS labels"],
    ["metadata.google.internal", "not allowed"],
    ["kubernetes.default.svc", "not allowed"],
    ["db.ns.svc.cluster.local", "not allowed"],
    ["1.0.0.10.in-addr.arpa", "not allowed"],
    ["app.localhost", "not allowed"],
  ])("GIVEN %j THEN rejected: %s", (d, why) => {
    expect(egressDomainProblem(d)).toContain(why);
  });
});

describe("servers file parsing", () => {
  test("GIVEN bad domains, unknown keys, duplicate ids and deny+domains THEN one error names every YAML path", () => {
    const err = errorOf(() => parseServersYaml(fs.readFileSync(invalidFile, "utf8"), "servers.yaml"));
    expect(err).toBeInstanceOf(UserInputError);
    expect(err.message).toMatchSnapshot();
    expect(err.message).toContain("servers.yaml: servers[1].egressDomains[0]: egress domain must not include a protocol");
    expect(err.message).toContain('servers[2].id: duplicate id "ms1good" (first at servers[0])');
    expect(err.message).toContain("servers[2].colour: unknown key");
    expect(err.message).toContain("servers[3].denyAllEgress: denyAllEgress cannot be true when egressDomains are specified");
  });

  test.each([
    ["servers: {}", "servers: must be a list"],
    ["other: 1\nservers: []", "other: unknown key"],
    ["- a", "expected a mapping"],
    ["servers: [ {id: Bad_Id} ]", "servers[0].id: must be an MCP server id"],
    ["servers: [ {id: ms1a, denyAllEgress: yes please} ]", "servers[0].denyAllEgress: must be true or false"],
    ["servers: [ {id: ms1a, egressDomains: api.openai.com} ]", "servers[0].egressDomains: must be a list"],
    ["servers: [ {id: ms1a, egressDomains: [42]} ]", "servers[0].egressDomains[0]: must be a string"],
    ["servers: [ {id: ms1a, mcpNetworkPolicyName: MNP} ]", "servers[0].mcpNetworkPolicyName: must be a Kubernetes object name"],
    ["servers: [ {id: ms1a, name: 7} ]", "servers[0].name: must be a string"],
    ["servers: [ {id: ms1a, id: ms1b} ]", "not valid YAML"],
  ])("GIVEN %j THEN the error says %j", (text, want) => {
    const err = errorOf(() => parseServersYaml(text, "s.yaml"));
    expect(err).toBeInstanceOf(UserInputError);
    expect(err.message).toContain(want);
  });

  test("GIVEN valid entries THEN fields are kept and null egressDomains means none", () => {
    expect(
      parseServersYaml(
        "servers:\n- {id: ms1a, name: A, egressDomains: [x.io], denyAllEgress: false}\n- {id: ms1b, egressDomains: null, denyAllEgress: true}",
        "s.yaml",
      ),
    ).toEqual([
      { id: "ms1a", name: "A", egressDomains: ["x.io"], denyAllEgress: false },
      { id: "ms1b", denyAllEgress: true },
    ]);
  });
});
