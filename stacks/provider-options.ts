// Cloud provider configuration the caller sets on a stack (profile, assume-role, subscription,
// impersonation, ...) and the tags every taggable resource gets through the provider's default
// tags. The stacks fix only what they own (region / location / project); no tags by default.
import { IConstruct } from "constructs";
import type { AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import type { AzurermProviderConfig } from "@cdktf/provider-azurerm/lib/provider";
import type { GoogleProviderConfig } from "@cdktf/provider-google/lib/provider";
import { ConstructPropsError } from "../lib/core/construct-props-error";
import { sortedByKey } from "../lib/dcf/builder/canonical";

/** AWS provider settings except `region` (the stack's own prop). */
export type AwsProviderOptions = Omit<AwsProviderConfig, "region">;
/** azurerm provider settings except `features` (set by the stack). */
export type AzurermProviderOptions = Omit<AzurermProviderConfig, "features">;
/** google provider settings except `project` and `region` (the stack's own props). */
export type GoogleProviderOptions = Omit<GoogleProviderConfig, "project" | "region">;

const TAG_KEY = /^[\w.:/=+\-@ ]{1,128}$/;

/** Checks a tag map (literal keys, string values) and returns it with sorted keys, or undefined when empty. */
export function checkStackTags(scope: IConstruct, prop: string, tags: unknown): Record<string, string> | undefined {
  if (tags === undefined) return undefined;
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
    throw new ConstructPropsError(scope, prop, tags, "a map of tag name to value", 'e.g. { Owner: "platform-team" }');
  }
  for (const [k, v] of Object.entries(tags)) {
    if (!TAG_KEY.test(k) || typeof v !== "string") {
      throw new ConstructPropsError(
        scope,
        `${prop}.${k}`,
        v,
        "a string value under a tag key of 1-128 letters, digits, spaces and _.:/=+-@",
        "fix the key or the value",
      );
    }
  }
  return Object.keys(tags).length > 0 ? sortedByKey(tags as Record<string, string>) : undefined;
}

/** The AWS provider config: the caller's settings, the stack's region, `tags` as default tags. */
export function awsProviderConfig(scope: IConstruct, region: string, options: AwsProviderOptions | undefined, tags: unknown): AwsProviderConfig {
  const checked = checkStackTags(scope, "tags", tags);
  if (checked && options?.defaultTags !== undefined) {
    throw new ConstructPropsError(scope, "awsProvider.defaultTags", "both tags and awsProvider.defaultTags", "one of them", "move the tags into `tags`");
  }
  return { ...options, region, ...(checked ? { defaultTags: [{ tags: checked }] } : {}) };
}

/**
 * What `aws eks get-token` needs to act as the AWS provider: its profile and assume-role ARN
 * (a token minted as another principal would not map to the cluster access the stack set up).
 */
export function eksTokenIdentity(options: AwsProviderOptions | undefined): { profile?: string; roleArn?: string } {
  const roles = Array.isArray(options?.assumeRole) ? options!.assumeRole : [];
  const roleArn = roles.length > 0 ? roles[0].roleArn : undefined;
  return { ...(options?.profile !== undefined ? { profile: options.profile } : {}), ...(roleArn !== undefined ? { roleArn } : {}) };
}
