// The Aviatrix provider, pinned to the controller it talks to. The provider only configures
// against a controller with the same major.minor (docs/research/aviatrix-provider-schema.md §7), so
// `required_providers.aviatrix.version` is derived from the controller version (`~> X.Y.Z`)
// instead of the version the bindings were generated from.
import { Construct, IConstruct } from "constructs";
import { TerraformStack, TerraformVariable, Token } from "../../core/cdktf";
import { ControllerVersion } from "../../core/controller-version";
import { AviatrixProvider as AviatrixProviderL1 } from "../../aviatrix/gen/providers/aviatrix/provider";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource } from "../../preflight/facts";
import { ensureSecretScan } from "../../secrets/terraform-scan";

const BRAND = Symbol.for("vca-cdktf.AviatrixProvider");

/**
 * Newest controller major this library knows of (the vendored provider schema is 10.0.1), plus one
 * for a release that is out but not vendored yet. Anything beyond is a typo ("99.0.0" for "9.0.0")
 * that would otherwise surface only at `terraform init` as an unsatisfiable `~> 99.0.0` pin.
 */
const NEWEST_PLAUSIBLE_CONTROLLER_MAJOR = 11;

/** Where the provider gets the controller address and login from. */
export type AviatrixCredentials = "variables" | "env";

/** Names of the Terraform variables created in `credentials: "variables"` mode. */
export const AVIATRIX_CREDENTIAL_VARIABLES = {
  controllerIp: "aviatrix_controller_ip",
  username: "aviatrix_username",
  password: "aviatrix_password",
} as const;

export interface AviatrixProviderProps {
  /** Version of the Aviatrix controller this stack deploys to, `X.Y` or `X.Y.Z` (e.g. "9.0.10"). */
  readonly controllerVersion: string;
  /**
   * How credentials not given as props are supplied.
   * - "variables": sensitive Terraform variables `aviatrix_controller_ip`, `aviatrix_username`,
   *   `aviatrix_password` (set them with TF_VAR_… or a tfvars file);
   * - "env": nothing is written; the provider reads AVIATRIX_CONTROLLER_IP / AVIATRIX_USERNAME /
   *   AVIATRIX_PASSWORD from its environment.
   * @default "variables"
   */
  readonly credentials?: AviatrixCredentials;
  /** Controller address (literal or token). @default - from `credentials` */
  readonly controllerIp?: string;
  /** Controller user (literal or token). @default - from `credentials` */
  readonly username?: string;
  /**
   * Controller password: must be a token (sensitive variable, secret reference) — literals would be
   * written into cdk.tf.json. @default - from `credentials`
   */
  readonly password?: string;
  /** Skip the provider's controller major.minor check. @default false - the provider checks */
  readonly skipVersionValidation?: boolean;
  /** Verify the controller's TLS certificate. @default - provider default (false) */
  readonly verifySslCertificate?: boolean;
  /** CA bundle path used with verifySslCertificate. @default - system trust store */
  readonly pathToCaCertificate?: string;
  /** Provider alias, for more than one controller in a stack. @default - the default provider */
  readonly alias?: string;
}

/**
 * The `aviatrix` provider, pinned `~> X.Y.Z` to the controller version; credentials never as
 * literals. Other constructs and preflight find it with `AviatrixProvider.of(scope)`.
 */
export class AviatrixProvider extends AviatrixProviderL1 implements PreflightFactSource {
  /** Brand check that works across duplicated package copies (no instanceof). */
  public static isAviatrixProvider(x: unknown): x is AviatrixProvider {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
  }

  /**
   * The AviatrixProvider of the stack containing `scope` (the un-aliased one when there are several),
   * or undefined when the stack has none.
   */
  public static of(scope: IConstruct): AviatrixProvider | undefined {
    const stack = TerraformStack.of(scope);
    // Providers are almost always direct children of the stack: look there first (cheap).
    let found = stack.node.children.filter(AviatrixProvider.isAviatrixProvider);
    if (found.length === 0) found = stack.node.findAll().filter(AviatrixProvider.isAviatrixProvider);
    return found.find((p) => p.alias === undefined) ?? found[0];
  }

