// ESLint (flat config) for the search JavaScript: the site's plain browser scripts,
// which also load in Node as modules (showcase-search-core.js), and their Node tests.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: [
      "node_modules/",
      "site/",
      "docs_generated/",
      "**/pagefind/",
      ".showcase-build/",
      ".site-build-*/",
      "test-artifacts/",
      "bench-out/"
    ]
  },
  js.configs.recommended,
  {
    files: ["site_templates/overrides/assets/javascripts/**/*.js", "generator/preview.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // showcase-search-core.js exports itself to Node when `module` exists.
        module: "readonly",
        Buffer: "readonly"
      }
    },
    rules: {
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "no-var": "off",
      strict: ["error", "function"]
    }
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.mjs"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...globals.node }
    }
  },
  {
    files: ["eslint.config.mjs"],
    languageOptions: { sourceType: "module" }
  }
];
