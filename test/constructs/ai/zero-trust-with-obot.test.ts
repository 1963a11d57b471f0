// Zero Trust for AI composed with the Obot and LibreChat stacks: its closing deny is scoped to the
// workloads it declares and sits after the K8S block, so it never pre-empts an MCP server's own
// FirewallPolicy permit (the seed's "a V1 deny at any priority evaluates before the CRD block").
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "../../../lib/core/cdktf";
import { AksVcaStack, AksVcaStackProps } from "../../../stacks/aks-vca-stack";
import { EksVcaStack } from "../../../stacks/eks-vca-stack";
import { LAB_LIBRECHAT } from "../../../examples/blueprints/librechat/lab-config";
import { loadPolicyModel } from "../../../lib/cli/load-policy";
import { analyze } from "../../../lib/dcf/analyze";
import { evaluate } from "../../../lib/dcf/simulate/evaluate";

const POLICIES = path.resolve(__dirname, "../../../examples/blueprints/obot-aks/firewall-policies");
const CLUSTER = "${lower(azurerm_kubernetes_cluster.cluster.id)}";

const ZTAI = {
  stage: "deny" as const,
  providers: { openai: { domains: ["api.openai.com"] } },
  workloads: { "obot-server": { k8s: { namespace: "obot-system" } } },
  intents: [{ name: "obot-server-to-openai", workloads: ["obot-server"], providers: "any" as const }],
};

async function modelOf(stack: AksVcaStack | EksVcaStack, manifests: string[] = []) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vca-ztai-")), "cdk.tf.json");
  fs.writeFileSync(file, Testing.synth(stack, true));
  return loadPolicyModel(file, manifests);
}

describe("ZeroTrustForAi + Obot (AKS) in deny stage", () => {
  const props: AksVcaStackProps = {
    controllerVersion: "9.0",
    accountName: "azure-lab",
    subscriptionId: "00000000-0000-0000-0000-000000000001",
    location: "westeurope",
    namePrefix: "obot-aks",
    mode: "enforce",
    newNetwork: { cidr: "10.1.0.0/16" },
    newCluster: {},
    obot: { version: "v0.21.0", namespace: "obot-system", mcpNamespace: "obot-mcp" },
    zeroTrustForAi: ZTAI,
  };

  test("GIVEN the MCP server ms1kbsng's FirewallPolicy permits api.openai.com THEN the combination still permits it; the analyzer and preflight find no pre-emption", async () => {
    const stack = new AksVcaStack(Testing.app(), "vca-obot-aks", props);
    const model = await modelOf(stack, [POLICIES]);
    const closing = model.rules.find((r) => r.name === "deny-other-ai-access")!;
    expect(closing.tier).toBe("AFTER_K8S");
    expect(closing.srcGroups.every((k) => model.smartGroups[k].kind === "selector")).toBe(true);
    const mcp = { k8s: { cluster: CLUSTER, namespace: "obot-mcp", labels: { app: "ms1kbsng" } }, ip: "10.1.128.30" };
    expect(evaluate(model, { from: mcp, to: { host: "api.openai.com", port: 443, protocol: "TCP" } })).toMatchObject({ verdict: "PERMIT", tier: "K8S" });
    // The declared workload's other AI traffic is denied by the ZTAI closing deny, after the K8S block.
    const server = { k8s: { cluster: CLUSTER, namespace: "obot-system", labels: { "app.kubernetes.io/name": "obot" } }, ip: "10.1.128.20" };
    expect(evaluate(model, { from: server, to: { host: "api.openai.com", port: 443, protocol: "TCP" } })).toMatchObject({ verdict: "PERMIT" });
    expect(analyze(model).filter((f) => f.severity === "error")).toEqual([]);
  });

  test("GIVEN the old placement (a deny from Anywhere before the K8S block) THEN the analyzer reports the pre-emption naming both rules", async () => {
    const stack = new AksVcaStack(Testing.app(), "vca-obot-aks", props);
    const model = await modelOf(stack, [POLICIES]);
    const anywhere = Object.values(model.smartGroups).find((g) => g.kind === "anywhere")!.key;
    const old = model.rules.map((r) => (r.name === "deny-other-ai-access" ? { ...r, tier: "V1" as const, srcGroups: [anywhere] } : r));
    const errors = analyze({ ...model, rules: old }).filter((f) => f.id === "v1-deny-preempts-k8s-permit");
    expect(errors.map((f) => f.rule)).toEqual([expect.stringMatching(/^deny-other-ai-access/)]);
    expect(errors[0].explanation).toContain("obot-mcp/obot-mnp1-ms1kbsng-fw/allow-approved-egress");
  });
});

test("GIVEN ZeroTrustForAi in a LibreChat stack THEN its groups carry the stack prefix and synth passes (no name clash, no pre-emption)", async () => {
  const stack = new EksVcaStack(Testing.app(), "s", {
    controllerVersion: "9.0",
    accountName: "aws-lab",
    region: "us-east-2",
    namePrefix: "chat",
    mode: "enforce",
    newNetwork: { cidr: "10.20.0.0/16", availabilityZones: ["us-east-2a", "us-east-2b"] },
    newCluster: {},
    librechat: LAB_LIBRECHAT,
    zeroTrustForAi: {
      ...ZTAI,
      workloads: { chat: { k8s: { namespace: "librechat" } } },
      intents: [{ name: "chat-to-openai", workloads: ["chat"], providers: "any" }],
    },
  });
  const doc = JSON.parse(Testing.synth(stack, true));
  const names = (Object.values(doc.resource.aviatrix_web_group) as Array<{ name: string }>).map((w) => w.name);
  expect(names).toContain("chat-ai-openai");
  const model = await modelOf(stack);
  expect(analyze(model).filter((f) => f.severity === "error")).toEqual([]);
});
