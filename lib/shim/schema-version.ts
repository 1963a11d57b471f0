// Which librechat-data-provider schema validates a given LibreChat image. Only one schema package
// is installed (pinned in package.json); image tags whose release ships a different schema are
// rejected rather than validated against the wrong rules. Version map: research
// docs/research/librechat-shim.md §1.2 (Constants read from each published tarball).
import { UserInputError } from "../util/errors";
import { PROGRAM_NAME } from "../util/program-name";

/** The installed, pinned schema package. */
export const PINNED_DATA_PROVIDER = "0.8.524";
export const PINNED_CONFIG_VERSION = "1.3.17";

interface ReleaseSchema {
  readonly librechat: string;
  readonly dataProvider: string;
  readonly configVersion: string;
}

/** LibreChat releases with a known data-provider version (§1.2). */
export const KNOWN_RELEASES: readonly ReleaseSchema[] = [
  { librechat: "v0.8.5", dataProvider: "0.8.501", configVersion: "1.3.9" },
  { librechat: "v0.8.6-rc1", dataProvider: "0.8.502", configVersion: "1.3.11" },
  { librechat: "v0.8.8-rc1", dataProvider: "0.8.521", configVersion: "1.3.14" },
  { librechat: "v0.8.8-rc2", dataProvider: "0.8.522", configVersion: "1.3.15" },
  { librechat: "v0.8.8-rc3", dataProvider: "0.8.523", configVersion: "1.3.16" },
  { librechat: "v0.8.8-rc4", dataProvider: "0.8.524", configVersion: "1.3.17" },
];

export interface SchemaChoice {
  readonly dataProvider: string;
  readonly configVersion: string;
  /** The image tag it was chosen from; undefined = no tag given, the pinned schema is used. */
  readonly imageTag?: string;
}

/**
 * Maps an image tag to the schema used. No tag: the pinned schema. A tag of a release that ships
 * the pinned schema: accepted. A known release with another schema, a floating tag (`latest`) or
 * an unknown tag: a UserInputError naming the supported tags, so a PR is never validated against
 * the wrong release's rules.
 */
export function chooseSchema(imageTag: string | undefined, source: string): SchemaChoice {
  if (imageTag === undefined) return { dataProvider: PINNED_DATA_PROVIDER, configVersion: PINNED_CONFIG_VERSION };
  const tag = normaliseTag(imageTag);
  const supported = KNOWN_RELEASES.filter((r) => r.dataProvider === PINNED_DATA_PROVIDER).map((r) => r.librechat);
  const known = KNOWN_RELEASES.find((r) => r.librechat === tag);
  if (known && known.dataProvider === PINNED_DATA_PROVIDER) {
    return { dataProvider: known.dataProvider, configVersion: known.configVersion, imageTag };
  }
  if (known) {
    throw new UserInputError(
      `${source}: LibreChat image tag ${JSON.stringify(imageTag)} uses librechat-data-provider ${known.dataProvider} ` +
        `(config schema ${known.configVersion}); this ${PROGRAM_NAME} build validates with ${PINNED_DATA_PROVIDER} only ` +
        `(supported tags: ${supported.join(", ")}). Upgrade the image or use a ${PROGRAM_NAME} release pinned to ${known.dataProvider}.`,
    );
  }
  throw new UserInputError(
    `${source}: LibreChat image tag ${JSON.stringify(imageTag)} does not map to a known config schema ` +
      `(supported tags: ${supported.join(", ")}); pin the image to a release tag so the PR is validated against the schema that will run.`,
  );
}

function normaliseTag(tag: string): string {
  const t = tag.trim().split("@")[0];
  return t.startsWith("v") ? t : `v${t}`;
}
