// Aviatrix cloud_type ids and the cloud families the provider groups them into.
// Facts: provider 10.0.1 goaviatrix cloud types (lib/aviatrix/schema/provider-constraints.json
// cloud_type_ids; docs/research/aviatrix-provider-schema.md §6). "AWS related" = 1|256|1024,
// "Azure related" = 8|32|2048; many spoke gateway fields are valid for one family only.

/** The three cloud families a VCA spoke runs in; fields such as `zone` or `insane_mode_az` are per family. */
export enum CloudFamily {
  AWS = "aws",
  AZURE = "azure",
  GCP = "gcp",
}

/** A cloud an Aviatrix gateway can be launched in, with its `cloud_type` id. */
export class Cloud {
  /** AWS commercial (cloud_type 1). */
  public static readonly AWS = new Cloud("AWS", 1, CloudFamily.AWS);
  /** AWS GovCloud (cloud_type 256). */
  public static readonly AWS_GOV = new Cloud("AWSGov", 256, CloudFamily.AWS);
  /** AWS China (cloud_type 1024). */
  public static readonly AWS_CHINA = new Cloud("AWSChina", 1024, CloudFamily.AWS);
  /** Azure commercial (cloud_type 8). */
  public static readonly AZURE = new Cloud("Azure", 8, CloudFamily.AZURE);
  /** Azure Government (cloud_type 32). */
  public static readonly AZURE_GOV = new Cloud("AzureGov", 32, CloudFamily.AZURE);
  /** Azure China (cloud_type 2048). */
  public static readonly AZURE_CHINA = new Cloud("AzureChina", 2048, CloudFamily.AZURE);
  /** Google Cloud (cloud_type 4). */
  public static readonly GCP = new Cloud("GCP", 4, CloudFamily.GCP);

  /** Every cloud this library deploys gateways to, in cloud_type order. */
  public static all(): Cloud[] {
    return [Cloud.AWS, Cloud.GCP, Cloud.AZURE, Cloud.AZURE_GOV, Cloud.AWS_GOV, Cloud.AWS_CHINA, Cloud.AZURE_CHINA];
  }

  /** The cloud for an Aviatrix cloud_type id; undefined for ids this library does not deploy to (OCI, AliCloud, edge). */
  public static fromCloudType(id: number): Cloud | undefined {
    return Cloud.all().find((c) => c.cloudType === id);
  }

  private constructor(
    /** Name as the Aviatrix docs spell it (AWS, AWSGov, Azure, ...). */
    public readonly name: string,
    /** The provider's `cloud_type` value. */
    public readonly cloudType: number,
    /** Which family's per-cloud rules apply. */
    public readonly family: CloudFamily,
  ) {}

  public toString(): string {
    return `${this.name} (cloud_type ${this.cloudType})`;
  }
}
