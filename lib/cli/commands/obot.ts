import { Command } from "commander";
import { DEFAULT_MCP_NAMESPACE, obotPreviewFiles, parseServersYaml } from "../../obot";
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
      writeFilesAtomically(opts.out, files);
      process.stdout.write(`wrote ${files.size} FirewallPolicy preview${files.size === 1 ? "" : "s"} to ${opts.out}\n`);
    });
}
