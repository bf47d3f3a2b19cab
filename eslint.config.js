import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".rerate/**", "web/dist/**", ".scratch/**"] },
  { languageOptions: { globals: { ...globals.node } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // src/core is pure: no I/O, no clock, no store/providers/app/cli/server (STYLE.md).
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["node:*", "fs", "fs/*", "path", "os", "http", "https", "net", "child_process", "worker_threads", "@duckdb/*"], message: "src/core must stay free of I/O." },
          { group: ["**/store/**", "**/providers/**", "**/app/**", "**/cli/**", "**/server/**"], message: "src/core may not depend on outer layers." },
        ],
      }],
      "no-restricted-globals": ["error", { name: "Date", message: "src/core takes asOf as an argument; no clock." }, { name: "process", message: "no process in src/core" }],
      "no-restricted-properties": ["error", { object: "Math", property: "random", message: "pass a seeded generator in" }],
    },
  },
);
