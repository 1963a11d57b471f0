// The policy graph as Graphviz DOT (rendered to SVG offline by lib/diagram/svg.ts): the same
// nodes and edges as the Mermaid chart, tiers as clusters in evaluation order.
import { GraphGroup, GraphRule, PolicyGraph, ruleLines, TIER_TITLES } from "./policy-graph";

function q(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

const PERMIT = { fill: "#e3f6e3", line: "#2e7d32" };
const DENY = { fill: "#fde4e4", line: "#c62828" };

function ruleNode(r: GraphRule): string {
  const c = r.rule.action === "DENY" ? DENY : PERMIT;
  const style = r.rule.watch ? "rounded,filled,dashed" : "rounded,filled";
  return `    ${r.id} [label=${q(ruleLines(r).join("\n"))} shape=box style=${q(style)} fillcolor=${q(c.fill)} color=${q(c.line)}];`;
}

function groupNode(g: GraphGroup, shape: string, prefix = ""): string {
  return `    ${g.id} [label=${q(`${prefix}${g.name}\n${g.detail}`)} shape=${shape}];`;
}

export function renderDot(graph: PolicyGraph, title?: string): string {
  const out: string[] = ["digraph policy {", "  rankdir=LR;", "  newrank=true;", '  node [fontname="Helvetica" fontsize=10];', '  edge [color="#555555"];'];
  if (title !== undefined) out.push(`  label=${q(title)}; labelloc=t; fontname="Helvetica";`);
  out.push('  subgraph cluster_sources { label="Source SmartGroups";');
  for (const g of graph.sources) out.push(groupNode(g, "ellipse"));
  out.push("  }");
  for (const t of graph.tiers) {
    out.push(`  subgraph cluster_${t.tier} { label=${q(TIER_TITLES[t.tier])};`);
    for (const r of t.rules) out.push(ruleNode(r));
    out.push("  }");
  }
  const d = graph.defaultAction.startsWith("DENY") ? DENY : PERMIT;
  out.push(`  subgraph cluster_POST_RULES { label=${q(TIER_TITLES.POST_RULES)};`);
  out.push(
    `    default_action [label=${q(`default action\n${graph.defaultAction}`)} shape=box style="rounded,filled" fillcolor=${q(d.fill)} color=${q(d.line)}];`,
  );
  out.push("  }");
  out.push('  subgraph cluster_destinations { label="Destination SmartGroups and WebGroups";');
  for (const g of graph.destinations) out.push(groupNode(g, "ellipse"));
  for (const w of graph.webGroups) out.push(groupNode(w, "parallelogram", "WebGroup "));
  out.push("  }");
  // Evaluation order top to bottom inside the rule column.
  const order = [...graph.tiers.flatMap((t) => t.rules.map((r) => r.id)), "default_action"];
  for (let i = 1; i < order.length; i++) out.push(`  ${order[i - 1]} -> ${order[i]} [style=invis weight=10];`);
  for (const t of graph.tiers) {
    for (const r of t.rules) {
      for (const s of r.sources) out.push(`  ${s} -> ${r.id};`);
      for (const g of r.destinations) out.push(`  ${r.id} -> ${g};`);
      for (const w of r.webGroups) out.push(`  ${r.id} -> ${w} [style=dashed label="SNI" fontsize=8];`);
    }
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}