  /** The controller version this provider is pinned to. */
  public readonly controllerVersion: ControllerVersion;
  /** The `required_providers` constraint written for this provider (`~> X.Y.Z`). */
  public readonly versionConstraint: string;

  constructor(scope: Construct, id: string, props: AviatrixProviderProps) {
    super(scope, id, {
      alias: props.alias,
      skipVersionValidation: props.skipVersionValidation,
      verifySslCertificate: props.verifySslCertificate,
      pathToCaCertificate: props.pathToCaCertificate,
    });
    ensureSecretScan(this);
    Object.defineProperty(this, BRAND, { value: true });
    try {
      this.controllerVersion = ControllerVersion.parse(props.controllerVersion, `[${this.node.path}] controllerVersion`);
    } catch {
      throw new ConstructPropsError(
        this,
        "controllerVersion",
        props.controllerVersion,
        `"X.Y" or "X.Y.Z" (e.g. "9.0.10")`,
        "use the controller version shown in CoPilot or the controller UI",
      );
    }
    if (this.controllerVersion.major > NEWEST_PLAUSIBLE_CONTROLLER_MAJOR) {
      throw new ConstructPropsError(
        this,
        "controllerVersion",
        props.controllerVersion,
        `a released Aviatrix controller version (major ≤ ${NEWEST_PLAUSIBLE_CONTROLLER_MAJOR}, e.g. "9.0.10")`,
        "use the controller version shown in CoPilot or the controller UI",
      );
    }
    this.versionConstraint = this.controllerVersion.providerConstraint();
    // cdktf writes providerVersion (first) into terraform.required_providers; replace the
    // generator's exact pin with the controller-derived constraint.
    (this as { terraformGeneratorMetadata?: AviatrixProviderL1["terraformGeneratorMetadata"] }).terraformGeneratorMetadata = {
      providerName: "aviatrix",
      providerVersion: this.versionConstraint,
      providerVersionConstraint: this.versionConstraint,
    };

    if (props.password !== undefined && !Token.isUnresolved(props.password)) {
      throw new ConstructPropsError(
        this,
        "password",
        described("a literal string"),
        "a token (sensitive TerraformVariable or secret reference)",
        `omit it to use the sensitive variable "${AVIATRIX_CREDENTIAL_VARIABLES.password}", or set credentials: "env"`,
      );
    }
    const credentials = props.credentials ?? "variables";
    if (credentials !== "variables" && credentials !== "env") {
      throw new ConstructPropsError(this, "credentials", credentials, `"variables" or "env"`);
    }
    const fromVariable = (name: string, description: string): string | undefined =>
      credentials === "variables" ? sensitiveVariable(this, name, description) : undefined;
    this.controllerIp = props.controllerIp ?? fromVariable(AVIATRIX_CREDENTIAL_VARIABLES.controllerIp, "Aviatrix controller IP or host name");
    this.username = props.username ?? fromVariable(AVIATRIX_CREDENTIAL_VARIABLES.username, "Aviatrix controller user name");
    this.password = props.password ?? fromVariable(AVIATRIX_CREDENTIAL_VARIABLES.password, "Aviatrix controller password");
  }

  /** Preflight: the controller release the stack targets. */
  /** @internal */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    return [{ kind: "aviatrix-provider", controllerVersion: this.controllerVersion.toString() }];
  }
}

/** A stack-level sensitive string variable, shared when several providers need the same one. */
function sensitiveVariable(scope: IConstruct, name: string, description: string): string {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(name);
  if (existing !== undefined) {
    // Brand-free check (no instanceof across package copies): a variable exposes stringValue.
    if (typeof (existing as Partial<TerraformVariable>).stringValue !== "string") {
      throw new ConstructPropsError(
        scope,
        "credentials",
        described(`a construct named "${name}" that is not a variable`),
        "a free id or a TerraformVariable",
        `rename that construct or pass the credential prop explicitly`,
      );
    }
    return (existing as TerraformVariable).stringValue;
  }
  return new TerraformVariable(stack, name, { type: "string", sensitive: true, description }).stringValue;
}
