import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["build/", "dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The task pane page runs in the browser (inside Excel), not in Node.
    files: ["taskpane/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The product sees the catalogue as it is now, loaded templates included (templates/index.ts):
    // RUBRICS, SCHEMES… are the built-in ones only, for the tests and the build.
    files: ["src/**/*.ts", "src/**/*.tsx", "functions/**/*.ts", "taskpane/**/*.ts", "taskpane/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/templates/index"],
              importNames: ["RUBRICS", "SCHEMES", "KPI_SETS", "SUMMARIES", "FORMS", "ALL_TEMPLATES"],
              message: "Use rubrics(), schemes(), kpiSets(), summaries(), forms() or allTemplates(): they include loaded templates.",
            },
            {
              group: ["**/sheets/registry"],
              importNames: ["SHEET_TEMPLATES"],
              message: "Use sheetTemplates() or findSheetTemplate(): they include the sheets of loaded templates.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
