import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runVca as vca } from "../support/run-cli";

const FIXTURES = path.join(__dirname, "../fixtures/validate");
const VENDOR = path.join(__dirname, "../fixtures/vendor/agentcore-aws.dcf.tf.json");
const BAD = path.join(FIXTURES, "bad-configuration.cdk.tf.json");
const GOOD = path.join(FIXTURES, "good-stack.cdk.tf.json");

function findingLines(stdout: string): string[] {
  return stdout.split("\n").filter((l) => / (error|warning) /.test(l) && !l.startsWith("vca-cdktf validate:"));
}

describe("vca validate", () => {
  test("GIVEN the issue's bad configuration WHEN validated THEN exit 1 with exactly one finding per injected error", async () => {
    const run = await vca("validate", BAD);
    expect(run.code).toBe(1);
    const lines = findingLines(run.stdout).map((l) => l.replace(`${BAD}: `, ""));
    expect(lines.map((l) => l.replace(/: .*\[/, " [").trim())).toEqual([
      "error aviatrix_web_group.mixed.selector.match_expressions[1] [sni-and-url-filter]",
      "error aviatrix_distributed_firewalling_policy_list.main.policies[0].action [enum]",
      "error aviatrix_distributed_firewalling_policy_list.main.policies[1].protocol [enum]",
      "error aviatrix_distributed_firewalling_policy_list.main.policies[2].src_smart_groups [missing-required]",
      "error aviatrix_distributed_firewalling_policy_list.main.policies[3].port_ranges [icmp-port-ranges]",
      "error kubernetes_manifest.librechat_egress.manifest.spec.rules[0].ports [crd-unknown-field]",
    ]);
    expect(lines).toMatchSnapshot();
    expect(run.stdout).toContain("vca-cdktf validate: 6 errors, 0 warnings in 1 file");
    expect(run.stderr).toContain("validation failed: 6 errors");
  });

  test("GIVEN an everything-on stack WHEN validated THEN exit 0 and no findings", async () => {
    const run = await vca("validate", GOOD);
    expect(run).toEqual({ code: 0, stdout: "vca-cdktf validate: 0 errors, 0 warnings in 1 file\n", stderr: "" });
  });

  test("GIVEN the agentcore-aws excerpt converted by hcl2json WHEN validated THEN it names exactly the objects the excerpt left out", async () => {
    const run = await vca("validate", VENDOR);
    expect(run.code).toBe(1);
    // test/fixtures/vendor/SOURCES.md: the excerpt omits the blueprint's modules, AWS resources and locals.
    const omitted = new Set([
      "module.spoke_agentcore",
      "module.spoke_client",
      "aws_vpc_endpoint.agentcore_control",
      "aws_vpc_endpoint.agentcore_data",
      "aws_subnet.agentcore_runtime",
      "local.adversary_mcp_host",
      "local.aws_control_domains",
    ]);
    const lines = findingLines(run.stdout).map((l) => l.replace(`${VENDOR}: `, ""));
    const references = lines.filter((l) => /\[undeclared-(module|resource|local)\]$/.test(l));
    expect(new Set(references.map((l) => /`((?:module|local)\.[\w-]+|aws_[\w]+\.[\w-]+)/.exec(l)?.[1]))).toEqual(omitted);
    expect(lines.filter((l) => !references.includes(l)).map((l) => l.replace(/: .*\[/, " ["))).toEqual([
      "warning aviatrix_distributed_firewalling_config.this [deprecated-resource]",
    ]);
  });

  test("GIVEN the excerpt with the omitted objects declared WHEN validated THEN only the deprecation warning appears, also with an older --controller-version", async () => {
    const doc = JSON.parse(fs.readFileSync(VENDOR, "utf8"));
    doc.module = { spoke_agentcore: [{ source: "./omitted" }], spoke_client: [{ source: "./omitted" }] };
    doc.locals = [{ adversary_mcp_host: "omitted.example.com", aws_control_domains: ["omitted.example.com"] }];
    doc.resource.aws_vpc_endpoint = { agentcore_control: [{}], agentcore_data: [{}] };
    doc.resource.aws_subnet = { agentcore_runtime: [{}] };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vca-vendor-")), "agentcore-aws.tf.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const run = await vca("validate", file);
    expect(run.code).toBe(0);
    expect(findingLines(run.stdout).map((l) => l.replace(`${file}: `, "").replace(/: .*\[/, " ["))).toEqual([
      "warning aviatrix_distributed_firewalling_config.this [deprecated-resource]",
    ]);
    // the blueprint pins ~> 8.2; nothing in it is newer than 8.0.0, so an old version still passes
    expect((await vca("validate", file, "--controller-version", "8.0.0")).code).toBe(0);
  });

  test("GIVEN a cdktf.out directory WHEN validated THEN every stacks/*/cdk.tf.json is checked", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "vca-validate-"));
    for (const [stack, file] of [
      ["a-good", GOOD],
      ["b-bad", BAD],
    ]) {
      fs.mkdirSync(path.join(out, "stacks", stack), { recursive: true });
      fs.copyFileSync(file, path.join(out, "stacks", stack, "cdk.tf.json"));
    }
    const run = await vca("validate", out, "--json");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.files).toEqual([path.join(out, "stacks/a-good/cdk.tf.json"), path.join(out, "stacks/b-bad/cdk.tf.json")]);
    expect(report.errors).toBe(6);
    expect(new Set(report.findings.map((f: { file: string }) => f.file))).toEqual(new Set([path.join(out, "stacks/b-bad/cdk.tf.json")]));
    expect(report.findings[0]).toEqual(
      expect.objectContaining({ severity: "error", address: "aviatrix_web_group.mixed", path: "selector.match_expressions[1]", id: "sni-and-url-filter" }),
    );
  });

  test("GIVEN valid CRD manifests WHEN validated THEN exit 0; GIVEN each invalid example THEN exit 1", async () => {
    const valid = fs
      .readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => path.join(FIXTURES, f));
    expect(valid.length).toBe(5);
    const ok = await vca("validate", ...valid);
    expect(ok.code).toBe(0);
    expect(findingLines(ok.stdout).filter((l) => l.includes(" error "))).toEqual([]);
    const invalidDir = path.join(FIXTURES, "invalid");
    const invalid = fs.readdirSync(invalidDir).map((f) => path.join(invalidDir, f));
    expect(invalid.length).toBe(4);
    for (const file of invalid) {
      const run = await vca("validate", file);
      expect({ file: path.basename(file), code: run.code }).toEqual({ file: path.basename(file), code: 1 });
    }
  });

  test.each([
    ["a missing file", ["does-not-exist.json"], /does-not-exist\.json: no such file or directory/],
    ["an empty directory", ["__EMPTY_DIR__"], /has no stacks\/\*\/cdk\.tf\.json/],
    ["invalid JSON", ["__BAD_JSON__"], /broken\.json:3: invalid JSON/],
    ["invalid YAML", ["__BAD_YAML__"], /broken\.yaml:2:4: manifest is not valid YAML: bad indentation/],
    ["a malformed --controller-version", [GOOD, "--controller-version", "ten"], /--controller-version: got "ten"/],
  ])("GIVEN %s WHEN validated THEN exit 2 with a message naming the input", async (_name, args, message) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-validate-bad-"));
    fs.writeFileSync(path.join(dir, "broken.json"), '{\n  "resource": {\n    oops\n}');
    fs.writeFileSync(path.join(dir, "broken.yaml"), "a: 1\n  b: [\n");
    fs.mkdirSync(path.join(dir, "empty"));
    const resolved = args.map((a) =>
      a === "__EMPTY_DIR__"
        ? path.join(dir, "empty")
        : a === "__BAD_JSON__"
          ? path.join(dir, "broken.json")
          : a === "__BAD_YAML__"
            ? path.join(dir, "broken.yaml")
            : a,
    );
    const run = await vca("validate", ...resolved);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });
});
