import { Command } from "commander";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_MCP_NAMESPACE, obotPreviewFiles, parseServersYaml } from "../../obot";
import { OBOT_PREVIEW_MARKER } from "../../obot/render";
import { writeFilesAtomically } from "../../util/atomic-write";
import { UserInputError } from "../../util/errors";
import { MAX_YAML_INPUT_BYTES, readInputText } from "../../util/input-file";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

interface PoliciesOptions {
  readonly namespace: string;
  readonly defaultDeny?: boolean;
  readonly out: string;
}

/** `vca obot policies`: preview the FirewallPolicy objects Obot's controller will create. */
export function registerObot(program: Command): void {
  const obot = program.command("obot").description("Obot MCP gateway helpers");
  obot
    .command("policies")
    .description("write, one YAML file per MCP server, the FirewallPolicy Obot's network policy controller creates")
    .argument("<servers.yaml>", "servers: [ { id, name?, egressDomains?, denyAllEgress?, mcpNetworkPolicyName? } ]")
    .option("--namespace <ns>", "MCP runtime namespace (MCP_RUNTIME_NAMESPACE)", DEFAULT_MCP_NAMESPACE)
    .option("--default-deny", "mirror OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS=true: servers without domains deny all egress")
    .requiredOption("--out <dir>", "output directory")
    .action((serversFile: string, opts: PoliciesOptions) => {
      if (opts.namespace.length > 63 || !DNS_LABEL.test(opts.namespace)) {
        throw new UserInputError(`--namespace: must be a DNS-1123 label (got ${JSON.stringify(opts.namespace)})`);
      }
      const text = readInputText(serversFile, "servers file", MAX_YAML_INPUT_BYTES);
      const servers = parseServersYaml(text, serversFile);
      const files = obotPreviewFiles(servers, { namespace: opts.namespace, defaultDenyAllEgress: opts.defaultDeny === true });
      let removed: string[] = [];
      writeFilesAtomically(opts.out, files, { remove: (out) => (removed = stalePreviews(out, files)), inputs: [serversFile] });
      process.stdout.write(`wrote ${files.size} FirewallPolicy preview${files.size === 1 ? "" : "s"} to ${opts.out}\n`);
      if (removed.length > 0) process.stdout.write(`removed ${removed.join(", ")} (server no longer listed)\n`);
    });
}

/**
 * Previews of servers no longer listed: `*.yaml` files in the output directory that this command
 * generated (first line OBOT_PREVIEW_MARKER) and that this run does not write. A stale preview
 * would keep permitting its old egress in `vca simulate --manifests`. Other files are not ours.
 */
function stalePreviews(outDir: string, files: ReadonlyMap<string, string>): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(outDir);
  } catch {
    return []; // not created yet
  }
  return names
    .filter((n) => n.endsWith(".yaml") && !files.has(n))
    .filter((n) => {
      try {
        if (!fs.lstatSync(path.join(outDir, n)).isFile()) return false; // never open a FIFO or follow a link
        const fd = fs.openSync(path.join(outDir, n), "r");
        try {
          const head = Buffer.alloc(OBOT_PREVIEW_MARKER.length);
          fs.readSync(fd, head, 0, head.length, 0);
          return head.toString("utf8") === OBOT_PREVIEW_MARKER;
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        return false;
      }
    })
    .sort();
}
