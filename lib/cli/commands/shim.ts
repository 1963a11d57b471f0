// `vca shim librechat …` (docs/ARCHITECTURE.md §6) and `vca shim diff <old> <new>`.
import { Command } from "commander";
import * as fs from "fs";
import * as path from "path";
import { writeFilesAtomically } from "../../util/atomic-write";
import { CheckFailedError, UserInputError } from "../../util/errors";
import { loadAnnotations } from "../../shim/annotations";
import { diffEgress, EMPTY_EGRESS, formatDiff, parseEgressJson } from "../../shim/diff";
import { readTextFile } from "../../shim/load";
import { credentialsFromEnv, fetchMitmCa, MitmCaCertificate, parseMitmCa } from "../../shim/mitm-ca";
import { librechatEgressModel } from "../../shim/model";
import { OUTPUT_FILES, shimOutputs } from "../../shim/outputs";

interface LibreChatOptions {
  config?: string;
  dotenv?: string;
  envKeys?: string;
  helmValues?: string;
  namespace: string;
  podLabel: string[];
  mitmCa?: string;
  fetchMitmCa?: string;
  controllerInsecure?: boolean;
  annotations?: string;
  internalSuffix: string[];
  imageTag?: string;
  policyName: string;
  out: string;
  check?: boolean;
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerShim(program: Command): void {
  const shim = program.command("shim").description("CI shims that turn application configs into reviewed egress policy");
  shim
    .command("librechat")
    .description("librechat.yaml → FirewallPolicy CRD, egress.json, egress.md (and the MITM CA ConfigMap)")
    .option("--config <file>", "librechat.yaml (default: librechat.configYamlContent from --helm-values)")
    // Not `--env-file`: Node 20 scans the whole command line for that flag, even after the script
    // name, and would load the file itself (NODE_OPTIONS=--require … runs code; nodejs/node#54232).
    .option("--dotenv <file>", ".env inventory: key names activate features; only URL-shaped values are read")
    .option("--env-keys <names>", "comma-separated names of variables that are set (no values)")
    .option("--helm-values <file>", "LibreChat Helm values: registries, image tag, configEnv, configYamlContent")
    .option("--namespace <ns>", "namespace of the LibreChat pods", "librechat")
    .option("--pod-label <k=v>", "pod label the policy selects (repeatable; default app.kubernetes.io/name=librechat)", collect, [])
    .option("--mitm-ca <pem>", "Aviatrix MITM CA certificate → mitm-ca-configmap.yaml")
    .option(
      "--fetch-mitm-ca <controller-url>",
      "fetch the active MITM CA from the controller (AVIATRIX_USERNAME/AVIATRIX_PASSWORD from env); https:// only (http:// only to a loopback address)",
    )
    .option("--controller-insecure", "skip TLS certificate verification for --fetch-mitm-ca (self-signed controller); never allows http://")
    .option("--annotations <file>", "reviewed exceptions (YAML) for never-widen findings")
    .option("--internal-suffix <suffix>", "extra DNS suffix that counts as internal (repeatable)", collect, [])
    .option("--image-tag <tag>", "LibreChat image tag (selects the config schema; default: Helm image.tag)")
    .option("--policy-name <name>", "FirewallPolicy metadata.name", "librechat-egress")
    .requiredOption("--out <dir>", "output directory")
    .option(
      "--check",
      "write nothing; exit 1 with the egress diff when the committed files are stale (differ, or an output this run no longer produces is still there)",
    )
    .action(async (opts: LibreChatOptions) => runLibreChat(opts));
  shim
    .command("diff <old> <new>")
    .description("print the egress diff between two egress.json files")
    .option("--exit-code", "exit 1 when they differ")
    .action((oldFile: string, newFile: string, opts: { exitCode?: boolean }) => {
      const d = diffEgress(parseEgressJson(readTextFile(oldFile, "egress.json"), oldFile), parseEgressJson(readTextFile(newFile, "egress.json"), newFile));
      process.stdout.write(formatDiff(d));
      if (d.changed && opts.exitCode) throw new CheckFailedError(`${oldFile} and ${newFile} differ`);
    });
}

async function runLibreChat(opts: LibreChatOptions): Promise<void> {
  if (opts.mitmCa && opts.fetchMitmCa) throw new UserInputError("--mitm-ca and --fetch-mitm-ca are mutually exclusive");
  if (!opts.config && !opts.helmValues) throw new UserInputError("--config <librechat.yaml> is required (or --helm-values with librechat.configYamlContent)");
  const podLabels = parsePodLabels(opts.podLabel);
  checkKubernetesName("--namespace", opts.namespace, DNS1123_LABEL, 63, "a DNS-1123 label (lower-case letters, digits, '-')");
  checkKubernetesName("--policy-name", opts.policyName, DNS1123_SUBDOMAIN, 253, "a DNS-1123 subdomain (lower-case letters, digits, '-', '.')");
  const model = librechatEgressModel({
    config: opts.config ? readTextFile(opts.config, "LibreChat config") : undefined,
    configName: opts.config ? path.basename(opts.config) : undefined,
    envFile: opts.dotenv ? readTextFile(opts.dotenv, "env file") : undefined,
    envFileName: opts.dotenv ? path.basename(opts.dotenv) : undefined,
    envKeys: opts.envKeys !== undefined ? opts.envKeys.split(",") : undefined,
    helmValues: opts.helmValues ? readTextFile(opts.helmValues, "Helm values") : undefined,
    helmValuesName: opts.helmValues ? path.basename(opts.helmValues) : undefined,
    annotations: opts.annotations ? loadAnnotations(opts.annotations) : undefined,
    internalSuffixes: opts.internalSuffix,
    imageTag: opts.imageTag,
  });
  let ca: MitmCaCertificate | undefined;
  if (opts.mitmCa) ca = parseMitmCa(readTextFile(opts.mitmCa, "MITM CA"), opts.mitmCa);
  if (opts.fetchMitmCa) ca = await fetchMitmCa(opts.fetchMitmCa, credentialsFromEnv(), { insecure: opts.controllerInsecure });
  const files = shimOutputs(model, { namespace: opts.namespace, podLabels, name: opts.policyName }, ca);
  if (opts.check) {
    check(opts.out, files);
    return;
  }
  // Outputs of an earlier run that this one no longer produces (e.g. the CA ConfigMap without
  // --mitm-ca) go in the same transaction, so a regenerated dir passes --check.
  let leftovers: string[] = [];
  const inputs = [opts.config, opts.dotenv, opts.helmValues, opts.annotations, opts.mitmCa].filter((f): f is string => f !== undefined);
  writeFilesAtomically(opts.out, files, { remove: (out) => (leftovers = notProduced(out, files)), inputs });
  const permitted = model.groups.reduce((n, g) => n + g.domains.length, 0);
  process.stdout.write(
    `wrote ${[...files.keys()].sort().join(", ")} to ${opts.out}: ${permitted} destination(s) in ${model.groups.length} group(s), ` +
      `${model.internal.length} internal, ${model.warnings.length} warning(s)\n`,
  );
  if (leftovers.length > 0) process.stdout.write(`removed ${leftovers.join(", ")} (no longer produced)\n`);
}

/** Known shim outputs present in outDir that this run does not produce. Other files are not ours. */
function notProduced(outDir: string, files: ReadonlyMap<string, string>): string[] {
  return Object.values(OUTPUT_FILES)
    .filter((name) => !files.has(name) && fs.existsSync(path.join(outDir, name)))
    .sort();
}

/** --check: compare every output with the committed file; exit 1 with the egress diff. */
function check(outDir: string, files: ReadonlyMap<string, string>): void {
  const differ = [...files.entries()].filter(([name, content]) => readIfExists(path.join(outDir, name)) !== content).map(([n]) => n);
  const leftovers = notProduced(outDir, files);
  if (differ.length === 0 && leftovers.length === 0) {
    process.stdout.write(`egress outputs in ${outDir} are up to date\n`);
    return;
  }
  const committedText = readIfExists(path.join(outDir, OUTPUT_FILES.egressJson));
  const committed = committedText === undefined ? EMPTY_EGRESS : safeParse(committedText, path.join(outDir, OUTPUT_FILES.egressJson));
  const diff = diffEgress(committed, parseEgressJson(files.get(OUTPUT_FILES.egressJson)!, "generated egress.json"));
  process.stdout.write(formatDiff(diff));
  if (leftovers.length > 0) process.stdout.write(`no longer produced (delete or regenerate):\n${leftovers.map((n) => `  - ${n}\n`).join("")}`);
  const problems = [
    ...(differ.length > 0 ? [`${differ.sort().join(", ")} differ from what the config produces`] : []),
    ...(leftovers.length > 0 ? [`${leftovers.join(", ")} ${leftovers.length === 1 ? "is" : "are"} no longer produced`] : []),
  ];
  throw new CheckFailedError(`stale egress outputs in ${outDir}: ${problems.join("; ")}; run the same command without --check and commit the result`);
}

function safeParse(text: string, file: string) {
  try {
    return parseEgressJson(text, file);
  } catch {
    return EMPTY_EGRESS; // a corrupted committed file is stale: show everything as added
  }
}

/** A committed output, or undefined when missing or unusable (too big, not UTF-8, a directory…): then it is stale. */
function readIfExists(file: string): string | undefined {
  try {
    return readTextFile(file, "committed output");
  } catch {
    return undefined;
  }
}

// Kubernetes object name and label grammar (kubernetes.io/docs/concepts/overview/working-with-objects/names,
// .../labels#syntax-and-character-set).
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

function checkKubernetesName(flag: string, value: string, grammar: RegExp, max: number, want: string): void {
  if (value.length > max || !grammar.test(value)) throw new UserInputError(`${flag} ${JSON.stringify(value)}: want ${want}, at most ${max} characters`);
}

function parsePodLabels(labels: readonly string[]): Record<string, string> | undefined {
  if (labels.length === 0) return undefined;
  const out: Record<string, string> = Object.create(null);
  for (const l of labels) {
    const eq = l.indexOf("=");
    const key = eq < 0 ? l : l.slice(0, eq);
    const value = eq < 0 ? undefined : l.slice(eq + 1);
    const slash = key.lastIndexOf("/");
    const prefix = slash < 0 ? undefined : key.slice(0, slash);
    const name = slash < 0 ? key : key.slice(slash + 1);
    const ok =
      value !== undefined &&
      LABEL_NAME.test(name) &&
      LABEL_VALUE.test(value) &&
      (prefix === undefined || (prefix.length <= 253 && DNS1123_SUBDOMAIN.test(prefix)));
    if (!ok)
      throw new UserInputError(
        `--pod-label ${JSON.stringify(l)}: expected key=value with a Kubernetes label key ([prefix/]name, name ≤ 63 characters) and value (≤ 63 characters of letters, digits, '-', '_', '.')`,
      );
    if (Object.hasOwn(out, key)) throw new UserInputError(`--pod-label ${JSON.stringify(l)}: label ${JSON.stringify(key)} given twice`);
    out[key] = value!;
  }
  return { ...out };
}
