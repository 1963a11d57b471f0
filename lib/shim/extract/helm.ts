// Helm values of the LibreChat chart (docs/research/librechat-shim.md §6): registries the images come from (a node-scope
// group: containerd pulls, not pod egress), the image tag (selects the config schema), and the
// optional inline config (`librechat.configYamlContent`) and env (`librechat.configEnv`).
import { REGISTRY_HOSTS } from "../catalog";
import { Collector } from "../collector";
import { EnvInventory } from "../env";
import { asRecord, get } from "./context";
import { own } from "../../util/own";

export interface HelmFacts {
  readonly imageTag?: string;
  readonly configYamlContent?: string;
}

const OCI = { kind: "oci-registries" } as const;

interface ImageRef {
  readonly path: string;
  readonly enabledPath?: string;
  readonly defaultEnabled: boolean;
  readonly defaultRegistry: string;
}

/** Images the chart pulls and their defaults (chart 2.0.4 values). */
const IMAGES: readonly ImageRef[] = [
  { path: "image", defaultEnabled: true, defaultRegistry: "registry.librechat.ai" },
  { path: "mongodb.image", enabledPath: "mongodb", defaultEnabled: true, defaultRegistry: "docker.io" },
  { path: "meilisearch.image", enabledPath: "meilisearch", defaultEnabled: true, defaultRegistry: "docker.io" },
  { path: "redis.image", enabledPath: "redis", defaultEnabled: false, defaultRegistry: "docker.io" },
  { path: "librechat-rag-api.image", enabledPath: "librechat-rag-api", defaultEnabled: false, defaultRegistry: "ghcr.io" },
];

export function extractHelm(values: unknown, file: string, c: Collector, env: EnvInventory): HelmFacts {
  const root = asRecord(values) ?? {};
  const globalRegistry = get(root, "global", "imageRegistry");
  for (const img of IMAGES) {
    if (img.enabledPath) {
      const enabled = get(root, ...img.enabledPath.split("."), "enabled");
      if (enabled === false || (enabled === undefined && !img.defaultEnabled)) continue;
    }
    const keys = img.path.split(".");
    const reg = get(root, ...keys, "registry");
    const repo = get(root, ...keys, "repository");
    let registry = typeof reg === "string" && reg ? reg : typeof globalRegistry === "string" && globalRegistry ? globalRegistry : img.defaultRegistry;
    if (typeof repo === "string" && repo.split("/").length > 2 && repo.split("/")[0].includes(".")) registry = repo.split("/")[0];
    const path = `helm:${img.path}.registry`;
    const written = registry.replace(/\/.*$/, "");
    const host = written.toLowerCase();
    const catalog = own(REGISTRY_HOSTS, host);
    // Messages quote the registry as the values file spells it.
    for (const h of catalog ?? [host]) c.addHost(OCI, h, path, 443, "https", catalog ? h : written);
    if (host === "registry.librechat.ai") {
      c.warn(
        path,
        "registry.librechat.ai is a CNAME to a reo.dev registry front; blob redirect hosts are unverified — record a test pull, or set image.registry: ghcr.io",
      );
    }
  }
  const configEnv = asRecord(get(root, "librechat", "configEnv"));
  if (configEnv) {
    env.addSource(`${file} (librechat.configEnv)`);
    for (const [k, v] of Object.entries(configEnv)) if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") env.add(k, String(v));
  }
  const tag = get(root, "image", "tag");
  const content = get(root, "librechat", "configYamlContent");
  return {
    imageTag: typeof tag === "string" && tag ? tag : undefined,
    configYamlContent: typeof content === "string" && content.trim() ? content : undefined,
  };
}
