// `vca-cdktf diagram --synth <cdk.tf.json | cdktf.out --stack id> [--manifests …] [--format mermaid|svg]
// [--out file]`: the policy as a picture — source groups → rules (priority, action, watch) →
// destination groups and WebGroups, tiers in evaluation order. Mermaid by default (GitHub and
// GitLab render it); SVG with Graphviz (WebAssembly, offline).
import * as path from "path";
import { Command, Option } from "commander";
import { renderDot } from "../../diagram/dot";
import { renderMermaid } from "../../diagram/mermaid";
import { policyGraph } from "../../diagram/policy-graph";
import { writeFilesAtomically } from "../../util/atomic-write";
import { PROGRAM_NAME } from "../../util/program-name";
import { loadPolicyModel } from "../load-policy";
import { resolveSynthFile } from "../synth-input";

interface DiagramOptions {
  readonly synth: string;
  readonly stack?: string;
  readonly manifests: string[];
  readonly format: "mermaid" | "svg" | "dot";
  readonly out?: string;
  readonly title?: string;
}

async function runDiagram(opts: DiagramOptions, out: (text: string) => void, note: (line: string) => void): Promise<void> {
  const file = resolveSynthFile(opts.synth, opts.stack);
  const graph = policyGraph(await loadPolicyModel(file, opts.manifests));
  const title = opts.title ?? opts.stack;
  let text: string;
  if (opts.format === "mermaid") text = renderMermaid(graph, title);
  else if (opts.format === "dot") text = renderDot(graph, title);
  else text = await (await import("../../diagram/svg")).renderSvg(renderDot(graph, title));
  if (opts.out === undefined) return out(text);
  writeFilesAtomically(path.dirname(opts.out), new Map([[path.basename(opts.out), text]]));
  note(`wrote ${opts.out}`);
}

export function registerDiagram(program: Command): void {
  program
    .command("diagram")
    .description("draw the DCF policy: source groups → rules (priority, action, watch) → destinations and WebGroups, tiers in order")
    .requiredOption("--synth <fileOrDir>", "synthesized cdk.tf.json, a .tf file, or a cdktf.out directory (with --stack)")
    .option("--stack <id>", "with a cdktf.out directory: the stack to draw")
    .option("--manifests <fileOrDir>", "FirewallPolicy YAML file or directory (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .addOption(
      new Option("--format <format>", "mermaid (Markdown flowchart), svg (Graphviz, offline) or dot").choices(["mermaid", "svg", "dot"]).default("mermaid"),
    )
    .option("--out <file>", "write to a file (atomically) instead of stdout")
    .option("--title <text>", "diagram title (default: the --stack id)")
    .action(async (opts: DiagramOptions) => {
      await runDiagram(
        opts,
        (text) => process.stdout.write(text),
        (line) => process.stderr.write(`${PROGRAM_NAME} diagram: ${line}\n`),
      );
    });
}
