// librechat-data-provider (LibreChat's zod schemas plus axios, dayjs, …) takes ~0.25 s to load.
// Load it on first use, so apps and `vca` commands that never build a LibreChat egress model do
// not pay for it at startup (docs/ARCHITECTURE.md §7 cold synth).
import type * as DataProvider from "librechat-data-provider";

export const dataProvider = (): typeof DataProvider => require("librechat-data-provider") as typeof DataProvider;
