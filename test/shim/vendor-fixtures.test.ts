// The vendor generator's fixture inputs (AviatrixSystems/aviatrix-blueprints egress-policy
// tests/fixtures, see test/fixtures/librechat/SOURCES.md) produce at least the destinations its
// expected outputs permit. Deliberate differences:
// - stdio MCP servers need a reviewed annotation here (the vendor infers launcher registries);
// - `sts.<region>.amazonaws.com` is added next to `sts.amazonaws.com` (SDK v3 regional STS);
// - registries are node egress: only with --helm-values, in a node-scope group, never in the pod CRD;
// - env-gated github login adds api.github.com and the avatar host LibreChat downloads from.
import { annotationsFromText, ShimInputError } from "../../lib/shim";
import { allDomains, domainsByGroup, fixture, model } from "./helpers";

const annotations = annotationsFromText(fixture("vendor/annotations.yaml"), "annotations.yaml");

describe("GIVEN the vendor generator's fixtures", () => {
  test("full: LLM, Bedrock, per-server MCP and env-gated destinations; internal MCP is listed, placeholder key unset", () => {
    const m = model(fixture("vendor/full/librechat.yaml"), { envFile: fixture("vendor/full/env.sample"), envFileName: "env.sample", annotations });
    const vendorExpected = [
      "sts.amazonaws.com",
      "bedrock-runtime.us-east-1.amazonaws.com",
      "bedrock-runtime.us-west-2.amazonaws.com",
      "bedrock-runtime.eu-west-1.amazonaws.com",
      "api.groq.com",
      "openrouter.ai",
      "mcp.example.com",
      "pypi.org",
      "files.pythonhosted.org",
      "api.tavily.com",
      "github.com",
    ];
    expect(allDomains(m)).toEqual(expect.arrayContaining(vendorExpected));
    const g = domainsByGroup(m);
    expect(g["librechat-mcp--remote-sse"]).toEqual(["mcp.example.com"]);
    expect(g["librechat-mcp--fetch"]).toEqual(["files.pythonhosted.org", "pypi.org"]);
    expect(m.internal).toEqual([{ host: "host.docker.internal:3001", from: ["mcpServers.internal-tool.url"] }]);
    expect(allDomains(m)).not.toContain("www.wolframalpha.com"); // WOLFRAM_APP_ID=your_app_id_here
    expect(m.warnings).toContainEqual({ path: "env:WOLFRAM_APP_ID", message: "set to a placeholder value; treated as unset" });
    expect(m.exceptions.map((e) => e.path)).toEqual(["mcpServers.fetch"]);
  });

  test("full without annotations: the stdio server is a path-specific error", () => {
    expect(() => model(fixture("vendor/full/librechat.yaml"), { envFile: fixture("vendor/full/env.sample") })).toThrow(
      /mcpServers\.fetch: stdio MCP server \(command "uvx"\) has no declared egress/,
    );
  });

  test("minimal: sts + bedrock runtime + the MCP server", () => {
    const m = model(fixture("vendor/minimal/librechat.yaml"), { envKeys: [] });
    expect(allDomains(m)).toEqual(expect.arrayContaining(["sts.amazonaws.com", "bedrock-runtime.us-east-1.amazonaws.com", "mcp.example.com"]));
    expect(domainsByGroup(m)["librechat-mcp--docs"]).toEqual(["mcp.example.com"]);
  });

  test("subprocess: annotated launchers give PyPI and npm registries, one group per server", () => {
    const g = domainsByGroup(model(fixture("vendor/subprocess/librechat.yaml"), { annotations, envKeys: [] }));
    expect(g).toEqual({
      "librechat-mcp--fetch": ["files.pythonhosted.org", "pypi.org"],
      "librechat-mcp--thinking": ["registry.npmjs.org"],
    });
  });

  test("the blueprint's Helm values pin image tag v0.8.4, which has no known config schema: rejected clearly", () => {
    expect(() => model(fixture("vendor/minimal/librechat.yaml"), { helmValues: fixture("vendor/values.yaml") })).toThrow(
      /values\.yaml: image\.tag: LibreChat image tag "v0\.8\.4" does not map to a known config schema \(supported tags: v0\.8\.8-rc4\)/,
    );
  });

  test("the blueprint's Helm values with a supported tag: node-scope registry group", () => {
    const m = model(fixture("vendor/minimal/librechat.yaml"), { helmValues: fixture("vendor/values.yaml"), imageTag: "v0.8.8-rc4" });
    const oci = m.groups.find((g) => g.kind === "oci-registries")!;
    expect(oci.scope).toBe("node");
    expect(oci.domains).toEqual(expect.arrayContaining(["registry.librechat.ai", "registry-1.docker.io", "auth.docker.io"]));
  });

  test("an unannotated stdio server is never silently given launcher registries", () => {
    expect(() => model(fixture("vendor/subprocess/librechat.yaml"))).toThrow(ShimInputError);
  });
});
