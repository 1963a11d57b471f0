// The policy graph as a Mermaid flowchart (GitHub and GitLab render it in PRs and Markdown):
// source groups → rules (tiers as subgraphs, in evaluation order) → destinations and WebGroups.
import { GraphGroup, GraphRule, PolicyGraph, ruleLines, TIER_TITLES } from "./policy-graph";

/** Text inside a quoted Mermaid label: entity codes for what would end the label or open HTML. */
function label(lines: readonly string[]): string {
  const esc = (s: string) => s.replace(/&/g, "#amp;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
  return `"${lines.map(esc).join("<br/>")}"`;
}

function groupNode(g: GraphGroup, open: string, close: string): string {
  return `    ${g.id}${open}${label([g.name, g.detail])}${close}`;
}

function ruleClass(r: GraphRule): string {
  return `${r.rule.action === "DENY" ? "deny" : "permit"}${r.rule.watch ? "Watch" : ""}`;
}

export function renderMermaid(graph: PolicyGraph, title?: string): string {
  const out: string[] = [];
  if (title !== undefined) out.push("---", `title: ${JSON.stringify(title)}`, "---");
  out.push("flowchart LR");
  out.push('  subgraph sources["Source SmartGroups"]');
  for (const g of graph.sources) out.push(groupNode(g, "([", "])"));
  out.push("  end");
  const tierIds: string[] = [];
  for (const t of graph.tiers) {
    tierIds.push(t.tier);
    out.push(`  subgraph ${t.tier}[${label([TIER_TITLES[t.tier]])}]`);
    for (const r of t.rules) out.push(`    ${r.id}[${label(ruleLines(r))}]:::${ruleClass(r)}`);
    out.push("  end");
  }
  tierIds.push("POST_RULES");
  out.push(`  subgraph POST_RULES[${label([TIER_TITLES.POST_RULES])}]`);
  out.push(`    default_action[${label(["default action", graph.defaultAction])}]:::${graph.defaultAction.startsWith("DENY") ? "deny" : "permit"}`);
  out.push("  end");
  out.push('  subgraph destinations["Destination SmartGroups and WebGroups"]');
  for (const g of graph.destinations) out.push(groupNode(g, "([", "])"));
  for (const w of graph.webGroups) out.push(groupNode({ ...w, name: `WebGroup ${w.name}` }, "[/", "/]"));
  out.push("  end");
  // Tiers in evaluation order (invisible links keep them left to right).
  for (let i = 1; i < tierIds.length; i++) out.push(`  ${tierIds[i - 1]} ~~~ ${tierIds[i]}`);
  for (const t of graph.tiers) {
    for (const r of t.rules) {
      for (const s of r.sources) out.push(`  ${s} --> ${r.id}`);
      for (const d of r.destinations) out.push(`  ${r.id} --> ${d}`);
      for (const w of r.webGroups) out.push(`  ${r.id} -. SNI .-> ${w}`);
    }
  }
  out.push("  classDef permit fill:#e3f6e3,stroke:#2e7d32");
  out.push("  classDef deny fill:#fde4e4,stroke:#c62828");
  out.push("  classDef permitWatch fill:#e3f6e3,stroke:#2e7d32,stroke-dasharray: 5 5");
  out.push("  classDef denyWatch fill:#fde4e4,stroke:#c62828,stroke-dasharray: 5 5");
  return `${out.join("\n")}\n`;
}
