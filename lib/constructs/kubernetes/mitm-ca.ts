import { Construct } from "constructs";
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { DataAviatrixDcfMitmCa } from "../../aviatrix/gen/providers/aviatrix/data-aviatrix-dcf-mitm-ca";
import { DcfMitmCa } from "../../aviatrix/gen/providers/aviatrix/dcf-mitm-ca";
import { DcfMitmCaSelection } from "../../aviatrix/gen/providers/aviatrix/dcf-mitm-ca-selection";
import { Fn, ITerraformDependable, TerraformProvider, Token } from "../../core/cdktf";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource } from "../../preflight/facts";
import { IClusterProviderSet } from "./cluster-providers";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { sortedByKey } from "../../dcf/builder/canonical";
import { checkBooleanProps } from "../../core/prop-types";
import { terraformLiteralTree } from "../../core/terraform-literal";

// Facts: docs/research/librechat-shim.md §9 and docs/research/k8s-obot-crds.md §4. Node reads NODE_EXTRA_CA_CERTS
// (additive to its bundled roots) once at start; Python's ssl/httpx read SSL_CERT_FILE and
// requests reads REQUESTS_CA_BUNDLE — both REPLACE the default trust store with the file.

/** Name of the ConfigMap (and its key) that carries the CA certificate in workload namespaces. */
export const MITM_CA_CONFIGMAP_NAME = "aviatrix-mitm-ca";
export const MITM_CA_CONFIGMAP_KEY = "ca.crt";
/** Where the trust snippets mount the ConfigMap. */
export const MITM_CA_MOUNT_DIR = "/etc/aviatrix-mitm-ca";
/** Pod annotation carrying the CA hash so a CA rotation rolls the pods (env is read at start). */
export const MITM_CA_HASH_ANNOTATION = "vca.aviatrix.com/mitm-ca-sha256";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Which runtimes in the workload need the CA. */
export enum CaTrustRuntime {
  /** NODE_EXTRA_CA_CERTS (adds to Node's roots). */
  NODE = "node",
  /** SSL_CERT_FILE + REQUESTS_CA_BUNDLE (replace Python's trust store with the mounted file). */
  PYTHON = "python",
}

/** Kubernetes volume, mount, env and annotation snippets for Helm values or pod specs. */
export interface CaTrustSnippets {
  readonly volume: {
    readonly name: string;
    readonly configMap: { readonly name: string; readonly items: readonly { readonly key: string; readonly path: string }[] };
  };
  readonly volumeMount: { readonly name: string; readonly mountPath: string; readonly readOnly: true };
  /** Environment variables, sorted by name. */
  readonly env: { readonly [name: string]: string };
  /** The same env as a container `env:` list. */
  readonly envList: { readonly name: string; readonly value: string }[];
  /** Pod annotations that roll pods when the CA changes. */
  readonly podAnnotations: { readonly [key: string]: string };
}

export interface MitmCaProps {
  /** CA name on the controller (unique). Used with `certificateChain`/`key`, or to look up an existing CA. */
  readonly name: string;
  /**
   * PEM chain whose first certificate is the signing CA; a reference or sensitive variable.
   * @default - look up the existing CA `name` on the controller (no upload, no selection)
   */
  readonly certificateChain?: string;
  /** PEM private key matching the chain: a sensitive TerraformVariable or reference, never a literal. @default - none (lookup mode) */
  readonly key?: string;
  /** Make this CA the active DCF decryption CA (aviatrix_dcf_mitm_ca_selection). @default true when uploading, false in lookup mode */
  readonly select?: boolean;
  /** Namespaces that get the `aviatrix-mitm-ca` ConfigMap (certificate only). Must already exist. @default - none */
  readonly namespaces?: string[];
  /** @default - the stack's default aviatrix provider */
  readonly aviatrixProvider?: TerraformProvider;
  /** @default - the stack's default kubernetes provider */
  readonly providers?: IClusterProviderSet;
  /** Resources the ConfigMaps wait for (e.g. the namespaces). @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The DCF TLS-decryption CA and its delivery to workloads without an image rebuild: upload
 * (aviatrix_dcf_mitm_ca + selection) or look up the CA, publish the certificate — never the
 * key — as a ConfigMap in each workload namespace, and hand out volume/env snippets
 * (`trustSnippets`) that point Node and Python at it.
 * Image pulls are made by the node's containerd and ignore pod env: exclude registries from
 * decryption or put the CA in the node trust store.
 */
export class MitmCa extends Construct implements PreflightFactSource {
  /** The CA certificate chain (a Terraform reference). */
  public readonly certificateChain: string;
  /** The controller's CA id. */
  public readonly caId: string;
  public readonly resource?: DcfMitmCa;
  public readonly selection?: DcfMitmCaSelection;
  /** ConfigMaps by namespace (sorted). */
  public readonly configMaps: { readonly [namespace: string]: ConfigMapV1 } = {};
  /** What workloads should depend on (the ConfigMaps, and the selection when created). */
  public readonly dependable: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: MitmCaProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["select"]);
    if (typeof props.name !== "string" || props.name.trim() === "") {
      throw new ConstructPropsError(this, "name", props.name, `the CA's name on the controller`);
    }
    const uploading = props.certificateChain !== undefined || props.key !== undefined;
    if (uploading) {
      this.requireReference("certificateChain", props.certificateChain);
      this.requireReference("key", props.key);
      this.resource = new DcfMitmCa(this, "ca", {
        name: props.name,
        certificateChain: props.certificateChain!,
        key: props.key!,
        provider: props.aviatrixProvider,
      });
      this.certificateChain = this.resource.certificateChain;
      this.caId = this.resource.caId;
    } else {
      const existing = new DataAviatrixDcfMitmCa(this, "existing", { name: props.name, provider: props.aviatrixProvider });
      this.certificateChain = existing.certificateChain;
      this.caId = existing.caId;
    }
    if (props.select ?? uploading) {
      this.selection = new DcfMitmCaSelection(this, "selection", { caId: this.caId, provider: props.aviatrixProvider });
    }

