import type { IConstruct } from "constructs";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { DCF_MIN_VERSIONS } from "../../constructs/dcf/version-gates";
import { declaredController } from "./controller-helpers";

/**
 * Controller releases that first support a feature (docs/research/aviatrix-provider-schema.md §7,
 * docs/research/k8s-obot-crds.md §3.2, docs/research/librechat-shim.md): per-rule TLS decryption 8.2, MITM CA 9.0,
 * config_feature 8.2.10, LibreChat TLS decryption / URL-path visibility 9.0.
 */
export const FEATURE_MINIMUMS = {
  perRuleDecryption: "8.2.0",
  mitmCa: "9.0.0",
  configFeature: DCF_MIN_VERSIONS.configFeature,
  libreChatTlsDecryption: "9.0.0",
  libreChatUrlPathVisibility: "9.0.0",
} as const;

/** AVX-CTRL3: features the stack uses (decryption, MITM CA, feature flags, LibreChat visibility) exist in the declared release. */
export const featuresInRelease: PreflightRule = {
  id: "AVX-CTRL3",
  area: "CTRL",
  name: "features-in-controller-release",
  severity: "error",
  cause: "a DCF feature used by the stack needs a newer controller",
  explanation:
    "Per-rule TLS decryption needs controller 8.2; the DCF MITM CA and LibreChat TLS decryption / URL-path visibility need 9.0; " +
    "aviatrix_config_feature needs 8.2.10. Older controllers reject these at apply time or silently do not inspect.",
  fix: "raise controllerVersion (and upgrade the controller) or turn the feature off",
  suppressible: false,
  reads: "dcf-policy (rules with DECRYPT_ALLOWED), mitm-ca, dcf-feature and librechat facts",
  check(ctx): readonly RuleCheck[] {
    const uses: Array<{ node: IConstruct; feature: string; min: string }> = [];
    for (const { node, fact } of ctx.facts("dcf-policy")) {
      const decrypting = fact.model.rules.filter((r) => r.decryptPolicy === "DECRYPT_ALLOWED");
      if (decrypting.length) uses.push({ node, feature: `per-rule TLS decryption (rule ${decrypting[0].name})`, min: FEATURE_MINIMUMS.perRuleDecryption });
    }
    for (const { node } of ctx.facts("mitm-ca")) uses.push({ node, feature: "DCF MITM CA", min: FEATURE_MINIMUMS.mitmCa });
    for (const { node, fact } of ctx.facts("dcf-feature"))
      uses.push({ node, feature: `controller feature flag ${fact.feature} (aviatrix_config_feature)`, min: FEATURE_MINIMUMS.configFeature });
    for (const { node, fact } of ctx.facts("librechat")) {
      if (fact.tlsDecryption) uses.push({ node, feature: "LibreChat TLS decryption", min: FEATURE_MINIMUMS.libreChatTlsDecryption });
      if (fact.urlPathVisibility) uses.push({ node, feature: "LibreChat URL-path visibility", min: FEATURE_MINIMUMS.libreChatUrlPathVisibility });
    }
    if (!uses.length) return [];
    const lookup = declaredController(ctx, this.cause);
    if ("unavailable" in lookup) return [lookup.unavailable];
    return uses.map(({ node, feature, min }) => {
      return lookup.version.atLeast(min)
        ? pass(node, { findingId: feature })
        : fail(node, { findingId: feature, cause: `${feature} needs controller >= ${min}`, got: lookup.version.toString(), want: `>= ${min}` });
    });
  },
};
