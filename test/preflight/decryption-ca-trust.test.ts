// AVX-K8S6: a rule that decrypts a Kubernetes workload's traffic needs that workload's namespace
// to get the DCF MITM CA (MitmCa `namespaces`). Real constructs, the rule id asserted per case.
import { TerraformStack, TerraformVariable } from "../../lib/core/cdktf";
import { DcfPolicyPack, FirewallPolicy, ManagedSmartGroup, SmartGroup, WebGroup } from "../../lib/constructs/dcf";
import { MitmCa } from "../../lib/constructs/kubernetes/mitm-ca";
import { Select } from "../../lib/dcf/builder/selectors";
import { Preflight } from "../../lib/preflight/preflight";
import { givenConstructStack, ruleResults } from "./construct-helpers";

const CLUSTER = "arn:aws:eks:eu-west-1:123456789012:cluster/eks-lab";
const given = () => givenConstructStack({ preflight: { controllerVersion: "9.0" } });

/** A decrypting V1 rule from the workloads `source` selects to the IoC hosts (URL filters). */
function iocDeny(stack: TerraformStack, source: ReturnType<typeof Select.k8s> | { cidr: string }): void {
  const pods = new SmartGroup(stack, "pods", { name: "pods", matchExpressions: [source] });
  const hosts = new SmartGroup(stack, "ioc-hosts", { name: "ioc-hosts", matchExpressions: [Select.fqdn("github.com")] });
  const ioc = new WebGroup(stack, "ioc", { name: "ioc", urls: ["github.com/*shai-hulud*"] });
  new DcfPolicyPack(stack, "dcf", { mode: "enforce" }).addRule({
    name: "deny-ioc",
    priority: 5,
    action: "DENY",
    protocol: "TCP",
    ports: [443],
    src: [pods],
    dst: [hosts],
    webGroups: [ioc],
    decryptPolicy: "DECRYPT_ALLOWED",
    tlsProfile: "def000ad-6000-0000-0000-000000000001",
  });
}