    const namespaces = [...new Set(props.namespaces ?? [])].sort();
    for (const ns of namespaces) {
      if (Token.isUnresolved(ns) || !DNS1123_LABEL.test(ns)) {
        throw new ConstructPropsError(this, "namespaces", ns, `a literal namespace name (DNS-1123 label)`, `ConfigMap ids are derived from it`);
      }
      (this.configMaps as Record<string, ConfigMapV1>)[ns] = new ConfigMapV1(this, `configmap-${ns}`, {
        metadata: {
          name: MITM_CA_CONFIGMAP_NAME,
          namespace: ns,
          labels: { "app.kubernetes.io/managed-by": "vca-cdktf", "app.kubernetes.io/part-of": "aviatrix-dcf" },
        },
        data: terraformLiteralTree({ [MITM_CA_CONFIGMAP_KEY]: this.certificateChain }),
        provider: props.providers?.kubernetes,
        dependsOn: props.dependsOn,
      });
    }
    this.dependable = [...Object.values(this.configMaps), ...(this.selection ? [this.selection] : [])];
  }

  /**
   * Preflight: the DCF MITM CA (resource or data source) needs controller >= 9.0 (AVX-CTRL3); the
   * namespaces it is published to are where decrypting rules may take their sources (AVX-K8S6).
   * @internal
   */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    return [{ kind: "mitm-ca", namespaces: Object.keys(this.configMaps) }];
  }

  /** The ConfigMap for a namespace; fails when the namespace was not listed in `namespaces`. */
  public configMapFor(namespace: string): ConfigMapV1 {
    const cm = this.configMaps[namespace];
    if (!cm) {
      const known = Object.keys(this.configMaps);
      throw new ConstructPropsError(
        this,
        "namespaces",
        described(`no ConfigMap for namespace "${namespace}" (have: ${known.length ? known.join(", ") : "none"})`),
        `a list that names "${namespace}"`,
        "add it to namespaces",
      );
    }
    return cm;
  }

  /**
   * Volume, mount, env and annotation snippets. Node gets NODE_EXTRA_CA_CERTS (additive);
   * Python gets SSL_CERT_FILE/REQUESTS_CA_BUNDLE, which replace its trust store — fine when
   * DCF decrypts everything the pod reaches, not for no-decrypt destinations.
   * @param runtimes @default [NODE, PYTHON]
   * TypeScript-only: Kubernetes manifest fragments.
   * @jsii ignore
   */
  public trustSnippets(runtimes: CaTrustRuntime[] = [CaTrustRuntime.NODE, CaTrustRuntime.PYTHON]): CaTrustSnippets {
    return caTrustSnippets(runtimes, Fn.sha256(this.certificateChain));
  }

  private requireReference(prop: string, value: string | undefined): void {
    if (value === undefined) {
      throw new ConstructPropsError(
        this,
        prop,
        undefined,
        "both certificateChain and key to upload a CA (or neither, to look up an existing CA by name)",
        `set ${prop} or remove the other one`,
      );
    }
    if (typeof value !== "string" || !Token.isUnresolved(value)) {
      throw new ConstructPropsError(
        this,
        prop,
        described("a literal string"),
        "a sensitive TerraformVariable or a reference (e.g. a secrets-manager data source): literals would be written into cdk.tf.json",
      );
    }
  }
}

/** Snippets for a CA ConfigMap published by `MitmCa` (exported for workloads and tests). */
export function caTrustSnippets(runtimes: readonly CaTrustRuntime[], caHash: string): CaTrustSnippets {
  const file = `${MITM_CA_MOUNT_DIR}/${MITM_CA_CONFIGMAP_KEY}`;
  const env: Record<string, string> = {};
  for (const runtime of runtimes) {
    if (runtime === CaTrustRuntime.NODE) env.NODE_EXTRA_CA_CERTS = file;
    else if (runtime === CaTrustRuntime.PYTHON) {
      env.REQUESTS_CA_BUNDLE = file;
      env.SSL_CERT_FILE = file;
    } else throw new ConstructPropsError({ path: "MitmCa.trustSnippets()", construct: "MitmCa" }, "runtimes", runtime, `"node" or "python"`);
  }
  const sorted = sortedByKey(env);
  return {
    volume: {
      name: MITM_CA_CONFIGMAP_NAME,
      configMap: { name: MITM_CA_CONFIGMAP_NAME, items: [{ key: MITM_CA_CONFIGMAP_KEY, path: MITM_CA_CONFIGMAP_KEY }] },
    },
    volumeMount: { name: MITM_CA_CONFIGMAP_NAME, mountPath: MITM_CA_MOUNT_DIR, readOnly: true },
    env: sorted,
    envList: Object.entries(sorted).map(([name, value]) => ({ name, value })),
    podAnnotations: { [MITM_CA_HASH_ANNOTATION]: caHash },
  };
}
