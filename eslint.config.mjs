// @ts-check
// Lint rules chosen for this code base: eslint's and typescript-eslint's recommended sets (no type
// information, so `npm run lint` stays well under 30 s), plus rules for bugs this project has
// had or guards against. Formatting is prettier's job (.prettierrc.json), not eslint's.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Provider package roots load every resource binding: deep imports only (docs/ARCHITECTURE.md, budgets). */
const PROVIDER_ROOTS = ["aws", "azurerm", "google", "helm", "kubernetes"].flatMap((p) => [`@cdktf/provider-${p}`, `@cdktn/provider-${p}`]);

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "build/**",
      "coverage/**",
      ".bench/**",
      ".*-dist/**",
      ".tmp-*/**",
      "node_modules/**",
      "cdktf.out/**",
      "lib/aviatrix/gen/**",
      "lib/config/gen/**",
      "**/*.d.ts",
      "test/fixtures/**",
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      // Lazy loading is a performance rule here: a `require` inside a function keeps a module out of
      // the process until it is used (lib/index.ts, examples/blueprints/app.ts).
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      // `==` only for the deliberate `x == null` (null or undefined).
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-restricted-imports": [
        "error",
        { paths: PROVIDER_ROOTS.map((name) => ({ name, message: "import the resource's module (e.g. @cdktf/provider-aws/lib/vpc), never the package root" })) },
      ],
      // Bugs that compile: a loop that can only run once, a self-comparison, a loop whose condition never changes.
      "no-unreachable-loop": "error",
      "no-self-compare": "error",
      "no-unmodified-loop-condition": "error",
      "no-constructor-return": "error",
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      // Tests read synthesized JSON, whose shape is the thing under test.
      "@typescript-eslint/no-explicit-any": "off",
      // A focused test silently skips the rest of the suite in CI.
      "no-restricted-properties": [
        "error",
        ...["describe", "test", "it"].map((object) => ({ object, property: "only", message: "remove .only: it skips every other test in the file" })),
      ],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    // `const crypto = require("crypto")` shadows Node's global of the same module: harmless.
    rules: { "@typescript-eslint/no-require-imports": "off", "no-redeclare": ["error", { builtinGlobals: false }] },
  },
  { files: ["**/*.mjs"], languageOptions: { sourceType: "module", globals: { ...globals.node } } },
);
