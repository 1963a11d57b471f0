// DOT → SVG offline with Graphviz compiled to WebAssembly (@viz-js/viz, MIT, pinned in
// package.json). Loaded only when an SVG is asked for: it is a 5 MB module and stays out of the
// package's import path and of every other command.
import { UserInputError } from "../util/errors";

type Viz = { renderString(dot: string, options: { format: "svg"; engine?: string }): string };

let viz: Promise<Viz> | undefined;

async function loadViz(): Promise<Viz> {
  let mod: { instance: () => Promise<Viz> };
  try {
    mod = require("@viz-js/viz") as { instance: () => Promise<Viz> };
  } catch {
    throw new UserInputError("--format svg needs the @viz-js/viz package (npm install @viz-js/viz@3.31.0); --format mermaid works without it");
  }
  return mod.instance();
}

/** Renders DOT text to an SVG document. */
export async function renderSvg(dot: string): Promise<string> {
  viz ??= loadViz();
  const svg = (await viz).renderString(dot, { format: "svg", engine: "dot" });
  return svg.endsWith("\n") ? svg : `${svg}\n`;
}
