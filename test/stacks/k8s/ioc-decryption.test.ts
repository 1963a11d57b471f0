// Decryption scoped to what it serves (issue 13): the LibreChat stacks' supply-chain IoC deny
// decrypts only flows to the IoC hosts, and a stack that decrypts the pods' traffic must publish
// the DCF CA to their namespace (preflight AVX-K8S6). The default blueprints do not decrypt, so
// their scenarios see the IoC hosts denied by the pods' closing deny; this is the decrypting variant.
import { EksVcaStack, EksVcaStackProps } from "../../../stacks/eks-vca-stack";
import { LAB_LIBRECHAT } from "../../../examples/blueprints/librechat/lab-config";
import { SUPPLY_CHAIN_IOC_URLS } from "../../../stacks/supply-chain-ioc";
import { Preflight } from "../../../lib/preflight/preflight";
import { evaluate } from "../../../lib/dcf/simulate/evaluate";
import { smartGroupMatches } from "../../../lib/dcf/simulate/match-group";
import { Flow, FlowDestination } from "../../../lib/dcf/simulate/flow";
import { policyModelFromTerraform } from "../../../lib/dcf/terraform/from-terraform";
import { synthJson, testApp } from "./helpers";

const EKS: EksVcaStackProps = {
  controllerVersion: "9.0",
  accountName: "aws-lab",
  region: "us-east-2",
  namePrefix: "t",
  mode: "enforce",
  newNetwork: { cidr: "10.20.0.0/16", availabilityZones: ["us-east-2a", "us-east-2b"] },
  newCluster: {},
  librechat: LAB_LIBRECHAT,
};
const stack = (librechat: Partial<NonNullable<EksVcaStackProps["librechat"]>>) =>
  new EksVcaStack(testApp(), "s", { ...EKS, librechat: { ...LAB_LIBRECHAT, ...librechat } });
const k8s6 = (s: EksVcaStack) =>
  Preflight.of(s)
    .evaluate()
    .findings.filter((f) => f.ruleId === "AVX-K8S6")
    .map((f) => `${f.status} ${f.id}`);

const fromPod = { k8s: { cluster: "aws_eks_cluster.cluster", namespace: "librechat", labels: { "app.kubernetes.io/name": "librechat" } }, ip: "10.20.64.15" };
const flow = (to: Omit<FlowDestination, "protocol" | "port">): Flow => ({ from: fromPod, to: { port: 443, protocol: "TCP", ...to } });

describe("GIVEN a LibreChat stack with tlsDecryption (the CA published to and mounted in the librechat namespace)", () => {
  const s = stack({ tlsDecryption: { caName: "lab-ca" } });
  const model = policyModelFromTerraform(synthJson(s));
  const ioc = model.rules.find((r) => r.name === "deny-supply-chain-ioc")!;

  test("WHEN the pods fetch a worm payload or write to an exfil repo in decrypted sessions THEN deny-supply-chain-ioc denies them", () => {
    for (const to of [
      { host: "raw.githubusercontent.com", path: "/attacker/shai-hulud-migration/main/payload.js", decrypted: true },
      { host: "api.github.com", path: "/repos/victim/shai-hulud/contents/data.json", decrypted: true },
    ]) {
      expect(evaluate(model, flow(to))).toMatchObject({ verdict: "DENY", rule: "deny-supply-chain-ioc" });
    }
  });

  test("WHEN the IoC rule's destination is read THEN it holds exactly the IoC hosts: LLM, MCP and other 443 flows are outside what it decrypts", () => {
    expect(ioc.decryptPolicy).toBe("DECRYPT_ALLOWED");
    expect(ioc.dstGroups).toHaveLength(1);
    const dst = model.smartGroups[ioc.dstGroups[0]];
    expect(dst.expressions.map((e) => e.fqdn)).toEqual(["api.github.com", "github.com", "raw.githubusercontent.com"]);
    for (const host of ["api.openai.com", "api.githubcopilot.com", "mcp.deepwiki.com", "exfil.attacker.io"]) {
      expect(smartGroupMatches(dst, { side: "dst", host, ip: "52.94.1.1" })).toBe(false);
    }
  });

  test("WHEN preflight runs THEN AVX-K8S6 is compliant for every decrypting rule (the CA covers librechat)", () => {
    const found = k8s6(s);
    expect(found).toEqual(expect.arrayContaining(["compliant AVX-K8S6[deny-supply-chain-ioc]", "compliant AVX-K8S6[allow-llm-providers]"]));
    expect(found.filter((f) => !f.startsWith("compliant"))).toEqual([]);
  });
});

describe("GIVEN a LibreChat stack without tlsDecryption", () => {
  test("WHEN the IoC URL filters are left to their default THEN there is no IoC deny and nothing decrypts (AVX-K8S6 does not apply)", () => {
    const s = stack({});
    const rules = policyModelFromTerraform(synthJson(s)).rules;
    expect(rules.find((r) => r.name === "deny-supply-chain-ioc")).toBeUndefined();
    expect(rules.filter((r) => r.decryptPolicy === "DECRYPT_ALLOWED")).toEqual([]);
    expect(k8s6(s)).toEqual([]);
  });

  test("WHEN IoC URL filters are set explicitly THEN the rule is there, decrypting, and AVX-K8S6 fails it: the pods do not trust the CA", () => {
    const s = stack({ supplyChainIocUrls: [...SUPPLY_CHAIN_IOC_URLS] });
    expect(k8s6(s)).toEqual(["non-compliant AVX-K8S6[deny-supply-chain-ioc]"]);
    const finding = Preflight.of(s)
      .evaluate()
      .findings.find((f) => f.ruleId === "AVX-K8S6")!;
    expect(finding.cause).toBe('rule "deny-supply-chain-ioc" decrypts traffic from namespace "librechat", which no MitmCa covers');
    expect(() => synthJson(s)).toThrow(/AVX-K8S6/);
  });
});
