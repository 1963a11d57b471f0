// librechat-data-provider (LibreChat's zod schemas plus axios, dayjs, …) takes ~0.25 s to load, and
// its peer @tanstack/react-query brings React. It is an optional peer dependency: loaded on first
// use (LibreChat config validation), so apps and commands that never build a LibreChat egress model
// neither pay for it nor install it (docs/ARCHITECTURE.md §7 cold synth).
import type * as DataProvider from "librechat-data-provider";
import { MissingPeerDependencyError, missingPackageOf } from "../core/optional-peer";
import { PINNED_DATA_PROVIDER } from "./schema-version";

const PACKAGE = "librechat-data-provider";

export const dataProvider = (): typeof DataProvider => {
  try {
    return require(PACKAGE) as typeof DataProvider;
  } catch (err) {
    if (missingPackageOf(err) === PACKAGE) {
      throw new MissingPeerDependencyError(PACKAGE, "LibreChat config validation", `npm install --save-dev ${PACKAGE}@${PINNED_DATA_PROVIDER}`);
    }
    throw err;
  }
};
