// egress.md carries the FirewallPolicy as a Mermaid flowchart (the same graph as `vca-cdktf diagram`).
import { renderEgressMarkdown } from "../../lib/shim/render/markdown";
import { model } from "./helpers";

const CONFIG =
  'version: "1.3.17"\nendpoints:\n  custom:\n    - name: groq\n      apiKey: "${GROQ_API_KEY}"\n      baseURL: https://api.groq.com/openai/v1\n      models: {default: [llama]}\n';

test("GIVEN a config WHEN egress.md is rendered THEN it has a mermaid block drawing the pod selector, each rule in order and the WebGroup", () => {
  const md = renderEgressMarkdown(model(CONFIG), { namespace: "chat", watch: true });
  const block = /```mermaid\n([\s\S]*?)```/.exec(md);
  expect(block).not.toBeNull();
  const chart = (block as RegExpExecArray)[1];
  expect(chart).toMatch(/^flowchart LR\n/);
  expect(chart).toContain('s1(["chat/librechat-egress pods<br/>k8s ns chat app.kubernetes.io/name=librechat"])');
  expect(chart).toContain('r1["(1) allow-librechat-llm<br/>PERMIT TCP 443 (watch: logs only)<br/>chat/librechat-egress"]:::permitWatch');
  expect(chart).toContain('r2["(2) deny-other-egress<br/>DENY ANY (watch: logs only)<br/>chat/librechat-egress"]:::denyWatch');
  expect(chart).toContain('w1[/"WebGroup librechat-llm<br/>api.groq.com"/]');
  expect(md.indexOf("## Diagram")).toBeLessThan(md.indexOf("## Internal"));
});
