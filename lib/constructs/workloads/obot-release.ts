// Obot release facts shared by the ObotPlatform construct and preflight's AVX-CTRL5, in a module
// of their own so the preflight rule catalogue (loaded by every stack) does not load the Obot
// construct, its Helm/Kubernetes bindings and js-yaml (docs/ARCHITECTURE.md §7 cold synth).

/** First Obot release that deploys network policy providers via Helm. */
export const OBOT_MIN_VERSION = "0.21.0";