describe("AVX-K8S6 decryption-needs-ca-trust", () => {
  test("GIVEN a decrypting V1 rule from the librechat pods and no MitmCa WHEN evaluated THEN non-compliant, naming the rule and the namespace", () => {
    const { stack, preflight } = given();
    iocDeny(stack, Select.k8s({ cluster: CLUSTER, namespace: "librechat" }));
    expect(ruleResults(preflight, "AVX-K8S6")).toEqual(["non-compliant AVX-K8S6[deny-ioc] @ s/dcf"]);
    const f = preflight.evaluate().findings.find((x) => x.ruleId === "AVX-K8S6")!;
    expect(f.severity).toBe("error");
    expect(f.cause).toBe('rule "deny-ioc" decrypts traffic from namespace "librechat", which no MitmCa covers');
    expect(f.got).toBe("no MitmCa in the stack");
  });

  test("GIVEN the same rule and a MitmCa published to the namespace WHEN evaluated THEN compliant", () => {
    const { stack, preflight, providers } = given();
    iocDeny(stack, Select.k8s({ cluster: CLUSTER, namespace: "librechat" }));
    new MitmCa(stack, "ca", { name: "lab-ca", namespaces: ["librechat"], providers });
    expect(ruleResults(preflight, "AVX-K8S6")).toEqual(["compliant AVX-K8S6[deny-ioc] @ s/dcf"]);
  });

  test("GIVEN a MitmCa for another namespace WHEN evaluated THEN non-compliant, showing which namespaces have the CA", () => {
    const { stack, preflight, providers } = given();
    iocDeny(stack, Select.k8s({ cluster: CLUSTER, namespace: "librechat" }));
    new MitmCa(stack, "ca", { name: "lab-ca", namespaces: ["obot-system"], providers });
    const f = preflight.evaluate().findings.find((x) => x.ruleId === "AVX-K8S6")!;
    expect([f.status, f.got]).toEqual(["non-compliant", "MitmCa namespaces: obot-system"]);
  });

  test("GIVEN a decrypting rule whose k8s source has no namespace (the whole cluster) WHEN a MitmCa covers one namespace THEN non-compliant", () => {
    const { stack, preflight, providers } = given();
    iocDeny(stack, Select.k8s({ cluster: CLUSTER }));
    new MitmCa(stack, "ca", { name: "lab-ca", namespaces: ["librechat"], providers });
    const f = preflight.evaluate().findings.find((x) => x.ruleId === "AVX-K8S6")!;
    expect(f.status).toBe("non-compliant");
    expect(f.cause).toMatch(/every namespace/);
  });

  test("GIVEN a decrypting rule whose namespace is a Terraform variable WHEN evaluated THEN unknown (never a pass)", () => {
    const { stack, preflight } = given();
    const ns = new TerraformVariable(stack, "ns", { type: "string" });
    iocDeny(stack, Select.k8s({ cluster: CLUSTER, namespace: ns.stringValue }));
    expect(ruleResults(preflight, "AVX-K8S6")).toEqual(["unknown AVX-K8S6[deny-ioc] @ s/dcf"]);
  });

  test("GIVEN the rule does not decrypt, or its source is not a Kubernetes workload WHEN evaluated THEN the rule does not apply", () => {
    const a = given();
    const pods = new SmartGroup(a.stack, "pods", { name: "pods", matchExpressions: [Select.k8s({ cluster: CLUSTER, namespace: "librechat" })] });
    const llm = new WebGroup(a.stack, "llm", { name: "llm", domains: ["api.openai.com"] });
    new DcfPolicyPack(a.stack, "dcf", { mode: "enforce" }).addRule({
      name: "llm",
      priority: 10,
      action: "PERMIT",
      protocol: "TCP",
      ports: [443],
      src: [pods],
      dst: [ManagedSmartGroup.publicInternet()],
      webGroups: [llm],
      decryptPolicy: "DECRYPT_NOT_ALLOWED",
    });
    expect(ruleResults(a.preflight, "AVX-K8S6")).toEqual([]);
    const b = given();
    iocDeny(b.stack, { cidr: "10.0.0.0/16" });
    expect(ruleResults(b.preflight, "AVX-K8S6")).toEqual([]);
  });

  test("GIVEN a FirewallPolicy rule with decryptPolicy decryptAllowed WHEN no MitmCa covers its namespace THEN non-compliant; with one THEN compliant", () => {
    const policy = (stack: TerraformStack, providers: ReturnType<typeof given>["providers"]) =>
      new FirewallPolicy(stack, "chat", {
        namespace: "chat",
        provider: providers.kubernetes,
        rules: [
          {
            name: "github",
            action: "PERMIT",
            protocol: "TCP",
            ports: [443],
            dst: [ManagedSmartGroup.publicInternet()],
            decryptPolicy: "DECRYPT_ALLOWED",
            webGroups: [{ key: "gh", name: "gh", kind: "domains", matches: [{ sni: "github.com" }] }],
          },
        ],
      });
    const bare = given();
    policy(bare.stack, bare.providers);
    expect(ruleResults(bare.preflight, "AVX-K8S6")).toEqual(["non-compliant AVX-K8S6[chat/chat/github] @ s/chat"]);
    const trusted = given();
    policy(trusted.stack, trusted.providers);
    new MitmCa(trusted.stack, "ca", { name: "lab-ca", namespaces: ["chat"], providers: trusted.providers });
    expect(ruleResults(trusted.preflight, "AVX-K8S6")).toEqual(["compliant AVX-K8S6[chat/chat/github] @ s/chat"]);
  });

  test("GIVEN the finding WHEN acknowledged with a reason (a CA baked into the image) THEN it is accepted", () => {
    const { stack, preflight } = given();
    iocDeny(stack, Select.k8s({ cluster: CLUSTER, namespace: "librechat" }));
    Preflight.acknowledge(stack, { id: "AVX-K8S6", reason: "the DCF CA is baked into the librechat image's trust store" });
    expect(preflight.evaluate().findings.find((x) => x.ruleId === "AVX-K8S6")!.status).toBe("acknowledged");
  });
});
