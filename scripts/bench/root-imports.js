// Preload for the "root imports" variant of the synth benchmark: the same stacks, but with the
// five prebuilt provider packages loaded through their package roots (what deep imports avoid).
"use strict";
for (const p of ["aws", "azurerm", "google", "helm", "kubernetes"]) require(`@cdktf/provider-${p}`);
